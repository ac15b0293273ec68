import Foundation

/// Measures the assessment on PostgreSQL beside the native SQLite path (issue 23, point 6): the demo of one size
/// exported (`kaoping demo --export`), then imported into a new SQLite file and into a new PostgreSQL database,
/// timed; then the default rules run natively (cold, and second with the column cache) and in PostgreSQL. Every
/// import must reject nothing and every run must give the generated demo store's populations and measures before a
/// figure counts.
struct PostgresBenchmark {
    let cases: Int
    let tools: Tools
    /// Where the demo, its exports, the stores and the runs go: `OUT/CASES/postgres`.
    let folder: String
    let repetitions: Int

    var demo: String { "\(folder)/demo.sqlite" }
    var exports: String { "\(folder)/export" }
    var imported: String { "\(folder)/imported.sqlite" }
    var runs: String { "\(folder)/runs" }
    var rules: String { "\(tools.root)/Rules/jiangsu-2024.rules" }
    /// The database the PostgreSQL store is imported into, dropped and created again before each import.
    var database: String { "kaoping_bench_\(cases)" }

    func run() throws -> PostgresFigures {
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        Log.line("== PostgreSQL, \(SizeFigures.label(cases)) cases: \(folder)")
        try prepareExports()
        var figures = PostgresFigures(cases: cases, records: try exportedRecords(), settings: try PostgresBenchmark.settings())
        try kaoping(db: demo, output: "demo-store", extra: ["--no-cache"]).run()
        let expected = try MeasureTable(resultsJSON: "\(runs)/demo-store/results.json")
        for _ in 0..<repetitions {
            for path in [imported, imported + ".kaoping"] where FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
            }
            figures.keepFastest(.sqliteImport, try measure(.sqliteImport, importer(db: imported, name: "sqlite")))
            try checkSummaries()
            try psql("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
            try psql("CREATE DATABASE \(database)")
            figures.keepFastest(.postgresImport, try measure(.postgresImport, importer(db: "dbname=\(database)", name: "postgres")))
            try checkSummaries()
            try psql("VACUUM ANALYZE", database: database)
            figures.keepFastest(.nativeCold, try measure(.nativeCold, kaoping(db: imported, output: "native-cold", extra: ["--no-cache"])))
            try kaoping(db: imported, output: "native-fill").run()
            figures.keepFastest(.nativeWarm, try measure(.nativeWarm, kaoping(db: imported, output: "native-warm")))
            figures.keepFastest(.postgresRun, try measure(.postgresRun, kaoping(db: "dbname=\(database)", output: "postgres")))
            for run in ["native-cold", "native-warm", "postgres"] {
                let differences = try MeasureTable(resultsJSON: "\(runs)/\(run)/results.json").differences(from: expected)
                guard differences.isEmpty else {
                    throw BenchError(
                        "the \(run) run and the run on the generated store disagree, so no figures are reported:\n"
                            + differences.joined(separator: "\n"))
                }
            }
        }
        figures.checks = [
            "both imports read \(figures.records) records from \(exports) and rejected none",
            "the native cold, native second and PostgreSQL runs give the generated store's populations and measures for "
                + "\(expected.centers) centers",
        ]
        return figures
    }

    /// `kaoping demo --cases N --no-run --export OUT/CASES/postgres/export`, once, untimed.
    private func prepareExports() throws {
        guard !FileManager.default.fileExists(atPath: "\(exports)/import.manifest") else { return }
        Log.line("generating and exporting \(SizeFigures.label(cases)) cases to \(exports) …")
        if FileManager.default.fileExists(atPath: exports) { try FileManager.default.removeItem(atPath: exports) }
        if FileManager.default.fileExists(atPath: demo) { try FileManager.default.removeItem(atPath: demo) }
        var process = ChildProcess(
            tools.kaoping,
            [
                "demo", "--cases", String(cases), "--out", folder, "--calendars", "\(tools.root)/Rules/calendars", "--no-run",
                "--export", exports,
            ])
        process.standardError = "\(folder)/demo.stderr"
        let usage = try process.measured(by: tools.measure)
        Log.line(String(format: "generated and exported in %.0f s", usage.seconds))
    }

    /// The records of every exported file: its lines less the header (no exported field holds a line break).
    private func exportedRecords() throws -> Int {
        let files = try FileManager.default.contentsOfDirectory(atPath: exports).filter {
            $0.hasSuffix(".csv") && !$0.contains(".rejects.")
        }
        var records = 0
        for file in files {
            let lines = try ChildProcess("wc", ["-l", "\(exports)/\(file)"]).output().split(separator: " ").first.flatMap { Int($0) } ?? 0
            records += max(0, lines - 1)
        }
        return records
    }

    /// `kaoping import --db DB --quiet OUT/…/export` (the whole folder, by its import.manifest).
    private func importer(db: String, name: String) -> ChildProcess {
        var process = ChildProcess(tools.kaoping, ["import", "--db", db, "--quiet", exports])
        process.standardOutput = "\(folder)/import-\(name).stdout"
        process.standardError = "\(folder)/import-\(name).stderr"
        return process
    }

    /// Every `NAME.import.json` of the exports must say nothing was rejected.
    private func checkSummaries() throws {
        let summaries = try FileManager.default.contentsOfDirectory(atPath: exports).filter { $0.hasSuffix(".import.json") }
        guard !summaries.isEmpty else { throw BenchError("kaoping import wrote no summary in \(exports)") }
        for file in summaries {
            guard let data = FileManager.default.contents(atPath: "\(exports)/\(file)"),
                let summary = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                (summary["rejected"] as? NSNumber)?.intValue == 0
            else { throw BenchError("\(exports)/\(file) reports rejected records: no figures are reported") }
        }
    }

    /// `kaoping run Rules/jiangsu-2024.rules --db DB --out runs/OUTPUT --format json --quiet [extra]`.
    private func kaoping(db: String, output: String, extra: [String] = []) -> ChildProcess {
        var process = ChildProcess(
            tools.kaoping, ["run", rules, "--db", db, "--out", "\(runs)/\(output)", "--format", "json", "--quiet"] + extra)
        process.standardError = "\(runs)/\(output).stderr"
        return process
    }

    private func measure(_ kind: PostgresFigures.Kind, _ process: ChildProcess) throws -> ResourceUsage {
        let usage = try process.measured(by: tools.measure)
        let name = kind.rawValue.padding(toLength: 50, withPad: " ", startingAt: 0)
        Log.line(String(format: "  %@ %9.3f s %7.0f MB", name, usage.seconds, usage.peakMB))
        return usage
    }

    private func psql(_ sql: String, database: String? = nil) throws {
        var process = ChildProcess("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database ?? "postgres", "-c", sql])
        process.standardError = "\(folder)/psql.stderr"
        try process.run()
    }

    /// The server's version and the settings that bear on the runs, as `name = setting unit` lines.
    static func settings() throws -> [String] {
        let names = [
            "server_version", "shared_buffers", "work_mem", "maintenance_work_mem", "effective_cache_size", "max_worker_processes",
            "max_parallel_workers", "max_parallel_workers_per_gather", "jit", "synchronous_commit", "wal_level", "max_wal_size",
        ]
        let query =
            "SELECT name || ' = ' || setting || coalesce(' ' || unit, '') FROM pg_settings WHERE name IN ("
            + names.map { "'\($0)'" }.joined(separator: ", ") + ") ORDER BY name"
        do {
            return try ChildProcess("psql", ["-X", "-A", "-t", "-d", "postgres", "-c", query]).output().split(separator: "\n").map(
                String.init)
        } catch {
            throw BenchError("no PostgreSQL server answers psql's defaults (start one, with a role for this user): \(error)")
        }
    }
}
