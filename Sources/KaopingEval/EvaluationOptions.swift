import Foundation

/// How an evaluation runs. None of these change a result: the same inputs give byte-identical results
/// for any thread count and any chunk size.
public struct EvaluationOptions: Sendable {
    /// Scan threads (each with its own read-only connection); at least 1.
    public var threads: Int
    /// Rows decoded and evaluated together.
    public var chunkSize: Int
    /// Called now and then with the rows scanned so far and the rows to scan in all (from any thread).
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// Rows per morsel: scans split tables into rowid blocks of this size; partial results are combined
    /// block by block in rowid order, which is what makes sums independent of threads and chunks.
    public static let morselRows: Int64 = 1 << 16

    public init(threads: Int = EvaluationOptions.defaultThreads, chunkSize: Int = 4096, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.threads = max(1, threads)
        self.chunkSize = max(1, chunkSize)
        self.progress = progress
    }

    /// All the machine's cores.
    public static var defaultThreads: Int { max(1, ProcessInfoCores.count) }
}

enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
