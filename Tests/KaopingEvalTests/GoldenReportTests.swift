import Foundation
import KaopingReport
import KaopingResults
import Testing

/// The reports of `ReportFixture` held to the files under `Golden/` (issue 21, point 11): a change to a renderer or a
/// template shows as a diff of these files in review. Re-record them after an intended change with
/// `KAOPING_RECORD_GOLDEN=1 swift test --filter GoldenReportTests`, and read the diff.
@Suite("Golden reports")
struct GoldenReportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["KAOPING_RECORD_GOLDEN"] == "1"

    /// Compares `text` with the golden file `name` (or writes it, when recording).
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        // Read as bytes: a byte-order mark is part of the file.
        let data = try #require(
            try? Data(contentsOf: url), "no golden file \(name): record it with KAOPING_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        let golden = String(decoding: data, as: UTF8.self)
        if golden != text {
            let lines = (golden.components(separatedBy: "\n"), text.components(separatedBy: "\n"))
            let first = zip(lines.0, lines.1).enumerated().first { $0.element.0 != $0.element.1 }
            let line = (first?.offset ?? min(lines.0.count, lines.1.count)) + 1
            let golden = first?.element.0 ?? "(end)"
            let rendered = first?.element.1 ?? "(end)"
            Issue.record(
                "\(name) differs from its golden file at line \(line):\ngolden:   \(golden)\nrendered: \(rendered)\nre-record with KAOPING_RECORD_GOLDEN=1 if the change is intended",
                sourceLocation: sourceLocation)
        }
    }

    @Test("report.html, a unit's sheet, report.csv and report.md match their golden files, and render twice alike")
    func textFormats() throws {
        let results = try ReportFixture.results()
        let previous = ReportFixture.previous(of: results)
        let html = try HTMLReport(results: results, previous: previous, resultsSHA256: "fixture").render()
        #expect(try HTMLReport(results: results, previous: previous, resultsSHA256: "fixture").render() == html)
        try Self.expectGolden(html, "report.html")
        let pages = try HTMLReport(results: results, previous: previous).centerPages()
        #expect(pages.map(\.code) == results.centers.map(\.code))
        let sheet = try #require(pages.first { $0.code == "320202F001" })
        try Self.expectGolden(sheet.page, "center-320202F001.html")
        try Self.expectGolden(CSVReport(results: results).render(), "report.csv")
        try Self.expectGolden(MarkdownReport(results: results).render(), "report.md")
    }

    @Test("report.docx, a unit's DOCX and report.xlsx: their XML parts match their golden files")
    func zippedFormats() throws {
        let results = try ReportFixture.results()
        let previous = ReportFixture.previous(of: results)
        let docx = try DOCXReport(results: results, previous: previous, resultsSHA256: "fixture")
        let parts = try DOCXReportTests.Parts(try docx.document())
        for part in ["word/document.xml", "word/styles.xml", "word/footer1.xml", "docProps/core.xml"] where parts.paths.contains(part) {
            try Self.expectGolden(parts[part], "report.docx/" + part)
        }
        let sheet = try #require(try docx.centerDocuments().first { $0.code == "320202F001" })
        try Self.expectGolden(try DOCXReportTests.Parts(sheet.data)["word/document.xml"], "center-320202F001.docx/word/document.xml")
        let book = try XLSXBook(XLSXReport(results: results, changes: YearOverYear(current: results, previous: previous)))
        for (path, data) in book.parts.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("xl/worksheets/") || path == "xl/sharedStrings.xml" {
            try Self.expectGolden(String(decoding: data, as: UTF8.self), "report.xlsx/" + path)
        }
    }

    @Test("Text from data is text in the HTML: no markup, no script, bidi controls and XML-forbidden characters visible")
    func htmlInjection() throws {
        let results = try ReportFixture.results()
        let html = try HTMLReport(results: results).render()
        #expect(html.components(separatedBy: "<script>").count == 2)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("无人值守&lt;b&gt;。"))
        #expect(html.contains("单位&lt;U+202E&gt;名反"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x202E })
        for (_, page) in try HTMLReport(results: results).centerPages() {
            #expect(!page.contains("<script>alert") && !page.unicodeScalars.contains { $0.value == 0x202E })
        }
    }

    @Test("The built-in templates are the files of Reports/templates (run Reports/embed.sh after editing them)")
    func builtInTemplates() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Reports/templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasSuffix(".mustache") }.sorted()
        let builtIn = ReportTemplates.builtInFiles
        #expect(builtIn.map(\.name) == files.map { String($0.dropLast(".mustache".count)) }, "run Reports/embed.sh")
        for (name, text) in builtIn {
            let file = try String(contentsOf: templates.appendingPathComponent(name + ".mustache"), encoding: .utf8)
            #expect(file == text, "\(name).mustache differs from its built-in copy: run Reports/embed.sh")
        }
    }

    @Test("A template an office edits replaces the built-in one; a broken one is reported at its line and column")
    func overrides() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p>{{title}}，共{{#groups}}{{count}}{{/groups}}个</p>".utf8).write(to: folder.appendingPathComponent("report.html.mustache"))
        let results = try ReportFixture.results()
        let html = try HTMLReport(results: results, templates: try ReportTemplates(overrides: folder.path)).render()
        #expect(html == "<p>关于2024年度测试考核结果的通报，共123个</p>")
        try Data("<p>{{#groups}}{{count}}</p>\n".utf8).write(to: folder.appendingPathComponent("report.html.mustache"))
        #expect {
            try ReportTemplates(overrides: folder.path)
        } throws: { error in
            "\(error)".contains("report.html.mustache:2:1: 模板语法错误") && "\(error)".contains("缺少 {{/…}} 结束标记")
        }
    }
}
