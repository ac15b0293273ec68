import ArgumentParser
import Foundation
import KaopingStore
import KaopingSyntax
import KaopingTesting

/// `kaoping test`: runs the rule tests in rule files and in `*.test.rules` beside them.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test blocks of rule files (and of *.test.rules beside them); ends with `N passed, N failed`."
    )

    @Argument(help: "Rule files or folders.")
    var paths: [String]

    @Flag(help: "Also report which indicators, bonuses and deductions no test names.")
    var coverage = false

    @Option(help: "Language of messages: zh or en.")
    var lang = "zh"

    @Option(help: "Folder of working-day calendar files (default: the 2020–2026 calendars built into Kaoping).")
    var calendars: String?

    func run() throws {
        do {
            try runTests()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("kaoping test: \(failure)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func runTests() throws {
        let english = lang == "en"
        let calendarFiles = try calendars.map { try Store.calendarFiles(in: $0) } ?? CalendarFile.builtIn
        let runner = RuleTestRunner(calendarFiles: calendarFiles)
        var passed = 0
        var failed = 0
        var ids = 0
        var untested: [String] = []
        var steps = 0
        var unreached: [String] = []
        let files = try RuleFileSet.expand(paths)
        let roots = Set(
            files.filter { !$0.hasSuffix(".test.rules") }
                + files.filter { $0.hasSuffix(".test.rules") }.map {
                    String($0.dropLast(".test.rules".count)) + ".rules"
                }
        ).sorted()
        for root in roots {
            let loader: RuleLoader
            do { loader = try RuleLoader.load(path: root) } catch { throw CommandFailure("cannot read \(root): \(error)") }
            var sources = loader.sources
            var testFiles: [RuleFile] = []
            let testPath = String(root.dropLast(".rules".count)) + ".test.rules"
            if FileManager.default.fileExists(atPath: testPath) {
                let reading: SourceFile.Reading
                do { reading = try SourceFile.read(testPath) } catch { throw CommandFailure("cannot read \(testPath): \(error)") }
                let source: SourceFile
                switch reading {
                case .file(let file):
                    source = file
                case .tooLarge(let size):
                    print(
                        DiagnosticPrinter(sources: [], english: english).render(SourceFile.tooLarge(path: testPath, size: size)),
                        terminator: "")
                    failed += 1
                    continue
                }
                let parsed = Parser.parse(source)
                testFiles.append(parsed.file)
                sources.append(parsed.file.source)
                if parsed.diagnostics.hasErrors {
                    print(
                        DiagnosticPrinter(sources: sources, english: english).render(
                            parsed.diagnostics, limit: DiagnosticPrinter.displayLimit), terminator: "")
                    failed += 1
                    continue
                }
            }
            if loader.diagnostics.hasErrors {
                print(
                    DiagnosticPrinter(sources: sources, english: english).render(loader.diagnostics, limit: DiagnosticPrinter.displayLimit),
                    terminator: "")
                failed += 1
                continue
            }
            let report = runner.run(rules: loader.files, testFiles: testFiles)
            let printer = DiagnosticPrinter(sources: sources, english: english)
            for outcome in report.outcomes {
                if outcome.passed {
                    passed += 1
                } else {
                    failed += 1
                    print("FAIL \(outcome.file): \(outcome.name)")
                    print(printer.render(outcome.failures), terminator: "")
                }
            }
            ids += report.ids.count
            untested += report.untested.map { "\(root): \($0)" }
            steps += report.steps.count
            unreached += report.unreached.map { "\(root): \($0.id): \($0.label)" }
        }
        if coverage {
            print("coverage: \(ids - untested.count)/\(ids) rules tested (indicators, bonuses, deductions, vetoes, grade limits)")
            for name in untested { print("  untested \(name)") }
            print("coverage: \(steps - unreached.count)/\(steps) score-rule steps reached (bands, linear segments)")
            for step in unreached { print("  unreached \(step)") }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
