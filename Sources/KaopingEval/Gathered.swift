import KaopingCheck
import KaopingResults
import KaopingStore

/// What the scans of a run gather for scoring, whichever engine ran them: each aggregate's value per center, the
/// records that cost points, the rows left out and why, and how each table's rows fall against the period.
struct Gathered {
    /// Per aggregate (its index in `Plan.aggregates`), its value for each center by dense number.
    var values: [Int: [Value]] = [:]
    /// Per evidence owner (`Plan.evidenceOwners`), each center's first records and their count.
    var evidence: [Int: [(records: [EvidenceRecord], count: Int)]] = [:]
    var quality: [DataQualityEntry] = []
    var coverage: [DataCoverageEntry] = []

    /// Records a scan's rows left out (by reason, sorted) and its period coverage.
    mutating func add(scan: TableScan, quality tally: DataQuality) {
        var counts = tally.counts
        if let column = scan.periodColumn {
            if tally.before > 0 { counts["\(column) before the period"] = tally.before }
            if tally.after > 0 { counts["\(column) after the period"] = tally.after }
            let day = { (value: Double) -> String in
                let number = Int64(value)
                return
                    (scan.columnTypes[scan.columns.firstIndex(of: column) ?? 0] == .day
                    ? CivilDay(number: Int(number)) : CivilDay(instant: number)).description
            }
            coverage.append(
                DataCoverageEntry(
                    table: scan.table, column: column, rows: tally.periodRows, inPeriod: tally.periodRows - tally.before - tally.after,
                    before: tally.before, after: tally.after, firstDay: tally.earliest.map(day), lastDay: tally.latest.map(day)))
        }
        for (reason, rows) in counts.sorted(by: { $0.key < $1.key }) {
            quality.append(DataQualityEntry(table: scan.table, reason: reason, rows: rows))
        }
    }
}
