import KaopingCheck
import KaopingStore

/// One statement per table scan that gathers, grouped by center and by why a row is left out, everything the native
/// scan gathers: each aggregate's parts, the rows left out and why, and the rows against the period. Kaoping scores
/// what it returns with the native path's own code (`Accumulator`, `Evaluator`).
extension SQLCompiler {
    /// `SELECT center_id, reason, rows, [period_rows, before, after, earliest, latest,] then per aggregate of the
    /// scan, in `scan.aggregates` order, three columns (rows, hits, value) … GROUP BY center_id, reason`.
    ///
    /// `reason` is NULL for the rows the assessment admits, `''` for rows outside the period (left out silently), or
    /// the native `data_quality` reason of a row left out. The period columns count every row, whatever its reason.
    /// Per aggregate: `count` gives rows; `rate` rows and hits (rows where the condition holds); `sum` and `avg` the
    /// hits (non-NULL values) and their sum; `min` and `max` the hits and the least or greatest; `count_distinct`,
    /// `median` and `percentile` their value.
    public func gatherSQL(_ scan: TableScan) throws -> String {
        let center = "t0.\(quoteIdentifier(scan.centerColumn))"
        var columns = ["\(center) AS center_id", "\(try reasonSQL(scan)) AS reason", "count(*) AS row_count"]
        if let period = scan.periodColumn, let slot = scan.columns.firstIndex(of: period) {
            let isDay = scan.columnTypes[slot] == .day
            let value = isDay ? dialect.dayNumber("t0.\(quoteIdentifier(period))") : "t0.\(quoteIdentifier(period))"
            let (low, high) = periodBounds(isDay: isDay)
            let plausible = PlausibleTime.bounds(scan.columnTypes[slot]) ?? (-1e300, 1e300)
            let inside = "\(value) >= \(Int64(plausible.low)) AND \(value) < \(Int64(plausible.high))"
            columns += [
                "count(\(value))", "count(CASE WHEN \(value) < \(low) THEN 1 END)", "count(CASE WHEN \(value) >= \(high) THEN 1 END)",
                "min(CASE WHEN \(inside) THEN \(value) END)", "max(CASE WHEN \(inside) THEN \(value) END)",
            ]
        }
        for index in scan.aggregates {
            columns += try aggregateParts(plan.aggregates[index], scan: scan)
        }
        var sql =
            "SELECT \(columns.joined(separator: ", ")) FROM \(quoteIdentifier(scan.table)) t0"
            + JoinAliases(scan.joins).clauses(quote: quoteIdentifier)
        sql += " LEFT JOIN \(quoteIdentifier("centers")) cc ON cc.\(quoteIdentifier("id")) = \(center)"
        return sql + " GROUP BY 1, 2"
    }

    /// The period as stored: day numbers for a `day` column, instants otherwise.
    private func periodBounds(isDay: Bool) -> (Int64, Int64) {
        if isDay { return (Int64(plan.periodStart), Int64(plan.periodEnd + 1)) }
        return (CivilDay(number: plan.periodStart).startInstant, CivilDay(number: plan.periodEnd + 1).startInstant)
    }

    /// Why a row is left out, in the order the native scan asks (`MorselReader.admit`).
    private func reasonSQL(_ scan: TableScan) throws -> String {
        let center = "t0.\(quoteIdentifier(scan.centerColumn))"
        var arms = [
            "WHEN \(center) IS NULL THEN \(quoteLiteral("\(scan.centerColumn) is NULL"))",
            "WHEN cc.\(quoteIdentifier("id")) IS NULL THEN \(quoteLiteral("\(scan.centerColumn) names no center"))",
        ]
        if CanonicalSchema.table(scan.table) == nil {
            for (column, type) in zip(scan.columns, scan.columnTypes) where !column.contains(".") && column != scan.centerColumn {
                guard let typed = dialect.ofType("t0.\(quoteIdentifier(column))", type) else { continue }
                // Only a flag can hold a value not of its type in a typed column (the native reason's text).
                arms.append("WHEN NOT \(typed) THEN \(quoteLiteral("\(column) is not 0 or 1"))")
            }
        }
        if let period = scan.periodColumn, let slot = scan.columns.firstIndex(of: period) {
            let isDay = scan.columnTypes[slot] == .day
            let value = isDay ? dialect.dayNumber("t0.\(quoteIdentifier(period))") : "t0.\(quoteIdentifier(period))"
            let (low, high) = periodBounds(isDay: isDay)
            arms.append("WHEN \(value) IS NULL THEN \(quoteLiteral("\(period) is NULL"))")
            arms.append("WHEN \(value) < \(low) OR \(value) >= \(high) THEN ''")
        }
        for (column, type) in zip(scan.columns, scan.columnTypes) where column != scan.periodColumn && !column.contains(".") {
            guard let bounds = PlausibleTime.bounds(type) else { continue }
            let stored = "t0.\(quoteIdentifier(column))"
            let value = type == .day ? dialect.dayNumber(stored) : stored
            arms.append(
                "WHEN \(value) < \(Int64(bounds.low)) OR \(value) >= \(Int64(bounds.high)) THEN \(quoteLiteral(PlausibleTime.reason(column)))"
            )
        }
        for pair in CanonicalSchema.orderedTimes[scan.table] ?? []
        where scan.columns.contains(pair.earlier) && scan.columns.contains(pair.later) {
            let earlier = "t0.\(quoteIdentifier(pair.earlier))"
            let later = "t0.\(quoteIdentifier(pair.later))"
            arms.append("WHEN \(later) < \(earlier) THEN \(quoteLiteral("\(pair.later) before \(pair.earlier)"))")
        }
        return "(CASE \(arms.joined(separator: " ")) END)"
    }

    /// The three columns of one aggregate: rows, hits, value (NULL where the function has no such part).
    private func aggregateParts(_ aggregate: AggregatePlan, scan: TableScan) throws -> [String] {
        let row = RowContext.scan(scan)
        let filter = try aggregate.filter.map { try truth($0, row: row) }
        let rows = filter.map { "count(CASE WHEN \($0) THEN 1 END)" } ?? "count(*)"
        let real = dialect == .sqlite ? "REAL" : "double precision"
        func when(_ value: String) -> String { filter.map { "CASE WHEN \($0) THEN \(value) END" } ?? value }
        let argument = try aggregate.argument.map { try value($0, row: row) } ?? "NULL"
        switch aggregate.function {
        case .count:
            return [rows, "NULL", "NULL"]
        case .rate:
            let hit = try aggregate.argument.map { try truth($0, row: row) } ?? "1 = 1"
            return [rows, "count(CASE WHEN \(filter.map { "(\($0)) AND " } ?? "")(\(hit)) THEN 1 END)", "NULL"]
        case .sum, .avg:
            return ["NULL", "count(\(when(argument)))", "sum(CAST(\(when(argument)) AS \(real)))"]
        case .min, .max:
            return ["NULL", "count(\(when(argument)))", "\(aggregate.function.rawValue)(CAST(\(when(argument)) AS \(real)))"]
        case .countDistinct:
            return ["NULL", "NULL", "count(DISTINCT \(when(argument)))"]
        case .median, .percentile:
            guard dialect == .postgresql else { throw SQLUnsupported(construct: "\(aggregate.function.rawValue)()", dialect: dialect) }
            let fraction = aggregate.function == .median ? 0.5 : (aggregate.fraction ?? 0.5)
            return ["NULL", "NULL", "percentile_cont(\(fraction)) WITHIN GROUP (ORDER BY CAST(\(when(argument)) AS \(real)))"]
        }
    }
}
