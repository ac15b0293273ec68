import ArgumentParser
import Foundation
import KaopingCheck
import KaopingEval
import KaopingReport
import KaopingResults
import KaopingStore
import KaopingSyntax

/// One assessment run, shared by `run` and `demo`: read, check, evaluate, then write outputs atomically.
struct AssessmentRun {
    let results: ResultsDocument

    /// Parses and checks `rules` against the store at `db`, then evaluates it.
    /// - Throws: `ExitCode(1)` after printing diagnostics when the rule file has errors; store errors otherwise.
    init(rules: String, db: String, parameters: [String: String], lang: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: rules))
        let source = SourceFile(name: rules, bytes: Array(data))
        let store = try Store.open(at: db, readOnly: true)
        let parsed = Parser.parse(source)
        let checked = Checker.check(parsed.file, schema: try SchemaCatalog(store: store), overrides: parameters)
        let diagnostics = parsed.diagnostics + checked.diagnostics
        if !diagnostics.isEmpty {
            FileHandle.standardError.write(Data(DiagnosticPrinter(source: source, english: lang == "en").render(diagnostics).utf8))
        }
        guard let plan = checked.plan, !parsed.diagnostics.hasErrors else { throw ExitCode(1) }
        results = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: SHA256.hex(data))
    }

    /// Writes the chosen formats into `folder`, each to a temporary name first and then renamed.
    func write(to folder: String, formats: [String]) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for format in formats {
            let (name, text): (String, String)
            switch format {
            case "html": (name, text) = ("report.html", HTMLReport(results: results).render())
            default: (name, text) = ("results.json", results.json.text)
            }
            let path = (folder as NSString).appendingPathComponent(name)
            try AtomicFile.write(Data(text.utf8), to: path)
            written.append(path)
        }
        return written
    }
}

/// Writes a file by writing a temporary sibling and renaming it over the target.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".partial"
        try data.write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
