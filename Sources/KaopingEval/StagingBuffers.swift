/// Fixed buffers a reader decodes the store's rows into, one per column read from the store, each with
/// room for a whole morsel; both kinds are allocated for every column (a few hundred kilobytes).
final class StagingBuffers {
    let capacity: Int
    let numbers: [UnsafeMutablePointer<Double>]
    let codes: [UnsafeMutablePointer<Int32>]

    init(columns: Int, capacity: Int) {
        self.capacity = capacity
        numbers = (0..<columns).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: capacity) }
        codes = (0..<columns).map { _ in UnsafeMutablePointer<Int32>.allocate(capacity: capacity) }
    }

    deinit {
        for buffer in numbers { buffer.deallocate() }
        for buffer in codes { buffer.deallocate() }
    }
}
