import KaopingCheck

/// The running state of one aggregate for one center.
struct Accumulator: Sendable, Equatable {
    /// Rows that passed the filter.
    var rows = 0
    /// Rows whose argument was not NULL (sum, avg, min, max) or true (rate).
    var hits = 0
    var sum = 0.0
    var minimum = Double.infinity
    var maximum = -Double.infinity

    mutating func add(_ function: AggregatePlan.Function, _ argument: Value) {
        rows += 1
        switch function {
        case .count:
            hits += 1
        case .rate:
            if argument.isTrue { hits += 1 }
        case .sum, .avg, .min, .max:
            guard let number = argument.number else { return }
            hits += 1
            sum += number
            minimum = min(minimum, number)
            maximum = max(maximum, number)
        }
    }

    /// The aggregate's value, as SQL defines it: NULL for a sum, average, minimum or maximum of no values,
    /// and for a rate of no rows.
    func value(_ function: AggregatePlan.Function) -> Value {
        switch function {
        case .count: return .integer(Int64(rows))
        case .rate: return rows == 0 ? .null : .real(Double(hits) / Double(rows))
        case .sum: return hits == 0 ? .null : .real(sum)
        case .avg: return hits == 0 ? .null : .real(sum / Double(hits))
        case .min: return hits == 0 ? .null : .real(minimum)
        case .max: return hits == 0 ? .null : .real(maximum)
        }
    }
}
