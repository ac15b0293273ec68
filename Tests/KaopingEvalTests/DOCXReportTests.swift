import Foundation
import KaopingReport
import KaopingResults
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `report.docx` and the per-unit sheets (issue 21, points 5 and 8): well-formed parts whatever the names hold, the
/// GB/T 9704-2012 layout read back from the XML, and the same bytes for the same results.
@Suite("DOCX report")
struct DOCXReportTests {
    /// The parts of a .docx, by path, in the zip's order, with each entry's time and whether it is deflated.
    struct Parts {
        var paths: [String] = []
        var texts: [String: String] = [:]
        var times: Set<Date> = []
        var allDeflated = true

        init(_ data: Data) throws {
            let archive = try Archive(data: data, accessMode: .read)
            for entry in archive {
                var bytes = Data()
                _ = try archive.extract(entry) { bytes.append($0) }
                paths.append(entry.path)
                texts[entry.path] = String(decoding: bytes, as: UTF8.self)
                if let time = entry.fileAttributes[.modificationDate] as? Date { times.insert(time) }
                allDeflated = allDeflated && entry.isCompressed
            }
        }

        subscript(_ path: String) -> String { texts[path] ?? "" }
    }

    /// The text of an XML part as Word shows it: the content of its `w:t` elements.
    final class TextCollector: NSObject, XMLParserDelegate {
        var text = ""
        var inText = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) { inText = name == "w:t" }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inText = false
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { text += string } }
    }

    /// The text of the `w:t` elements of an XML part (`nil` when it is not well-formed).

    static func parsedText(_ xml: String) -> String? {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = TextCollector()
        parser.delegate = collector
        return parser.parse() ? collector.text : nil
    }

    static let paths = [
        "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
        "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml", "docProps/app.xml",
    ]

    /// 2025-03-14 00:00, the fixture's 成文日期, as the zip entries carry it.
    static let noticeDay = Date(timeIntervalSince1970: 1_741_910_400)

    @Test("The same results give the same bytes; every entry is deflated and carries the notice's date, 00:00")
    func deterministic() throws {
        let results = try ReportFixture.results()
        let first = try DOCXReport(results: results)
        let second = try DOCXReport(results: results)
        let document = try first.document()
        #expect(document == (try second.document()))
        #expect(try first.centerDocuments().map(\.data) == second.centerDocuments().map(\.data))
        let parts = try Parts(document)
        #expect(parts.paths == Self.paths)
        #expect(parts.times == [Self.noticeDay])
        #expect(parts.allDeflated)
        #expect(parts["docProps/core.xml"].contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-03-13T16:00:00Z</dcterms:created>"))
    }

    @Test("Without a notice date (or with one that is no day) the document is dated the day after the period ends")
    func dateFromPeriod() throws {
        let (_, results) = try ResultsOutputTests.document()
        #expect(results.notice?.date == nil && results.assessment.period.end == "2024-12-31")
        let parts = try Parts(try DOCXReport(results: results).document())
        #expect(parts.times == [Date(timeIntervalSince1970: 1_735_689_600)])
        #expect(Self.parsedText(parts["word/document.xml"]) != nil)
        // A 成文日期 that is no day (February has no 30th) is passed over too.
        var misdated = results
        misdated.notice = Notice(["date": "2025-02-30"])
        #expect(try Parts(try DOCXReport(results: misdated).document()).times == [Date(timeIntervalSince1970: 1_735_689_600)])
    }

    @Test("Names with markup, &, U+202E and U+0001 stay text: every part parses, the names show escaped")
    func hostileNames() throws {
        let report = try DOCXReport(results: try ReportFixture.results())
        let parts = try Parts(try report.document())
        for path in Self.paths { #expect(Self.parsedText(parts[path]) != nil, "\(path) is not well-formed") }
        let xml = parts["word/document.xml"]
        #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !xml.contains("<script>"))
        #expect(xml.contains("单位&lt;U+202E&gt;名反 &amp; &lt;U+0001&gt;控制"))
        #expect(!xml.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1 })
        let text = try #require(Self.parsedText(xml))
        #expect(text.contains("<script>alert(1)</script>"))
        #expect(text.contains("单位<U+202E>名反 & <U+0001>控制"))
        // A finding's description with markup is text too.
        #expect(text.contains("暗访发现该单位窗口无人值守<b>。"))
    }

    @Test("GB/T 9704-2012: A4, its margins, 2号 title, 3号 body at a fixed line, red 版头 line, page numbers — 1 —")
    func layout() throws {
        let parts = try Parts(try DOCXReport(results: try ReportFixture.results()).document())
        let document = parts["word/document.xml"]
        let styles = parts["word/styles.xml"]
        #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(document.contains(#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#))
        #expect(document.contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        #expect(styles.contains(#"<w:sz w:val="44"/>"#) && styles.contains(#"w:eastAsia="方正小标宋简体""#))
        #expect(styles.contains(#"w:eastAsia="仿宋_GB2312""#) && styles.contains(#"<w:sz w:val="32"/>"#))
        #expect(styles.contains(#"<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>"#))
        #expect(styles.contains(#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#))
        #expect(styles.contains(#"<w:bottom w:val="single" w:sz="12" w:space="11" w:color="FF0000"/>"#))
        #expect(styles.contains(#"<w:color w:val="FF0000"/>"#) && styles.contains(#"w:eastAsia="黑体""#))
        #expect(parts["word/fontTable.xml"].contains(#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#))
        #expect(parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>"))
        for (footer, side) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
            let xml = parts[footer]
            #expect(xml.contains(#"<w:fldSimple w:instr=" PAGE ">"#) && xml.contains("— ") && xml.contains(" —"))
            #expect(xml.contains(#"<w:jc w:val="\#(side)"/>"#))
        }
        #expect(styles.contains(#"<w:sz w:val="28"/>"#) && styles.contains(#"w:eastAsia="宋体""#))
        // The 版头, 主送, 落款 and 版记 in order.
        let text = try #require(Self.parsedText(document))
        let order = [
            "测试省政务服务管理办公室", "测政务办发〔2025〕1号", "关于2024年度测试考核结果的通报", "各设区市政务服务管理办公室：", "一、总体情况", "二、考核结果",
            "三、存在问题", "四、整改要求", "各单位要于30日内完成整改。", "结果运用", "附件：1. 考核排名表", "2. 明察暗访问题清单", "2025年3月14日", "附件1考核排名表",
            "附件2明察暗访问题清单", "抄送：省政府办公厅。", "2025年3月17日印发",
        ]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "\(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains("1. 乙市 城区政务服务中心税务分中心（320202F001）：7月8日15:30"))
    }

    @Test("附件1: a table per group, its header row repeated, rows kept whole, a city's row spanning the columns")
    func ranking() throws {
        let results = try ReportFixture.results()
        let document = try Parts(try DOCXReport(results: results).document())["word/document.xml"]
        let groups = Set(results.centers.map(\.group)).count
        // One table per group, plus the figures, the regions, the 红黑榜, the weakest indicators, the findings, the 版记.
        #expect(document.components(separatedBy: "<w:tblHeader/>").count - 1 >= groups + 1)
        #expect(document.contains("<w:cantSplit/>"))
        #expect(document.contains("<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val=\"9\"/>"))
        let text = try #require(Self.parsedText(document))
        #expect(text.contains("甲市（2个）") && text.contains("乙市（1个）"))
        #expect(text.contains("服务效能60分") && text.contains("加减分") && text.contains("总分") && text.contains("等次"))
        for center in results.centers { #expect(text.contains(String(format: "%.2f", roundedTwo(center.total)))) }
    }

    @Test("One sheet per unit in results order, each well-formed, with every indicator, its records and 整改要求")
    func centerSheets() throws {
        let results = try ReportFixture.results()
        let sheets = try DOCXReport(results: results).centerDocuments()
        #expect(sheets.map(\.code) == results.centers.map(\.code))
        for ((code, data), center) in zip(sheets, results.centers) {
            let parts = try Parts(data)
            #expect(parts.paths == Self.paths)
            for path in Self.paths { #expect(Self.parsedText(parts[path]) != nil, "\(code): \(path) is not well-formed") }
            let text = try #require(Self.parsedText(parts["word/document.xml"]))
            #expect(text.contains(SafeText.visible(center.name) + "考核结果告知单"))
            #expect(text.contains("单位代码 \(code)"))
            for indicator in center.indicators { #expect(text.contains(indicator.title)) }
            #expect(text.contains("整改要求") && text.contains("各单位要于30日内完成整改。") && text.contains("2025年3月14日"))
            #expect(parts["word/document.xml"].contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        }
        // A unit that lost points on a rate lists the records behind them, numbered.
        let late = try #require(zip(sheets, results.centers).first { $0.1.indicators.contains { $0.evidence?.isEmpty == false } })
        let text = try #require(Self.parsedText(try Parts(late.0.data)["word/document.xml"]))
        #expect(text.contains("三、失分记录") && text.contains("1. 按时办结率（失"))
        #expect(text.contains("失分记录共"))
    }

    /// Writes the demo's 通报 and the first units' sheets for a look in LibreOffice, when `KAOPING_DOCX_DEMO` names
    /// the folder of a `results.json` (`kaoping demo --out DIR`; its `previous/results.json` for the changes).
    @Test(
        "Renders a results.json given by KAOPING_DOCX_DEMO", .enabled(if: ProcessInfo.processInfo.environment["KAOPING_DOCX_DEMO"] != nil))
    func demo() throws {
        let folder = try #require(ProcessInfo.processInfo.environment["KAOPING_DOCX_DEMO"])
        let read = { (path: String) in try ResultsDocument.read(from: try Data(contentsOf: URL(fileURLWithPath: folder + path))) }
        let previous = FileManager.default.fileExists(atPath: folder + "/previous/results.json") ? try read("/previous/results.json") : nil
        let results = try read("/results.json")
        let report = try DOCXReport(results: results, previous: previous)
        try report.document().write(to: URL(fileURLWithPath: folder + "/report.docx"))
        let sheets = try report.centerDocuments()
        #expect(sheets.count == results.centers.count)
        // The first units' sheets, and those of the first units vetoed.
        let shown = Set(results.centers.prefix(3).map(\.code) + results.centers.filter { $0.veto != nil }.prefix(2).map(\.code))
        try FileManager.default.createDirectory(atPath: folder + "/centers", withIntermediateDirectories: true)
        for (code, data) in sheets where shown.contains(code) {
            try data.write(to: URL(fileURLWithPath: folder + "/centers/\(code).docx"))
        }
    }
}
