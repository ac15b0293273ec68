import Foundation

/// The programs and files the harness uses, found and checked once before anything is measured.
struct Tools {
    /// The repository: the main package, with `Rules/` and `Benchmarks/`.
    let root: String
    let kaoping: String
    let rawRead: String
    /// `kaoping-measure`, which every measured process is run through.
    let measure: String
    /// What the results file records about the software measured.
    let versions: String

    /// `kaoping` (unless given), `kaoping-raw-read` and `kaoping-measure` are the ones built beside this executable.
    static func find(kaoping given: String?) throws -> Tools {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: "\(root)/Benchmarks/Package.swift") else {
            throw BenchError("cannot find the repository (looked in \(root)); run kaoping-bench from its source tree")
        }
        let built = Bundle.main.executableURL?.deletingLastPathComponent().path ?? "."
        let kaoping = given ?? "\(built)/kaoping"
        let rawRead = "\(built)/kaoping-raw-read"
        let measure = "\(built)/kaoping-measure"
        if let given, !FileManager.default.isExecutableFile(atPath: given) { throw BenchError("--kaoping \(given): not an executable") }
        for program in [kaoping, rawRead, measure] where !FileManager.default.isExecutableFile(atPath: program) {
            throw BenchError("no executable at \(program); build with `swift build -c release --package-path Benchmarks`")
        }
        let runHelp = try ChildProcess(kaoping, ["run", "--help"]).output()
        guard runHelp.contains("--no-cache") else {
            throw BenchError("\(kaoping) has no `run --no-cache`: the cold runs need a kaoping with the column cache")
        }
        let sqlite: String
        do {
            sqlite = try ChildProcess("sqlite3", ["-version"]).output()
        } catch {
            throw BenchError("the sqlite3 command is missing (apt-get install sqlite3): \(error)")
        }
        let kaopingVersion = try ChildProcess(kaoping, ["--version"]).output()
        let origin: String
        if given == nil {
            origin = "commit " + ((try? ChildProcess("git", ["-C", root, "describe", "--always", "--dirty"]).output()) ?? "?")
        } else {
            origin = kaoping
        }
        let sqliteVersion = sqlite.split(separator: " ").first.map(String.init) ?? sqlite
        return Tools(
            root: root, kaoping: kaoping, rawRead: rawRead, measure: measure,
            versions: "kaoping \(kaopingVersion) (\(origin)), SQLite \(sqliteVersion)")
    }
}
