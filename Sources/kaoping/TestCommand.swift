import ArgumentParser
import Foundation
import KaopingStore
import KaopingSyntax
import KaopingTesting

/// `kaoping test`: runs the rule tests in rule files and in `*.test.rules` beside them.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "运行规则测试 — Run the test blocks of rule files (and of *.test.rules beside them); ends with `N passed, N failed`.",
        discussion: """
            Prints `FILE: N passed, N failed` as each rule file finishes, then (with --coverage) what no test \
            reaches, then the totals, `N passed, N failed`, as the last line.

            Examples:
              kaoping test Rules/
              kaoping test Rules/jiangsu-2024.rules --coverage

            Exit status: 0 all passed; 1 a test failed; 2 a path or file cannot be used; 64 a usage error.
            """
    )

    @Argument(help: "Rule files or folders.")
    var paths: [String]

    @Flag(
        help: "Also report which indicators, adjustments, vetoes and grade limits no test names, and the score-rule steps no test reaches.")
    var coverage = false

    @Option(help: "Language of messages: zh or en.")
    var lang = "zh"

    @Option(help: "Folder of working-day calendar files (default: the 2020–2026 calendars built into Kaoping).")
    var calendars: String?

    func validate() throws {
        try validateLanguage(lang)
    }

    func run() throws {
        do {
            try runTests()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("kaoping test: \(failure)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// What one rule file's tests (its own and its `*.test.rules`) gave.
    private struct FileOutcome {
        var passed = 0
        var failed = 0
        var ids = 0
        var untested: [String] = []
        var steps = 0
        var unreached: [String] = []
    }

    private func runTests() throws {
        let english = lang == "en"
        if let calendars {
            try PathProblem.requireFolder(
                calendars, role: "--calendars",
                advice: "name the folder of working-day calendar files (YEAR.txt), such as Rules/calendars, or leave --calendars out")
        }
        let calendarFiles =
            try calendars.map { folder in
                try PathProblem.reading(folder, role: "--calendars") { try Store.calendarFiles(in: folder) }
            } ?? CalendarFile.builtIn
        let runner = RuleTestRunner(calendarFiles: calendarFiles)
        var total = FileOutcome()
        let files = try RuleFileSet.expand(paths)
        let roots = Set(
            files.filter { !$0.hasSuffix(".test.rules") }
                + files.filter { $0.hasSuffix(".test.rules") }.map {
                    String($0.dropLast(".test.rules".count)) + ".rules"
                }
        ).sorted()
        for root in roots {
            let outcome = try test(root, runner: runner, english: english)
            // One line per file as it finishes, flushed, so a long run shows where it is.
            print("\(root): \(outcome.passed) passed, \(outcome.failed) failed")
            fflush(nil)
            total.passed += outcome.passed
            total.failed += outcome.failed
            total.ids += outcome.ids
            total.untested += outcome.untested
            total.steps += outcome.steps
            total.unreached += outcome.unreached
        }
        if coverage {
            print(
                "coverage: \(total.ids - total.untested.count)/\(total.ids) rules tested (indicators, bonuses, deductions, vetoes, grade limits)"
            )
            for name in total.untested { print("  untested \(name)") }
            print("coverage: \(total.steps - total.unreached.count)/\(total.steps) score-rule steps reached (bands, linear segments)")
            for step in total.unreached { print("  unreached \(step)") }
        }
        print("\(total.passed) passed, \(total.failed) failed")
        if total.failed > 0 { throw ExitCode(1) }
    }

    /// Runs the tests of the rule file `root` and of `ROOT.test.rules` beside it, printing each failure; a file
    /// that does not parse counts as one failure.
    private func test(_ root: String, runner: RuleTestRunner, english: Bool) throws -> FileOutcome {
        var outcome = FileOutcome()
        let loader = try PathProblem.reading(root) { try RuleLoader.load(path: root) }
        var sources = loader.sources
        var testFiles: [RuleFile] = []
        let testPath = String(root.dropLast(".rules".count)) + ".test.rules"
        if FileManager.default.fileExists(atPath: testPath) {
            let reading = try PathProblem.reading(testPath) { try SourceFile.read(testPath) }
            let source: SourceFile
            switch reading {
            case .file(let file):
                source = file
            case .tooLarge(let size):
                print(
                    DiagnosticPrinter(sources: [], english: english).render(SourceFile.tooLarge(path: testPath, size: size)),
                    terminator: "")
                outcome.failed += 1
                return outcome
            }
            let parsed = Parser.parse(source)
            testFiles.append(parsed.file)
            sources.append(parsed.file.source)
            if parsed.diagnostics.hasErrors {
                print(
                    DiagnosticPrinter(sources: sources, english: english).render(
                        parsed.diagnostics, limit: DiagnosticPrinter.displayLimit), terminator: "")
                outcome.failed += 1
                return outcome
            }
        }
        if loader.diagnostics.hasErrors {
            print(
                DiagnosticPrinter(sources: sources, english: english).render(loader.diagnostics, limit: DiagnosticPrinter.displayLimit),
                terminator: "")
            outcome.failed += 1
            return outcome
        }
        let report = runner.run(rules: loader.files, testFiles: testFiles)
        let printer = DiagnosticPrinter(sources: sources, english: english)
        for result in report.outcomes {
            if result.passed {
                outcome.passed += 1
            } else {
                outcome.failed += 1
                print("FAIL \(result.file): \(result.name)")
                print(printer.render(result.failures), terminator: "")
            }
        }
        outcome.ids = report.ids.count
        outcome.untested = report.untested.map { "\(root): \($0)" }
        outcome.steps = report.steps.count
        outcome.unreached = report.unreached.map { "\(root): \($0.id): \($0.label)" }
        return outcome
    }
}
