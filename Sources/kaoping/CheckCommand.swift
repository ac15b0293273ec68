import ArgumentParser
import Foundation
import KaopingCheck
import KaopingStore
import KaopingSyntax

/// `kaoping check`: reports every error and warning in rule files without evaluating them.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查规则文件 — Check rule files: names and types against the store's schema (or the canonical one), and lints.",
        discussion: """
            Examples:
              kaoping check Rules/
              kaoping check Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite
              kaoping check Rules/jiangsu-2024.rules --db service=kaoping
              kaoping check Rules/ --strict --lang en

            Exit status: 0 clean; 1 errors (with --strict, warnings too); 2 a path, file or store cannot be used; \
            64 a usage error.
            """
    )

    @Argument(help: "Rule files or folders.")
    var paths: [String]

    @Option(
        help: "Check names against this store's schema instead of the canonical schema (a SQLite file, or a PostgreSQL connection string).")
    var db: String?

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Option(help: "Language of messages: zh or en.")
    var lang = "zh"

    func validate() throws {
        try validateLanguage(lang)
    }

    func run() throws {
        let english = lang == "en"
        var errors = 0
        var warnings = 0
        do {
            if let db { try PathProblem.requireStore(db) }
            let store = try db.map { try AssessedStore($0) }
            let schema = try store.map { try $0.catalog() } ?? .canonical
            let files = try RuleFileSet.expand(paths, tests: false)
            for path in files {
                let loader = try PathProblem.reading(path) { try RuleLoader.load(path: path) }
                // Every declaration that parsed is checked, even when others did not: one run, every mistake.
                let checked = Checker.check(loader.files, schema: schema)
                var diagnostics = loader.diagnostics + checked.diagnostics
                if let store, let plan = checked.plan {
                    diagnostics += try PeriodCoverage.diagnostics(
                        store.coverage(plan), files: loader.files, plan: plan, calendar: store.workingCalendar, refusingEmpty: false)
                }
                print(
                    DiagnosticPrinter(sources: loader.sources, english: english).render(diagnostics, limit: DiagnosticPrinter.displayLimit),
                    terminator: "")
                for diagnostic in diagnostics {
                    if diagnostic.severity == .error { errors += 1 } else if diagnostic.severity == .warning { warnings += 1 }
                }
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("kaoping check: \(failure)\n".utf8))
            throw ExitCode(2)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("kaoping check: \(PathProblem.plain(error))\n".utf8))
            throw ExitCode(2)
        }
        if errors > 0 || warnings > 0 {
            FileHandle.standardError.write(Data("\(errors) error(s), \(warnings) warning(s)\n".utf8))
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
