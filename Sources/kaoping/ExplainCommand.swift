import ArgumentParser
import Foundation
import KaopingCheck
import KaopingEval
import KaopingReport
import KaopingResults
import KaopingStore
import KaopingSyntax

/// `kaoping explain`: one center's points taken apart, down to the records that cost them.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "失分说明 — Explain one center's score: each indicator's measure, scoring step, points and the records that cost points.",
        discussion: """
            Examples:
              kaoping explain Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite --center 320100F001
              kaoping explain Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite --center 320100F001 \\
                  --indicator timeliness --all --format md > 申诉答复.md
              kaoping explain Rules/jiangsu-2024.rules --db postgresql://kaoping@db.example.cn/kaoping --center 320100F001

            Exit status: 0 explained; 1 the rule file has errors; 2 a path, file or store cannot be used, or no \
            assessed center has that code; 64 a usage error.
            """
    )

    @Argument(help: "The rule file (.rules).")
    var rules: String

    @Option(
        help:
            "The store: a Kaoping SQLite file, or a store in PostgreSQL by its connection string (postgresql://…, service=NAME, host=… dbname=…)."
    )
    var db: String

    @Option(help: "The center's code (centers.code).")
    var center: String

    @Option(help: "Only this indicator (its id).")
    var indicator: String?

    @Flag(
        help: "List every record that cost points, not only the first ones (the center's rows only, read through the store's center index)."
    )
    var all = false

    @Option(help: "text, md or json.")
    var format = "text"

    @Option(name: .customLong("param"), help: "Override a parameter: --param name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "Language of diagnostics: zh or en.")
    var lang = "zh"

    func validate() throws {
        guard ["text", "md", "json"].contains(format) else { throw ValidationError("--format must be text, md or json, not `\(format)`") }
        try validateLanguage(lang)
        _ = try parameterOverrides(parameters)
    }

    func run() throws {
        try PathProblem.requireRuleFile(rules)
        try PathProblem.requireStore(db)
        let loader = try AssessmentRun.load(rules)
        let store = try AssessedStore(db)
        let checked = Checker.check(loader.files, schema: try store.catalog(), overrides: try parameterOverrides(parameters))
        let diagnostics = loader.diagnostics + checked.diagnostics
        if diagnostics.hasErrors {
            let printer = DiagnosticPrinter(sources: loader.sources, english: lang == "en")
            FileHandle.standardError.write(
                Data(printer.render(diagnostics.filter { $0.severity == .error }, limit: DiagnosticPrinter.displayLimit).utf8))
        }
        guard let plan = checked.plan, !diagnostics.hasErrors else { throw ExitCode(1) }
        if let indicator, !plan.indicators.contains(where: { $0.id == indicator }) {
            let guess = nearestName(indicator, among: plan.indicators.map(\.id))
            throw CommandFailure(
                "the rules have no indicator `\(indicator)`"
                    + (guess.map { ": did you mean `\($0)`?" } ?? ": they have "
                        + plan.indicators.map(\.id).joined(separator: ", ")))
        }
        let explained = try store.explain(
            plan, center: center, all: all, rulesSHA256: AssessmentRun.digest(loader.sources), options: EvaluationOptions(columnCache: true)
        )
        guard let result = explained.results.centers.first(where: { $0.code == center }) else {
            throw try unknownCenter(store: store, assessed: explained.results.centers)
        }
        let explanation = Explanation(
            results: explained.results, center: result, indicator: indicator, all: all ? explained.records : nil)
        switch format {
        case "json": print(explanation.json.text, terminator: "")
        case "md": print(explanation.markdown, terminator: "")
        default: print(explanation.text, terminator: "")
        }
    }

    /// Why `center` names no assessed center: no unit has that code (with the nearest code or name), or it is not
    /// among the units these rules assess.
    private func unknownCenter(store: AssessedStore, assessed: [CenterResult]) throws -> CommandFailure {
        let rows = try store.units()
        let codes = rows.compactMap(\.code)
        if codes.contains(center) {
            return CommandFailure(
                "the unit \(center) is in the store but not among the units these rules assess (their `assess centers where …`)")
        }
        if let named = rows.first(where: { $0.name == center })?.code {
            return CommandFailure("no unit has the code \(center); the unit named \(center) has the code \(named): --center \(named)")
        }
        let guess = nearestName(center, among: assessed.map(\.code))
        return CommandFailure(
            "no unit has the code \(center)" + (guess.map { ": did you mean \($0)?" } ?? "; `kaoping run` lists the codes in results.json"))
    }
}
