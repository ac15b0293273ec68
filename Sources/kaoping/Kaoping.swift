import ArgumentParser
import CHeap

/// The `kaoping` command: it wires the pipeline's libraries together and nothing else.
@main
struct Kaoping: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaoping",
        abstract: "考评 Kaoping: assess government service sub-centers and write the ranked 通报.",
        version: "0.1.0",
        subcommands: [DemoCommand.self, RunCommand.self, CheckCommand.self, TestCommand.self, SQLCommand.self, FmtCommand.self]
    )

    static func main() {
        // Grow the heap 64 MB at a time rather than 128 KB: each growth is a system call that holds up every
        // thread's page faults, and a large rule file is parsed and checked on all cores at once. The part of
        // the reserve never used is never touched, and costs no memory.
        kaoping_heap_growth(64 << 20)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
