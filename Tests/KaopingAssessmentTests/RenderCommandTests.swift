import Foundation
import Testing

/// `kaoping render` and `--format` on run and demo (issue 21, point 10): every format from one results.json, the
/// per-unit sheets, the changes since a previous run, byte-identical files, and a PDF asked for without LibreOffice.
@Suite("kaoping render")
struct RenderCommandTests {
    /// A small demo's results, with the year before (`previous/results.json`).
    static let demo: Result<URL, any Error> = Result {
        let folder = try CommandLineTests.temporaryFolder()
        let run = try CommandLineTests.kaoping(["demo", "--cases", "3000", "--out", folder.path])
        guard run.status == 0 else { throw CommandFailed(stderr: run.stderr) }
        return folder
    }

    struct CommandFailed: Error { var stderr: String }

    static let files = ["results.json", "report.html", "report.docx", "report.xlsx", "report.csv", "report.md"]

    @Test("Every format and the unit sheets, twice alike; without LibreOffice a PDF is refused in one sentence, the rest written")
    func everyFormat() throws {
        let demo = try Self.demo.get()
        let results = demo.appendingPathComponent("results.json").path
        let previous = demo.appendingPathComponent("previous/results.json").path
        // A PATH without LibreOffice.
        let noOffice = ["PATH": "/nonexistent"]
        var outputs: [URL] = []
        for attempt in 0..<2 {
            let out = demo.appendingPathComponent("render-\(attempt)")
            let run = try CommandLineTests.kaoping(
                ["render", results, "--format", "all", "--per-center", "--previous", previous, "--out", out.path], environment: noOffice)
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("report.pdf was not written") && run.stderr.contains("apt-get install libreoffice-writer"))
            #expect(run.stderr.contains("the other formats were written"))
            for file in Self.files {
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
            }
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.pdf").path))
            outputs.append(out)
        }
        let centers = try FileManager.default.contentsOfDirectory(atPath: outputs[0].appendingPathComponent("centers").path).sorted()
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: results))) as? [String: Any]
        let units = (document?["centers"] as? [Any])?.count ?? -1
        #expect(centers.count == units * 2)
        #expect(centers.filter { $0.hasSuffix(".docx") }.count == units)
        // Rendering twice gives the same bytes, in every format and every unit's sheet.
        for file in Self.files + centers.prefix(6).map({ "centers/" + $0 }) {
            let first = try Data(contentsOf: outputs[0].appendingPathComponent(file))
            let second = try Data(contentsOf: outputs[1].appendingPathComponent(file))
            #expect(first == second, "\(file) differs between two renderings")
        }
        // The copy of results.json is the file rendered, byte for byte; the changes show.
        #expect(try Data(contentsOf: outputs[0].appendingPathComponent("results.json")) == Data(contentsOf: URL(fileURLWithPath: results)))
        let html = try String(contentsOf: outputs[0].appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("名次变化") && html.contains("新增"))
    }

    @Test("A file that is no results document, a newer schema, an unknown format: one sentence each")
    func mistakes() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.json").path
        try CommandLineTests.write("{", to: broken)
        let out = folder.appendingPathComponent("out").path
        CommandLineTests.expectPlainSentence(
            try CommandLineTests.kaoping(["render", broken, "--out", out]), command: "render",
            ["the results \(broken) is not a results.json Kaoping can read", "name the results.json `kaoping run` wrote"])
        let newer = folder.appendingPathComponent("newer.json").path
        let demo = try Self.demo.get()
        let text = try String(contentsOf: demo.appendingPathComponent("results.json"), encoding: .utf8)
        try CommandLineTests.write(text.replacingOccurrences(of: "\"schema_version\": 2", with: "\"schema_version\": 9"), to: newer)
        CommandLineTests.expectPlainSentence(
            try CommandLineTests.kaoping(["render", newer, "--out", out]), command: "render",
            ["schema version 9, newer than this Kaoping reads"])
        let unknown = try CommandLineTests.kaoping(["render", newer, "--out", out, "--format", "html,odt"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown format odt; use json, html, docx, xlsx, csv, md, pdf or all"))
        CommandLineTests.expectPlainSentence(
            try CommandLineTests.kaoping(["render", folder.appendingPathComponent("missing.json").path, "--out", out]),
            command: "render", ["does not exist"])
    }

    @Test("--templates: an office's template replaces the built-in one; a broken one is named with its line and column")
    func templates() throws {
        let demo = try Self.demo.get()
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CommandLineTests.write("<h1>{{title}}</h1>\n", to: folder.appendingPathComponent("report.html.mustache").path)
        let out = folder.appendingPathComponent("out")
        let results = demo.appendingPathComponent("results.json").path
        let run = try CommandLineTests.kaoping(["render", results, "--out", out.path, "--format", "html", "--templates", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8) == "<h1>关于2024年度全省政务服务分中心一体化管理考核结果的通报</h1>\n"
        )
        try CommandLineTests.write("<h1>{{#title}}</h1>\n", to: folder.appendingPathComponent("report.html.mustache").path)
        // The sentence (then the line it is on, as a compiler shows it, when the mistake is on a line with text).
        let broken = try CommandLineTests.kaoping(["render", results, "--out", out.path, "--templates", folder.path])
        #expect(broken.status == 2)
        #expect(
            broken.errorLines.first?.hasPrefix("kaoping render: \(folder.path)/report.html.mustache:2:1: 模板语法错误") == true,
            "\(broken.stderr)")
        #expect(broken.errorLines.count == 1, "\(broken.stderr)")
        try CommandLineTests.write("<h1>{{title}</h1>\n", to: folder.appendingPathComponent("report.html.mustache").path)
        let unfinished = try CommandLineTests.kaoping(["render", results, "--out", out.path, "--templates", folder.path])
        #expect(unfinished.status == 2)
        #expect(unfinished.stderr.contains("report.html.mustache:1:"), "\(unfinished.stderr)")
    }
}
