import Foundation
import KaopingPostgres
import Testing

/// `diff`, `sensitivity` and `sql` with `--db CONNECTION-STRING`: what they print from a store in PostgreSQL is what
/// they print from the SQLite store it was copied from.
extension CommandLineTests {
    @Test("diff, sensitivity and sql --db dbname=…: the output of the SQLite store, from its copy in PostgreSQL")
    func commandsOnPostgres() throws {
        let path = try ShippedRules.demo.get()
        try PostgresDemoStore.withCopy(of: path, test: "diff, sensitivity and sql --db dbname=…") { connectionString in
            let commands: [[String]] = [
                ["diff", "Rules/jiangsu-2024.rules", "Rules/jiangsu-2024.rules", "--param", "rectify_days=10", "--format", "md"],
                ["sensitivity", "Rules/jiangsu-2024.rules", "--spread", "20%"],
                ["sql", "Rules/jiangsu-2024.rules", "--dialect", "postgresql"],
                ["sql", "Rules/jiangsu-2024.rules", "--dialect", "postgresql", "--evidence"],
            ]
            for command in commands {
                let native = try Self.kaoping(command + ["--db", path])
                let postgres = try Self.kaoping(command + ["--db", connectionString])
                #expect(native.status == 0, "\(command): \(native.stderr)")
                #expect(postgres.status == native.status, "\(command): \(postgres.stderr)")
                #expect(postgres.stdout == native.stdout, "\(command)")
                #expect(postgres.stdout.count > 200, "\(command)")
            }
        }
    }

    @Test("sql --db dbname=… refuses a PostgreSQL store whose calendar lacks a year the native evaluator would take as built in")
    func sqlCalendarGapOnPostgres() throws {
        let path = try ShippedRules.demo.get()
        try PostgresDemoStore.withCopy(of: path, test: "sql --db calendar gap") { connectionString in
            let connection = try PostgresConnection(connectionString)
            try connection.execute("DELETE FROM calendar WHERE day LIKE '2024-%'")
            let run = try Self.kaoping(["sql", "Rules/jiangsu-2024.rules", "--dialect", "postgresql", "--db", connectionString])
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("lacks province-wide rows for 2024 (0 of 366 days)"), "\(run.stderr)")
        }
    }
}

extension CommandLineTests {
    @Test("run --db dbname=… refuses a store whose calendar lacks a year, rather than count working days otherwise than natively")
    func runCalendarGapOnPostgres() throws {
        let path = try ShippedRules.demo.get()
        try PostgresDemoStore.withCopy(of: path, test: "run --db calendar gap") { connectionString in
            try PostgresConnection(connectionString).execute("DELETE FROM calendar WHERE day LIKE '2025-%'")
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try Self.kaoping([
                "run", "Rules/jiangsu-2024.rules", "--db", connectionString, "--out", folder.path + "/out", "--quiet",
            ])
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("lacks province-wide rows for 2025 (0 of 365 days)"), "\(run.stderr)")
            #expect(run.stderr.contains("kaoping calendar import"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/results.json"))
        }
    }
}
