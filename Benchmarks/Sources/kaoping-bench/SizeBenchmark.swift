import Foundation

/// Measures one store: for each rule set the raw read, the cold run and the warm run, then `reference.sql`;
/// and checks the answers before any figure is reported.
struct SizeBenchmark {
    let store: DemoStore
    let ruleSets: [RuleSet]
    let tools: Tools
    /// Where the runs write their results and standard error: `OUT/CASES/runs`.
    let folder: String
    /// Each timed run is taken this many times; the fastest counts.
    let repetitions: Int

    func run() throws -> SizeFigures {
        var figures = SizeFigures(cases: store.cases, store: store.path)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        Log.line("== \(SizeFigures.label(store.cases)) cases: \(store.path)")

        // Untimed: the first run on a store computes the data digests kept beside it, once.
        for set in ruleSets { try kaoping(set.rules, output: "first-\(set.name)", cache: true).run() }

        for set in ruleSets {
            figures[.rawRead, set.label] = try timed(.rawRead, set.label) {
                var read = ChildProcess(tools.rawRead, [store.path, set.readQueries])
                read.standardError = "\(folder)/raw-read-\(set.name).stderr"
                return read
            }
        }
        for set in ruleSets {
            figures[.cold, set.label] = try timed(.cold, set.label) { kaoping(set.rules, output: "cold-\(set.name)", cache: false) }
            // The cost of naming the records that cost points (issue 20): the same run naming none.
            figures[.coldWithoutEvidence, set.label] = try timed(.coldWithoutEvidence, set.label) {
                kaoping(set.rules, output: "cold-no-evidence-\(set.name)", cache: false, extra: ["--evidence", "0"])
            }
        }

        let six = ruleSets[0]
        let referenceRows = "\(folder)/reference.out"
        figures[.reference, six.label] = try timed(.reference, six.label) {
            var sqlite = ChildProcess("sqlite3", [store.path], standardInput: "\(tools.root)/Benchmarks/reference.sql")
            sqlite.standardOutput = referenceRows
            sqlite.standardError = "\(folder)/reference.stderr"
            return sqlite
        }
        let kaopingSix = try MeasureTable(resultsJSON: "\(folder)/cold-\(six.name)/results.json")
        try check(
            try MeasureTable(referenceOutput: referenceRows), "reference.sql", against: kaopingSix, "kaoping's cold run of \(six.label)")
        figures.checks.append(
            "reference.sql gives kaoping's populations and measures for \(six.label): \(kaopingSix.centers) centers × 6 indicators")

        for set in ruleSets {
            figures[.warm, set.label] = try timed(
                .warm, set.label, untimed: kaoping(set.rules, output: "warm-fill-\(set.name)", cache: true)
            ) {
                kaoping(set.editedRules, output: "warm-\(set.name)", cache: true)
            }
            try check(
                try MeasureTable(resultsJSON: "\(folder)/warm-\(set.name)/results.json"), "the warm run of the edited \(set.label)",
                against: try MeasureTable(resultsJSON: "\(folder)/cold-\(set.name)/results.json"), "the cold run")
        }
        figures.checks.append("the warm runs of the edited rules give the cold runs' populations and measures")
        return figures
    }

    /// `kaoping run RULES --db STORE --out FOLDER/OUTPUT --format json --quiet [--no-cache]`.
    private func kaoping(_ rules: String, output: String, cache: Bool, extra: [String] = []) -> ChildProcess {
        var arguments = ["run", rules, "--db", store.path, "--out", "\(folder)/\(output)", "--format", "json", "--quiet"] + extra
        if !cache { arguments.append("--no-cache") }
        var process = ChildProcess(tools.kaoping, arguments)
        process.standardError = "\(folder)/\(output).stderr"
        return process
    }

    /// Runs `process()` `repetitions` times, each after `untimed` if given, and keeps the fastest run.
    private func timed(
        _ kind: SizeFigures.Kind, _ rules: String, untimed: ChildProcess? = nil, _ process: () -> ChildProcess
    ) throws -> ResourceUsage {
        var best: ResourceUsage?
        for _ in 0..<repetitions {
            try untimed?.run()
            let usage = try process().measured(by: tools.measure)
            if best == nil || usage.seconds < best!.seconds { best = usage }
        }
        let usage = best!
        let name = "\(kind.rawValue), \(rules)".padding(toLength: 50, withPad: " ", startingAt: 0)
        Log.line(String(format: "  %@ %9.3f s %7.0f MB", name, usage.seconds, usage.peakMB))
        return usage
    }

    /// Stops the benchmark when two runs disagree: figures of wrong answers are worth nothing.
    private func check(_ table: MeasureTable, _ name: String, against expected: MeasureTable, _ expectedName: String) throws {
        let differences = table.differences(from: expected)
        guard differences.isEmpty else {
            throw BenchError(
                "\(name) and \(expectedName) disagree on \(store.path), so no figures are reported. "
                    + "First differences (\(name) against \(expectedName)):\n" + differences.joined(separator: "\n"))
        }
    }
}
