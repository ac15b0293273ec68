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
