import Foundation
import KaopingPostgres
import KaopingResults
import KaopingStore
import Testing

/// The differential of issue 23: the demo exported (`kaoping demo --export`), imported into a new PostgreSQL
/// database with `kaoping import`, and assessed there gives the results the native run gives on the demo's SQLite
/// store; and `kaoping calendar import` writes the rows a SQLite store gets. When no server answers (or
/// `KAOPING_PG=off`), each test prints that it was skipped and why.
@Suite("kaoping import into PostgreSQL, then run: the native results", .serialized)
struct PostgresImportDifferentialTests {
    /// The records read, by the summary lines `kaoping import` prints (`… read N = …`).
    static func rowsRead(_ stdout: String) -> Int {
        stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let read = line.range(of: ": read ") else { return nil }
            return Int(line[read.upperBound...].prefix { $0.isNumber })
        }.reduce(0, +)
    }

    @Test("demo --cases 20000 --export, import --db dbname=…, run: results.json as the native run's on the demo store")
    func demoRoundTrip() throws {
        try PostgresImportTests.withDatabase("import and run the exported demo") { connectionString in
            let root = try CommandLineTests.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: root) }
            let demo = root.appendingPathComponent("demo").path
            let export = root.appendingPathComponent("export").path
            let made = try CommandLineTests.kaoping([
                "demo", "--cases", "20000", "--no-run", "--no-previous", "--out", demo, "--export", export,
            ])
            #expect(made.status == 0, "\(made.stderr)")
            let clock = ContinuousClock()
            var runs: [CommandLineTests.Run] = []
            let sqlite = root.appendingPathComponent("new.sqlite").path
            let sqliteTime = try clock.measure { runs.append(try CommandLineTests.kaoping(["import", "--db", sqlite, export, "--quiet"])) }
            let postgresTime = try clock.measure {
                runs.append(try CommandLineTests.kaoping(["import", "--db", connectionString, export, "--quiet"]))
            }
            #expect(runs[0].status == 0 && runs[1].status == 0, "\(runs[1].stdout)\(runs[1].stderr)")
            #expect(runs[1].stdout == runs[0].stdout)
            let rows = Self.rowsRead(runs[1].stdout)
            #expect(rows > 50_000)
            let rate = { (time: Duration) in
                Int(Double(rows) / (Double(time.components.seconds) + Double(time.components.attoseconds) * 1e-18))
            }
            print(
                "import of the 20,000-case demo, \(rows) rows: SQLite \(sqliteTime) (\(rate(sqliteTime)) rows/s), PostgreSQL \(postgresTime) (\(rate(postgresTime)) rows/s)"
            )

            var documents: [ResultsDocument] = []
            for (name, db) in [("native", demo + "/demo.sqlite"), ("postgres", connectionString)] {
                let out = root.appendingPathComponent("run-" + name).path
                let run = try CommandLineTests.kaoping([
                    "run", "Rules/jiangsu-2024.rules", "--db", db, "--out", out, "--format", "json", "--quiet",
                ])
                #expect(run.status == 0, "\(run.stderr)")
                documents.append(try ResultsDocument.read(from: Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))))
            }
            let (native, inDatabase) = (documents[0], documents[1])
            #expect(native.centers.count > 1000)
            #expect(inDatabase.assessment.dataDigest == native.assessment.dataDigest, "the same rows as the demo store")
            // As PostgresEvaluationTests compares them: measures equal to 1e-12, then the rest to the byte.
            try PostgresEvaluationTests.expectSame(native, inDatabase)

            // The extra table: created with its period column noted, its rows (and ids, its rowid) as in SQLite.
            let postgres = try PostgresStore.open(connectionString)
            let original = try Store.open(at: demo + "/demo.sqlite", readOnly: true)
            let findings = "SELECT id, center_id, found_at, indicator, item, quantity FROM assessor_findings ORDER BY id"
            let expectedRows = try original.database.query(findings).map { $0.map { $0.integer.map(String.init) ?? $0.text } }
            #expect(expectedRows.count > 100)
            #expect(try postgres.connection.query(findings) == expectedRows)
            #expect(try postgres.connection.scalar("SELECT count(*) FROM assessor_findings WHERE rowid <> id") == "0")
            #expect(
                try postgres.connection.scalar("SELECT value FROM kaoping_meta WHERE key = 'period_column.assessor_findings'") == "found_at"
            )
        }
    }

    @Test("calendar import into an empty database creates the store; the province's and a region's rows are SQLite's")
    func calendar() throws {
        try PostgresImportTests.withDatabase("calendar import") { connectionString in
            let root = try CommandLineTests.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: root) }
            let sqlite = root.appendingPathComponent("store.sqlite").path
            for db in [sqlite, connectionString] {
                for arguments in [
                    ["Rules/calendars/2024.txt"], ["Rules/calendars/2025.txt"], ["Rules/calendars/2024.txt", "--region", "苏州市"],
                ] {
                    let run = try CommandLineTests.kaoping(["calendar", "import"] + arguments + ["--db", db])
                    #expect(run.status == 0, "\(run.stderr)")
                    #expect(run.stdout.contains("calendar 202"), "\(run.stdout)")
                }
            }
            // Once more: the year's rows replaced, not added.
            #expect(try CommandLineTests.kaoping(["calendar", "import", "Rules/calendars/2024.txt", "--db", connectionString]).status == 0)
            let rows = "SELECT day, is_workday, coalesce(region, '') FROM calendar ORDER BY coalesce(region, ''), day"
            let expected = try Store.open(at: sqlite, readOnly: true).database.query(rows).map {
                $0.map { $0.integer.map(String.init) ?? $0.text }
            }
            #expect(expected.count == 366 + 365 + 366)
            let postgres = try PostgresStore.open(connectionString)
            #expect(try postgres.connection.query(rows) == expected)
            #expect(try postgres.version == CanonicalSchema.version)
        }
    }
}
