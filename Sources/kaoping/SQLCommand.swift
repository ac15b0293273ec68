import ArgumentParser
import Foundation
import KaopingCheck
import KaopingSQL
import KaopingStore
import KaopingSyntax

/// `kaoping sql`: prints the plan of a rule file as one SELECT for another SQL engine.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract:
            "生成 SQL 查询 — Print one SELECT that computes every center's population, numerator and measure per indicator in the database alone.",
        discussion: """
            Examples:
              kaoping sql Rules/jiangsu-2024.rules --dialect postgresql > plan.sql
              kaoping sql Rules/jiangsu-2025.rules --dialect postgresql \\
                  --db kaoping-demo/demo.sqlite > plan-2025.sql

            Exit status: 0 printed; 1 the rule file has errors; 2 a path, file or store cannot be used, or the \
            dialect cannot express a construct; 64 a usage error.
            """
    )

    @Argument(help: "The rule file.")
    var rules: String

    @Option(help: "sqlite or postgresql.")
    var dialect: SQLDialect = .sqlite

    @Option(help: "Check names against this store's schema (default: the canonical schema).")
    var db: String?

    @Option(name: .customLong("param"), help: "Override a parameter: --param name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "Language of diagnostics: zh or en.")
    var lang = "zh"

    @Flag(help: "Print instead the SELECT that lists every record costing a center points (center_code, indicator, record, record_number).")
    var evidence = false

    func validate() throws {
        try validateLanguage(lang)
        _ = try parameterOverrides(parameters)
    }

    func run() throws {
        let overrides = try parameterOverrides(parameters)
        let loader = try AssessmentRun.load(rules)
        if let db { try PathProblem.requireStore(db) }
        let schema = try db.map { try SchemaCatalog(store: try Store.open(at: $0, readOnly: true)) } ?? .canonical
        let checked = Checker.check(loader.files, schema: schema, overrides: overrides)
        let diagnostics = loader.diagnostics + checked.diagnostics
        if !diagnostics.isEmpty {
            FileHandle.standardError.write(
                Data(
                    DiagnosticPrinter(sources: loader.sources, english: lang == "en").render(
                        diagnostics, limit: DiagnosticPrinter.displayLimit
                    ).utf8))
        }
        guard let plan = checked.plan, !loader.diagnostics.hasErrors else { throw ExitCode(1) }
        do {
            let compiler = SQLCompiler(plan: plan, dialect: dialect)
            print(try (evidence ? compiler.compileEvidence() : compiler.compile()) + ";")
        } catch let unsupported as SQLUnsupported {
            FileHandle.standardError.write(Data("kaoping sql: \(unsupported)\n".utf8))
            throw ExitCode(2)
        }
    }
}

extension SQLDialect: ExpressibleByArgument {}
