import KaopingCheck
import KaopingStore
import KaopingSyntax

/// A literal written in a test table or an expectation, as a store value or a result value.
enum TestLiteral {
    /// The value of a literal cell for a column of logical type `type` (dates become instants in time
    /// columns and `YYYY-MM-DD` text in day columns); `nil` when the cell is not a literal.
    static func storeValue(_ expression: Expression, type: ColumnType?) -> SQLValue? {
        switch expression.kind {
        case .null: return .null
        case .number(let value, let isInteger): return isInteger ? .integer(Int64(value)) : .real(value)
        case .percent(let value): return .real(value)
        case .string(let text): return .text(text)
        case .boolean(let value): return .integer(value ? 1 : 0)
        case .unary("-", let operand):
            switch storeValue(operand, type: type) {
            case .integer(let value)?: return .integer(-value)
            case .real(let value)?: return .real(-value)
            default: return nil
            }
        case .date(let text):
            if text.contains("T") { return Checker.instant(text).map { type == .day ? .text(String(text.prefix(10))) : .integer($0) } }
            guard let day = CivilDay(text) else { return nil }
            return type == .day || type == .text ? .text(day.description) : .integer(day.startInstant)
        default: return nil
        }
    }

    /// The value an expectation compares with: numbers as doubles, text as text.
    static func resultValue(_ expression: Expression) -> Value? {
        switch storeValue(expression, type: nil) {
        case .null?: return .null
        case .integer(let value)?: return .real(Double(value))
        case .real(let value)?: return .real(value)
        case .text(let text)?: return .text(text)
        default: return nil
        }
    }
}
