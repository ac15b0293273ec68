import Foundation

/// Measures the import of one demo store's cases (issue 22, points 9 and 10): `kaoping import` of them as a CSV
/// export into the store without its cases, `sqlite3 .import` of the same file into a bare table, and the runs of the
/// default rules after the import — the first (which finds the store changed), a cold one (`--no-cache`) and a second
/// ordinary one. Checks every answer before a figure counts.
struct ImportBenchmark {
    let store: DemoStore
    let tools: Tools
    /// Where the CSV, the stores and the runs go: `OUT/CASES/import`.
    let folder: String
    /// The whole sequence is taken this many times; the fastest of each run counts.
    let repetitions: Int

    /// The columns of `cases` as the export writes them, in the order of `Benchmarks/cases.mapping`: the unit by its
    /// code, times as `YYYY-MM-DD HH:MM:SS` China time, as the provincial exports write them.
    static let exportQuery = """
        SELECT c.case_no, ce.code AS center_code, c.item_code, c.kind, c.channel, c.window_type, \
        \(time("submitted_at")), \(time("accepted_at")), \(time("finished_at")), c.promised_days, c.statutory_days, \
        c.paused_days, c.status, c.result, c.one_thing, c.proxy_service, c.appointment, c.off_hours, c.corrections, \
        c.visits FROM cases c JOIN centers ce ON ce.id = c.center_id ORDER BY c.rowid
        """

    private static func time(_ column: String) -> String {
        "strftime('%Y-%m-%d %H:%M:%S', c.\(column), 'unixepoch', '+8 hours') AS \(column)"
    }

    var csv: String { "\(folder)/cases.csv" }
    /// The demo store without its cases: what the timed import writes into (a fresh copy each time).
    var base: String { "\(folder)/base.sqlite" }
    var target: String { "\(folder)/kaoping.sqlite" }
    var bare: String { "\(folder)/bare.sqlite" }
    var runs: String { "\(folder)/runs" }
    var rules: String { "\(tools.root)/Rules/jiangsu-2024.rules" }

    func run() throws -> ImportFigures {
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        Log.line("== import, \(SizeFigures.label(store.cases)) cases: \(store.path)")
        try prepareCSV()
        try prepareBase()
        let csvBytes = (try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
        var figures = ImportFigures(cases: store.cases, store: store.path, csvMB: Double(csvBytes) / 1_000_000)

        // Untimed: the answers the imported store must give, from the demo store itself (read only: `--no-cache`
        // writes nothing beside it).
        try kaoping(db: store.path, output: "demo-store", extra: ["--no-cache"]).run()
        let expected = try MeasureTable(resultsJSON: "\(runs)/demo-store/results.json")

        for _ in 0..<repetitions {
            figures.keepFastest(.sqliteImport, try measure(.sqliteImport, sqliteImport()))
            try checkCount(bare, "sqlite3's bare table")

            // A fresh copy of the store without its cases, assessed once (untimed) so that it has its digests and
            // column cache, as a store that is imported into has; then the import, and the runs after it.
            for path in [target, target + ".kaoping"] where FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
            }
            try FileManager.default.copyItem(atPath: base, toPath: target)
            try kaoping(db: target, output: "before-import", extra: ["--allow-partial-data"]).run()
            figures.keepFastest(.kaopingImport, try measure(.kaopingImport, kaopingImport()))
            try checkImportSummary()
            try checkCount(target, "the store kaoping imported into")
            figures.keepFastest(.firstRun, try measure(.firstRun, kaoping(db: target, output: "first")))
            figures.keepFastest(.coldRun, try measure(.coldRun, kaoping(db: target, output: "cold", extra: ["--no-cache"])))
            figures.keepFastest(.warmRun, try measure(.warmRun, kaoping(db: target, output: "warm")))
            for run in ["first", "cold", "warm"] {
                try check(
                    try MeasureTable(resultsJSON: "\(runs)/\(run)/results.json"), "the \(run) run after the import", against: expected)
            }
        }
        figures.checks = [
            "sqlite3's bare table and the imported store hold \(store.cases) cases; \(Self.summaryFile(csv)) says "
                + "\(store.cases) read, \(store.cases) inserted, 0 rejected",
            "the first, cold and warm runs on the imported store give the demo store's populations and measures for "
                + "\(expected.centers) centers",
        ]
        return figures
    }

    /// `OUT/CASES/import/cases.csv`, exported once from the store (untimed) and reused.
    private func prepareCSV() throws {
        guard !FileManager.default.fileExists(atPath: csv) else { return }
        Log.line("exporting the cases to \(csv) …")
        var export = ChildProcess("sqlite3", ["-readonly", "-csv", "-header", store.path, Self.exportQuery])
        export.standardOutput = csv + ".partial"
        export.standardError = "\(folder)/export.stderr"
        let usage = try export.measured(by: tools.measure)
        try FileManager.default.moveItem(atPath: csv + ".partial", toPath: csv)
        Log.line(String(format: "exported in %.0f s", usage.seconds))
    }

    /// `OUT/CASES/import/base.sqlite`: a copy of the store with its cases deleted (and vacuumed), made once.
    private func prepareBase() throws {
        guard !FileManager.default.fileExists(atPath: base) else { return }
        Log.line("copying the store without its cases to \(base) …")
        let partial = base + ".partial"
        if FileManager.default.fileExists(atPath: partial) { try FileManager.default.removeItem(atPath: partial) }
        try FileManager.default.copyItem(atPath: store.path, toPath: partial)
        var delete = ChildProcess("sqlite3", [partial, "DELETE FROM cases; VACUUM;"])
        delete.standardError = "\(folder)/base.stderr"
        try delete.run()
        try FileManager.default.moveItem(atPath: partial, toPath: base)
    }

    /// `sqlite3 bare.sqlite` reading `.mode csv` and `.import cases.csv cases` (the table made from the header: no
    /// types, no constraints, no index) into a new file.
    private func sqliteImport() throws -> ChildProcess {
        if FileManager.default.fileExists(atPath: bare) { try FileManager.default.removeItem(atPath: bare) }
        let script = "\(folder)/bare-import.sql"
        try ".mode csv\n.import \(csv) cases\n".write(toFile: script, atomically: true, encoding: .utf8)
        var sqlite = ChildProcess("sqlite3", [bare], standardInput: script)
        sqlite.standardError = "\(folder)/bare-import.stderr"
        return sqlite
    }

    /// `kaoping import --db kaoping.sqlite --mapping Benchmarks/cases.mapping --quiet cases.csv`.
    private func kaopingImport() throws -> ChildProcess {
        for suffix in ["import.json", "rejects.csv"] {
            let old = Self.sibling(csv, suffix)
            if FileManager.default.fileExists(atPath: old) { try FileManager.default.removeItem(atPath: old) }
        }
        var process = ChildProcess(
            tools.kaoping, ["import", "--db", target, "--mapping", "\(tools.root)/Benchmarks/cases.mapping", "--quiet", csv])
        process.standardOutput = "\(folder)/import.stdout"
        process.standardError = "\(folder)/import.stderr"
        return process
    }

    /// `kaoping run Rules/jiangsu-2024.rules --db DB --out runs/OUTPUT --format json --quiet [extra]`.
    private func kaoping(db: String, output: String, extra: [String] = []) -> ChildProcess {
        var process = ChildProcess(
            tools.kaoping, ["run", rules, "--db", db, "--out", "\(runs)/\(output)", "--format", "json", "--quiet"] + extra)
        process.standardError = "\(runs)/\(output).stderr"
        return process
    }

    private func measure(_ kind: ImportFigures.Kind, _ process: ChildProcess) throws -> ResourceUsage {
        let usage = try process.measured(by: tools.measure)
        let name = kind.rawValue.padding(toLength: 50, withPad: " ", startingAt: 0)
        Log.line(String(format: "  %@ %9.3f s %7.0f MB", name, usage.seconds, usage.peakMB))
        return usage
    }

    private func checkCount(_ db: String, _ name: String) throws {
        let count = try ChildProcess("sqlite3", ["-readonly", db, "SELECT count(*) FROM cases"]).output()
        guard count == String(store.cases) else {
            throw BenchError("\(name) (\(db)) holds \(count) cases, not \(store.cases): no figures are reported")
        }
    }

    /// `cases.import.json` must say every row was read and inserted, none rejected.
    private func checkImportSummary() throws {
        let path = Self.summaryFile(csv)
        guard let data = FileManager.default.contents(atPath: path),
            let summary = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw BenchError("kaoping import wrote no summary at \(path)") }
        let counts = ["read", "inserted", "updated", "unchanged", "rejected"].map { ($0, (summary[$0] as? NSNumber)?.intValue ?? -1) }
        let expected = [store.cases, store.cases, 0, 0, 0]
        guard counts.map(\.1) == expected else {
            let said = counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            throw BenchError("\(path) says \(said), not \(store.cases) read and inserted: no figures are reported")
        }
    }

    private func check(_ table: MeasureTable, _ name: String, against expected: MeasureTable) throws {
        let differences = table.differences(from: expected)
        guard differences.isEmpty else {
            throw BenchError(
                "\(name) and the run on the demo store \(store.path) disagree, so no figures are reported. "
                    + "First differences:\n" + differences.joined(separator: "\n"))
        }
    }

    static func summaryFile(_ csv: String) -> String { sibling(csv, "import.json") }

    /// `NAME.SUFFIX` beside `path`, as `kaoping import` names its summary and rejects (`cases.csv` → `cases.import.json`).
    private static func sibling(_ path: String, _ suffix: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().path + "." + suffix
    }
}
