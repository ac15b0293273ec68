import Foundation

/// A progress bar with rows per second on stderr, for runs longer than a second, only when stderr is a
/// terminal (never in a pipe or a log).
final class ProgressBar: @unchecked Sendable {
    static let shared = ProgressBar()

    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled = isatty(STDERR_FILENO) == 1

    /// Called by the evaluator with rows done and rows in all.
    @Sendable func report(_ done: Int, _ total: Int) {
        draw(rows: done, fraction: total > 0 ? min(1, Double(done) / Double(total)) : 0)
    }

    /// Called by an import with the records read and the share of the file read (its row count is not known).
    @Sendable func report(rows: Int, fraction: Double) {
        draw(rows: rows, fraction: fraction)
    }

    private func draw(rows done: Int, fraction: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed >= 1, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / elapsed
        let line =
            "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            + "\(Int(fraction * 100))%  \(done) rows  \(Int(rate)) rows/s "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line if one was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
