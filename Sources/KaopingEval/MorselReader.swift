import CSQLite
import KaopingCheck
import KaopingStore

/// Reads the rows of one rowid range of a table into typed chunks and feeds the scan's aggregates.
final class MorselReader {
    private let plan: Plan
    private let scan: TableScan
    private let statement: Statement
    private let centers: CenterTable
    private let evaluator: VectorEvaluator
    private let chunkSize: Int
    private let centerSlot: Int
    private let periodSlot: Int?
    private let orderedSlots: [(earlier: Int, later: Int, reason: String)]
    private let periodLow: Double
    private let periodHigh: Double
    private let aggregates: [AggregatePlan]

    init(plan: Plan, scan: TableScan, database: Database, centers: CenterTable, centerTypes: [ValueType], chunkSize: Int) throws {
        self.plan = plan
        self.scan = scan
        self.centers = centers
        self.chunkSize = chunkSize
        evaluator = VectorEvaluator(centers: centers, centerTypes: centerTypes)
        let sql =
            ScanQuery.select(table: scan.table, columns: scan.columns, joins: scan.joins)
            + " WHERE t0.rowid >= ? AND t0.rowid < ? ORDER BY t0.rowid"
        statement = try database.prepare(sql)
        centerSlot = scan.columns.firstIndex(of: scan.centerColumn) ?? 0
        periodSlot = scan.periodColumn.flatMap { scan.columns.firstIndex(of: $0) }
        orderedSlots = (CanonicalSchema.orderedTimes[scan.table] ?? []).compactMap { pair in
            guard let earlier = scan.columns.firstIndex(of: pair.earlier), let later = scan.columns.firstIndex(of: pair.later) else {
                return nil
            }
            return (earlier, later, "\(pair.later) before \(pair.earlier)")
        }
        periodLow = Double(CivilDay(number: plan.periodStart).startInstant)
        periodHigh = Double(CivilDay(number: plan.periodEnd + 1).startInstant)
        aggregates = scan.aggregates.map { plan.aggregates[$0] }
    }

    /// Reads rowids in [start, end) and returns their partial aggregates.
    func read(from start: Int64, to end: Int64) throws -> MorselResult {
        var result = MorselResult(accumulators: [Accumulator](repeating: Accumulator(), count: aggregates.count * centers.count))
        try statement.bind([.integer(start), .integer(end)])
        let handle = statement.handle
        var builder = ChunkBuilder(types: scan.columnTypes, capacity: chunkSize)
        while try statement.step() {
            guard let center = admit(handle, &result.quality) else { continue }
            append(handle, center: center, to: &builder)
            if builder.count == chunkSize {
                consume(builder.take(), into: &result)
            }
        }
        if builder.count > 0 { consume(builder.take(), into: &result) }
        return result
    }

    /// The dense center number of the current row, or `nil` when the row is left out (counted if it is a
    /// data problem rather than a row of a center that is not assessed or a time outside the period).
    private func admit(_ handle: OpaquePointer, _ quality: inout DataQuality) -> Int32? {
        let column = Int32(centerSlot)
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else {
            quality.add("\(scan.centerColumn) is NULL")
            return nil
        }
        let id = sqlite3_column_int64(handle, column)
        let number = centers.dense(id)
        if number == CenterTable.unknown {
            quality.add("\(scan.centerColumn) names no center")
            return nil
        }
        if number < 0 { return nil }
        if let periodSlot {
            guard sqlite3_column_type(handle, Int32(periodSlot)) != SQLITE_NULL else {
                quality.add("\(scan.periodColumn ?? "") is NULL")
                return nil
            }
            let time = sqlite3_column_double(handle, Int32(periodSlot))
            if time < periodLow || time >= periodHigh { return nil }
        }
        for pair in orderedSlots {
            let earlier = Int32(pair.earlier)
            let later = Int32(pair.later)
            if sqlite3_column_type(handle, earlier) != SQLITE_NULL, sqlite3_column_type(handle, later) != SQLITE_NULL,
                sqlite3_column_int64(handle, later) < sqlite3_column_int64(handle, earlier)
            {
                quality.add(pair.reason)
                return nil
            }
        }
        return number
    }

    private func append(_ handle: OpaquePointer, center: Int32, to builder: inout ChunkBuilder) {
        for slot in 0..<scan.columnTypes.count {
            let column = Int32(slot)
            if builder.isText[slot] {
                builder.codes[slot].append(evaluator.dictionary.code(statement: handle, column: column))
            } else {
                builder.numbers[slot].append(number(handle, column, scan.columnTypes[slot]))
            }
        }
        builder.centers.append(center)
        builder.count += 1
    }

    private func number(_ handle: OpaquePointer, _ column: Int32, _ type: ValueType) -> Double {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL:
            return .nan
        case SQLITE_INTEGER, SQLITE_FLOAT:
            return sqlite3_column_double(handle, column)
        default:
            guard type == .day, let text = sqlite3_column_text(handle, column) else { return sqlite3_column_double(handle, column) }
            return CivilDay(String(cString: text)).map { Double($0.number) } ?? .nan
        }
    }

    /// Evaluates every aggregate's filter and argument on the chunk and adds its rows, in row order.
    private func consume(_ chunk: Chunk, into result: inout MorselResult) {
        result.rows += chunk.count
        let centerCount = centers.count
        // Several aggregates share a filter (an indicator's population, its rate, its numerator): each
        // distinct filter is evaluated once per chunk.
        var filters: [(expression: TypedExpression, truths: [UInt8])] = []
        for (position, aggregate) in aggregates.enumerated() {
            let filter = aggregate.filter.map { expression -> [UInt8] in
                if let known = filters.first(where: { $0.expression == expression }) { return known.truths }
                let truths = evaluator.evaluate(expression, chunk).truths
                filters.append((expression, truths))
                return truths
            }
            let base = position * centerCount
            switch aggregate.function {
            case .count:
                for row in 0..<chunk.count where filter?[row] ?? 1 == 1 {
                    result.accumulators[base + Int(chunk.centers[row])].addCount()
                }
            case .rate:
                let hits = aggregate.argument.map { evaluator.evaluate($0, chunk).truths } ?? []
                for row in 0..<chunk.count where filter?[row] ?? 1 == 1 {
                    result.accumulators[base + Int(chunk.centers[row])].addRate(hits.isEmpty ? false : hits[row] == 1)
                }
            case .countDistinct:
                guard let argument = aggregate.argument else { continue }
                let vector = evaluator.evaluate(argument, chunk)
                for row in 0..<chunk.count where filter?[row] ?? 1 == 1 {
                    result.accumulators[base + Int(chunk.centers[row])].addDistinct(distinctKey(vector, row))
                }
            case .sum, .avg, .min, .max, .median, .percentile:
                guard let argument = aggregate.argument else { continue }
                let values = evaluator.evaluate(argument, chunk).numbers
                for row in 0..<chunk.count where filter?[row] ?? 1 == 1 {
                    result.accumulators[base + Int(chunk.centers[row])].addNumber(aggregate.function, values[row])
                }
            }
        }
    }

    private func distinctKey(_ vector: Vector, _ row: Int) -> Value {
        switch vector {
        case .number(let values): return values[row].isNaN ? .null : .real(values[row])
        case .text(let codes): return codes[row] < 0 ? .null : .text(evaluator.dictionary.strings[Int(codes[row])])
        case .truth(let values): return values[row] == Vector.nullTruth ? .null : .boolean(values[row] == 1)
        }
    }
}

/// Collects decoded rows column by column until a chunk is full.
struct ChunkBuilder {
    let isText: [Bool]
    var numbers: [[Double]]
    var codes: [[Int32]]
    var centers: [Int32] = []
    var count = 0
    private let capacity: Int

    init(types: [ValueType], capacity: Int) {
        isText = types.map { $0 == .text }
        numbers = types.map { _ in [] }
        codes = types.map { _ in [] }
        self.capacity = capacity
        reserve()
    }

    private mutating func reserve() {
        for slot in isText.indices {
            if isText[slot] { codes[slot].reserveCapacity(capacity) } else { numbers[slot].reserveCapacity(capacity) }
        }
        centers.reserveCapacity(capacity)
    }

    /// The chunk collected so far; the builder starts over empty.
    mutating func take() -> Chunk {
        var chunk = Chunk()
        chunk.count = count
        chunk.centers = centers
        chunk.columns = isText.indices.map { isText[$0] ? .text(codes[$0]) : .number(numbers[$0]) }
        numbers = isText.map { _ in [] }
        codes = isText.map { _ in [] }
        centers = []
        count = 0
        reserve()
        return chunk
    }
}
