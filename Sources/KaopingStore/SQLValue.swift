/// A value stored in or read from a SQLite column.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The integer, if this is one.
    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The text, if this is text.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The number as a double, if this is an integer or a real.
    public var double: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        default: return nil
        }
    }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension Optional where Wrapped == Int64 {
    /// The optional integer as a SQL value (`NULL` when absent).
    public var sql: SQLValue { map(SQLValue.integer) ?? .null }
}

extension Optional where Wrapped == String {
    /// The optional text as a SQL value (`NULL` when absent).
    public var sql: SQLValue { map(SQLValue.text) ?? .null }
}
