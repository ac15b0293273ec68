import Foundation
import KaopingImport
import KaopingPostgres
import KaopingStore
import Testing

/// `kaoping import --keys-by-unit` (issue 23, point 5): a store in PostgreSQL whose `cases` and `reviews` Citus can
/// distribute by `center_id`, written so that each number stays unique across the province — the same rows and
/// summaries as a SQLite store given the same files.
@Suite("kaoping import into a PostgreSQL store keyed by unit", .serialized)
struct PostgresUnitKeysImportTests {
    /// Every row of `table`, each as text, in number order: the columns the SQLite store has, from either store.
    static func rows(_ table: String, key: String, sqlite: Store, postgres: PostgresStore) throws -> (
        native: [[String?]], server: [[String?]]
    ) {
        let columns = try sqlite.database.query("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid").compactMap(\.first?.text)
        let sql = "SELECT \(columns.map(quoteIdentifier).joined(separator: ", ")) FROM \(table) ORDER BY \(key) COLLATE \"C\""
        let native = try sqlite.database.query(sql.replacingOccurrences(of: " COLLATE \"C\"", with: "")).map { row in
            row.map { value -> String? in
                switch value {
                case .null: return nil
                case .integer(let number): return String(number)
                case .real(let number): return "\(number)"
                case .text(let text): return text
                }
            }
        }
        return (native, try postgres.connection.query(sql))
    }

    @Test(
        "Keyed by unit: a case another unit now reports moves, a changed case is updated, a new one inserted — the same summaries and rows as in SQLite; again: unchanged"
    )
    func sameAsSQLite() throws {
        try PostgresImportTests.withDatabase("keyed by unit: the same as SQLite") { connectionString in
            let root = try CommandLineTests.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: root) }
            let export = try PostgresImportTests.demoExport(in: root)
            let sqlite = root.appendingPathComponent("store.sqlite").path
            let first = try [
                PostgresImportTests.run([export], db: sqlite, folder: export),
                PostgresImportTests.run(["--keys-by-unit", export], db: connectionString, folder: export),
            ]
            #expect(first[0].status == 0 && first[1].status == 0, "\(first)")
            let note =
                "cases, reviews: keys by unit — unique by (center_id, case_no) and (center_id, review_no), numbers still unique "
                + "across the province; ready for create_distributed_table (docs/postgresql.md §9)\n"
            #expect(first[1].stdout == note + first[0].stdout)

            // The first case now reported by another unit, the second changed, a new one; and the first review moved too.
            var reader = try CSVReader(path: export + "/办件.csv", encoding: .gb18030)
            let caseHeader = try #require(try reader.next()).fields
            var moved = try #require(try reader.next()).fields
            var changed = try #require(try reader.next()).fields
            let otherUnit = changed[1] == moved[1] ? try #require(try reader.next()).fields[1] : changed[1]
            let firstUnit = moved[1]
            #expect(otherUnit != firstUnit)
            moved[1] = otherUnit
            changed[18] = String((Int(changed[18]) ?? 0) + 1)  // 补正告知次数
            var added = changed
            added[0] = "32999920249999999"
            let cases = root.appendingPathComponent("cases.csv").path
            try Data(([caseHeader, moved, changed, added].map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").utf8)
                .write(to: URL(fileURLWithPath: cases))
            let reviewLines = try String(contentsOfFile: export + "/评价.csv", encoding: .utf8).split(whereSeparator: \.isNewline)
            let reviewHeader = reviewLines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let unitColumn = try #require(reviewHeader.firstIndex(of: "被评价单位编码"), "\(reviewHeader)")
            var movedReview = reviewLines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            movedReview[unitColumn] = movedReview[unitColumn] == otherUnit ? firstUnit : otherUnit
            let reviews = root.appendingPathComponent("reviews.csv").path
            try Data(([reviewHeader, movedReview].map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").utf8)
                .write(to: URL(fileURLWithPath: reviews))

            let casesMapping = export + "/mappings/province-cases.mapping"
            let reviewsMapping = export + "/mappings/province-reviews.mapping"
            for _ in 0..<2 {
                let runs = try [sqlite, connectionString].map { db in
                    try [(cases, casesMapping), (reviews, reviewsMapping)].map { file, mapping in
                        try PostgresImportTests.run(["--mapping", mapping, file], db: db, folder: root.path)
                    }
                }
                #expect(runs[0].map(\.stdout) == runs[1].map(\.stdout))
                #expect(runs[1].allSatisfy { $0.status == 0 }, "\(runs)")
            }
            let again = try PostgresImportTests.run(["--mapping", casesMapping, cases], db: connectionString, folder: root.path)
            #expect(again.stdout.contains("read 3 = inserted 0 + updated 0 + unchanged 3 + rejected 0"), "\(again.stdout)")

            let store = try Store.open(at: sqlite, readOnly: true)
            let postgres = try PostgresStore.open(connectionString)
            for (table, key) in [("cases", "case_no"), ("reviews", "review_no")] {
                let rows = try Self.rows(table, key: key, sqlite: store, postgres: postgres)
                #expect(rows.native.count == rows.server.count, "\(table)")
                let differing = zip(rows.native, rows.server).first { $0.0 != $0.1 }.map { "SQLite \($0.0), PostgreSQL \($0.1)" }
                #expect(differing == nil, "\(table): the first row that differs")
            }
            let units = try postgres.connection.query(
                "SELECT c.case_no, u.code FROM cases c JOIN centers u ON u.id = c.center_id WHERE c.case_no = $1", [moved[0]])
            #expect(units.map { $0[1] } == [otherUnit], "the moved case is in its new unit once")
        }
    }

    @Test("--keys-by-unit on a SQLite store is a usage error, and nothing is written")
    func sqliteRefused() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        let csv = folder.appendingPathComponent("units.csv").path
        try CommandLineTests.write("单位代码,单位名称\n", to: csv)
        let run = try CommandLineTests.kaoping([
            "import", "--db", store, "--keys-by-unit", "--mapping", "Rules/mappings/gbt39046-centers.mapping", csv,
        ])
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("--keys-by-unit is for a store in PostgreSQL"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
