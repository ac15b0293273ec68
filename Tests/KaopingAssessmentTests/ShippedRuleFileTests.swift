import Foundation
import KaopingCheck
import KaopingStore
import KaopingSyntax
import KaopingTesting
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

    @Test("Their rule tests pass (kaoping test): each file's own and its *.test.rules", arguments: ShippedRules.ruleFiles)
    func ruleTestsPass(file: String) throws {
        let loader = try RuleLoader.load(path: ShippedRules.path(file))
        var testFiles: [RuleFile] = []
        let testPath = ShippedRules.path(String(file.dropLast(".rules".count)) + ".test.rules")
        if case .file(let source)? = try? SourceFile.read(testPath) {
            let parsed = Parser.parse(source)
            #expect(parsed.diagnostics == [])
            testFiles.append(parsed.file)
        }
        let report = RuleTestRunner(calendarFiles: CalendarFile.builtIn).run(rules: loader.files, testFiles: testFiles)
        #expect(!report.outcomes.isEmpty)
        let failures = report.outcomes.flatMap(\.failures)
        #expect(failures == [], "\(DiagnosticPrinter(sources: loader.sources + testFiles.map(\.source), english: true).render(failures))")
    }

    @Test("The 南京 variant: the base's rules with its own header, parameter, indicator, removed bonus and grade limit")
    func nanjingVariantOnDemo() throws {
        let (results, diagnostics) = try ShippedRules.assess("Rules/examples/nanjing-2024.rules")
        #expect(diagnostics.filter { $0.severity == .error } == [])
        let (base, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        #expect(results.assessment.title == "南京市政务服务分中心一体化管理年度考核")
        #expect(results.assessment.indicators.map(\.id) == base.assessment.indicators.map(\.id))
        #expect(results.assessment.adjustments.map(\.id) == ["one_thing", "proxy", "late_complaints"])
        #expect(results.assessment.bonusCap == 3)
        // The deduction is taken from 服务效能 where some center has overdue complaints.
        #expect(results.centers.contains { center in center.adjustments.contains { $0.id == "late_complaints" && $0.points > 0 } })
        #expect(results.assessment.gradeLimits?.map(\.id) == ["complained"])
        #expect(results.assessment.parameters.first { $0.name == "ontime_floor" }?.value == "95%")
        #expect(!results.centers.isEmpty)
        #expect(results.centers.allSatisfy { $0.region == "南京市" && $0.kind != "center" })
        #expect(results.centers.count < base.centers.count / 5)
        // The base's ranking groups, with the variant's tie-break.
        #expect(results.assessment.groupBy == base.assessment.groupBy)
        #expect(results.assessment.tieBreaks?.count == 1)
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
            "Rules/jiangsu-2025.rules", overrides: ["period_start": "2024-01-01", "period_end": "2024-12-31"])
        #expect(diagnostics.filter { $0.severity == .error } == [])
        let ids = results.assessment.indicators.map(\.id)
        #expect(ids.contains("one_visit"))
        #expect(!ids.contains("convenience"))
        #expect(results.assessment.indicators.reduce(0) { $0 + $1.points } == 100)
        #expect(results.centers.count == 1_546)
    }
}

/// Issue 5's acceptance: a misspelled column in a copy of the shipped rules gives exactly one diagnostic, an
/// error at its line and column suggesting the right name.
@Suite("A typo in a copy of the shipped rules")
struct ShippedRuleTypoTests {
    @Test("finished_at misspelled as finshed_at: one K0230 at its position, suggesting finished_at")
    func misspelledColumn() throws {
        let original = try String(contentsOfFile: ShippedRules.path("Rules/jiangsu-2024.rules"), encoding: .utf8)
        let line = "  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)"
        let lines = original.components(separatedBy: "\n")
        let number = try #require(lines.firstIndex(of: line)) + 1
        let broken = original.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "finished_at", with: "finshed_at"))
        let source = SourceFile(name: "copy.rules", text: broken)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics == [])
        // One typo, one diagnostic: not also a warning that the points no longer add up.
        let errors = Checker.check(parsed.file, schema: .canonical).diagnostics
        #expect(errors.map(\.id) == ["K0230"])
        let error = try #require(errors.first)
        let location = source.location(of: error.range.start)
        // "  measure rate(workdays(accepted_at, " is 37 characters, so the typo starts at column 38.
        #expect(location.line == number)
        #expect(location.column == 38)
        #expect(error.hint == "是否想写“finished_at”？")
    }

    @Test("A parameter misspelled where it is used: one K0230 suggesting it, and no warning that it is unused")
    func misspelledParameter() throws {
        let original = try String(contentsOfFile: ShippedRules.path("Rules/jiangsu-2024.rules"), encoding: .utf8)
        let use = "score linear { ontime_floor -> 0;"
        #expect(original.contains(use))
        let broken = original.replacingOccurrences(of: use, with: "score linear { ontime_flor -> 0;")
        let parsed = Parser.parse(SourceFile(name: "copy.rules", text: broken))
        let diagnostics = Checker.check(parsed.file, schema: .canonical).diagnostics
        #expect(diagnostics.map(\.id) == ["K0230"])
        #expect(diagnostics.first?.hint == "是否想写“ontime_floor”？")
    }

    /// Typos of every kind, each at its first occurrence in the shipped rules, and the one diagnostic each gives.
    static let typos: [(from: String, to: String, id: String)] = [
        ("status ==", "statsu ==", "K0230"),
        ("accepted_at", "acceptd_at", "K0230"),
        ("from cases", "from case", "K0232"),
        ("reviews where", "review where", "K0232"),
        ("count(", "cuont(", "K0244"),
        ("rate(", "rat(", "K0244"),
        ("workdays(", "workday(", "K0244"),
        ("points 5", "pionts 5", "K0102"),
        ("total 100", "totl 100", "K0102"),
        ("when empty: not_applicable", "when empty: not_aplicable", "K0265"),
    ]

    @Test("One typo, one diagnostic: no warning that follows from it (unused parameters, points that do not add up)")
    func oneTypoOneDiagnostic() throws {
        let original = try String(contentsOfFile: ShippedRules.path("Rules/jiangsu-2024.rules"), encoding: .utf8)
        for typo in Self.typos {
            let at = try #require(original.range(of: typo.from), "\(typo.from)")
            let broken = original.replacingCharacters(in: at, with: typo.to)
            let parsed = Parser.parse(SourceFile(name: "copy.rules", text: broken))
            let diagnostics = parsed.diagnostics.hasErrors ? parsed.diagnostics : Checker.check(parsed.file, schema: .canonical).diagnostics
            #expect(diagnostics.map(\.id) == [typo.id], "\(typo.from) → \(typo.to)")
        }
    }
}
