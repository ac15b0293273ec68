import CSQLite
import Foundation
import KaopingCheck
import KaopingStore

/// Where a scan's column comes from: the column cache, or the store (copied into the cache when a writer
/// is given).
enum ColumnSource {
    case cached(ColumnFile)
    case store(ColumnFileWriter?)
}

/// Reads the rows of one rowid range of a table into typed columns — from the store, the column cache or
/// both — admits the rows the assessment covers and feeds the scan's aggregates chunk by chunk.
final class MorselReader {
    private let plan: Plan
    private let scan: TableScan
    private let sources: [ColumnSource]
    private let statement: Statement?
    /// For each column read from the store, its slot in the scan.
    private let storeSlots: [Int]
    private let centers: CenterTable
    let evaluator: VectorEvaluator
    private let chunkSize: Int
    let isText: [Bool]
    private let centerSlot: Int
    private let periodSlot: Int?
    private let orderedSlots: [(earlier: Int, later: Int, reason: String)]
    /// The table's own time and day columns but the period column, with the bounds of a plausible value.
    private let plausibleSlots: [(slot: Int, low: Double, high: Double, reason: String)]
    /// An extra table's number, time, flag and day columns: a value not of its type leaves its row out.
    private let typedSlots: [(slot: Int, isFlag: Bool, reason: String)]
    private let periodLow: Double
    /// The plausible values of the period column (see `PlausibleTime`).
    private let plausiblePeriod: (low: Double, high: Double)
    private let periodHigh: Double
    private let aggregates: [AggregatePlan]
    /// The morsel's rows, per slot: numbers (NaN: NULL) or dictionary codes (−1: NULL), reused.
    // Written for every value read: no dynamic exclusivity checks (a reader belongs to one thread).
    @exclusivity(unchecked) var numbers: [[Double]]
    @exclusivity(unchecked) var codes: [[Int32]]
    private var blockBuffer: [UInt8] = []
    private let staging: StagingBuffers
    /// The scan's evidence indicators (see `EvidencePlan`): each one's aggregate position and which rows.
    let evidence: [(owner: Int, position: Int, rows: EvidencePlan.Rows, function: AggregatePlan.Function)]
    let evidenceLimit: Int
    /// The natural key's slot, and whether its text is kept apart from the dictionary (`keyBytes`, row `r` the bytes
    /// up to `keyEnds[r]`) because no expression reads it: a unique key would fill the dictionary.
    let keySlot: Int?
    let rawKey: Bool
    var keyBytes: [UInt8] = []
    var keyEnds: [Int] = []

    init(
        plan: Plan, scan: TableScan, sources: [ColumnSource], database: Database, centers: CenterTable, centerTypes: [ValueType],
        chunkSize: Int, center: Int64? = nil
    ) throws {
        self.plan = plan
        self.scan = scan
        self.sources = sources
        self.centers = centers
        self.chunkSize = chunkSize
        evaluator = VectorEvaluator(centers: centers, centerTypes: centerTypes)
        storeSlots = sources.indices.filter { if case .store = sources[$0] { return true } else { return false } }
        if storeSlots.isEmpty {
            statement = nil
        } else {
            // With `center`, only that center's rows, found through its `center_id` index.
            let only = center.map { "t0.\(quoteIdentifier(scan.centerColumn)) = \($0) AND " } ?? ""
            let sql =
                ScanQuery.select(table: scan.table, columns: storeSlots.map { scan.columns[$0] }, joins: scan.joins)
                + " WHERE \(only)t0.rowid >= ? AND t0.rowid < ? ORDER BY t0.rowid"
            statement = try database.prepare(sql)
        }
        isText = scan.columnTypes.map { $0 == .text }
        staging = StagingBuffers(columns: storeSlots.count, capacity: Int(EvaluationOptions.morselRows))
        numbers = scan.columns.map { _ in [] }
        codes = scan.columns.map { _ in [] }
        centerSlot = scan.columns.firstIndex(of: scan.centerColumn) ?? 0
        periodSlot = scan.periodColumn.flatMap { scan.columns.firstIndex(of: $0) }
        orderedSlots = (CanonicalSchema.orderedTimes[scan.table] ?? []).compactMap { pair in
            guard let earlier = scan.columns.firstIndex(of: pair.earlier), let later = scan.columns.firstIndex(of: pair.later) else {
                return nil
            }
            return (earlier, later, "\(pair.later) before \(pair.earlier)")
        }
        let period = periodSlot
        plausibleSlots = scan.columns.indices.compactMap { slot in
            let column = scan.columns[slot]
            guard slot != period, !column.contains("."), let bounds = PlausibleTime.bounds(scan.columnTypes[slot]) else {
                return nil
            }
            return (slot, bounds.low, bounds.high, PlausibleTime.reason(column))
        }
        // An extra table's stored values are checked against the types they are read as; a canonical table's
        // CHECKs were verified before the scan.
        typedSlots =
            CanonicalSchema.table(scan.table) != nil
            ? []
            : scan.columns.indices.compactMap { slot in
                let (column, type) = (scan.columns[slot], scan.columnTypes[slot])
                guard !column.contains("."), type != .text, WrongType.isChecked(type) else { return nil }
                return (slot, type == .flag, WrongType.reason(column, type))
            }
        plausiblePeriod = periodSlot.flatMap { PlausibleTime.bounds(scan.columnTypes[$0]) } ?? (-.infinity, .infinity)
        if let periodSlot, scan.columnTypes[periodSlot] == .day {
            periodLow = Double(plan.periodStart)
            periodHigh = Double(plan.periodEnd + 1)
        } else {
            periodLow = Double(CivilDay(number: plan.periodStart).startInstant)
            periodHigh = Double(CivilDay(number: plan.periodEnd + 1).startInstant)
        }
        aggregates = scan.aggregates.map { plan.aggregates[$0] }
        evidence = MorselReader.evidence(plan, scan)
        evidenceLimit = plan.evidenceLimit
        keySlot = scan.keySlot
        rawKey = scan.keySlot.map { scan.columnTypes[$0] == .text && !scan.keyIsRead } ?? false
    }

    /// Reads morsel `morsel`, rowids in [start, end), and returns its partial aggregates. `cutoffs` are the last keys
    /// of the evidence merged so far (`EvidenceTable.cutoffs`): keys after them need not be kept.
    /// - Throws: `ColumnCacheError.corrupt` when a cached block cannot be trusted; `SQLiteError`.
    func read(morsel: Int, from start: Int64, to end: Int64, cutoffs: [[EvidenceKey?]] = []) throws -> MorselResult {
        var result = MorselResult(accumulators: AccumulatorTable(aggregates: aggregates, centers: centers.count))
        if !evidence.isEmpty { result.evidence = EvidenceTable(indicators: evidence.count, centers: centers.count, limit: evidenceLimit) }
        let count = try load(morsel, from: start, to: end)
        for slot in storeSlots {
            guard case .store(let writer?) = sources[slot] else { continue }
            var block: [UInt8] = []
            if rawKey && slot == keySlot {
                ColumnBlock.encode(texts: keyBytes, ends: keyEnds, into: &block)
            } else if isText[slot] {
                ColumnBlock.encode(codes: codes[slot], strings: evaluator.dictionary.strings, into: &block)
            } else {
                ColumnBlock.encode(numbers: numbers[slot], into: &block)
            }
            writer.add(morsel, block)
        }
        let (rows, rowCenters) = admit(count, &result.quality)
        var first = 0
        while first < rows.count {
            let last = min(first + chunkSize, rows.count)
            consume(gather(rows[first..<last], rowCenters[first..<last]), rows: rows[first..<last], cutoffs: cutoffs, into: &result)
            first = last
        }
        return result
    }

    /// Fills `numbers` and `codes` with every row of the morsel and returns how many rows it has.
    private func load(_ morsel: Int, from start: Int64, to end: Int64) throws -> Int {
        for slot in scan.columns.indices {
            numbers[slot].removeAll(keepingCapacity: true)
            codes[slot].removeAll(keepingCapacity: true)
        }
        keyBytes.removeAll(keepingCapacity: true)
        keyEnds.removeAll(keepingCapacity: true)
        var count: Int?
        if let statement {
            try statement.bind([.integer(start), .integer(end)])
            let handle = statement.handle
            let dictionary = evaluator.dictionary
            var rows = 0
            // Values go straight into the staging buffers (a morsel has at most `morselRows` rows), then
            // into the columns in one copy each.
            while try statement.step() {
                guard rows < staging.capacity else { break }
                for (position, slot) in storeSlots.enumerated() {
                    let column = Int32(position)
                    if rawKey && slot == keySlot {
                        appendKey(handle, column)
                        staging.codes[position][rows] = -1
                    } else if isText[slot] {
                        staging.codes[position][rows] = dictionary.code(statement: handle, column: column)
                    } else {
                        staging.numbers[position][rows] = MorselReader.number(handle, column, scan.columnTypes[slot])
                    }
                }
                rows += 1
            }
            for (position, slot) in storeSlots.enumerated() {
                if isText[slot] {
                    codes[slot].append(contentsOf: UnsafeBufferPointer(start: staging.codes[position], count: rows))
                } else {
                    numbers[slot].append(contentsOf: UnsafeBufferPointer(start: staging.numbers[position], count: rows))
                }
            }
            count = rows
        }
        for slot in scan.columns.indices {
            guard case .cached(let file) = sources[slot] else { continue }
            let rows: Int
            switch try file.block(morsel, buffer: &blockBuffer) {
            case .numbers(let values) where !isText[slot]:
                numbers[slot] = values
                rows = values.count
            case .text(let strings, let indices) where rawKey && slot == keySlot:
                for index in indices {
                    if index >= 0 { keyBytes += strings[Int(index)] }
                    keyEnds.append(keyBytes.count)
                }
                codes[slot] = [Int32](repeating: -1, count: indices.count)
                rows = indices.count
            case .text(let strings, let indices) where isText[slot]:
                let dictionary = evaluator.dictionary
                let local = strings.map { bytes in bytes.withUnsafeBufferPointer { dictionary.code(of: $0) } }
                codes[slot] = indices.map { $0 < 0 ? -1 : local[Int($0)] }
                rows = indices.count
            default:
                throw ColumnCacheError.corrupt(path: file.path, reason: "a block of the wrong type")
            }
            if count == nil { count = rows }
            guard rows == count else {
                throw ColumnCacheError.corrupt(path: file.path, reason: "a block of \(rows) rows, not \(count ?? 0)")
            }
        }
        return count ?? 0
    }

    /// Counts how the morsel's rows, of every center, fall against the period: `times` are the period column.
    private func tally(_ times: [Double], _ count: Int, _ quality: inout DataQuality) {
        var (rows, before, after) = (0, 0, 0)
        var earliest = Double.infinity
        var latest = -Double.infinity
        for row in 0..<count {
            let time = times[row]
            if time.isNaN { continue }
            rows += 1
            if time < periodLow { before += 1 } else if time >= periodHigh { after += 1 }
            // The first and last day are of the plausible values: a "never" sentinel is no day.
            guard time >= plausiblePeriod.low && time < plausiblePeriod.high else { continue }
            earliest = min(earliest, time)
            latest = max(latest, time)
        }
        quality.periodRows += rows
        quality.before += before
        quality.after += after
        if earliest <= latest {
            quality.earliest = min(quality.earliest ?? earliest, earliest)
            quality.latest = max(quality.latest ?? latest, latest)
        }
    }

    /// The rows of the morsel the assessment covers, with their dense center numbers. Rows of centers not
    /// assessed and times outside the period are left out silently; data problems (a NULL center or
    /// period time, an unknown center, times out of order, a time before 1970 or after 2100) are left out and
    /// counted.
    private func admit(_ count: Int, _ quality: inout DataQuality) -> (rows: [Int32], centers: [Int32]) {
        // Each row's dense center number first, then the period and the time order, each check one pass
        // over its columns.
        var dense = [Int32](repeating: CenterTable.notAssessed, count: count)
        var nullCenters = 0
        var unknownCenters = 0
        var wrongCenters = 0
        for (row, id) in centerIDs(count).enumerated() {
            guard let id else {
                if !isText[centerSlot] && WrongType.isWrong(numbers[centerSlot][row]) { wrongCenters += 1 } else { nullCenters += 1 }
                continue
            }
            let number = centers.dense(id)
            if number == CenterTable.unknown {
                unknownCenters += 1
            } else {
                dense[row] = number
            }
        }
        if wrongCenters > 0 { quality.add(WrongType.reason(scan.centerColumn, .integer), wrongCenters) }
        for check in typedSlots where check.slot != centerSlot {
            var wrong = 0
            numbers[check.slot].withUnsafeBufferPointer { values in
                for row in 0..<count where dense[row] >= 0 {
                    let value = values[row]
                    if WrongType.isWrong(value) || (check.isFlag && !value.isNaN && value != 0 && value != 1) {
                        wrong += 1
                        dense[row] = CenterTable.notAssessed
                    }
                }
            }
            if wrong > 0 { quality.add(check.reason, wrong) }
        }
        if nullCenters > 0 { quality.add("\(scan.centerColumn) is NULL", nullCenters) }
        if unknownCenters > 0 { quality.add("\(scan.centerColumn) names no center", unknownCenters) }
        if let periodSlot {
            tally(numbers[periodSlot], count, &quality)
            var nullTimes = 0
            numbers[periodSlot].withUnsafeBufferPointer { times in
                for row in 0..<count where dense[row] >= 0 {
                    let time = times[row]
                    if time.isNaN {
                        nullTimes += 1
                        dense[row] = CenterTable.notAssessed
                    } else if time < periodLow || time >= periodHigh {
                        dense[row] = CenterTable.notAssessed
                    }
                }
            }
            if nullTimes > 0 { quality.add("\(scan.periodColumn ?? "") is NULL", nullTimes) }
        }
        for bounds in plausibleSlots {
            var outside = 0
            numbers[bounds.slot].withUnsafeBufferPointer { values in
                for row in 0..<count
                where dense[row] >= 0 && !values[row].isNaN && !(values[row] >= bounds.low && values[row] < bounds.high) {
                    outside += 1
                    dense[row] = CenterTable.notAssessed
                }
            }
            if outside > 0 { quality.add(bounds.reason, outside) }
        }
        for pair in orderedSlots {
            var reversed = 0
            numbers[pair.earlier].withUnsafeBufferPointer { earlier in
                numbers[pair.later].withUnsafeBufferPointer { later in
                    for row in 0..<count where dense[row] >= 0 && later[row] < earlier[row] {
                        reversed += 1
                        dense[row] = CenterTable.notAssessed
                    }
                }
            }
            if reversed > 0 { quality.add(pair.reason, reversed) }
        }
        var rows: [Int32] = []
        var rowCenters: [Int32] = []
        rows.reserveCapacity(count)
        rowCenters.reserveCapacity(count)
        for row in 0..<count where dense[row] >= 0 {
            rows.append(Int32(row))
            rowCenters.append(dense[row])
        }
        return (rows, rowCenters)
    }

    /// Each row's center id (`nil`: NULL), read as SQLite reads an integer from any value.
    private func centerIDs(_ count: Int) -> [Int64?] {
        if isText[centerSlot] {
            let strings = evaluator.dictionary.strings
            return codes[centerSlot].prefix(count).map { $0 < 0 ? nil : Int64(strings[Int($0)]) ?? 0 }
        }
        return numbers[centerSlot].prefix(count).map { value in
            if value.isNaN { return nil }
            return abs(value) < 9.2e18 ? Int64(value) : (value < 0 ? Int64.min : Int64.max)
        }
    }

    /// A chunk of the admitted rows `rows` (copied as a block when they are consecutive).
    private func gather(_ rows: ArraySlice<Int32>, _ rowCenters: ArraySlice<Int32>) -> Chunk {
        var chunk = Chunk()
        chunk.count = rows.count
        chunk.centers = Array(rowCenters)
        if let first = rows.first, let last = rows.last, Int(last - first) == rows.count - 1 {
            let range = Int(first)...Int(last)
            chunk.columns = scan.columns.indices.map { slot in
                isText[slot] ? .text(Array(codes[slot][range])) : .number(Array(numbers[slot][range]))
            }
            return chunk
        }
        chunk.columns = scan.columns.indices.map { slot in
            if isText[slot] {
                let column = codes[slot]
                return .text(rows.map { column[Int($0)] })
            }
            let column = numbers[slot]
            return .number(rows.map { column[Int($0)] })
        }
        return chunk
    }

    /// Evaluates every aggregate's filter and argument on the chunk and adds its rows, in row order.
    private func consume(_ chunk: Chunk, rows: ArraySlice<Int32>, cutoffs: [[EvidenceKey?]], into result: inout MorselResult) {
        result.rows += chunk.count
        // Aggregates share filters and sub-expressions (an indicator's population, its rate, its
        // numerator): the evaluator works each out once per chunk.
        evaluator.startChunk()
        let everyRow = [UInt8](repeating: 1, count: chunk.count)
        var filters: [[UInt8]] = []
        var arguments: [Vector?] = []
        for (position, aggregate) in aggregates.enumerated() {
            let filter = aggregate.filter.map { evaluator.evaluate($0, chunk).truths } ?? everyRow
            let argument = aggregate.argument.map { evaluator.evaluate($0, chunk) }
            result.accumulators.add(
                aggregate.function, position: position, filter: filter, centers: chunk.centers, argument: argument,
                distinctKey: { self.distinctKey($0, $1) })
            if !evidence.isEmpty {
                filters.append(filter)
                arguments.append(argument)
            }
        }
        collectEvidence(chunk, rows: rows, cutoffs: cutoffs, filters: filters, arguments: arguments, into: &result)
    }

    private func distinctKey(_ vector: Vector, _ row: Int) -> Value {
        switch vector {
        case .number(let values): return values[row].isNaN ? .null : .real(values[row])
        case .text(let codes): return codes[row] < 0 ? .null : .text(evaluator.dictionary.strings[Int(codes[row])])
        case .truth(let values): return values[row] == Vector.nullTruth ? .null : .boolean(values[row] == 1)
        }
    }
}
