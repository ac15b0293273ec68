import Foundation
import KaopingReport
import KaopingResults
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `report.xlsx` (issue 21, point 6): the sheets, numbers as numbers, text from data as text in well-formed XML,
/// and the same bytes for the same results.
@Suite("XLSX report")
struct XLSXReportTests {
    static let rules = """
        assessment "区县考核" {
          period 2024-01-01 .. 2024-12-31
          total 100
          category "服务效能" 60
          category "窗口作风" 40
          grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
          rank by total within level
          evidence 2
        }
        notice {
          title "关于2024年度考核结果的通报"
          date 2025-03-14
        }
        indicator timeliness "按时办结率" {
          category "服务效能"
          points 60
          from cases where status == "finished" and kind == "promised"
          measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
          score linear { 50% -> 0; 100% -> 60 }
          when empty: not_applicable
        }
        indicator conduct "明察暗访" {
          category "窗口作风"
          points 40
          from inspections where severity == "minor"
          measure count()
          score deduct 10 per 1
          when empty: full
        }
        deduction complaints "投诉" {
          category "窗口作风"
          from complaints
          measure count()
          score 3 * measure
          max 10
        }
        veto serious "严重违纪" {
          when count(inspections where severity == "serious") > 0
          reason "明察暗访发现严重违纪问题"
        }
        """

    /// Units at three levels in two cities, named to attack a spreadsheet, its XML and a reader's eye; a finding's
    /// description and an evidence value hold characters XML cannot.
    static func document() throws -> ResultsDocument {
        let test = try TestStore()
        let units: [(code: String, kind: String, level: String, region: String, late: Int)] = [
            ("P1", "sub_center", "province", "江苏省", 1), ("C1", "sub_center", "city", "南京市", 0), ("C2", "onsite_point", "city", "苏州市", 2),
            ("K1", "sub_center", "county", "南京市", 0), ("K2", "sub_center", "county", "苏州市", 3), ("K3", "onsite_point", "county", "苏州市", 1),
            ("K4", "sub_center", "county", "南京市", -1),
        ]
        for (index, unit) in units.enumerated() {
            let id = Int64(index + 1)
            try test.center(id, unit.code, kind: unit.kind, level: unit.level, region: unit.region)
            guard unit.late >= 0 else { continue }  // K4: no case, timeliness not applicable
            for day in 0..<6 {
                let accepted = at("2024-03-0\(day + 1)")
                try test.addCase(id, accepted: accepted, finished: accepted + (day < unit.late ? 20 : 1) * 86_400, promised: 5)
            }
        }
        try test.addInspection(2, at: at("2024-05-06"), severity: "minor")
        try test.addInspection(5, at: at("2024-05-07"), severity: "minor")
        try test.addInspection(5, at: at("2024-05-08"), severity: "minor")
        try test.addInspection(5, at: at("2024-05-09"), severity: "minor")
        try test.addInspection(6, at: at("2024-06-03"), severity: "serious")
        try test.addComplaint(4, received: at("2024-06-01"), due: nil, closed: nil)
        var document = try test.run(rules)
        let names = ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "单位\u{202E}名反", "控制\u{1}字符", "_x0041_"]
        for (index, name) in names.enumerated() { document.centers[index].name = name }
        document.overview?.findings?[0].description = "描述\u{FFFF}\u{0}尾"
        return document
    }

    @Test("The sheets: a ranking per group, then 指标得分, 问题清单, 明察暗访 and 区域统计")
    func sheets() throws {
        let book = try XLSXBook(XLSXReport(results: try Self.document()))
        #expect(book.sheetNames == ["排名（省级）", "排名（市级）", "排名（县级）", "指标得分", "问题清单", "明察暗访", "区域统计"])
        #expect(
            book.row(0, of: "排名（县级）")
                == ["名次", "单位名称", "单位代码", "设区市", "类型", "服务效能\n（60分）", "窗口作风\n（40分）", "加减分", "总分", "等次", "一票否决"].map(XLSXBook.Value.text))
        #expect(book.row(0, of: "指标得分").map(\.description) == ["单位代码", "单位名称", "设区市", "组别", "按时办结率\n（60分）", "按时办结率\n（比率）", "明察暗访\n（40分）"])
        // The frozen, filtered header and the print setup, as libxlsxwriter writes them.
        let sheet = try book.xml("xl/worksheets/sheet3.xml")
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:K5\"/>"))
        // Column widths fit what the cells show: 控制<U+0001>字符 is 16 wide (a CJK character counting 2), plus a margin.
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"18.7109375\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"))
        #expect(
            try book.xml("xl/workbook.xml").contains(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">'排名（县级）'!$1:$1</definedName>"))
        #expect(try book.xml("xl/styles.xml").contains("<name val=\"宋体\"/>"))
    }

    @Test("Every part is well-formed XML; hostile names are text: no formula, the formula start quoted, controls visible")
    func hostileText() throws {
        let book = try XLSXBook(XLSXReport(results: try Self.document()))
        for (name, data) in book.parts where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(name): \(String(describing: parser.parserError))")
        }
        for sheet in book.sheetNames {
            #expect(try book.xml(book.path(of: sheet)).contains("<f>") == false)
        }
        let names = book.column("单位名称", of: "指标得分")
        #expect(
            Array(names.prefix(5))
                == ["<script>alert(1)</script>", "'=HYPERLINK(\"http://x\")", "单位<U+202E>名反", "控制<U+0001>字符", "_x005F_x0041_"]
                .map(XLSXBook.Value.text))
        #expect(book.column("事实描述", of: "明察暗访").first == .text("描述<U+FFFF><U+0000>尾"))
    }

    @Test("Numbers are numeric cells; each ranking row's categories and 加减分 add up to its 总分")
    func numbers() throws {
        let document = try Self.document()
        let book = try XLSXBook(XLSXReport(results: document))
        let county = document.centers.filter { $0.group == "county" }
        #expect(book.column("单位代码", of: "排名（县级）") == county.map { .text($0.code) })
        #expect(book.column("名次", of: "排名（县级）") == county.map { .number(Double($0.rank)) })
        #expect(book.column("总分", of: "排名（县级）") == county.map { .number(roundedTwo($0.total)) })
        let rows = (1...county.count).map { book.row($0, of: "排名（县级）") }
        for row in rows {
            let cents = row[5...8].map { Int((($0.number ?? .nan) * 100).rounded()) }
            #expect(cents[0] + cents[1] + cents[2] == cents[3], "\(row)")
        }
        // K1: a complaint's deduction is taken from 窗口作风 (40 − 3), so its 加减分 stays 0.
        #expect(book.row(2, of: "排名（县级）")[5...8] == [.number(60), .number(37), .number(0), .number(97)])
        // K4 has no case (not applicable: empty, its points moved to 窗口作风); K2 finished 3 of 6 on time.
        #expect(book.row(4, of: "指标得分")[4...6] == [.empty, .empty, .number(100)])
        #expect(book.row(6, of: "指标得分")[4...6] == [.number(0), .number(0.5), .number(10)])
        #expect(book.row(9, of: "指标得分").first?.description.hasPrefix("空白：该项不适用") == true)
        // K2's three minor findings: two listed (evidence 2), each row saying there are 3.
        let findings = (1...10).map { book.row($0, of: "问题清单") }.filter { $0[0] == .text("K2") && $0[3] == .text("明察暗访") }
        #expect(findings.map { $0[6] } == [.number(3), .number(3)])
        #expect(book.column("记录编号", of: "问题清单").count == 10)
        #expect(book.column("整改期限", of: "明察暗访").allSatisfy { $0 == .empty })
        #expect(book.column("时间", of: "明察暗访").first == .number(45418.375))  // 2024-05-06 09:00 as an Excel date
        // Regions in the order of their first unit's code (C1, C2, P1), then the total.
        #expect(book.column("设区市", of: "区域统计") == ["南京市", "苏州市", "江苏省", "合计"].map(XLSXBook.Value.text))
        #expect(book.column("分中心", of: "区域统计") == [3, 1, 1, 5].map(XLSXBook.Value.number))
        let onTime: [Double] = [1, 12.0 / 18, 5.0 / 6, 29.0 / 36]
        #expect(book.column("按时办结率", of: "区域统计") == onTime.map(XLSXBook.Value.number))
        #expect(book.column("评价数", of: "区域统计") == Array(repeating: .empty, count: 4))  // the rules read no reviews
        #expect(book.column("不合格（个）", of: "区域统计").last == .number(Double(document.centers.filter { $0.grade == "不合格" }.count)))
    }

    @Test("Rules without categories: a column per indicator; the CSV tests' hostile names are text")
    func indicatorColumns() throws {
        let document = try TextReportTests.hostile()
        let book = try XLSXBook(XLSXReport(results: document))
        #expect(book.sheetNames.prefix(3) == ["排名（省级）", "排名（市级）", "排名（县级）"])
        #expect(Array(book.row(0, of: "排名（县级）")[5...7]) == ["基础分\n（100分）", "加减分", "总分"].map(XLSXBook.Value.text))
        let county = document.centers.filter { $0.group == "county" }
        for (index, center) in county.enumerated() {
            let row = book.row(index + 1, of: "排名（县级）")
            #expect(row[2] == .text(center.code))
            #expect(row[5] == .number(roundedTwo(center.total)) && row[6] == .number(0) && row[7] == .number(roundedTwo(center.total)))
            #expect(row[9] == (center.veto.map { .text($0.title) } ?? .empty))
        }
        let names = [
            "'=HYPERLINK(\"http://x\",\"点我\")", "'+1+1", "'-2", "'@SUM(A1)", "'\t制表", "<script>alert(1)</script>", "单位<U+202E>名反",
            "逗号,引号\"|竖线",
        ]
        #expect(Array(book.column("单位名称", of: "指标得分").prefix(names.count)) == names.map(XLSXBook.Value.text))
    }

    @Test("Changes since a previous run: 名次变化 as text, 总分变化 and the units' change per region as signed numbers")
    func changes() throws {
        let document = try Self.document()
        var previous = document
        previous.centers.removeAll { $0.code == "K1" }
        previous.centers[try #require(previous.centers.firstIndex { $0.code == "K2" })].total -= 1.5
        previous.overview = Overview(centers: previous.centers, grades: ["优秀", "良好", "合格", "不合格"])
        let report = XLSXReport(
            results: document, changes: YearOverYear(current: document, previous: previous), previousOverview: previous.overview)
        let book = try XLSXBook(report)
        // County rows: K4, K1 (new), K2 (1.50 up), K3.
        #expect(book.column("名次变化", of: "排名（县级）")[1] == .text("新增"))
        #expect(book.column("总分变化", of: "排名（县级）")[1] == .empty)
        #expect(book.column("总分变化", of: "排名（县级）")[2] == .number(1.5))
        #expect(book.column("分中心增减", of: "区域统计") == [1, 0, 0, 1].map(XLSXBook.Value.number))
        #expect(try book.xml("xl/styles.xml").contains("formatCode=\"+0.00;-0.00;0.00\""))
    }

    @Test("No findings in the results: the sheet is there with a note")
    func noFindings() throws {
        var document = try Self.document()
        document.overview?.findings = nil
        let book = try XLSXBook(XLSXReport(results: document))
        #expect(book.row(1, of: "明察暗访") == [])
        #expect(book.row(2, of: "明察暗访").first?.description.contains("未读取明察暗访记录") == true)
    }

    @Test("The same results give the same bytes; the creation time and every zip entry's time are pinned")
    func deterministic() throws {
        let document = try Self.document()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (first, second) = (folder + "/a.xlsx", folder + "/b.xlsx")
        try XLSXReport(results: document).write(to: first)
        Thread.sleep(forTimeInterval: 2.1)  // the DOS clock counts in two-second steps
        try XLSXReport(results: document).write(to: second)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second))))
        // 00:00 China time on the notice's date; without a notice date, on the day after the period.
        let book = try XLSXBook(XLSXReport(results: document))
        #expect(
            try book.xml("docProps/core.xml").contains(
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-03-13T16:00:00Z</dcterms:created>"))
        var undated = document
        undated.notice?.date = nil
        #expect(try XLSXBook(XLSXReport(results: undated)).xml("docProps/core.xml").contains(">2024-12-31T16:00:00Z</dcterms:created>"))
        // Every entry follows the creation time: 2025-03-14 00:00 as China's clock shows it (libxlsxwriter's own
        // 1980-01-01 is replaced). DOS date: (year − 1980) << 9 | month << 5 | day.
        let stamps = Self.centralDirectoryTimes(bytes)
        #expect(stamps.count == book.parts.count)
        #expect(stamps.allSatisfy { $0 == (date: (2025 - 1980) << 9 | 3 << 5 | 14, time: 0) }, "\(stamps)")
    }

    @Test("Failures are thrown errors naming the path; nothing is left behind")
    func failures() throws {
        let document = try Self.document()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = folder + "/no-such-folder/report.xlsx"
        #expect { try XLSXReport(results: document).write(to: missing) } throws: { error in
            "\(error)".contains(missing) && "\(error)".contains("无法写入 Excel 文件") && "\(error)".contains("cannot write the workbook")
        }
        // A folder where the file should go: libxlsxwriter writes the workbook beside it, the rename fails.
        try FileManager.default.createDirectory(atPath: folder + "/taken.xlsx", withIntermediateDirectories: false)
        #expect { try XLSXReport(results: document).write(to: folder + "/taken.xlsx") } throws: { error in
            (error as? XLSXReportError)?.step == .replacing && "\(error)".contains(folder + "/taken.xlsx")
        }
        // An existing file is replaced.
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/report.xlsx"))
        try XLSXReport(results: document).write(to: folder + "/report.xlsx")
        // No `.partial` file, no folder of libxlsxwriter's temporary files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["report.xlsx", "taken.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/taken.xlsx") == [])
    }

    /// A fresh temporary folder.
    static func folder() throws -> String {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("xlsx-report-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The DOS date and time of every entry in a zip's central directory, read from the bytes (no time zone).
    static func centralDirectoryTimes(_ bytes: Data) -> [(date: UInt16, time: UInt16)] {
        let bytes = [UInt8](bytes)
        let word = { (at: Int) in UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        return stride(from: 0, to: bytes.count - 46, by: 1).filter { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] }.map {
            (date: word($0 + 14), time: word($0 + 12))
        }
    }
}
