import ArgumentParser
import Foundation
import KaopingEval
import KaopingResults

/// `kaoping sensitivity`: how far the ranking and the grades hang on the weights.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "权重敏感性 — How stable the ranking is when each indicator's points move within ±spread (the others keeping the total).",
        discussion: """
            Examples:
              kaoping sensitivity Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite
              kaoping sensitivity Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite --spread 20% --format json

            Exit status: 0 analysed; 1 the rule file has errors; 2 a path, file or store cannot be used; 64 a usage error.
            """
    )

    @Argument(help: "The rule file (.rules).")
    var rules: String

    @Option(help: "The store: a Kaoping SQLite file, or a PostgreSQL connection string (postgresql://…, service=NAME).")
    var db: String

    @Option(help: "How far each indicator's points move, up and down: a percentage below 100% (default 10%).")
    var spread = "10%"

    @Option(help: "text, md or json.")
    var format = "text"

    @Option(name: .customLong("param"), help: "Override a parameter: --param name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "Language of diagnostics: zh or en.")
    var lang = "zh"

    func validate() throws {
        guard ["text", "md", "json"].contains(format) else { throw ValidationError("--format must be text, md or json, not `\(format)`") }
        _ = try fraction()
        try validateLanguage(lang)
        _ = try parameterOverrides(parameters)
    }

    /// `--spread` as a fraction: `10%` or `0.1`.
    func fraction() throws -> Double {
        let text = spread.trimmingCharacters(in: .whitespaces)
        let value = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        guard let value, value > 0, value < 1 else {
            throw ValidationError("--spread must be a percentage above 0% and below 100%, such as 10%, not `\(spread)`")
        }
        return value
    }

    func run() throws {
        try PathProblem.requireStore(db)
        let options = EvaluationOptions(columnCache: true, progress: nil)
        let run = try AssessmentRun(rules: rules, db: db, parameters: try parameterOverrides(parameters), lang: lang, options: options)
        let analysis = Sensitivity(plan: run.plan, results: run.results, spread: try fraction())
        switch format {
        case "json": print(analysis.json.text, terminator: "")
        case "md": print(analysis.report(markdown: true, results: run.results), terminator: "")
        default: print(analysis.report(markdown: false, results: run.results), terminator: "")
        }
    }
}
