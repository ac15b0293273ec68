import KaopingStore

/// Which records of an indicator cost a center points, and what to show of each (issue 20): planned for an
/// indicator whose measure is one `rate`, `count` or `sum` over a table, found in the scan that computes it.
public struct EvidencePlan: Sendable, Equatable {
    /// Which rows are the evidence.
    public enum Rows: String, Sendable, Equatable {
        /// The population rows whose condition is not true: a `rate` where more is better.
        case failing
        /// The rows the aggregate counts: a `rate` or `count` where more is worse, or a `sum`'s rows of a value other
        /// than 0 (each finding that deducts).
        case counted
    }

    /// The aggregate the measure is.
    public var aggregate: Int
    public var rows: Rows
    /// The table's natural key (`case_no`, `review_no`, `id`…; `rowid` for an extra table), by which records are
    /// named and the first ones chosen.
    public var key: String
    /// What each record shows: the columns its condition reads, then the sub-expressions it compares, as written.
    public var labels: [EvidenceLabel]
}

/// One value a record shows: its text as the rule file writes it, the expression that computes it over the scanned
/// row, and its type (a time is shown as China-time text).
public struct EvidenceLabel: Sendable, Equatable {
    public var text: String
    public var expression: TypedExpression
    public var type: ValueType
}

extension EvidencePlan {
    /// The natural key of a table's rows within one center: the column that names a record.
    public static func key(of table: String) -> String {
        switch table {
        case "centers": return "code"
        case "integrations": return "system"
        case "items": return "item_code"
        case "cases": return "case_no"
        case "reviews": return "review_no"
        case "inspections", "complaints": return "id"
        default: return "rowid"
        }
    }
}
