import Foundation
import KaopingImport
import KaopingStore
import KaopingSyntax
import Testing

/// Importing an export (issue 22, points 3 and 4): good rows in, every bad row in the rejects file with its line and
/// reason, the summary adding up, the same file twice changing nothing, a changed row updated.
@Suite("Importer")
struct ImporterTests {
    /// A new store with two units, and a folder for the export.
    static func store() throws -> (folder: String, store: Store) {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("kaoping-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try Store.create(at: folder + "/store.sqlite")
        for (id, code) in [(1, "320100F001"), (2, "320200F001")] {
            try store.database.prepare(
                "INSERT INTO centers (id, code, name, kind, level, region) VALUES (?, ?, ?, 'sub_center', 'city', '南京市')"
            )
            .run([.integer(Int64(id)), .text(code), .text("单位" + code)])
        }
        return (folder, store)
    }

    /// The data digest of `tables` from `digests.json`, after checking that the file is for the store's present state
    /// and agrees with reading every table again.
    static func keptDigest(_ store: Store, _ tables: [String]) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: store.sidecarFolder + "/digests.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["token"] as? String == (try store.stateToken()))
        #expect(Set(((object["tables"] as? [String: Any]) ?? [:]).keys).isSuperset(of: tables))
        let kept = try store.dataDigest(tables: tables)
        #expect(kept == (try store.dataDigest(tables: tables, useCache: false)))
        return kept
    }

    static func mapping() throws -> Mapping {
        let path = MappingTests.root.appendingPathComponent("Rules/mappings/gbt39046-cases.mapping").path
        let loaded = MappingChecker.load(SourceFile(name: path, text: try String(contentsOfFile: path, encoding: .utf8)))
        return try #require(loaded.mappings?.first)
    }

    static let header =
        "办件编号,实施主体编码,实施编码,办件类型,申报渠道,窗口类型,申请时间,受理时间,办结时间,承诺办结时限,法定办结时限,特别程序天数,办件状态,申请人名称,申请人证件号码,联系电话,联系地址,备注"

    /// A row with the given case number, unit, type, accepted and finished times and status.
    static func row(
        _ number: String, _ unit: String = "320100F001", kind: String = "承诺件", accepted: String = "20240315T093000",
        finished: String = "2024-03-20 16:00:00", status: String = "已办结", days: String = "5"
    ) -> String {
        "\(number),\(unit),ITEM-1,\(kind),窗口,综合窗口,,\(accepted),\(finished),\(days),20,0,\(status),张三,320102199001011234,13900000000,\"南京市,玄武区\",无"
    }

    @Test("Good rows in, bad rows of every kind rejected with their line and reason; the summary adds up")
    func goodAndBad() throws {
        let (folder, store) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = [
            Self.header,
            Self.row("A1"),  // 2 good
            Self.row("A2", "320200F001", kind: "即办件"),  // 3 good
            Self.row("A3", "999999F999"),  // 4 no such unit
            Self.row("A4", kind: "加急件"),  // 5 unknown code
            Self.row("A5", accepted: "2024-02-30 09:00"),  // 6 no such day
            Self.row("A6", finished: "2024-03-01 09:00:00"),  // 7 finished before accepted
            Self.row("A1"),  // 8 duplicate key
            Self.row("A7", days: "五"),  // 9 not a number
            "A8,320100F001,\"unclosed",  // 10 quoting (spans to the end)
        ]
        let path = folder + "/cases.csv"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let summary = try Importer(store: store).importCSV(path, mapping: try Self.mapping())
        #expect(summary.read == 9)
        #expect(summary.inserted == 2 && summary.updated == 0 && summary.unchanged == 0 && summary.rejected == 7)
        #expect(summary.read == summary.inserted + summary.updated + summary.unchanged + summary.rejected)
        #expect(try store.database.scalar("SELECT count(*) FROM cases") == .integer(2))
        // Personal columns are nowhere in the store.
        #expect(
            try store.database.scalar("SELECT count(*) FROM cases WHERE case_no = 'A2' AND kind = 'instant' AND center_id = 2")
                == .integer(1))
        let rejects = try String(contentsOfFile: folder + "/cases.rejects.csv", encoding: .utf8)
        let rows = rejects.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 8)
        for (line, reason) in [
            (4, "no unit has the code `999999F999`"), (5, "`加急件` is none of the mapped values of kind"), (6, "is no auto time"),
            (7, "finished_at is before accepted_at"), (8, "the same key as line 2"), (9, "`五` is not a whole number"),
            (10, "not closed before the end of the file"),
        ] {
            #expect(rows.contains { $0.hasPrefix("\(line),") && $0.contains(reason) }, "line \(line): \(reason)\n\(rejects)")
        }
        let report = try JSONDecoder().decode(
            ImportSummary.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/cases.import.json")))
        #expect(report == summary)
    }

    @Test("The same file twice changes nothing; a changed row is updated; an unmapped header column stops the import")
    func repeatable() throws {
        let (folder, store) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/cases.csv"
        let write = { (rows: [String]) in
            try Data(([Self.header] + rows).joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        try write([Self.row("A1"), Self.row("A2")])
        let importer = Importer(store: store)
        let tables = ["cases", "centers"]
        let empty = try store.dataDigest(tables: tables)
        #expect(try importer.importCSV(path, mapping: try Self.mapping()).inserted == 2)
        // The import kept the digests current (issue 22, point 10): they are for the store's new state, and equal
        // to reading every table again.
        let digest = try Self.keptDigest(store, tables)
        #expect(digest != empty)
        let again = try importer.importCSV(path, mapping: try Self.mapping())
        #expect(again.unchanged == 2 && again.inserted == 0 && again.updated == 0)
        #expect(try Self.keptDigest(store, tables) == digest)
        try write([Self.row("A1", status: "作废"), Self.row("A2")])
        let changed = try importer.importCSV(path, mapping: try Self.mapping())
        #expect(changed.updated == 1 && changed.unchanged == 1)
        #expect(try Self.keptDigest(store, tables) != digest)
        #expect(try store.database.scalar("SELECT status FROM cases WHERE case_no = 'A1'") == .text("voided"))
        try Data((Self.header + ",身份证\n" + Self.row("A3") + ",x\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect { try importer.importCSV(path, mapping: try Self.mapping()) } throws: { "\($0)".contains("身份证") }
        #expect(try store.database.scalar("SELECT count(*) FROM cases") == .integer(2))
    }

    @Test("Reviews: GB/T 39046's reversed satisfaction codes turned around, labels read, a review of an unknown case rejected")
    func reviews() throws {
        let (folder, store) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases = folder + "/cases.csv"
        try Data(([Self.header, Self.row("A1")].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: cases))
        _ = try Importer(store: store).importCSV(cases, mapping: try Self.mapping())
        func load(_ name: String) throws -> Mapping {
            let path = MappingTests.root.appendingPathComponent("Rules/mappings/\(name)").path
            let loaded = MappingChecker.load(SourceFile(name: path, text: try String(contentsOfFile: path, encoding: .utf8)))
            #expect(loaded.diagnostics == [])
            return try #require(loaded.mappings?.first)
        }
        let header = "评价编号,办件编号,被评价单位编码,满意度,评价渠道,是否默认评价,是否恶意差评,评价时间,回复时间,核实时间,整改时间,回访时间,评价人姓名,评价人手机号,评价内容"
        let rows = [
            header, "R1,A1,320100F001,1,PC端,否,否,2024-03-21 10:00:00,,,,,王五,139,很好",  // GB/T 1 = 非常满意 → 5
            "R2,A1,320100F001,非常不满意,短信,否,否,2024-03-22 10:00:00,2024-03-22 15:00:00,,,,赵六,138,太慢",  // → 1
            "R3,ZZ9,320100F001,2,PC端,否,否,2024-03-23 10:00:00,,,,,孙七,137,",  // no such case
        ]
        let path = folder + "/reviews.csv"
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let summary = try Importer(store: store).importCSV(path, mapping: try load("gbt39046-reviews.mapping"))
        #expect(summary.inserted == 2 && summary.rejected == 1)
        #expect(try store.database.scalar("SELECT rating FROM reviews WHERE review_no = 'R1'") == .integer(5))
        #expect(try store.database.scalar("SELECT rating FROM reviews WHERE review_no = 'R2'") == .integer(1))
        let rejects = try String(contentsOfFile: folder + "/reviews.rejects.csv", encoding: .utf8)
        #expect(rejects.contains("4,") && rejects.contains("no row of cases.case_no is ZZ9"), "\(rejects)")
        // The provincial feed's codes run the other way: the same 1 is 非常不满意.
        let province = try load("province-reviews.mapping")
        #expect(province.columns.first { $0.target == "rating" }?.codes["1"] == "1")
    }

    @Test("JSON Lines: keys are the source columns; numbers as written; a line that is no object, or has a key the mapping lacks, rejected")
    func jsonLines() throws {
        let (folder, store) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = [
            #"{"办件编号": "J1", "实施主体编码": "320100F001", "办件类型": "承诺件", "申报渠道": "窗口", "受理时间": "2024-03-15 09:30:00", "办结时间": "2024-03-18 10:00:00", "承诺办结时限": 5, "特别程序天数": 0, "办件状态": "已办结", "申请人名称": "张三"}"#,
            #"{"办件编号": "J2", "实施主体编码": "320100F001", "办件类型": 2, "申报渠道": "网上", "受理时间": "20240316T093000", "承诺办结时限": 3, "特别程序天数": 0, "办件状态": "已受理", "身份证": "x"}"#,
            #"["not", "an", "object"]"#,
            "",
            #"{"办件编号": "J3", "实施主体编码": "320100F001", "办件类型": "2", "申报渠道": "网上", "受理时间": "20240316T093000", "特别程序天数": 0, "办件状态": "已受理"}"#,
        ]
        let path = folder + "/cases.jsonl"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let summary = try Importer(store: store).importCSV(path, mapping: try Self.mapping())
        #expect(summary.read == 4 && summary.inserted == 2 && summary.rejected == 2, "\(summary)")
        #expect(try store.database.scalar("SELECT promised_days FROM cases WHERE case_no = 'J1'") == .integer(5))
        #expect(try store.database.scalar("SELECT kind FROM cases WHERE case_no = 'J3'") == .text("promised"))
        let rejects = try String(contentsOfFile: folder + "/cases.rejects.csv", encoding: .utf8)
        #expect(rejects.contains("2,") && rejects.contains("the keys 身份证 are not in the mapping"), "\(rejects)")
        #expect(rejects.contains("3,") && rejects.contains("the line is not a JSON object"))
        #expect(!rejects.contains("张三"))
    }
}
