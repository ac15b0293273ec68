import KaopingCheck
import KaopingStore

/// Compiles a checked plan into one SELECT that computes, in the database alone, one row per assessed
/// center and indicator: `center_code`, `indicator`, `population`, `numerator`, `measure`.
///
/// Every identifier is quoted and every constant is a SQL literal, so nothing from a rule file can change
/// the statement's shape. Working days count rows of the store's `calendar`, the center's region's over the
/// province's (see `SQLCompiler+Calendar`).
public struct SQLCompiler {
    let plan: Plan
    let dialect: SQLDialect

    public init(plan: Plan, dialect: SQLDialect) {
        self.plan = plan
        self.dialect = dialect
    }

    /// The statement.
    /// - Throws: `SQLUnsupported` for a construct the dialect cannot express: every construct of the rule language
    ///   has a form in both dialects, so only a plan the checker does not make (a score expression in a measure).
    public func compile() throws -> String {
        var ctes = [try assessedCTE()]
        for (index, scan) in plan.scans.enumerated() {
            ctes.append("s\(index) AS (\(try scanSQL(scan)))")
            for aggregate in scan.aggregates where referenced.contains(aggregate) && ownsCTE(aggregate) {
                ctes.append(try percentileCTE(aggregate, scan: scan))
            }
        }
        var selects: [String] = []
        for indicator in plan.indicators {
            let population = try indicator.population.map { try aggregateColumn($0) } ?? "NULL"
            let numerator = try indicator.numerator.map { try aggregateColumn($0) } ?? "NULL"
            let measure = try value(indicator.measure, row: nil)
            // Typed casts: PostgreSQL types a bare NULL in a UNION as text.
            let integer = dialect == .sqlite ? "INTEGER" : "bigint"
            let real = dialect == .sqlite ? "REAL" : "double precision"
            selects.append(
                "SELECT a.\(quoteIdentifier("c1")) AS center_code, \(quoteLiteral(indicator.id)) AS indicator, "
                    + "CAST(\(population) AS \(integer)) AS population, CAST(\(numerator) AS \(integer)) AS numerator, "
                    + "CAST(\(measure) AS \(real)) AS measure FROM assessed a" + scanJoins())
        }
        guard !selects.isEmpty else {
            return "WITH " + ctes.joined(separator: ",\n")
                + "\nSELECT NULL AS center_code, NULL AS indicator, NULL AS population, NULL AS numerator, NULL AS measure WHERE 1 = 0"
        }
        return "WITH " + ctes.joined(separator: ",\n") + "\n" + selects.joined(separator: "\nUNION ALL\n")
            + "\nORDER BY center_code, indicator"
    }

    /// `assessed AS (SELECT c0, c1, … FROM centers …)`: the assessed centers, their columns `c0` (id), `c1` (code) ….
    func assessedCTE() throws -> String {
        let centerList = plan.centerColumns.enumerated().map { index, column in
            "\(columnSQL(path: column, joins: plan.centerJoins)) AS \(quoteIdentifier("c\(index)"))"
        }.joined(separator: ", ")
        var assessed = "SELECT \(centerList) FROM \(quoteIdentifier("centers")) t0" + joinSQL(plan.centerJoins)
        if let filter = plan.assessFilter {
            assessed += " WHERE " + (try truth(filter, row: .centers))
        }
        return "assessed AS (\(assessed))"
    }

    // MARK: Scans

    func scanJoins() -> String {
        let own = plan.scans.flatMap(\.aggregates).filter { referenced.contains($0) && ownsCTE($0) }
        return plan.scans.indices.map { " LEFT JOIN s\($0) ON s\($0).center_id = a.\(quoteIdentifier("c0"))" }.joined()
            + own.map { " LEFT JOIN p\($0) ON p\($0).center_id = a.\(quoteIdentifier("c0"))" }.joined()
    }

    /// `SELECT center_id, aggregate, … FROM table … WHERE period and order checks GROUP BY center_id`.
    /// The aggregates the output reads: the indicators' populations, numerators and measures (vetoes and
    /// adjustments are not part of the statement's output).
    var referenced: Set<Int> {
        var indices: Set<Int> = []
        func collect(_ expression: TypedExpression) {
            switch expression {
            case .aggregate(let index): indices.insert(index)
            case .negate(let operand), .not(let operand), .dayOf(let operand), .addWorkdays(let operand, _), .isNull(let operand, _),
                .inList(let operand, _, _), .matches(let operand, _):
                collect(operand)
            case .arithmetic(_, let lhs, let rhs), .compare(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs),
                .workdays(let lhs, let rhs), .addWorkdaysBy(let lhs, let rhs):
                collect(lhs)
                collect(rhs)
            case .match(let subject, let arms, let otherwise):
                subject.map(collect)
                arms.forEach {
                    collect($0.pattern); collect($0.result)
                }
                collect(otherwise)
            case .function(_, let arguments): arguments.forEach(collect)
            default: break
            }
        }
        for indicator in plan.indicators {
            if let population = indicator.population { indices.insert(population) }
            if let numerator = indicator.numerator { indices.insert(numerator) }
            collect(indicator.measure)
        }
        return indices
    }

    private func scanSQL(_ scan: TableScan) throws -> String {
        var columns = ["t0.\(quoteIdentifier(scan.centerColumn)) AS center_id"]
        let needed = referenced
        for index in scan.aggregates where needed.contains(index) && !ownsCTE(index) {
            columns.append("\(try aggregateSQL(plan.aggregates[index], scan: scan)) AS \(quoteIdentifier("a\(index)"))")
        }
        return "SELECT \(columns.joined(separator: ", "))" + (try rowsSQL(scan)) + " GROUP BY t0.\(quoteIdentifier(scan.centerColumn))"
    }

    /// `FROM table t0 … WHERE …`: the rows of `scan` the native scan admits (in the period, times in order and
    /// plausible, values of their type), each with its joined rows and its center as `cc`; `join` and `conditions`
    /// add a join and conditions of the caller's.
    func rowsSQL(_ scan: TableScan, join: String = "", conditions extra: [String] = []) throws -> String {
        var sql = " FROM \(quoteIdentifier(scan.table)) t0" + joinSQL(scan.joins)
        sql += " LEFT JOIN \(quoteIdentifier("centers")) cc ON cc.\(quoteIdentifier("id")) = t0.\(quoteIdentifier(scan.centerColumn))"
        sql += join
        var conditions: [String] = []
        if let period = scan.periodColumn {
            let column = "t0.\(quoteIdentifier(period))"
            conditions.append("\(column) >= \(CivilDay(number: plan.periodStart).startInstant)")
            conditions.append("\(column) < \(CivilDay(number: plan.periodEnd + 1).startInstant)")
        }
        for pair in CanonicalSchema.orderedTimes[scan.table] ?? []
        where scan.columns.contains(pair.earlier) && scan.columns.contains(pair.later) {
            let earlier = "t0.\(quoteIdentifier(pair.earlier))"
            let later = "t0.\(quoteIdentifier(pair.later))"
            conditions.append("NOT (\(earlier) IS NOT NULL AND \(later) IS NOT NULL AND \(later) < \(earlier))")
        }
        // A time or day outside 1970–2100 leaves its row out, as the native scan does (see `PlausibleTime`).
        for (column, type) in zip(scan.columns, scan.columnTypes) where column != scan.periodColumn && !column.contains(".") {
            guard let bounds = PlausibleTime.bounds(type) else { continue }
            let stored = "t0.\(quoteIdentifier(column))"
            let quoted = type == .day ? dialect.dayNumber(stored) : stored
            conditions.append("NOT (\(quoted) IS NOT NULL AND (\(quoted) < \(Int64(bounds.low)) OR \(quoted) >= \(Int64(bounds.high))))")
        }
        // A value of an extra table not of its column's type leaves its row out, as the native scan does; it is
        // checked before any other condition reads it (a canonical table's CHECKs are verified).
        if CanonicalSchema.table(scan.table) == nil {
            let typed = zip(scan.columns, scan.columnTypes).compactMap { column, type in
                column.contains(".") ? nil : dialect.ofType("t0.\(quoteIdentifier(column))", type)
            }
            conditions.insert(contentsOf: typed, at: 0)
        }
        conditions += extra
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return sql
    }

    private func aggregateSQL(_ aggregate: AggregatePlan, scan: TableScan) throws -> String {
        let row = RowContext.scan(scan)
        let filter = try aggregate.filter.map { try truth($0, row: row) }
        func when(_ value: String) -> String {
            filter.map { "CASE WHEN \($0) THEN \(value) END" } ?? value
        }
        switch aggregate.function {
        case .count:
            return filter.map { "count(CASE WHEN \($0) THEN 1 END)" } ?? "count(*)"
        case .rate:
            let hit = try aggregate.argument.map { try truth($0, row: row) } ?? "1 = 1"
            let rows = filter.map { "count(CASE WHEN \($0) THEN 1 END)" } ?? "count(*)"
            let hits = "count(CASE WHEN \(filter.map { "(\($0)) AND " } ?? "")(\(hit)) THEN 1 END)"
            return "(CASE WHEN \(rows) = 0 THEN NULL ELSE \(hits) * 1.0 / \(rows) END)"
        case .sum, .avg, .min, .max:
            let argument = try aggregate.argument.map { try value($0, row: row) } ?? "NULL"
            return "\(aggregate.function.rawValue)(\(when(argument)) * 1.0)"
        case .countDistinct:
            let argument = try aggregate.argument.map { try value($0, row: row) } ?? "NULL"
            return "count(DISTINCT \(when(argument)))"
        case .median, .percentile:
            // SQLite computes these in a CTE of their own (`percentileCTE`).
            let argument = try aggregate.argument.map { try value($0, row: row) } ?? "NULL"
            return "percentile_cont(\(fraction(aggregate))) WITHIN GROUP (ORDER BY (\(when(argument)))::float8)"
        }
    }

    /// An aggregate's value for the center row of the final SELECT (counts of centers with no rows are 0).
    func aggregateColumnReference(_ index: Int) throws -> String {
        try aggregateColumn(index)
    }

    private func aggregateColumn(_ index: Int) throws -> String {
        guard let scan = plan.scans.firstIndex(where: { $0.aggregates.contains(index) }) else { return "NULL" }
        if ownsCTE(index) { return "p\(index).\(quoteIdentifier("a\(index)"))" }
        let column = "s\(scan).\(quoteIdentifier("a\(index)"))"
        switch plan.aggregates[index].function {
        case .count, .countDistinct: return "COALESCE(\(column), 0)"
        default: return column
        }
    }

    private func joinSQL(_ joins: [JoinPlan]) -> String {
        JoinAliases(joins).clauses(quote: quoteIdentifier)
    }

    private func columnSQL(path: String, joins: [JoinPlan]) -> String {
        JoinAliases(joins).reference(path, quote: quoteIdentifier)
    }
}
