import CSQLite

/// What a canonical column's CHECKs admit, checked in Swift on a value as SQLite stores it — its storage class and
/// its integer or bytes — so that a pass that reads every row anyway (the data digest) verifies them for free.
/// It mirrors the DDL of `ColumnSpec.checks`: a test holds the two to the same answers on probe values.
public struct ColumnRule: Sendable {
    enum Kind: Sendable {
        /// `typeof(x) = 'integer'` (integers and times).
        case integer
        /// `x IN (0, 1)`.
        case flag
        /// `x IN ('a', 'b', …)`: the codes' UTF-8 bytes.
        case code([[UInt8]])
        /// `x GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`.
        case day
        /// No check of the type (real and text columns).
        case any
    }

    let kind: Kind
    /// `x >= N` or `x BETWEEN N AND M`, on an integer.
    let bounds: ClosedRange<Int64>?
    /// `x GLOB '[0-9]…'`: exactly this many ASCII digits.
    let digits: Int?

    /// The rule of `column`, or `nil` when it has no CHECK. Each CHECK written in `constraint` is one of the forms
    /// above (`ColumnRuleTests` holds every canonical column to it).
    public init?(_ column: ColumnSpec) {
        switch column.type {
        case .integer, .time: kind = .integer
        case .flag: kind = .flag
        case .code: kind = .code(column.codes.map { Array($0.utf8) })
        case .day: kind = .day
        case .real, .text: kind = .any
        }
        bounds = ColumnRule.bounds(in: column.constraint)
        digits = ColumnRule.digits(in: column.constraint)
        if case .any = kind, bounds == nil, digits == nil { return nil }
    }

    /// Whether the value of column `index` of the statement's current row passes every CHECK of the column (NULL
    /// always does: a CHECK that is NULL holds).
    public func admits(_ statement: OpaquePointer, _ index: Int32) -> Bool {
        sqlite3_column_value(statement, index).map(admits) ?? true
    }

    /// Whether a value, as SQLite holds it (a column of a row read, or a trigger's NEW value), passes every CHECK
    /// of the column.
    public func admits(_ value: OpaquePointer) -> Bool {
        let storage = sqlite3_value_type(value)
        if storage == SQLITE_NULL { return true }
        let integer = storage == SQLITE_INTEGER ? sqlite3_value_int64(value) : 0
        switch kind {
        case .integer: guard storage == SQLITE_INTEGER else { return false }
        case .flag: guard storage == SQLITE_INTEGER, integer == 0 || integer == 1 else { return false }
        case .code(let codes):
            guard storage == SQLITE_TEXT else { return false }
            let text = bytes(value)
            guard codes.contains(where: { $0.elementsEqual(text) }) else { return false }
        case .day:
            guard storage == SQLITE_TEXT, ColumnRule.isDayPattern(bytes(value)) else { return false }
        case .any: break
        }
        if let bounds {
            // Only integers reach here with a bound: text and reals fail the integer check first.
            guard storage == SQLITE_INTEGER, bounds.contains(integer) else { return false }
        }
        if let digits {
            // GLOB matches text, and an integer as its decimal text; never a BLOB.
            let text = storage == SQLITE_INTEGER ? Array(String(integer).utf8) : Array(bytes(value))
            guard storage == SQLITE_TEXT || storage == SQLITE_INTEGER, text.count == digits,
                text.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            else { return false }
        }
        return true
    }

    private func bytes(_ value: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        let pointer = sqlite3_value_text(value)
        return UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : Int(sqlite3_value_bytes(value)))
    }

    /// `[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]`, as GLOB matches it.
    static func isDayPattern(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count == 10, text[4] == 0x2D, text[7] == 0x2D else { return false }
        let digit = { (index: Int, high: UInt8) in text[index] >= 0x30 && text[index] <= high }
        return [0, 1, 2, 3, 6, 9].allSatisfy { digit($0, 0x39) } && digit(5, 0x31) && digit(8, 0x33)
    }

    /// The bound a `CHECK (… x >= N)` or `CHECK (x BETWEEN N AND M)` gives.
    static func bounds(in constraint: String) -> ClosedRange<Int64>? {
        let words = constraint.replacingOccurrences(of: ")", with: " ").split(separator: " ")
        if let at = words.firstIndex(of: "BETWEEN"), at + 3 < words.count, let low = Int64(words[at + 1]), let high = Int64(words[at + 3]) {
            return low...high
        }
        if let at = words.firstIndex(of: ">="), at + 1 < words.count, let low = Int64(words[at + 1]) { return low...Int64.max }
        return nil
    }

    /// The number of digits a `CHECK (… x GLOB '[0-9]…')` asks for.
    static func digits(in constraint: String) -> Int? {
        guard let start = constraint.range(of: "GLOB '")?.upperBound, let end = constraint[start...].firstIndex(of: "'") else { return nil }
        let pattern = constraint[start..<end]
        let count = pattern.components(separatedBy: "[0-9]").count - 1
        return pattern == String(repeating: "[0-9]", count: count)[...] ? count : nil
    }
}
