import KaopingCheck
import KaopingPostgres
import KaopingSQL
import KaopingStore

/// Gathers one table scan in PostgreSQL: one statement (`SQLCompiler.gatherSQL`) computes, grouped by center and
/// by why a row is left out, every aggregate's parts, the rows left out and the rows against the period; this
/// turns its rows into what the native scan gives (`Accumulator` values, `DataQuality`).
struct PostgresGatherer {
    let plan: Plan
    let scan: TableScan
    let centers: CenterTable

    /// The scan's aggregate values per center and its data quality.
    /// - Throws: `PostgresError` when the server refuses the statement; `SQLUnsupported` for a construct the
    ///   PostgreSQL dialect cannot express.
    func gather(on connection: PostgresConnection) throws -> (values: [Int: [Value]], quality: DataQuality) {
        let sql = try SQLCompiler(plan: plan, dialect: .postgresql).gatherSQL(scan)
        let aggregates = scan.aggregates.map { plan.aggregates[$0] }
        var values = aggregates.map { aggregate in [Value](repeating: Accumulator().value(aggregate), count: centers.count) }
        var quality = DataQuality()
        for row in try connection.query(sql) {
            let id = row[0].flatMap { Int64($0) }
            let rows = Int(row[2] ?? "") ?? 0
            var column = 3
            if scan.periodColumn != nil {
                quality.periodRows += Int(row[3] ?? "") ?? 0
                quality.before += Int(row[4] ?? "") ?? 0
                quality.after += Int(row[5] ?? "") ?? 0
                if let earliest = row[6].flatMap(Double.init) { quality.earliest = min(quality.earliest ?? earliest, earliest) }
                if let latest = row[7].flatMap(Double.init) { quality.latest = max(quality.latest ?? latest, latest) }
                column = 8
            }
            let number = id.map { centers.dense($0) }
            if let reason = row[1] {
                // Rows of units not assessed are left out silently, as are rows outside the period (reason '').
                if !reason.isEmpty && number != CenterTable.notAssessed { quality.add(reason, rows) }
                continue
            }
            guard let number, number >= 0 else { continue }
            for (position, aggregate) in aggregates.enumerated() {
                let parts = row[column..<column + 3].map { $0 }
                values[position][Int(number)] = PostgresGatherer.value(aggregate, rows: parts[0], hits: parts[1], value: parts[2])
                column += 3
            }
        }
        var byIndex: [Int: [Value]] = [:]
        for (position, index) in scan.aggregates.enumerated() { byIndex[index] = values[position] }
        return (byIndex, quality)
    }

    /// An aggregate's value from the parts the statement returns, by the native `Accumulator`'s own arithmetic.
    static func value(_ aggregate: AggregatePlan, rows: String?, hits: String?, value: String?) -> Value {
        switch aggregate.function {
        case .countDistinct:
            return .integer(value.flatMap { Int64($0) } ?? 0)
        case .median, .percentile:
            return value.flatMap(Double.init).map(Value.real) ?? .null
        default:
            var accumulator = Accumulator()
            accumulator.rows = rows.flatMap { Int($0) } ?? 0
            accumulator.hits = hits.flatMap { Int($0) } ?? 0
            let number = value.flatMap(Double.init) ?? 0
            (accumulator.sum, accumulator.minimum, accumulator.maximum) = (number, number, number)
            return accumulator.value(aggregate)
        }
    }
}
