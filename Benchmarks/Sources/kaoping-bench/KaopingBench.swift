import ArgumentParser
import Foundation

/// `kaoping-bench`: measures Kaoping against its references on demo stores of several sizes, side by side,
/// and prints the figures and the ratios the targets use.
@main
struct KaopingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaoping-bench",
        abstract: "Measure kaoping cold and warm runs against a raw read and hand-written SQL on demo stores.",
        discussion: """
            Per store size: wall time and peak memory of the raw read of the columns the rules read, kaoping's cold \
            (--no-cache) and warm (filters edited) runs of Benchmarks/six.rules and Rules/jiangsu-2024.rules, and \
            `sqlite3 STORE < Benchmarks/reference.sql`. Stores are generated once into OUT/CASES/demo.sqlite. The \
            answers of reference.sql and of the warm runs are checked against the cold runs before the table is \
            written to standard output and OUT/results.md. With --front-end: `kaoping check` on the shipped rules and \
            on generated rule files of 1 and 8 MB instead (with --baseline, another kaoping side by side), written \
            to OUT/front-end.md. With --import: `kaoping import` of each store's cases as a CSV file (default 10,000,000) \
            against `sqlite3 .import` into a bare table, and the runs after the import, written to OUT/import-results.md. \
            With --postgres: the demo exported, imported into a new SQLite file and into the local PostgreSQL server, and \
            the default rules run on each (default 1,000,000 cases), written to OUT/postgres-results.md.
            """
    )

    @Option(help: "Comma-separated case counts of the demo stores to measure (default 1000000,3000000,10000000; with --import 10000000).")
    var cases: String?

    @Option(help: "Folder for the stores, the runs and results.md.")
    var out = "/tmp/kaoping-bench"

    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "Use an existing demo store for one size instead of OUT/CASES/demo.sqlite (repeatable).",
            valueName: "cases=path"))
    var stores: [String] = []

    @Option(help: "The kaoping executable to measure (default: the one built beside kaoping-bench).")
    var kaoping: String?

    @Option(name: .customLong("repeat"), help: "Take each timed run this many times and keep the fastest.")
    var repetitions = 1

    @Flag(help: "Measure `kaoping check` on the shipped rules and on generated rule files instead of the stores.")
    var frontEnd = false

    @Flag(
        name: .customLong("import"),
        help: "Measure `kaoping import` of each store's cases from a CSV file against `sqlite3 .import`, and the runs after it.")
    var importBenchmark = false

    @Flag(
        name: .customLong("postgres"),
        help:
            "Measure the default rules on the local PostgreSQL server beside SQLite, and kaoping import into each (default 1000000 cases).")
    var postgresBenchmark = false

    @Option(help: "With --front-end: another kaoping executable to measure side by side (a build from before a change).")
    var baseline: String?

    func validate() throws {
        _ = try sizes()
        _ = try givenStores()
        guard repetitions >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard [frontEnd, importBenchmark, postgresBenchmark].filter({ $0 }).count <= 1 else {
            throw ValidationError("--front-end, --import and --postgres are separate measurements")
        }
        guard !(postgresBenchmark && !stores.isEmpty) else {
            throw ValidationError("--postgres generates and exports its own demo: --store is not used")
        }
        if let baseline {
            guard frontEnd else { throw ValidationError("--baseline is measured with --front-end only") }
            guard FileManager.default.isExecutableFile(atPath: baseline) else {
                throw ValidationError("--baseline \(baseline): not an executable")
            }
        }
    }

    /// The case counts, ascending, without repeats.
    func sizes() throws -> [Int] {
        let list = cases ?? (importBenchmark ? "10000000" : postgresBenchmark ? "1000000" : "1000000,3000000,10000000")
        let items = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let counts = try items.map { item in
            guard let count = Int(item.replacingOccurrences(of: "_", with: "")), count > 0 else {
                throw ValidationError("--cases needs comma-separated positive whole numbers, not `\(item)`")
            }
            return count
        }
        guard !counts.isEmpty else { throw ValidationError("--cases names no size") }
        return Array(Set(counts)).sorted()
    }

    /// The `--store CASES=PATH` options, by size.
    func givenStores() throws -> [Int: String] {
        let sizes = try sizes()
        var given: [Int: String] = [:]
        for item in stores {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let count = Int(parts[0].replacingOccurrences(of: "_", with: "")) else {
                throw ValidationError("--store needs cases=path, e.g. --store 10000000=/tmp/d10m/demo.sqlite, not `\(item)`")
            }
            guard sizes.contains(count) else {
                throw ValidationError("--store \(item): \(count) is not one of --cases \(cases ?? "(default)")")
            }
            guard FileManager.default.fileExists(atPath: parts[1]) else { throw ValidationError("--store \(item): no file at \(parts[1])") }
            given[count] = parts[1]
        }
        return given
    }

    func run() throws {
        let tools = try Tools.find(kaoping: kaoping)
        if frontEnd {
            let table = try FrontEndBenchmark(tools: tools, baseline: baseline, folder: "\(out)/front-end", repetitions: repetitions).run()
            let text =
                "# kaoping-bench --front-end\n\n\(Self.now()) · \(ProcessInfo.processInfo.activeProcessorCount) cores · "
                + "\(tools.versions)\(baseline.map { ", before: \($0)" } ?? "") · fastest of \(repetitions)\n\n" + table
            try text.write(toFile: "\(out)/front-end.md", atomically: true, encoding: .utf8)
            print(text, terminator: "")
            Log.line("wrote \(out)/front-end.md")
            return
        }
        if importBenchmark { return try runImport(tools: tools) }
        if postgresBenchmark { return try runPostgres(tools: tools) }
        let ruleSets = try RuleSet.all(root: tools.root, folder: "\(out)/rules")
        for set in ruleSets {
            try ChildProcess(tools.kaoping, ["check", set.editedRules]).run()
        }
        let given = try givenStores()
        let header = self.header(tools)
        var measured: [SizeFigures] = []
        for cases in try sizes() {
            let store = try DemoStore.prepare(cases: cases, given: given[cases], out: out, tools: tools)
            let benchmark = SizeBenchmark(
                store: store, ruleSets: ruleSets, tools: tools, folder: "\(out)/\(cases)/runs", repetitions: repetitions)
            measured.append(try benchmark.run())
            let table = ResultsTable(sizes: measured, ruleSets: ruleSets, header: header)
            try table.markdown.write(toFile: "\(out)/results.md", atomically: true, encoding: .utf8)
        }
        print(ResultsTable(sizes: measured, ruleSets: ruleSets, header: header).markdown, terminator: "")
        Log.line("wrote \(out)/results.md")
    }

    /// `kaoping import` of the cases of each store, then the runs after it, written to `OUT/import-results.md`.
    private func runImport(tools: Tools) throws {
        let given = try givenStores()
        let header = self.header(tools)
        var measured: [ImportFigures] = []
        for cases in try sizes() {
            let store = try DemoStore.prepare(cases: cases, given: given[cases], out: out, tools: tools)
            let benchmark = ImportBenchmark(store: store, tools: tools, folder: "\(out)/\(cases)/import", repetitions: repetitions)
            measured.append(try benchmark.run())
            try ImportTable(sizes: measured, header: header).markdown.write(
                toFile: "\(out)/import-results.md", atomically: true, encoding: .utf8)
        }
        print(ImportTable(sizes: measured, header: header).markdown, terminator: "")
        Log.line("wrote \(out)/import-results.md")
    }

    /// The default rules on SQLite and on PostgreSQL, and the imports into each, written to `OUT/postgres-results.md`.
    private func runPostgres(tools: Tools) throws {
        let header = self.header(tools)
        var measured: [PostgresFigures] = []
        for cases in try sizes() {
            let benchmark = PostgresBenchmark(cases: cases, tools: tools, folder: "\(out)/\(cases)/postgres", repetitions: repetitions)
            measured.append(try benchmark.run())
            try PostgresTable(sizes: measured, header: header).markdown.write(
                toFile: "\(out)/postgres-results.md", atomically: true, encoding: .utf8)
        }
        print(PostgresTable(sizes: measured, header: header).markdown, terminator: "")
        Log.line("wrote \(out)/postgres-results.md")
    }

    /// Machine, versions and command, printed above the tables.
    private func header(_ tools: Tools) -> [String] {
        [
            "\(Self.now()) · \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                + "\(ProcessInfo.processInfo.physicalMemory >> 30) GB · \(tools.versions) · fastest of \(repetitions)",
            "`kaoping-bench " + CommandLine.arguments.dropFirst().joined(separator: " ") + "`",
            "Each figure is one whole process: wall time, and peak resident memory (ru_maxrss from wait4).",
        ]
    }

    private static func now() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }
}
