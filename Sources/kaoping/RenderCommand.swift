import ArgumentParser
import Foundation
import KaopingReport
import KaopingResults

/// `kaoping render`: renders a results.json again — in other formats, with other templates, or with the changes
/// since a previous run — without the store or the rules: the renderers read only the results.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "生成通报 — Render a results.json as the 通报: HTML, DOCX, XLSX, CSV, Markdown or PDF.",
        discussion: """
            Examples:
              kaoping render kaoping-demo/results.json --format all --out kaoping-demo/report
              kaoping render out/results.json --format docx,xlsx --out out \\\\
                  --previous out-2023/results.json --per-center --templates my-templates

            The files are report.html, report.docx, report.xlsx, report.csv, report.md, report.pdf (the DOCX \
            converted by LibreOffice), results.json (a copy, with json) and, with --per-center, centers/CODE.html \
            and centers/CODE.docx.

            Exit status: 0 written; 2 a path or file cannot be used, or report.pdf could not be made (the other \
            files are written); 64 a usage error.
            """
    )

    @Argument(help: "The results.json to render.")
    var results: String

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var report: ReportOptions

    func validate() throws {
        _ = try report.formats()
    }

    func run() throws {
        try PathProblem.requireResults(results, role: "the results")
        try PathProblem.requireOutputFolder(out, contents: "the reports")
        let document = try ResultsFile.read(results, role: "the results")
        let json = try PathProblem.reading(results, role: "the results") { try [UInt8](Data(contentsOf: URL(fileURLWithPath: results))) }
        try report.write(document, json: json, previous: try report.previousResults(), templates: try report.loadTemplates(), to: out)
    }
}
