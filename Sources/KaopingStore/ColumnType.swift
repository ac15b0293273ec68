/// The logical type of a store column, as rule files see it.
///
/// SQLite stores only integers, reals and text; the logical type says how a rule may use the value:
/// a `time` is Unix seconds compared with dates and counted in working days, a `flag` is a 0/1 truth value,
/// a `code` is text from a fixed list.
public enum ColumnType: String, Sendable, Equatable, Hashable, CaseIterable {
    /// A whole number.
    case integer
    /// A number with a fraction.
    case real
    /// Free text.
    case text
    /// Text from a fixed list of codes (a CHECK constraint lists them).
    case code
    /// An instant, stored as Unix seconds (INTEGER); days are dates in China time (UTC+8).
    case time
    /// A calendar day, stored as `YYYY-MM-DD` text.
    case day
    /// A truth value, stored as INTEGER 0 or 1.
    case flag

    /// The SQLite type name used in the DDL.
    public var sqlType: String {
        switch self {
        case .integer, .time, .flag: return "INTEGER"
        case .real: return "REAL"
        case .text, .code, .day: return "TEXT"
        }
    }
}
