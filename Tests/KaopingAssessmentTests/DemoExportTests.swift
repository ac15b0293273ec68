import Foundation
import KaopingImport
import KaopingResults
import KaopingStore
import Testing

/// The round trip (issue 22, point 8): `kaoping demo --export DIR` writes the demo province as a folder of exports,
/// and `kaoping import --db NEW.sqlite DIR` turns it back into the same store — every table's rows, ids and values —
/// so that `kaoping run` gives the same results, byte for byte.
@Suite("kaoping demo --export")
struct DemoExportTests {
    /// Every table the demo fills: the canonical ones but the store's own metadata, and its extra table.
    static let tables = CanonicalSchema.tables.map(\.name).filter { $0 != "kaoping_meta" } + ["assessor_findings"]

    @Test("Exported and imported into a new store: nothing rejected, every table's digest the same, the same results.json")
    func roundTrip() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("demo").path
        let export = folder.appendingPathComponent("export").path
        let made = try CommandLineTests.kaoping(["demo", "--cases", "3000", "--no-run", "--no-previous", "--out", demo, "--export", export])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.isEmpty, "no value the export cannot write back: \(made.stderr)")
        let store = folder.appendingPathComponent("new.sqlite").path
        let imported = try CommandLineTests.kaoping(["import", "--db", store, export, "--quiet"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let lines = imported.stdout.split(separator: "\n").filter { $0.contains(".csv → ") }
        #expect(lines.count == StoreExporter.files.count, "\(imported.stdout)")
        for line in lines { #expect(line.hasSuffix("rejected 0"), "\(line)") }
        let files = try FileManager.default.contentsOfDirectory(atPath: export)
        #expect(!files.contains { $0.hasSuffix(".rejects.csv") })

        let original = try Store.open(at: demo + "/demo.sqlite", readOnly: true)
        let copy = try Store.open(at: store, readOnly: true)
        for table in Self.tables {
            let count = "SELECT count(*) FROM \(table)"
            #expect(try original.database.scalar(count) != .integer(0), "the demo fills \(table)")
            #expect(try copy.database.scalar(count) == original.database.scalar(count), "\(table)")
            #expect(try copy.tableDigest(table) == original.tableDigest(table), "\(table): the same rows, ids and values")
        }
        #expect(try copy.dataDigest(tables: Self.tables, useCache: false) == original.dataDigest(tables: Self.tables, useCache: false))
        // The store's own metadata: the demo's stamp (source, demo.seed …) is not data and does not travel.
        let meta = "SELECT key, value FROM kaoping_meta WHERE key NOT IN ('source') AND key NOT LIKE 'demo.%' ORDER BY key"
        #expect(try copy.database.query(meta) == original.database.query(meta))
        // Every review's case is in the new store (reviews of cases accepted before the period included).
        let orphans = "SELECT count(*) FROM reviews WHERE case_no IS NOT NULL AND case_no NOT IN (SELECT case_no FROM cases)"
        #expect(try copy.database.scalar(orphans) == .integer(0))

        var results: [Data] = []
        for (name, path) in [("original", demo + "/demo.sqlite"), ("copy", store)] {
            let out = folder.appendingPathComponent("run-" + name).path
            let run = try CommandLineTests.kaoping([
                "run", "Rules/jiangsu-2024.rules", "--db", path, "--out", out, "--format", "json", "--quiet",
            ])
            #expect(run.status == 0, "\(run.stderr)")
            results.append(try Data(contentsOf: URL(fileURLWithPath: out + "/results.json")))
        }
        let documents = try results.map(ResultsDocument.read(from:))
        #expect(documents[0].centers.count > 1000)
        let scores = documents.map { $0.centers.map { "\($0.code) \($0.total) \($0.rank) \($0.grade)" } }
        #expect(scores[0] == scores[1], "the same scores, totals and ranks")
        #expect(documents[0].assessment.dataDigest == documents[1].assessment.dataDigest)
        #expect(results[0] == results[1], "results.json byte for byte")
    }

    @Test("The cases file is GB18030, the reviews carry the provincial codes (5 = 非常满意), personal columns are made up from the seed")
    func files() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var exports: [String] = []
        for copy in ["a", "b"] {
            let export = folder.appendingPathComponent("export-" + copy).path
            let out = folder.appendingPathComponent("demo-" + copy).path
            let made = try CommandLineTests.kaoping([
                "demo", "--cases", "300", "--no-run", "--no-previous", "--out", out, "--export", export,
            ])
            #expect(made.status == 0, "\(made.stderr)")
            exports.append(export)
        }
        let cases = try Data(contentsOf: URL(fileURLWithPath: exports[0] + "/办件.csv"))
        #expect(String(data: cases, encoding: .utf8) == nil, "not UTF-8")
        #expect(TextEncoding.detect(Array(cases.prefix(65_536))) == .gb18030)
        var reader = try CSVReader(path: exports[0] + "/办件.csv", encoding: .gb18030)
        let header = try #require(try reader.next()).fields
        #expect(header.starts(with: ["办件编号", "实施主体编码", "实施编码", "办件类型", "申报渠道"]), "\(header)")
        let idColumn = try #require(header.firstIndex(of: "申请人证件号码"))
        while let record = try reader.next() {
            let id = record.fields[idColumn]
            let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
            let sum = zip(id, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
            #expect(id.count == 18 && id.hasPrefix("32") && id.last == Array("10X98765432")[sum % 11], "\(id)")
        }
        let manifest = try String(contentsOfFile: exports[0] + "/import.manifest", encoding: .utf8)
        #expect(manifest.contains("import \"评价.csv\" with \"mappings/province-reviews.mapping\""))
        let casesMapping = try String(contentsOfFile: exports[0] + "/mappings/province-cases.mapping", encoding: .utf8)
        for column in ["申请人名称", "申请人证件号码", "联系电话", "联系地址"] { #expect(casesMapping.contains("personal \"\(column)\" drop")) }

        // 满意度 as the provincial feed codes it: the store's rating itself (GB/T 39046 would write 1 for 5).
        let store = try Store.open(at: folder.appendingPathComponent("demo-a/demo.sqlite").path, readOnly: true)
        let ratings = Dictionary(
            try store.database.query("SELECT review_no, rating FROM reviews").map { ($0[0].text ?? "", $0[1].integer ?? 0) }
        ) { first, _ in first }
        var reviews = try CSVReader(path: exports[0] + "/评价.csv")
        let columns = try #require(try reviews.next()).fields
        let number = try #require(columns.firstIndex(of: "评价编号"))
        let satisfaction = try #require(columns.firstIndex(of: "满意度"))
        var written: [String: Int] = [:]
        while let record = try reviews.next() {
            #expect(record.fields[satisfaction] == ratings[record.fields[number]].map(String.init), "\(record.text)")
            written[record.fields[satisfaction], default: 0] += 1
        }
        #expect(written.values.reduce(0, +) == ratings.count)
        #expect((written["5"] ?? 0) > (written["1"] ?? 0), "most reviews are 5 非常满意, written 5: \(written)")

        // The same seed writes the same export, made-up personal values included.
        for file in try FileManager.default.subpathsOfDirectory(atPath: exports[0]).sorted()
        where file.hasSuffix(".csv") || file.hasSuffix(".txt") {
            #expect(
                FileManager.default.contents(atPath: exports[0] + "/" + file)
                    == FileManager.default.contents(atPath: exports[1] + "/" + file),
                "\(file)")
        }
    }
}
