import Foundation
import KaopingImport
import KaopingStore
import KaopingSyntax
import Testing

/// What the round trip of issue 22 point 8 rests on: the shipped mappings (built into Kaoping, all clean), a unit's
/// parent found by its code in the same file, calendars in a manifest, and an export that says which values it
/// cannot write back. The whole trip, demo to import to results, is tested in `DemoExportTests`.
@Suite("Export and import round trip")
struct RoundTripTests {
    static let mappings = MappingTests.root.appendingPathComponent("Rules/mappings")

    @Test("The built-in mappings are the files of Rules/mappings, byte for byte (run Rules/embed.sh after editing them)")
    func builtIn() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.mappings.path).filter { $0.hasSuffix(".mapping") }.sorted()
        #expect(StoreExporter.builtInMappings.map(\.name) == names, "run Rules/embed.sh")
        for (name, text) in StoreExporter.builtInMappings where names.contains(name) {
            #expect(
                try String(contentsOf: Self.mappings.appendingPathComponent(name), encoding: .utf8) == text, "\(name): run Rules/embed.sh")
        }
        for file in StoreExporter.files { #expect(names.contains(file.mapping), "\(file.mapping)") }
    }

    @Test(
        "Every shipped mapping checks clean, and each export file's mapping fills its table",
        arguments: StoreExporter.builtInMappings.map(\.name))
    func shippedClean(name: String) throws {
        let text = try String(contentsOf: Self.mappings.appendingPathComponent(name), encoding: .utf8)
        let loaded = MappingChecker.load(SourceFile(name: name, text: text))
        #expect(loaded.diagnostics == [], "\(loaded.diagnostics)")
        for file in StoreExporter.files where file.mapping == name {
            #expect(loaded.mappings?.contains { $0.table == file.table } == true)
        }
    }

    /// A new store and a units file read by the shipped `province-centers.mapping`.
    static func units(_ rows: [String]) throws -> (folder: String, store: Store, path: String, mapping: Mapping) {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("kaoping-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try Store.create(at: folder + "/store.sqlite")
        let header = "实施主体编码,实施主体名称,单位类型,层级,设区市,县（市、区）,行政区划代码,上级单位编码,业务主管部门,负责人变更时间,负责人变更报备时间,负责人姓名,负责人电话"
        let path = folder + "/单位.csv"
        try Data(([header] + rows).joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let text = try String(contentsOf: Self.mappings.appendingPathComponent("province-centers.mapping"), encoding: .utf8)
        let mapping = try #require(MappingChecker.load(SourceFile(name: "province-centers.mapping", text: text)).mappings?.first)
        return (folder, store, path, mapping)
    }

    @Test("A unit's parent is found by its code among the units the same file inserted before it; a parent after its child is not")
    func parentInSameFile() throws {
        let (folder, store, path, mapping) = try Self.units([
            "320100Z001,南京市政务服务中心,综合性政务服务中心,市级,南京市,,320100,,,,,,",
            "320100F001,南京市政务服务中心税务分中心,分中心,市级,南京市,,320100,320100Z001,南京市税务局,,,李四,139",
            "320102F001,玄武区政务服务中心税务分中心,分中心,县级,南京市,玄武区,320102,320102Z001,玄武区税务局,,,,",
            "320102Z001,玄武区政务服务中心,综合性政务服务中心,县级,南京市,玄武区,320102,320100Z001,,,,,",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try Importer(store: store).importCSV(path, mapping: mapping)
        #expect(summary.inserted == 3 && summary.rejected == 1)
        #expect(
            try store.database.query("SELECT id, code, parent_id FROM centers ORDER BY id") == [
                [1, "320100Z001", nil], [2, "320100F001", 1], [3, "320102Z001", 1],
            ])
        let rejects = try String(contentsOfFile: folder + "/单位.rejects.csv", encoding: .utf8)
        #expect(rejects.contains("4,") && rejects.contains("no unit has the code `320102Z001`"), "\(rejects)")
        // Imported again, the file finds every parent in the store.
        let again = try Importer(store: store).importCSV(path, mapping: mapping)
        #expect(again.inserted == 1 && again.unchanged == 3 && again.rejected == 0)
    }

    @Test("A manifest names calendars, the province's or a region's; a calendar line without its file is a mistake at its place")
    func manifestCalendars() throws {
        let text = """
            # 导出
            calendar "calendars/2024.txt"
            import "单位.csv" with "mappings/province-centers.mapping"
            calendar "calendars/2024-苏州市.txt" region "苏州市"
            """
        let parsed = ImportManifest.parse(SourceFile(name: "import.manifest", text: text))
        #expect(parsed.diagnostics == [])
        #expect(parsed.manifest.entries.map(\.file.text) == ["单位.csv"])
        #expect(parsed.manifest.calendars.map(\.file.text) == ["calendars/2024.txt", "calendars/2024-苏州市.txt"])
        #expect(parsed.manifest.calendars.map { $0.region?.text } == [nil, "苏州市"])
        let broken = ImportManifest.parse(SourceFile(name: "import.manifest", text: "calendar 2024\nimport \"a.csv\" with \"b.mapping\"\n"))
        #expect(broken.diagnostics.map(\.id) == ["K0509"])
        #expect(broken.diagnostics.first?.englishMessage == "expected a quoted calendar file after `calendar`")
        #expect(broken.manifest.entries.count == 1)
    }

    @Test("An export names what would not read back the same: an empty text, a calendar year cut short")
    func unfaithful() throws {
        let (folder, store, _, _) = try Self.units([])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try store.database.execute(
            """
            INSERT INTO centers (id, code, name, kind, level, region) VALUES (1, '320100Z001', '南京市政务服务中心', 'center', 'city', '南京市');
            INSERT INTO centers (id, code, name, kind, level, region, county) VALUES (2, '320100F001', '南京市税务分中心', 'sub_center', 'city', '南京市', '');
            INSERT INTO calendar (day, is_workday) VALUES ('2024-02-10', 0), ('2024-02-18', 1);
            """)
        let summary = try StoreExporter(store: store).write(to: folder + "/export")
        #expect(summary.files.map(\.table) == ["centers"] && summary.files.first?.rows == 2)
        #expect(summary.problemCount == 2, "\(summary.problems)")
        #expect(summary.problems.contains { $0.hasPrefix("centers.county 第 2 行") }, "\(summary.problems)")
        #expect(summary.problems.contains { $0.hasPrefix("calendar 2024") }, "\(summary.problems)")
        let calendar = try String(contentsOfFile: folder + "/export/calendars/2024.txt", encoding: .utf8)
        #expect(calendar.contains("year 2024\nworkday 2024-02-18 调休上班\n"), "\(calendar)")
    }
}
