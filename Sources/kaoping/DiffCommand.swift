import ArgumentParser
import Foundation
import KaopingEval
import KaopingReport
import KaopingResults

/// `kaoping diff`: what a rule revision, a parameter or new data changes, center by center, with the cause.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "结果对比 — Compare two results (results.json files, or rule files run on --db): who moved, by how much, and why.",
        discussion: """
            Examples:
              kaoping diff Rules/jiangsu-2024.rules Rules/jiangsu-2025.rules --db kaoping-demo/demo.sqlite \\
                  --param period_start=2024-01-01 --param period_end=2024-12-31
              kaoping diff Rules/jiangsu-2024.rules Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite --param rectify_days=10
              kaoping diff out-2024/results.json out-2025/results.json --format html > diff.html

            Exit status: 0 compared; 1 a rule file has errors; 2 a path, file or store cannot be used; 64 a usage error.
            """
    )

    @Argument(help: "A: a results.json, or a rule file run on --db.")
    var a: String

    @Argument(help: "B: a results.json, or a rule file run on --db (with the --param overrides).")
    var b: String

    @Option(help: "The store rule files are run on: a Kaoping SQLite file, or a PostgreSQL connection string.")
    var db: String?

    @Option(name: .customLong("param"), help: "Override a parameter of B: --param name=value (repeatable; a what-if).")
    var parameters: [String] = []

    @Option(help: "text, md, json or html.")
    var format = "text"

    @Option(help: "Language of diagnostics: zh or en.")
    var lang = "zh"

    func validate() throws {
        guard ["text", "md", "json", "html"].contains(format) else {
            throw ValidationError("--format must be text, md, json or html, not `\(format)`")
        }
        try validateLanguage(lang)
        _ = try parameterOverrides(parameters)
    }

    func run() throws {
        let before = try results(a, parameters: [:])
        let after = try results(b, parameters: try parameterOverrides(parameters))
        let comparison = ResultsComparison(before, after)
        switch format {
        case "json": print(comparison.json.text, terminator: "")
        case "md": print(comparison.markdown, terminator: "")
        case "html": print(comparison.html, terminator: "")
        default: print(comparison.text, terminator: "")
        }
    }

    /// The results of `path`: read when it is a results document (`.json`), else run on `--db`.
    private func results(_ path: String, parameters: [String: String]) throws -> ResultsDocument {
        if path.hasSuffix(".json") {
            let data = try PathProblem.reading(path, role: "the results") { try Data(contentsOf: URL(fileURLWithPath: path)) }
            do {
                return try ResultsDocument.read(from: data)
            } catch {
                throw CommandFailure("\(path) is not a results.json of kaoping run (\(error)): give a results.json or a rule file")
            }
        }
        guard let db else { throw CommandFailure("\(path) is a rule file: name the store to run it on with --db") }
        try PathProblem.requireStore(db)
        let options = EvaluationOptions(columnCache: true, progress: nil)
        return try AssessmentRun(rules: path, db: db, parameters: parameters, lang: lang, options: options).results
    }
}
