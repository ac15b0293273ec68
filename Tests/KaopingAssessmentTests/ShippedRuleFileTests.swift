import Foundation
import KaopingCheck
import KaopingStore
import KaopingSyntax
import Testing

/// The shipped rule files check cleanly, evaluate on the demo, and format canonically.
@Suite("Shipped rule files")
struct ShippedRuleFileTests {
    @Test("Check clean against the canonical schema, warnings included (kaoping check --strict)", arguments: ShippedRules.ruleFiles)
    func checkStrict(file: String) throws {
        let loader = try RuleLoader.load(path: ShippedRules.path(file))
        let diagnostics = loader.diagnostics + Checker.check(loader.files, schema: .canonical).diagnostics
        #expect(diagnostics == [], "\(DiagnosticPrinter(sources: loader.sources, english: true).render(diagnostics))")
    }

    @Test("The 银川 example evaluates on the demo store, reading its extra assessor_findings table")
    func yinchuanOnDemo() throws {
        let (results, diagnostics) = try ShippedRules.assess("Rules/examples/yinchuan-branch-halls.rules")
        #expect(diagnostics == [])
        #expect(
            results.assessment.indicators.map(\.id) == [
                "leadership", "items_in_hall", "efficiency", "environment", "reporting", "complaints",
            ])
        #expect(results.assessment.indicators.map(\.points) == [20, 20, 20, 20, 10, 10])
        #expect(results.centers.count > 1_000)
        #expect(results.centers.allSatisfy { $0.kind == "sub_center" })
        for (index, indicator) in results.assessment.indicators.enumerated() {
            let values = Set(results.centers.map { $0.indicators[index].points })
            #expect(values.count >= 3, "\(indicator.id) takes only \(values.sorted())")
        }
    }

    @Test("The 2021 revision evaluates on the 2024 demo data with its period overridden")
    func revisionOnDemo() throws {
        let (results, diagnostics) = try ShippedRules.assess(
            "Rules/jiangsu-2021.rules", overrides: ["period_start": "2024-01-01", "period_end": "2024-12-31"])
        #expect(diagnostics.filter { $0.severity == .error } == [])
        let ids = results.assessment.indicators.map(\.id)
        #expect(ids.contains("one_visit"))
        #expect(!ids.contains("convenience"))
        #expect(results.assessment.indicators.reduce(0) { $0 + $1.points } == 100)
        #expect(results.centers.count == 1_546)
    }
}

/// Issue 5's acceptance: a misspelled column in a copy of the shipped rules gives exactly one error, at its
/// line and column, suggesting the right name.
@Suite("A typo in a copy of the shipped rules")
struct ShippedRuleTypoTests {
    @Test("finished_at misspelled as finshed_at: one K0230 at its position, suggesting finished_at")
    func misspelledColumn() throws {
        let original = try String(contentsOfFile: ShippedRules.path("Rules/jiangsu-2020.rules"), encoding: .utf8)
        let line = "  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)"
        let lines = original.components(separatedBy: "\n")
        let number = try #require(lines.firstIndex(of: line)) + 1
        let broken = original.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "finished_at", with: "finshed_at"))
        let source = SourceFile(name: "copy.rules", text: broken)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics == [])
        let errors = Checker.check(parsed.file, schema: .canonical).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id) == ["K0230"])
        let error = try #require(errors.first)
        let location = source.location(of: error.range.start)
        // "  measure rate(workdays(accepted_at, " is 37 characters, so the typo starts at column 38.
        #expect(location.line == number)
        #expect(location.column == 38)
        #expect(error.hint == "是否想写“finished_at”？")
    }
}
