import ArgumentParser
import Foundation
import KaopingCheck
import KaopingEval
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

            Working days are counted from the store's calendar table alone: with --db, a store that lacks \
            province-wide rows for the period's years (or the year on either side) is refused.

            Exit status: 0 printed; 1 the rule file has errors; 2 a path, file or store cannot be used, the \
            store's calendar does not cover the years, or the dialect cannot express a construct; 64 a usage error.
            """
    )

    @Argument(help: "The rule file.")
    var rules: String

    @Option(help: "sqlite or postgresql.")
    var dialect: SQLDialect = .sqlite

    @Option(
        help: "Check names against this store's schema, a SQLite file or a PostgreSQL connection string (default: the canonical schema).")
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
        let store = try db.map { try AssessedStore($0) }
        let schema = try store.map { try $0.catalog() } ?? .canonical
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
            let statement = try evidence ? compiler.compileEvidence() : compiler.compile()
            if plan.usesCalendar { try checkCalendar(plan: plan, store: store) }
            print(statement + ";")
        } catch let unsupported as SQLUnsupported {
            FileHandle.standardError.write(Data("kaoping sql: \(unsupported)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Working days are counted from the store's `calendar` rows alone: with `--db`, refuses a store that lacks
    /// rows the native evaluator would take from the built-in calendars; without, says which rows the statement
    /// needs.
    private func checkCalendar(plan: Plan, store: AssessedStore?) throws {
        let reach = SQLCalendarCoverage.reach(of: plan)
        guard let store else {
            FileHandle.standardError.write(
                Data(
                    ("kaoping sql: working days are counted from the store's calendar table alone: the statement is valid on a "
                        + "store with province-wide rows for every day of \(reach.lowerBound)–\(reach.upperBound) "
                        + "(name the store with --db to check)\n").utf8))
            return
        }
        let coverage: SQLCalendarCoverage
        switch store {
        case .sqlite(let store): coverage = try SQLCalendarCoverage(store: store, reach: reach)
        case .postgresql(let store): coverage = try SQLCalendarCoverage(postgres: store, reach: reach)
        }
        if let problem = coverage.problem {
            FileHandle.standardError.write(Data("kaoping sql: \(problem)\n".utf8))
            throw ExitCode(2)
        }
    }
}

extension SQLDialect: ExpressibleByArgument {}
