/// Rows a scan left out, and why: counted per table and reason for the `data_quality` section of results.
struct DataQuality: Sendable, Equatable {
    var counts: [String: Int] = [:]

    mutating func add(_ reason: String, _ rows: Int = 1) {
        counts[reason, default: 0] += rows
    }

    mutating func merge(_ other: DataQuality) {
        for (reason, rows) in other.counts { counts[reason, default: 0] += rows }
    }
}
