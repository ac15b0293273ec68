import KaopingCheck

/// The running states of a scan's aggregates for every center, held column by column (one array per
/// field, indexed `aggregate * centers + center`) so that the row loops add into flat arrays.
struct AccumulatorTable {
    let centers: Int
    /// Rows that passed the filter.
    var rows: [Int]
    /// Rows whose argument was not NULL (sum, avg, min, max) or true (rate).
    var hits: [Int]
    var sums: [Double]
    var minimums: [Double]
    var maximums: [Double]
    /// Every value, for median and percentile (empty unless the scan has one).
    var values: [[Double]]
    /// Every distinct value, for count_distinct (empty unless the scan has one).
    var distinct: [Set<Value>]

    init(aggregates: [AggregatePlan], centers: Int) {
        self.centers = centers
        let count = aggregates.count * centers
        rows = [Int](repeating: 0, count: count)
        hits = [Int](repeating: 0, count: count)
        sums = [Double](repeating: 0, count: count)
        minimums = [Double](repeating: .infinity, count: count)
        maximums = [Double](repeating: -.infinity, count: count)
        let keepsValues = aggregates.contains { $0.function == .median || $0.function == .percentile }
        values = keepsValues ? [[Double]](repeating: [], count: count) : []
        distinct = aggregates.contains { $0.function == .countDistinct } ? [Set<Value>](repeating: [], count: count) : []
    }

    /// Adds a later morsel's partial states, center by center (adding morsels in rowid order makes the
    /// sums independent of threads and chunks).
    mutating func merge(_ other: AccumulatorTable) {
        for index in rows.indices where other.rows[index] > 0 {
            rows[index] += other.rows[index]
            hits[index] += other.hits[index]
            sums[index] += other.sums[index]
            minimums[index] = min(minimums[index], other.minimums[index])
            maximums[index] = max(maximums[index], other.maximums[index])
            if !values.isEmpty, !other.values[index].isEmpty { values[index].append(contentsOf: other.values[index]) }
            if !distinct.isEmpty, !other.distinct[index].isEmpty { distinct[index].formUnion(other.distinct[index]) }
        }
    }

    /// Adds the rows of a chunk whose filter is true to aggregate `position` of the center of each row.
    /// `argument` is the aggregate's argument over the chunk (none for `count()`).
    mutating func add(
        _ function: AggregatePlan.Function, position: Int, filter: [UInt8], centers rowCenters: [Int32], argument: Vector?,
        distinctKey: (Vector, Int) -> Value
    ) {
        let base = position * centers
        let n = filter.count
        switch function {
        case .count, .rate:
            // A count is a rate whose every row is a hit.
            let truths = function == .count ? filter : argument?.truths ?? [UInt8](repeating: 0, count: n)
            filter.withUnsafeBufferPointer { filter in
                truths.withUnsafeBufferPointer { truths in
                    rowCenters.withUnsafeBufferPointer { rowCenters in
                        rows.withUnsafeMutableBufferPointer { rows in
                            hits.withUnsafeMutableBufferPointer { hits in
                                for row in 0..<n where filter[row] == 1 {
                                    let slot = base + Int(rowCenters[row])
                                    rows[slot] &+= 1
                                    if truths[row] == 1 { hits[slot] &+= 1 }
                                }
                            }
                        }
                    }
                }
            }
        case .countDistinct:
            guard let argument else { return }
            for row in 0..<n where filter[row] == 1 {
                let slot = base + Int(rowCenters[row])
                rows[slot] &+= 1
                let key = distinctKey(argument, row)
                if !key.isNull { distinct[slot].insert(key) }
            }
        case .median, .percentile:
            guard let values = argument?.numbers else { return }
            for row in 0..<n where filter[row] == 1 {
                let slot = base + Int(rowCenters[row])
                rows[slot] &+= 1
                guard !values[row].isNaN else { continue }
                hits[slot] &+= 1
                self.values[slot].append(values[row])
            }
        case .sum, .avg, .min, .max:
            guard let values = argument?.numbers else { return }
            addNumbers(values, filter: filter, centers: rowCenters, base: base)
        }
    }

    /// Adds `values[row]` of each row whose filter is true to its center's sum, minimum and maximum; NaN
    /// (NULL) counts as a row only.
    private mutating func addNumbers(_ values: [Double], filter: [UInt8], centers rowCenters: [Int32], base: Int) {
        values.withUnsafeBufferPointer { values in
            filter.withUnsafeBufferPointer { filter in
                rowCenters.withUnsafeBufferPointer { rowCenters in
                    rows.withUnsafeMutableBufferPointer { rows in
                        hits.withUnsafeMutableBufferPointer { hits in
                            sums.withUnsafeMutableBufferPointer { sums in
                                minimums.withUnsafeMutableBufferPointer { minimums in
                                    maximums.withUnsafeMutableBufferPointer { maximums in
                                        for row in 0..<values.count where filter[row] == 1 {
                                            let slot = base + Int(rowCenters[row])
                                            rows[slot] &+= 1
                                            let value = values[row]
                                            guard !value.isNaN else { continue }
                                            hits[slot] &+= 1
                                            sums[slot] += value
                                            if value < minimums[slot] { minimums[slot] = value }
                                            if value > maximums[slot] { maximums[slot] = value }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The state of aggregate `position` (of the scan) for `center`.
    func accumulator(_ position: Int, center: Int) -> Accumulator {
        let index = position * centers + center
        return Accumulator(
            rows: rows[index], hits: hits[index], sum: sums[index], minimum: minimums[index], maximum: maximums[index],
            values: values.isEmpty ? [] : values[index], distinct: distinct.isEmpty ? [] : distinct[index])
    }
}
