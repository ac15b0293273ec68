import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax

/// Runs the test blocks of a rule file: each on its own temporary store built from the test's tables.
public struct RuleTestRunner {
    let calendarFiles: [CalendarFile]

    /// A runner whose tests use `calendarFiles` unless a test gives its own `calendar`.
    public init(calendarFiles: [CalendarFile]) {
        self.calendarFiles = calendarFiles
    }

    /// Runs every test found in `rules` (the rule file and its includes) and in `testFiles` (`*.test.rules`).
    public func run(rules: [RuleFile], testFiles: [RuleFile]) -> RuleTestReport {
        var report = RuleTestReport()
        // A variant's tests cover what it writes (the rest is its base's, tested with the base).
        let covered = rules.contains(where: \.isBase) ? rules.filter { !$0.isBase } : rules
        for file in covered {
            for declaration in file.declarations {
                switch declaration {
                case .indicator(let indicator), .replace(.indicator(let indicator), _):
                    report.ids.append(indicator.id.text)
                    report.steps += RuleTestRunner.steps(of: indicator.score, id: indicator.id.text, in: file.source)
                case .adjustment(let adjustment), .replace(.adjustment(let adjustment), _):
                    report.ids.append(adjustment.id.text)
                    report.steps += RuleTestRunner.steps(of: adjustment.score, id: adjustment.id.text, in: file.source)
                case .veto(let veto), .replace(.veto(let veto), _): report.ids.append(veto.id.text)
                case .limit(let limit), .replace(.limit(let limit), _): report.ids.append(limit.id.text)
                default: break
                }
            }
        }
        // A variant's base was tested with its own rules: its tests are not the variant's.
        for file in rules.filter({ !$0.isBase }) + testFiles {
            for case .test(let test) in file.declarations {
                report.outcomes.append(run(test, file: file.source, rules: rules, report: &report))
            }
        }
        return report
    }

    private func run(_ test: TestDeclaration, file: SourceFile, rules: [RuleFile], report: inout RuleTestReport) -> RuleTestReport.Outcome {
        var outcome = RuleTestReport.Outcome(name: test.name.value, file: file.name, range: test.range, failures: [])
        for expectation in test.expectations {
            report.tested.insert(expectation.target[0].text)
            // `expect "A" veto == "serious"` tests that veto too.
            if expectation.target.map(\.text) == ["veto"], case .text(let id)? = TestLiteral.resultValue(expectation.value) {
                report.tested.insert(id)
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var builder = TestStoreBuilder(test: test, file: file.name, calendarFiles: calendarFiles, declared: declaredTables(rules))
            let store = try builder.build(at: folder.appendingPathComponent("test.sqlite").path)
            outcome.failures += builder.problems
            guard builder.problems.isEmpty else { return outcome }
            var overrides: [String: String] = [:]
            for (name, value) in test.parameters { overrides[name.text] = file.text(value.range) }
            let checked = Checker.check(rules, schema: try SchemaCatalog(store: store), overrides: overrides)
            guard let plan = checked.plan else {
                outcome.failures += checked.diagnostics.filter { $0.severity == .error }
                return outcome
            }
            let results = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "")
            for expectation in test.expectations {
                if let failure = verify(expectation, results: results, source: file) { outcome.failures.append(failure) }
                reach(expectation, plan: plan, results: results, report: &report)
            }
        } catch {
            // The message names no temporary path, so the output is the same on every run.
            let reason = (error as? SQLiteError)?.message ?? String(describing: type(of: error))
            outcome.failures.append(
                Diagnostic(
                    "K0141", .error, file: file.name, range: test.name.range, zh: "测试无法运行：\(reason)",
                    en: "the test could not run: \(reason)"))
        }
        return outcome
    }

    /// The steps of a band or linear score rule, labelled with the rule's own text.
    static func steps(of rule: ScoreRule?, id: String, in source: SourceFile) -> [RuleTestReport.Step] {
        switch rule {
        case .bands(let bands, _)?:
            return bands.indices.map { RuleTestReport.Step(id: id, index: $0, label: source.text(bands[$0].range)) }
        case .linear(let points, _)? where !points.isEmpty:
            let inputs = points.map { source.text($0.input.range) }
            let between = inputs.indices.dropFirst().map { "linear \(inputs[$0 - 1]) .. \(inputs[$0])" }
            return (["linear <= \(inputs[0])"] + between + ["linear >= \(inputs[inputs.count - 1])"]).enumerated().map {
                RuleTestReport.Step(id: id, index: $0, label: $1)
            }
        default: return []
        }
    }

    /// Marks the score-rule steps that `expectation` reaches: it names an indicator or adjustment scored from a
    /// measure for its center.
    private func reach(_ expectation: Expectation, plan: Plan, results: ResultsDocument, report: inout RuleTestReport) {
        let id = expectation.target[0].text
        guard let center = results.centers.first(where: { $0.code == expectation.center.value }) else { return }
        let found: (ScorePlan, Double?)?
        if let indicator = center.indicators.first(where: { $0.id == id }), let rule = plan.indicators.first(where: { $0.id == id }) {
            found = (rule.score, indicator.status == .ok ? indicator.measure : nil)
        } else if let adjustment = center.adjustments.first(where: { $0.id == id }),
            let rule = plan.adjustments.first(where: { $0.id == id })
        {
            found = (rule.score, adjustment.measure)
        } else {
            found = nil
        }
        guard case let (rule, measure?)? = found else { return }
        for step in rule.steps(reachedBy: measure) { report.reached.insert([id, String(step)]) }
    }

    /// The extra tables the rule files declare, by name (the first declaration of a name).
    private func declaredTables(_ rules: [RuleFile]) -> [String: TableDeclaration] {
        var tables: [String: TableDeclaration] = [:]
        for file in rules {
            for case .table(let table) in file.declarations where tables[table.name.text] == nil { tables[table.name.text] = table }
        }
        return tables
    }

    /// `nil` when the expectation holds, otherwise a diagnostic with the expected and actual values.
    private func verify(_ expectation: Expectation, results: ResultsDocument, source: SourceFile) -> Diagnostic? {
        let file = source.name
        let target = expectation.target.map(\.text).joined(separator: ".")
        func failure(_ zh: String, _ en: String) -> Diagnostic {
            Diagnostic("K0142", .error, file: file, range: expectation.range, zh: zh, en: en)
        }
        guard let center = results.centers.first(where: { $0.code == expectation.center.value }) else {
            return failure(
                "单位“\(expectation.center.value)”不在考核结果中（未被考核）",
                "center `\(expectation.center.value)` is not in the results (it is not assessed)")
        }
        guard let actual = ResultField.value(of: expectation.target.map(\.text), in: center, assessment: results.assessment) else {
            let names =
                ["total", "base", "grade", "rank", "veto", "group"]
                + center.indicators.flatMap { indicator in
                    ["measure", "points", "status", "population", "numerator", "max_points"].map { indicator.id + "." + $0 }
                } + center.adjustments.map { $0.id + ".points" }
            if let guess = nearestName(target, among: names) {
                return Diagnostic(
                    "K0142", .error, file: file, range: expectation.range, zh: "无法识别的期望对象“\(target)”",
                    en: "unknown result `\(target)`", hint: "是否想写“\(guess)”？", hintEn: "did you mean `\(guess)`?")
            }
            return failure(
                "无法识别的期望对象“\(target)”（可用 total、base、grade、rank、veto、指标编号.measure/points/status/population/numerator/max_points、加扣分编号.points）",
                "unknown result `\(target)` (use total, base, grade, rank, veto, INDICATOR.measure/points/status/population/numerator/max_points, ADJUSTMENT.points)"
            )
        }
        guard let expected = TestLiteral.resultValue(expectation.value) else {
            return failure("期望值应为常量", "the expected value must be a constant")
        }
        var shownExpected = ResultField.display(expected)
        if let written = expectation.tolerance {
            guard case .real(let tolerance)? = TestLiteral.resultValue(written), tolerance >= 0, tolerance.isFinite else {
                return failure("容差应为非负数值常量（如 within 0.0001）", "the tolerance must be a number, 0 or more (such as within 0.0001)")
            }
            if ResultField.holds(actual, within: tolerance, of: expected) { return nil }
            shownExpected += " within \(source.text(written.range))"
        } else if ResultField.holds(actual, expectation.comparison, expected) {
            return nil
        }
        let shownActual = ResultField.display(actual)
        return failure(
            "单位 \(expectation.center.value) 的 \(target) 期望 \(expectation.comparison) \(shownExpected)，实际为 \(shownActual)",
            "\(expectation.center.value) \(target): expected \(expectation.comparison) \(shownExpected), got \(shownActual)")
    }
}
