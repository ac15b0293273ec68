import KaopingCheck

/// The SQL engines a plan compiles to.
public enum SQLDialect: String, Sendable, CaseIterable {
    case sqlite
    case postgresql

    /// The `YYYY-MM-DD` text of the day (China time) of an instant in Unix seconds.
    func dayText(_ instant: String) -> String {
        switch self {
        case .sqlite: return "date((\(instant)) + 28800, 'unixepoch')"
        case .postgresql: return "to_char(to_timestamp((\(instant)) + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
        }
    }

    /// The day number (days since 1970-01-01) of a `YYYY-MM-DD` text.
    func dayNumber(_ text: String) -> String {
        switch self {
        case .sqlite: return "CAST(julianday(\(text)) - 2440587.5 AS INTEGER)"
        case .postgresql: return "((\(text))::date - DATE '1970-01-01')"
        }
    }

    /// The condition that `column`'s stored value is of `type` (or NULL), where the dialect can store one that is
    /// not: in SQLite, a number, time or flag column holding text or a BLOB, a flag other than 0 or 1, a day that
    /// is no `YYYY-MM-DD` date; in PostgreSQL, whose columns are typed, a flag other than 0 or 1.
    func ofType(_ column: String, _ type: ValueType) -> String? {
        let number = "typeof(\(column)) IN ('integer', 'real')"
        switch (self, type) {
        case (.sqlite, .integer), (.sqlite, .real), (.sqlite, .time): return "(\(column) IS NULL OR \(number))"
        case (.sqlite, .flag): return "(\(column) IS NULL OR (\(number) AND \(column) IN (0, 1)))"
        case (.sqlite, .day): return "(\(column) IS NULL OR (typeof(\(column)) = 'text' AND date(\(column), '+0 days') IS \(column)))"
        case (.postgresql, .flag): return "(\(column) IS NULL OR \(column) IN (0, 1))"
        default: return nil
        }
    }

    /// A truth value used as a number (0 or 1, NULL stays NULL).
    func number(ofTruth truth: String) -> String {
        "(CASE WHEN \(truth) THEN 1 WHEN NOT (\(truth)) THEN 0 END)"
    }
}

/// A construct of the plan that one dialect cannot express.
public struct SQLUnsupported: Error, Equatable, CustomStringConvertible {
    public let construct: String
    public let dialect: SQLDialect

    public var description: String {
        "\(construct) cannot be expressed in \(dialect.rawValue) SQL"
    }
}
