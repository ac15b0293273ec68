import KaopingCheck
import KaopingStore

/// `median` and `percentile` as the native evaluator defines them (`Accumulator.percentile`, PostgreSQL's
/// `percentile_cont`): of a center's non-NULL values sorted, the value at position P × (n − 1), counted from 0,
/// interpolated linearly between the two closest, `lower + (upper − lower) × (position − ⌊position⌋)`; NULL for
/// no values. SQLite has no ordered-set aggregates: each is a CTE `p<index>` that numbers the values with window
/// functions. Equal values are interchangeable, so ties need no order of their own.
extension SQLCompiler {
    /// Whether the aggregate is computed in a CTE of its own (`p<index>`) rather than in its scan's.
    func ownsCTE(_ index: Int) -> Bool {
        dialect == .sqlite && [.median, .percentile].contains(plan.aggregates[index].function)
    }

    /// The fraction P of a median or percentile, in [0, 1] as the native evaluator clamps it.
    func fraction(_ aggregate: AggregatePlan) -> Double {
        min(max(aggregate.function == .median ? 0.5 : (aggregate.fraction ?? 0.5), 0), 1)
    }

    /// `p<index> AS (SELECT center_id, a<index> …)`: the median or percentile of each center with values.
    func percentileCTE(_ index: Int, scan: TableScan) throws -> String {
        let aggregate = plan.aggregates[index]
        let row = RowContext.scan(scan)
        let argument = try aggregate.argument.map { try value($0, row: row) } ?? "NULL"
        var conditions = ["(\(argument)) IS NOT NULL"]
        if let filter = aggregate.filter { conditions.insert("(\(try truth(filter, row: row)))", at: 0) }
        let values =
            "SELECT t0.\(quoteIdentifier(scan.centerColumn)) AS center_id, (\(argument)) * 1.0 AS v"
            + (try rowsSQL(scan, conditions: conditions))
        let window = "OVER (PARTITION BY center_id)"
        let numbered =
            "SELECT center_id, v, row_number() OVER (PARTITION BY center_id ORDER BY v) AS k, count(*) \(window) AS n, "
            + "\(fraction(aggregate)) * (count(*) \(window) - 1) AS position FROM (\(values)) v0"
        let bounded =
            "SELECT center_id, v, k, position, CAST(position AS INTEGER) AS lower, "
            + "min(CAST(position AS INTEGER) + 1, n - 1) AS upper FROM (\(numbered)) v1"
        let low = "min(CASE WHEN k = lower + 1 THEN v END)"
        let high = "min(CASE WHEN k = upper + 1 THEN v END)"
        return
            "p\(index) AS (SELECT center_id, \(low) + (\(high) - \(low)) * (min(position) - min(lower)) AS \(quoteIdentifier("a\(index)")) "
            + "FROM (\(bounded)) v2 GROUP BY center_id)"
    }
}
