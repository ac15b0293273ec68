import Foundation

/// How an evaluation runs. None of these change a result: the same inputs give byte-identical results
/// for any thread count and any chunk size.
public struct EvaluationOptions: Sendable {
    /// Scan threads (each with its own read-only connection); at least 1.
    public var threads: Int
    /// Rows decoded and evaluated together.
    public var chunkSize: Int
    /// Whether to read and fill the store's column cache (`STORE.kaoping/columns/`, see `ColumnCache`).
    public var columnCache: Bool
    /// Whether to read and remember table digests in `STORE.kaoping/digests.json` (`kaoping run --no-cache` turns
    /// both caches off).
    public var digestCache: Bool
    /// Called once per table scanned with where its columns came from.
    public var scanReport: (@Sendable (ScanReport) -> Void)?
    /// Called now and then with the rows scanned so far and the rows to scan in all (from any thread).
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Rows per morsel: scans split tables into rowid blocks of this size; partial results are combined
    /// block by block in rowid order, which is what makes sums independent of threads and chunks.
    public static let morselRows: Int64 = 1 << 16

    public init(
        threads: Int = EvaluationOptions.defaultThreads, chunkSize: Int = 4096, columnCache: Bool = false, digestCache: Bool = true,
        progress: (@Sendable (Int, Int) -> Void)? = nil, scanReport: (@Sendable (ScanReport) -> Void)? = nil
    ) {
        self.digestCache = digestCache
        self.scanReport = scanReport
        self.threads = max(1, threads)
        self.chunkSize = max(1, chunkSize)
        self.columnCache = columnCache
        self.progress = progress
    }

    /// All the machine's cores.
    public static var defaultThreads: Int { max(1, ProcessInfoCores.count) }
}

enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Where the columns of one table's scan came from.
public struct ScanReport: Sendable, Equatable {
    public var table: String
    /// Columns read from the column cache.
    public var cached: [String]
    /// Columns read from the store (and added to the cache when it is on).
    public var fromStore: [String]
    /// Cache files found damaged during the scan, deleted and rebuilt.
    public var rebuilt: [String]
}
