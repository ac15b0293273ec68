import ArgumentParser

/// The `kaoping` command: it wires the pipeline's libraries together and nothing else.
@main
struct Kaoping: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaoping",
        abstract: "考评 Kaoping: assess government service sub-centers and write the ranked 通报.",
        version: "0.1.0",
        subcommands: [DemoCommand.self, RunCommand.self, CheckCommand.self, TestCommand.self, SQLCommand.self, FmtCommand.self]
    )
}
