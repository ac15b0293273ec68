import ArgumentParser
import Foundation
import KaopingCheck
import KaopingEval
import KaopingReport
import KaopingResults
import KaopingStore
import KaopingSyntax

/// `kaoping run`: evaluates a rule file over a store and writes the results and reports.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "考核评分 — Assess every center of a store under a rule file; write results.json and the reports.",
        discussion: """
            Examples:
              kaoping run Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite --out out
              kaoping run Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite --out out \\
                  --format all --per-center --previous kaoping-demo/previous/results.json
              kaoping run Rules/jiangsu-2025.rules --db kaoping-demo/demo.sqlite \\
                  --out out-2025 --format json --lang en
              kaoping run Rules/jiangsu-2024.rules --db postgresql://kaoping@db.example.cn/kaoping --out out

            Exit status: 0 written; 1 the rule file has errors or the data does not reach the period; 2 a path, \
            file or store cannot be used, or report.pdf could not be made (the other files are written); 64 a usage error.
            """
    )

    @Argument(help: "The rule file (.rules).")
    var rules: String

    @Option(
        help:
            "The store: a Kaoping SQLite file, or a store in PostgreSQL by its connection string (postgresql://…, service=NAME, host=… dbname=…)."
    )
    var db: String

    @Option(help: "Output folder.")
    var out: String

    @OptionGroup var report: ReportOptions

    @Option(name: .customLong("param"), help: "Override a parameter: --param name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "Language of diagnostics: zh or en.")
    var lang = "zh"

    @Option(help: "Scan threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: ArgumentHelp("Rows decoded per chunk. Results do not depend on it.", visibility: .hidden))
    var chunkSize = 4096

    @Flag(help: "No progress bar on stderr.")
    var quiet = false

    @Flag(
        help:
            "Read the store directly: neither read nor fill the column cache kept beside it (STORE.kaoping/columns/), nor the remembered table digests."
    )
    var noCache = false

    @Option(
        help: ArgumentHelp(
            "Records that cost points named per center and indicator in results.json (0 to 1000; default: the rule file's evidence N, or 5).",
            valueName: "n"))
    var evidence: Int?

    @Flag(help: "Write results even when a table the rules assess has no row in the period (recorded in results.json).")
    var allowPartialData = false

    func validate() throws {
        _ = try report.formats()
        try validateLanguage(lang)
        _ = try parsedParameters()
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be at least 1") }
        if let evidence, !(0...Checker.maximumEvidence).contains(evidence) {
            throw ValidationError("--evidence must be from 0 to \(Checker.maximumEvidence), not \(evidence)")
        }
    }

    func parsedParameters() throws -> [String: String] { try parameterOverrides(parameters) }

    func run() throws {
        // Every path first: a mistaken one is reported before the assessment, not after it.
        try PathProblem.requireRuleFile(rules)
        try PathProblem.requireStore(db)
        try PathProblem.requireOutputFolder(out, contents: "the results")
        let previous = try report.previousResults()
        let templates = try report.loadTemplates()
        let options = EvaluationOptions(
            threads: threads ?? EvaluationOptions.defaultThreads, chunkSize: chunkSize, columnCache: !noCache, digestCache: !noCache,
            progress: quiet ? nil : ProgressBar.shared.report)
        let run = try AssessmentRun(
            rules: rules, db: db, parameters: parsedParameters(), lang: lang, allowPartialData: allowPartialData, evidence: evidence,
            options: options)
        ProgressBar.shared.finish()
        try report.write(run.results, previous: previous, templates: templates, to: out)
    }
}
