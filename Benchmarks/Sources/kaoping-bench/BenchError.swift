/// A failure of the harness or of a process it ran, with the message to print.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
