import Foundation
import KaopingPostgres
import KaopingStore
import Testing

/// `kaoping import --db postgresql://…` (issue 23): the same checks, rejects files and summaries as into a SQLite
/// store, the rows loaded with COPY; a store created on an empty database. When no server answers (or
/// `KAOPING_PG=off`), each test prints that it was skipped and why.
@Suite("kaoping import into PostgreSQL", .serialized)
struct PostgresImportTests {
    /// Runs `body` with the connection string (`dbname=…`) of a new empty database, dropped after; or prints that
    /// `test` was skipped, and why, when no server answers.
    static func withDatabase(_ test: String, _ body: (String) throws -> Void) throws {
        if let unavailable = PostgresDemoStore.unavailable {
            print("PostgreSQL test “\(test)” skipped: \(unavailable)")
            return
        }
        let name = "kaoping_import_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection("")
        try admin.execute("CREATE DATABASE \(name)")
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        try body("dbname=\(name)")
    }

    /// The exports of a 300-case demo (`kaoping demo --export`), written to `root/export`: its path.
    static func demoExport(in root: URL) throws -> String {
        let export = root.appendingPathComponent("export").path
        let made = try CommandLineTests.kaoping([
            "demo", "--cases", "300", "--no-run", "--no-previous", "--out", root.appendingPathComponent("demo").path, "--export", export,
        ])
        try #require(made.status == 0, "\(made.stderr)")
        return export
    }

    /// Appends `lines` (CRLF-free CSV records) to the UTF-8 file at `path`.
    static func append(_ lines: [String], to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.map { $0 + "\r\n" }.joined().utf8))
        try handle.close()
    }

    /// The CSV record on line `line` (1-based) of the UTF-8 file at `path`.
    static func line(_ line: Int, of path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return String(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[line - 1])
    }

    /// Runs `kaoping` with `arguments` and the store `db`, the output with `folder` written `FOLDER`.
    static func run(_ arguments: [String], db: String, folder: String) throws -> (status: Int32, stdout: String) {
        let run = try CommandLineTests.kaoping(["import", "--db", db, "--quiet"] + arguments)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        return (run.status, run.stdout.replacingOccurrences(of: folder, with: "FOLDER"))
    }

    @Test(
        "Good and bad rows: the same rejects files to the byte and the same summaries as into SQLite; again: unchanged; a changed row: updated"
    )
    func sameAsSQLite() throws {
        try Self.withDatabase("the same rejects and summaries") { connectionString in
            let root = try CommandLineTests.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: root) }
            let export = try Self.demoExport(in: root)
            let units = export + "/单位.csv"
            let reviews = export + "/评价.csv"
            let firstUnit = try Self.line(2, of: units)
            let firstReview = try Self.line(2, of: reviews)
            let reviewFields = firstReview.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try Self.append(
                [
                    "329999Z001,测试中心甲,综合性政务服务中心,省级,江苏省,,32000X,,,,,张三,13700000000",  // the CHECK of division_code
                    firstUnit,  // the same key as line 2
                    "329999Z002,测试中心乙,未知类型,省级,江苏省,,320000,,,,,李四,13700000001",  // a kind the mapping does not know
                    "329999Z003,测试中心丙,综合性政务服务中心,省级,江苏省,,320000,,,,,王五,13700000002",  // a new unit …
                    "329999F001,测试中心丙分中心,分中心,省级,江苏省,,320000,329999Z003,,,,赵六,13700000003",  // … found by its child
                    "329999F002,测试分中心,分中心,省级,江苏省,,320000,329999Z009,,,,钱七,13700000004",  // no such parent
                ], to: units)
            var missingCase = reviewFields
            missingCase[0] = "PJ29990000001"
            missingCase[1] = "NO-SUCH-CASE"
            var badRating = reviewFields
            badRating[0] = "PJ29990000002"
            badRating[3] = "9"
            var outOfOrder = reviewFields
            outOfOrder[0] = "PJ29990000003"
            outOfOrder[10] = "2020-01-01 00:00:00"
            var withNUL = reviewFields
            withNUL[0] = "PJ2999\u{0}0000004"  // PostgreSQL keeps no NUL in text: rejected by both, not refused by one
            try Self.append(
                [
                    missingCase.joined(separator: ","), firstReview, badRating.joined(separator: ","), outOfOrder.joined(separator: ","),
                    withNUL.joined(separator: ","),
                ],
                to: reviews)

            let sqliteFolder = root.appendingPathComponent("sqlite").path
            let postgresFolder = root.appendingPathComponent("postgres").path
            try FileManager.default.copyItem(atPath: export, toPath: sqliteFolder)
            try FileManager.default.copyItem(atPath: export, toPath: postgresFolder)
            let sqlite = root.appendingPathComponent("store.sqlite").path
            let clock = ContinuousClock()
            var runs: [(status: Int32, stdout: String)] = []
            let sqliteTime = try clock.measure { runs.append(try Self.run([sqliteFolder], db: sqlite, folder: sqliteFolder)) }
            let postgresTime = try clock.measure {
                runs.append(try Self.run([postgresFolder], db: connectionString, folder: postgresFolder))
            }
            print("import of the 300-case demo: SQLite \(sqliteTime), PostgreSQL \(postgresTime)")
            #expect(runs[0].status == 3 && runs[1].status == 3, "\(runs)")
            #expect(runs[1].stdout == runs[0].stdout)
            #expect(
                runs[1].stdout.contains("单位.csv → centers（utf-8）: read 1661 = inserted 1657 + updated 0 + unchanged 0 + rejected 4"),
                "\(runs[1].stdout)")
            #expect(runs[1].stdout.contains("评价.csv → reviews（utf-8）"), "\(runs[1].stdout)")
            for name in ["单位", "评价", "办件", "考评组检查发现"] {
                let a = FileManager.default.contents(atPath: "\(sqliteFolder)/\(name).rejects.csv")
                let b = FileManager.default.contents(atPath: "\(postgresFolder)/\(name).rejects.csv")
                #expect(a == b, "\(name).rejects.csv")
                let summaries = try [sqliteFolder, postgresFolder].map { folder in
                    try String(contentsOfFile: "\(folder)/\(name).import.json", encoding: .utf8).replacingOccurrences(
                        of: folder, with: "FOLDER")
                }
                #expect(summaries[0] == summaries[1], "\(name).import.json")
            }
            let unitRejects = try String(contentsOfFile: "\(postgresFolder)/单位.rejects.csv", encoding: .utf8)
            for reason in ["数据库拒收：CHECK constraint failed", "与第 2 行相同", "未知类型", "329999Z009"] {
                #expect(unitRejects.contains(reason), "\(unitRejects)")
            }
            let reviewRejects = try String(contentsOfFile: "\(postgresFolder)/评价.rejects.csv", encoding: .utf8)
            for reason in ["NO-SUCH-CASE”在 cases.case_no 中不存在", "与第 2 行相同", "“9”不在映射的代码中", "早于", "含有 NUL 字符"] {
                #expect(reviewRejects.contains(reason), "\(reviewRejects)")
            }
            // The new unit's child names it by the id both stores gave it.
            let store = try Store.open(at: sqlite, readOnly: true)
            let postgres = try PostgresStore.open(connectionString)
            let unitsSQL = "SELECT code, id, parent_id FROM centers WHERE code LIKE '329999%' ORDER BY code"
            let native = try store.database.query(unitsSQL).map { $0.map { $0.integer.map(String.init) ?? $0.text } }
            #expect(native.count == 2 && native[0][2] == native[1][1], "\(native)")
            #expect(try postgres.connection.query(unitsSQL) == native)
            for table in ["centers", "reviews", "cases", "assessor_findings", "calendar"] {
                let count = "SELECT count(*) FROM \(table)"
                #expect(try postgres.connection.scalar(count) == store.database.scalar(count)?.integer.map(String.init), "\(table)")
            }

            // Again: nothing new.
            let again = try [(sqliteFolder, sqlite), (postgresFolder, connectionString)].map {
                try Self.run([$0.0], db: $0.1, folder: $0.0)
            }
            #expect(again[1].stdout == again[0].stdout)
            for line in again[1].stdout.split(separator: "\n") where line.contains(".csv → ") {
                #expect(line.contains("inserted 0 + updated 0 + unchanged"), "\(line)")
            }
            // One review changed: updated.
            var changed = reviewFields
            changed[3] = reviewFields[3] == "5" ? "4" : "5"
            for folder in [sqliteFolder, postgresFolder] {
                let text = try String(contentsOfFile: folder + "/评价.csv", encoding: .utf8)
                try Data(text.replacingOccurrences(of: firstReview + "\r\n", with: changed.joined(separator: ",") + "\r\n").utf8)
                    .write(to: URL(fileURLWithPath: folder + "/评价.csv"))
            }
            let updates = try [(sqliteFolder, sqlite), (postgresFolder, connectionString)].map { folder, db in
                try Self.run(["--mapping", "\(folder)/mappings/province-reviews.mapping", folder + "/评价.csv"], db: db, folder: folder)
            }
            #expect(updates[1].stdout == updates[0].stdout)
            #expect(updates[1].stdout.contains("inserted 0 + updated 1 + unchanged "), "\(updates[1].stdout)")
            let rating = "SELECT rating FROM reviews WHERE review_no = '\(reviewFields[0])'"
            #expect(try postgres.connection.scalar(rating) == changed[3])
        }
    }
}
