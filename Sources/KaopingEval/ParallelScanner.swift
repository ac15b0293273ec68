import CSQLite
import Foundation
import KaopingCheck
import KaopingStore

/// Runs one `TableScan` over all cores: the table's rowids are cut into morsels, threads take morsels in
/// turn, each decodes its rows into typed chunks and evaluates every aggregate of the scan on them, and
/// the morsels' partial results are combined strictly in rowid order.
struct ParallelScanner {
    let plan: Plan
    let scan: TableScan
    let centers: CenterTable
    let centerTypes: [ValueType]
    let options: EvaluationOptions
    let path: String
    /// Only this center's rows (its `centers.id`), read through the table's center index and never the cache.
    var center: Int64? = nil

    /// What a scan produces: per aggregate of the scan, one accumulator per center, and the rows left out.
    struct Output {
        var states: [Int: [Accumulator]]
        var quality: DataQuality
        var rows: Int
        /// The records of the scan's evidence indicators, in indicator order (`MorselReader.evidence`).
        var evidence: EvidenceTable?
    }

    /// The smallest and largest rowid, each by its own query: SQLite reads one end of the b-tree for a lone
    /// `min(rowid)` or `max(rowid)`, but scans the whole table for both in one query.
    /// - Throws: `ScanError.sparseRowids` when they span more than `maximumRowidSpan`: a scan walks the span in
    /// blocks of `EvaluationOptions.morselRows` rowids, and a table whose integer primary key holds values such as
    /// 9223372036854775807 would take longer than any run should.
    static func rowidBounds(_ table: String, in store: Store) throws -> (Int64, Int64) {
        let low = try store.database.scalar("SELECT min(rowid) FROM \(quoteIdentifier(table))")?.integer
        let high = try store.database.scalar("SELECT max(rowid) FROM \(quoteIdentifier(table))")?.integer
        guard let low, let high else { return (0, -1) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if overflow || span > maximumRowidSpan { throw ScanError.sparseRowids(table: table, low: low, high: high) }
        return (low, high)
    }

    /// The widest rowid range a scan walks: 2^40 rowids, 16 million blocks (a table of a trillion rows).
    static let maximumRowidSpan: Int64 = 1 << 40

    /// Scans the table. With a column cache, cached columns are read from it and the others from the
    /// store, which are then added to the cache; a cached column found damaged is deleted and the scan
    /// starts over without it, so a bad cache costs time, never a wrong result.
    func run(store: Store, cache: ColumnCache?, progress: ProgressCounter) throws -> Output {
        let (low, high) = try ParallelScanner.rowidBounds(scan.table, in: store)
        let morselCount = high < low ? 0 : Int((high - low) / EvaluationOptions.morselRows) + 1
        let cache = center == nil ? cache : nil
        var rebuilt: [String] = []
        while true {
            let sources = columnSources(cache: cache, low: low, morsels: morselCount, discarded: &rebuilt)
            do {
                let output = try scan(low: low, morsels: morselCount, sources: sources, progress: progress)
                for case .store(let writer?) in sources { writer.finish() }
                let cached = sources.indices.filter { if case .cached = sources[$0] { return true } else { return false } }
                options.scanReport?(
                    ScanReport(
                        table: scan.table, cached: cached.map { scan.columns[$0] },
                        fromStore: scan.columns.indices.filter { !cached.contains($0) }.map { scan.columns[$0] }, rebuilt: rebuilt))
                return output
            } catch ColumnCacheError.corrupt(let path, _) where cache != nil {
                cache?.discard(path)
                rebuilt.append(path)
                progress.restart()
            }
        }
    }

    /// Where each column comes from: the cache when it holds a trustworthy copy, else the store (with a
    /// writer adding it to the cache).
    private func columnSources(cache: ColumnCache?, low: Int64, morsels: Int, discarded: inout [String]) -> [ColumnSource] {
        guard let cache else { return scan.columns.map { _ in .store(nil) } }
        var found: [String] = []
        defer { discarded += found }
        return scan.columns.indices.map { slot in
            let path = cache.path(scan, slot)
            let descriptor = cache.descriptor(scan, slot, low: low)
            do {
                if let file = try ColumnFile(path: path, descriptor: descriptor, morsels: morsels) { return .cached(file) }
            } catch {
                cache.discard(path)
                found.append(path)
            }
            return .store(try? ColumnFileWriter(path: path, descriptor: descriptor, morsels: morsels))
        }
    }

    private func scan(low: Int64, morsels morselCount: Int, sources: [ColumnSource], progress: ProgressCounter) throws -> Output {
        let indicators = MorselReader.evidence(plan, scan).count
        let merger = MorselMerger(
            aggregates: scan.aggregates.map { plan.aggregates[$0] }, centers: centers.count,
            evidence: indicators == 0 ? nil : EvidenceTable(indicators: indicators, centers: centers.count, limit: plan.evidenceLimit))
        let errors = ErrorBox()
        let next = Counter()
        let workers = max(1, min(options.threads, morselCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            do {
                let database = try Database(path: path, mode: .readOnly)
                let reader = try MorselReader(
                    plan: plan, scan: scan, sources: sources, database: database, centers: centers, centerTypes: centerTypes,
                    chunkSize: options.chunkSize, center: center)
                while let morsel = next.take(below: morselCount), !errors.failed {
                    let start = low + Int64(morsel) * EvaluationOptions.morselRows
                    let result = try reader.read(
                        morsel: morsel, from: start, to: start + EvaluationOptions.morselRows, cutoffs: merger.evidenceCutoffs())
                    progress.add(result.rows)
                    merger.deliver(morsel, result)
                }
            } catch {
                errors.record(error)
            }
        }
        if let error = errors.first { throw error }
        var states: [Int: [Accumulator]] = [:]
        for (position, index) in scan.aggregates.enumerated() {
            states[index] = (0..<centers.count).map { merger.total.accumulator(position, center: $0) }
        }
        return Output(states: states, quality: merger.quality, rows: merger.rows, evidence: merger.evidence)
    }
}

/// The partial result of one morsel.
struct MorselResult {
    var accumulators: AccumulatorTable
    var quality = DataQuality()
    var rows = 0
    /// The records of the scan's evidence indicators (`nil` when it has none).
    var evidence: EvidenceTable?
}

/// Combines morsel results in morsel order, whatever order they arrive in.
final class MorselMerger: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Int: MorselResult] = [:]
    private var nextMorsel = 0
    private(set) var total: AccumulatorTable
    private(set) var quality = DataQuality()
    private(set) var rows = 0
    private(set) var evidence: EvidenceTable?

    init(aggregates: [AggregatePlan], centers: Int, evidence: EvidenceTable?) {
        total = AccumulatorTable(aggregates: aggregates, centers: centers)
        self.evidence = evidence
    }

    /// The last keys of the evidence merged so far (empty without evidence).
    func evidenceCutoffs() -> [[EvidenceKey?]] {
        lock.lock()
        defer { lock.unlock() }
        return evidence?.cutoffs ?? []
    }

    func deliver(_ morsel: Int, _ result: MorselResult) {
        lock.lock()
        defer { lock.unlock() }
        pending[morsel] = result
        while let ready = pending.removeValue(forKey: nextMorsel) {
            total.merge(ready.accumulators)
            quality.merge(ready.quality)
            if let part = ready.evidence { evidence?.merge(part) }
            rows += ready.rows
            nextMorsel += 1
        }
    }
}

/// A shared counter handing out morsel numbers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// The first error any scan thread met.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    func record(_ error: any Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }

    var first: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }

    var failed: Bool { first != nil }
}

/// Rows scanned so far across all scans, reported to the progress callback.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var doneBeforeScan = 0
    let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// Forgets the rows of a scan that starts over.
    func restart() {
        lock.lock()
        done = doneBeforeScan
        lock.unlock()
    }

    /// Marks the start of a table's scan.
    func beginScan() {
        lock.lock()
        doneBeforeScan = done
        lock.unlock()
    }

    func add(_ rows: Int) {
        guard let report else { return }
        lock.lock()
        done += rows
        let now = done
        lock.unlock()
        report(now, total)
    }
}

/// Why a table cannot be scanned.
public enum ScanError: Error, CustomStringConvertible {
    case sparseRowids(table: String, low: Int64, high: Int64)

    public var description: String {
        switch self {
        case .sparseRowids(let table, let low, let high):
            return
                "table \(table) has rowids (its integer primary key) from \(low) to \(high), too far apart to scan: "
                + "such ids are not a store's own; renumber them (for example by importing the rows again without their id)"
        }
    }
}
