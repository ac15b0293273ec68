import KaopingCheck

/// The final state of one aggregate for one center (the scans add rows in `AccumulatorTable`).
///
/// `count_distinct`, `median` and `percentile` are exact: they keep every distinct value or every value
/// of the center's population, so their memory grows with the population (not with the table).
struct Accumulator: Sendable, Equatable {
    /// Rows that passed the filter.
    var rows = 0
    /// Rows whose argument was not NULL (sum, avg, min, max) or true (rate).
    var hits = 0
    var sum = 0.0
    var minimum = Double.infinity
    var maximum = -Double.infinity
    var values: [Double] = []
    var distinct: Set<Value> = []

    /// The aggregate's value, as SQL defines it: NULL for a sum, average, minimum, maximum, median or
    /// percentile of no values, and for a rate of no rows.
    func value(_ aggregate: AggregatePlan) -> Value {
        switch aggregate.function {
        case .count: return .integer(Int64(rows))
        case .countDistinct: return .integer(Int64(distinct.count))
        case .rate: return rows == 0 ? .null : .real(Double(hits) / Double(rows))
        case .sum: return hits == 0 ? .null : .real(sum)
        case .avg: return hits == 0 ? .null : .real(sum / Double(hits))
        case .min: return hits == 0 ? .null : .real(minimum)
        case .max: return hits == 0 ? .null : .real(maximum)
        case .median: return Accumulator.percentile(values, 0.5)
        case .percentile: return Accumulator.percentile(values, aggregate.fraction ?? 0.5)
        }
    }

    /// `percentile_cont`: the value at position `fraction × (n − 1)` of the sorted values, interpolating
    /// linearly between the two closest ranks.
    static func percentile(_ values: [Double], _ fraction: Double) -> Value {
        guard !values.isEmpty else { return .null }
        let sorted = values.sorted()
        let position = min(max(fraction, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = position - Double(lower)
        return .real(sorted[lower] + (sorted[upper] - sorted[lower]) * weight)
    }
}
