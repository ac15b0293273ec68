import ArgumentParser
import Foundation
import KaopingReport
import KaopingResults

/// The options that choose what is rendered, shared by `run`, `demo` and `render`.
struct ReportOptions: ParsableArguments {
    @Option(help: "Comma-separated output formats: json, html, docx, xlsx, csv, md, pdf, or all (pdf needs LibreOffice).")
    var format = "json,html"

    @Option(help: ArgumentHelp("A previous run's results.json: rank and total changes, 新增 and 不再考核.", valueName: "results.json"))
    var previous: String?

    @Flag(help: "Also write each unit's sheet (一单位一单): centers/CODE.html, and centers/CODE.docx with docx.")
    var perCenter = false

    @Option(help: ArgumentHelp("A folder of .mustache templates replacing the built-in ones of the same name.", valueName: "folder"))
    var templates: String?

    func formats() throws -> [String] { try ReportFormats.parse(format) }

    /// The previous run's results, read and checked; `nil` without `--previous`.
    func previousResults() throws -> ResultsDocument? {
        guard let previous else { return nil }
        return try ResultsFile.read(previous, role: "--previous")
    }

    /// The templates with the `--templates` folder's in place of the built-in ones; `nil` without it.
    func loadTemplates() throws -> ReportTemplates? {
        guard let templates else { return nil }
        try PathProblem.requireFolder(templates, role: "--templates", advice: "name a folder of .mustache files, such as Reports/templates")
        do { return try ReportTemplates(overrides: templates) } catch let problem as ReportTemplates.Problem {
            throw CommandFailure(problem.description)
        }
    }

    /// Writes `results` in the chosen formats into `folder` and prints what was written (see `ReportOutput.publish`).
    func write(_ results: ResultsDocument, json: [UInt8]? = nil, previous: ResultsDocument?, templates: ReportTemplates?, to folder: String)
        throws
    {
        try ReportOutput.publish(
            results, json: json, previous: previous, templates: templates, formats: try formats(), perCenter: perCenter, to: folder)
    }
}

/// Reading a `results.json` a user names.
enum ResultsFile {
    static func read(_ path: String, role: String) throws -> ResultsDocument {
        try PathProblem.requireResults(path, role: role)
        let data = try PathProblem.reading(path, role: role) { try Data(contentsOf: URL(fileURLWithPath: path)) }
        do {
            let document = try ResultsDocument.read(from: data)
            guard document.schemaVersion <= ResultsDocument.currentSchemaVersion else {
                throw CommandFailure(
                    "\(role) \(path) is results schema version \(document.schemaVersion), newer than this Kaoping reads "
                        + "(\(ResultsDocument.currentSchemaVersion)): render it with the Kaoping that wrote it")
            }
            return document
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(
                "\(role) \(path) is not a results.json Kaoping can read (\(ResultsFile.reason(error))): name the results.json `kaoping run` wrote"
            )
        }
    }

    /// What is wrong with a document, in a few words.
    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return "not JSON: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            return
                "no `\(key.stringValue)` in \(context.codingPath.map(\.stringValue).joined(separator: ".").isEmpty ? "the document" : context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()) is not what it should be"
        default: return "\(error)"
        }
    }
}
