import Foundation
import KaopingResults
import KaopingStore
import Testing

/// `kaoping run --db CONNECTION-STRING`: a store in PostgreSQL assessed from the command line.
extension CommandLineTests {
    @Test("run and check --db dbname=…: the results and diagnostics of the SQLite store, from its copy in PostgreSQL")
    func runOnPostgres() throws {
        let path = try ShippedRules.demo.get()
        try PostgresDemoStore.withCopy(of: path, test: "run --db dbname=…") { connectionString in
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let native = folder.appendingPathComponent("native").path
            let postgres = folder.appendingPathComponent("postgres").path
            let common = ["--format", "json", "--quiet", "--no-cache"]
            let first = try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", path, "--out", native] + common)
            #expect(first.status == 0, "\(first.stderr)")
            let second = try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", connectionString, "--out", postgres] + common)
            #expect(second.status == 0, "\(second.stderr)")
            let a = try ResultsDocument.read(from: Data(contentsOf: URL(fileURLWithPath: native + "/results.json")))
            let b = try ResultsDocument.read(from: Data(contentsOf: URL(fileURLWithPath: postgres + "/results.json")))
            #expect(a.assessment.dataDigest == b.assessment.dataDigest)
            #expect(a.assessment.rulesSHA256 == b.assessment.rulesSHA256)
            #expect(
                a.centers.map { [$0.code, $0.grade, "\($0.rank)", "\($0.total)"] }
                    == b.centers.map { [$0.code, $0.grade, "\($0.rank)", "\($0.total)"] })
            #expect(a.lists == b.lists && a.dataQuality == b.dataQuality && a.dataCoverage == b.dataCoverage)
            // check --db: the same diagnostics (schema and the data's coverage of the period) from either store.
            let checkNative = try Self.kaoping(["check", "Rules/jiangsu-2024.rules", "--db", path, "--lang", "en"])
            let checkPostgres = try Self.kaoping(["check", "Rules/jiangsu-2024.rules", "--db", connectionString, "--lang", "en"])
            #expect(checkPostgres.status == checkNative.status, "\(checkPostgres.stderr)")
            #expect(checkPostgres.stdout == checkNative.stdout)
            #expect(checkPostgres.stderr == checkNative.stderr)
        }
    }

    @Test("explain --db dbname=…: the text and JSON of the SQLite store, with and without --all; the same unknown-center sentences")
    func explainOnPostgres() throws {
        let path = try ShippedRules.demo.get()
        let code = try ExplainTests.overdueCenter()
        try PostgresDemoStore.withCopy(of: path, test: "explain --db dbname=…") { connectionString in
            let clock = ContinuousClock()
            for options in [
                ["--format", "text"], ["--format", "json"], ["--all"], ["--all", "--format", "json"],
                ["--indicator", "timeliness", "--all", "--format", "md"],
            ] {
                let arguments = ["explain", "Rules/jiangsu-2024.rules", "--center", code] + options
                var runs: [Run] = []
                let nativeTime = try clock.measure { runs.append(try Self.kaoping(arguments + ["--db", path])) }
                let postgresTime = try clock.measure { runs.append(try Self.kaoping(arguments + ["--db", connectionString])) }
                let (native, postgres) = (runs[0], runs[1])
                print("explain \(options.joined(separator: " ")): native \(nativeTime), PostgreSQL \(postgresTime)")
                #expect(native.status == 0, "\(native.stderr)")
                #expect(postgres.status == 0, "\(options): \(postgres.stderr)")
                #expect(postgres.stdout == native.stdout, "\(options)")
                #expect(native.stdout.contains(options.contains("json") ? "\"key\": \"" : "失分记录：共 "), "\(options)")
            }
            let unassessed = try #require(
                try Store.open(at: path, readOnly: true).database.scalar("SELECT code FROM centers WHERE kind = 'center' LIMIT 1")?.text)
            for center in [code + "X", "南京市政务服务中心人社分中心", unassessed] {
                let arguments = ["explain", "Rules/jiangsu-2024.rules", "--center", center]
                let native = try Self.kaoping(arguments + ["--db", path])
                let postgres = try Self.kaoping(arguments + ["--db", connectionString])
                #expect(native.status == 2 && postgres.status == 2, "\(center): \(postgres.stderr)")
                #expect(postgres.stderr == native.stderr, "\(center)")
            }
        }
    }

    @Test("run --db with a connection string no server answers: one plain sentence, exit 2, the password never shown")
    func unreachablePostgres() throws {
        let run = try Self.kaoping([
            "run", "Rules/jiangsu-2024.rules", "--db", "postgresql://kaoping:Secret-Word@127.0.0.1:1/kaoping?connect_timeout=2",
            "--out", "no-such-out",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("kaoping run: "), "\(run.stderr)")
        #expect(run.stderr.contains("postgresql://kaoping:***@127.0.0.1:1/kaoping"), "\(run.stderr)")
        #expect(!run.stderr.contains("Secret-Word"))
        #expect(!FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("no-such-out").path))
    }

    @Test(
        "import and calendar import into a server that does not answer: one sentence, exit 2, no file of its name, no password",
        arguments: [
            [
                "import", "--db", "postgresql://kaoping:Secret-Word@127.0.0.1:1/kaoping?connect_timeout=2", "--mapping",
                "Rules/mappings/gbt39046-cases.mapping", "Rules/calendars/2024.txt",
            ],
            [
                "calendar", "import", "Rules/calendars/2024.txt", "--db",
                "postgresql://kaoping:Secret-Word@127.0.0.1:1/kaoping?connect_timeout=2",
            ],
        ])
    func importUnreachable(_ arguments: [String]) throws {
        let run = try Self.kaoping(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.errorLines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("postgresql://kaoping:***@127.0.0.1:1/kaoping"), "\(run.stderr)")
        #expect(!run.stderr.contains("Secret-Word"))
        #expect(!FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("postgresql:").path))
    }
}
