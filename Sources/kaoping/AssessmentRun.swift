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
    /// The plan the results were evaluated from (for commands that re-score them, such as `sensitivity`).
    let plan: Plan

    /// Parses and checks `rules` against the store `db` names (a SQLite file or a PostgreSQL connection string), then evaluates it, and checks that the data covers
    /// the period: a table with no row in it stops the run unless `allowPartialData`.
    /// - Throws: `ExitCode(1)` after printing diagnostics when the rule file has errors or the data does not
    ///   reach the period; store errors otherwise.
    init(
        rules: String, db: String, parameters: [String: String], lang: String, allowPartialData: Bool = false, evidence: Int? = nil,
        options: EvaluationOptions = EvaluationOptions()
    ) throws {
        let loader = try AssessmentRun.load(rules)
        let store = try AssessedStore(db)
        let checked = Checker.check(loader.files, schema: try store.catalog(), overrides: parameters, evidence: evidence)
        let printer = DiagnosticPrinter(sources: loader.sources, english: lang == "en")
        let diagnostics = loader.diagnostics + checked.diagnostics
        if !diagnostics.isEmpty {
            FileHandle.standardError.write(Data(printer.render(diagnostics, limit: DiagnosticPrinter.displayLimit).utf8))
        }
        guard let plan = checked.plan, !loader.diagnostics.hasErrors else { throw ExitCode(1) }
        var results = try store.evaluate(plan, rulesSHA256: AssessmentRun.digest(loader.sources), options: options)
        let coverage = results.dataCoverage.map {
            TableCoverage(
                table: $0.table, column: $0.column, rows: $0.rows, before: $0.before, after: $0.after,
                first: $0.firstDay.flatMap(CivilDay.init),
                last: $0.lastDay.flatMap(CivilDay.init))
        }
        let coverageDiagnostics = try PeriodCoverage.diagnostics(
            coverage, files: loader.files, plan: plan, calendar: store.workingCalendar, refusingEmpty: !allowPartialData)
        if !coverageDiagnostics.isEmpty {
            ProgressBar.shared.finish()
            FileHandle.standardError.write(Data(printer.render(coverageDiagnostics, limit: DiagnosticPrinter.displayLimit).utf8))
        }
        guard !coverageDiagnostics.hasErrors else { throw ExitCode(1) }
        results.partialDataAllowed = allowPartialData
        self.results = results
        self.plan = plan
    }

    /// Reads a rule file and its includes, with a plain message when the file cannot be read.
    static func load(_ path: String) throws -> RuleLoader {
        try PathProblem.requireRuleFile(path)
        return try PathProblem.reading(path, role: "the rule file") { try RuleLoader.load(path: path) }
    }

    /// The SHA-256 of the rule text: of the root file's bytes alone when it includes nothing, otherwise of
    /// every file's bytes in load order, each preceded by its length and a newline.
    static func digest(_ sources: [SourceFile]) -> String {
        guard sources.count > 1 else { return SHA256.hex(sources.first?.bytes ?? []) }
        var hasher = SHA256()
        for source in sources {
            hasher.update("\(source.bytes.count)\n")
            hasher.update(source.bytes)
        }
        return hasher.hexDigest()
    }
}
