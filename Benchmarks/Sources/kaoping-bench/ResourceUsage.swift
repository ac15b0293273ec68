/// What one child process cost: its whole-process wall time and its peak resident memory.
struct ResourceUsage: Sendable {
    var seconds: Double
    var peakMB: Double
}
