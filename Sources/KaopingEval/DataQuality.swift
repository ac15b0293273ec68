/// Rows a scan left out, and why: counted per table and reason for the `data_quality` section of results;
/// and how the table's rows fall against the period, for `data_coverage`.
struct DataQuality: Sendable, Equatable {
    var counts: [String: Int] = [:]
    /// Rows with a value in the period column, those before and after the period, and the least and greatest
    /// value (an instant, or a day number for a `day` column).
    var periodRows = 0
    var before = 0
    var after = 0
    var earliest: Double?
    var latest: Double?

    mutating func add(_ reason: String, _ rows: Int = 1) {
        counts[reason, default: 0] += rows
    }

    mutating func merge(_ other: DataQuality) {
        for (reason, rows) in other.counts { counts[reason, default: 0] += rows }
        periodRows += other.periodRows
        before += other.before
        after += other.after
        if let value = other.earliest { earliest = min(earliest ?? value, value) }
        if let value = other.latest { latest = max(latest ?? value, value) }
    }
}
