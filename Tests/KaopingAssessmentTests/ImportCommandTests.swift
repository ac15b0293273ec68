import Foundation
import KaopingImport
import KaopingStore
import Testing

/// `kaoping import` from the command line (issue 22): a new store created, GB18030 read, exit status 3 with the
/// rejects named, 0 on a clean second run of the same rows, 1 for a mapping with a mistake (nothing imported).
@Suite("kaoping import")
struct ImportCommandTests {
    @Test("Units then cases into a new store; a bad row gives exit status 3 and its rejects file; a broken mapping 1")
    func importFiles() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("office.sqlite").path
        let units = folder.appendingPathComponent("单位.csv").path
        try ImportCommandTests.writeUnits(
            ["320100F001,南京市政务服务中心税务分中心,分中心,市级,南京市,,320100,税务局,2024/3/1 9:00,2024/3/5 10:00,李四,139"], to: units)
        let centers = try CommandLineTests.kaoping(
            ["import", "--db", store, "--mapping", "Rules/mappings/gbt39046-centers.mapping", units])
        #expect(centers.status == 0, "\(centers.stderr)")
        #expect(centers.stdout.contains("read 1 = inserted 1 + updated 0 + unchanged 0 + rejected 0"))
        let cases = folder.appendingPathComponent("办件.csv").path
        let header = "办件编号,实施主体编码,实施编码,办件类型,申报渠道,窗口类型,申请时间,受理时间,办结时间,承诺办结时限,法定办结时限,特别程序天数,办件状态,申请人名称,申请人证件号码,联系电话,联系地址,备注"
        let text = [
            header, "C1,320100F001,I1,承诺件,窗口,综合窗口,,20240315T093000,2024-03-20 16:00:00,5,20,0,已办结,张三,3201,139,\"南京市,玄武区\",",
            "C2,320100F009,I1,即办件,网上,,,2024/3/16 9:30,2024/3/16 10:00,,,0,已办结,李四,3202,138,南京,",
        ].joined(separator: "\r\n")
        try Data(GB18030Encoder.encode(text)).write(to: URL(fileURLWithPath: cases))
        let first = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", "Rules/mappings/gbt39046-cases.mapping", cases])
        #expect(first.status == 3, "\(first.stderr)")
        #expect(first.stdout.contains("（gb18030）: read 2 = inserted 1 + updated 0 + unchanged 0 + rejected 1"), "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("办件.rejects.csv").path))
        let broken = folder.appendingPathComponent("broken.mapping").path
        try CommandLineTests.write("mapping casse {\n}\n", to: broken)
        let mistake = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", broken, cases, "--lang", "en"])
        #expect(mistake.status == 1)
        #expect(mistake.stderr.contains("broken.mapping:1:9: error: there is no table `casse` [K0510]"), "\(mistake.stderr)")
    }
}

extension ImportCommandTests {
    @Test("A folder is imported by its manifest, units first whatever the order of its lines; a manifest's mistake is at its line")
    func folder() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exports = folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try ImportCommandTests.writeUnits(
            ["320100F001,南京市政务服务中心税务分中心,分中心,市级,南京市,,320100,税务局,,,李四,139"], to: exports.appendingPathComponent("单位.csv").path)
        try CommandLineTests.write(
            "办件编号,实施主体编码,实施编码,办件类型,申报渠道,窗口类型,申请时间,受理时间,办结时间,承诺办结时限,法定办结时限,特别程序天数,办件状态,申请人名称,申请人证件号码,联系电话,联系地址,备注\n"
                + "C1,320100F001,I1,承诺件,窗口,综合窗口,,2024-03-15 09:30:00,2024-03-20 16:00:00,5,20,0,已办结,,,,,\n",
            to: exports.appendingPathComponent("办件.csv").path)
        let mappings = CommandLineTests.root.appendingPathComponent("Rules/mappings").path
        try CommandLineTests.write(
            "# 办件在前，单位在后：导入时单位先入库\nimport \"办件.csv\" with \"\(mappings)/gbt39046-cases.mapping\"\n"
                + "import \"单位.csv\" with \"\(mappings)/gbt39046-centers.mapping\"\n",
            to: exports.appendingPathComponent("import.manifest").path)
        let store = folder.appendingPathComponent("office.sqlite").path
        let run = try CommandLineTests.kaoping(["import", "--db", store, exports.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.contains("单位.csv → centers") == true && lines.last?.contains("办件.csv → cases") == true, "\(run.stdout)")
        try CommandLineTests.write("import \"办件.csv\" using \"x.mapping\"\n", to: exports.appendingPathComponent("import.manifest").path)
        let broken = try CommandLineTests.kaoping(["import", "--db", store, exports.path, "--lang", "en"])
        #expect(broken.status == 1)
        #expect(
            broken.stderr.contains("import.manifest:1:17: error: expected `with \"MAPPING\"` after the file name [K0509]"),
            "\(broken.stderr)")
    }
}

extension ImportCommandTests {
    /// The header of a units export read by `Rules/mappings/gbt39046-centers.mapping`.
    static let unitsHeader =
        "实施主体编码,实施主体名称,单位类型,层级,设区市,县（市、区）,行政区划代码,业务主管部门,负责人变更时间,负责人变更报备时间,负责人姓名,负责人电话\n"

    /// A new store `office.sqlite` in `folder` with one unit, 320100F001, imported from a units export.
    static func storeWithOneUnit(in folder: URL) throws -> String {
        let store = folder.appendingPathComponent("office.sqlite").path
        let units = folder.appendingPathComponent("单位.csv").path
        try writeUnits(["320100F001,南京市政务服务中心税务分中心,分中心,市级,南京市,,320100,税务局,,,李四,139"], to: units)
        let imported = try CommandLineTests.kaoping([
            "import", "--db", store, "--mapping", "Rules/mappings/gbt39046-centers.mapping", units,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    /// Writes a units export of `rows` (each a line after the header) to `path`.
    static func writeUnits(_ rows: [String], to path: String) throws {
        try CommandLineTests.write(unitsHeader + rows.map { $0 + "\n" }.joined(), to: path)
    }
}

extension ImportCommandTests {
    @Test("--pii-key: a mapping that hashes needs it (exit 1, nothing written); a short key is refused; the key is printed nowhere")
    func personalDataKey() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ImportCommandTests.storeWithOneUnit(in: folder)
        let shipped = try String(
            contentsOf: CommandLineTests.root.appendingPathComponent("Rules/mappings/gbt39046-cases.mapping"), encoding: .utf8)
        let mapping = folder.appendingPathComponent("hashing.mapping").path
        try CommandLineTests.write(
            shipped.replacingOccurrences(of: "personal \"申请人证件号码\" drop", with: "personal \"申请人证件号码\" hash into applicant_key"),
            to: mapping)
        let cases = folder.appendingPathComponent("办件.csv").path
        try CommandLineTests.write(
            "办件编号,实施主体编码,实施编码,办件类型,申报渠道,窗口类型,申请时间,受理时间,办结时间,承诺办结时限,法定办结时限,特别程序天数,办件状态,申请人名称,申请人证件号码,联系电话,联系地址,备注\n"
                + "C1,320100F001,I1,承诺件,窗口,综合窗口,,2024-03-15 09:30:00,2024-03-20 16:00:00,5,20,0,已办结,张三,320102199001011234,,,\n",
            to: cases)
        let without = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", mapping, cases])
        #expect(without.status == 1)
        #expect(without.stderr.contains("give the key file with --pii-key"), "\(without.stderr)")
        let short = folder.appendingPathComponent("short.key").path
        try CommandLineTests.write("too short\n", to: short)
        let refused = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", mapping, "--pii-key", short, cases])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("it needs at least 16"), "\(refused.stderr)")
        let key = folder.appendingPathComponent("office.key").path
        try CommandLineTests.write("0123456789abcdef0123456789abcdef\n", to: key)
        let run = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", mapping, "--pii-key", key, cases])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains("0123456789abcdef"))
        let imported = try Store.open(at: store, readOnly: true)
        #expect(
            try imported.database.scalar("SELECT applicant_key FROM cases WHERE case_no = 'C1'")
                == .text("c01dc6edf5183632bd131f3e50cf2984a59f4bb3ddc8723435694da46fafe306"))
    }
}

extension ImportCommandTests {
    @Test("A unit given by an id no unit has, and a value holding NUL, are rejected with their reasons (as PostgreSQL would refuse them)")
    func unitIDAndNUL() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ImportCommandTests.storeWithOneUnit(in: folder)
        let mapping = folder.appendingPathComponent("by-id.mapping").path
        try CommandLineTests.write(
            "mapping complaints {\n  time auto\n  id from \"编号\"\n  center_id from \"单位编号\"\n  received_at from \"时间\"\n}\n", to: mapping)
        let complaints = folder.appendingPathComponent("投诉.csv").path
        try CommandLineTests.write(
            "编号,单位编号,时间\n1,1,2024-03-01 09:00:00\n2,99,2024-03-01 09:00:00\n3,1,2024-03-01\u{0} 09:00:00\n", to: complaints)
        let run = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", mapping, "--quiet", complaints])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stdout.contains("read 3 = inserted 1 + updated 0 + unchanged 0 + rejected 2"), "\(run.stdout)")
        let rejects = try String(contentsOfFile: folder.appendingPathComponent("投诉.rejects.csv").path, encoding: .utf8)
        #expect(rejects.contains("单位编号“99”没有对应的单位 (no unit has the id 99)"), "\(rejects)")
        #expect(rejects.contains("含有 NUL 字符"), "\(rejects)")
    }
}
