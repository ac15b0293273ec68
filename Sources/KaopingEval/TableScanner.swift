import KaopingCheck
import KaopingStore

/// Runs one `TableScan`: a single pass over the table's needed columns, feeding every aggregate that reads it.
struct TableScanner {
    let plan: Plan
    let scan: TableScan

    /// Scans the table and returns, per aggregate of the scan, one accumulator per center.
    func run(store: Store, centers: CenterTable) throws -> [Int: [Accumulator]] {
        var states: [Int: [Accumulator]] = [:]
        for index in scan.aggregates { states[index] = [Accumulator](repeating: Accumulator(), count: centers.count) }
        let aggregates = scan.aggregates.map { (index: $0, plan: plan.aggregates[$0]) }
        var sql = ScanQuery.select(table: scan.table, columns: scan.columns, joins: scan.joins)
        var arguments: [SQLValue] = []
        if let period = scan.periodColumn {
            // Rows whose time falls on a day of the period, in China time.
            sql += " WHERE t0.\(quoteIdentifier(period)) >= ? AND t0.\(quoteIdentifier(period)) < ?"
            arguments = [
                .integer(CivilDay(number: plan.periodStart).startInstant),
                .integer(CivilDay(number: plan.periodEnd + 1).startInstant),
            ]
        }
        let statement = try store.database.prepare(sql)
        try statement.bind(arguments)
        guard let centerSlot = scan.columns.firstIndex(of: scan.centerColumn) else { return states }
        var input = EvaluationInput(calendar: WorkingCalendar())
        var row = [Value](repeating: .null, count: scan.columns.count)
        while try statement.step() {
            guard !statement.isNull(centerSlot), let center = centers.numberByID[statement.int64(centerSlot)] else { continue }
            for slot in 0..<row.count { row[slot] = decode(statement, slot, scan.columnTypes[slot]) }
            input.row = row
            input.center = centers.rows[center]
            input.calendar = centers.calendars[center]
            for aggregate in aggregates {
                if let filter = aggregate.plan.filter, !filter.evaluate(input).isTrue { continue }
                let argument = aggregate.plan.argument?.evaluate(input) ?? .null
                states[aggregate.index]?[center].add(aggregate.plan.function, argument)
            }
        }
        return states
    }
}
