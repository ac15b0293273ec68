import Foundation
import KaopingStore
import KaopingSyntax
import KaopingTesting
import Testing

/// `≈ … within …` expectations, and what `kaoping test --coverage` counts: every scored, vetoing and limiting id,
/// and the steps of band and linear score rules that no expectation reaches.
@Suite("Rule tests: approximate expectations and coverage")
struct RuleTestCoverageTests {
    /// A rate of finished cases (2 of 3 → 0.6667), scored linearly and in bands, a veto and a grade limit.
    static let rules =
        RuleTestTableTests.header + """
            indicator share "办结占比" {
              points 10
              from cases
              measure rate(status == "finished")
              score linear { 50% -> 0; 80% -> 6; 100% -> 10 }
              when empty: not_applicable
            }
            bonus level "办结加分" {
              from cases
              measure rate(status == "finished")
              score bands { >= 90% -> 2; >= 60% -> 1; else -> 0 }
              max 2
            }
            veto voided "作废件" {
              when count(cases where status == "voided") > 5
            }
            limit many "办件太少" when count(cases) < 2 at most 不合格

            """

    static let cases = """
          table cases {
            kind      | channel  | status     | accepted_at
            "instant" | "window" | "finished" | 2024-03-04T09:00
            "instant" | "window" | "finished" | 2024-03-04T09:00
            "instant" | "window" | "accepted" | 2024-03-04T09:00
          }

        """

    static func report(_ tests: String) -> RuleTestReport {
        let parsed = Parser.parse(SourceFile(name: "t.rules", text: rules + tests))
        #expect(parsed.diagnostics == [])
        return RuleTestRunner(calendarFiles: CalendarFile.builtIn).run(rules: [parsed.file], testFiles: [])
    }

    @Test("≈ VALUE within TOLERANCE holds within the tolerance (also written ~=), and fails outside it saying so")
    func approximate() throws {
        let report = Self.report(
            "test \"近似\" {\n" + Self.cases + """
                  expect "C1" share.measure ≈ 0.6667 within 0.0001
                  expect "C1" share.measure ~= 0.667 within 0.001
                  expect "C1" share.measure ≈ 0.6666 within 0.00001
                }
                """)
        let failures = try #require(report.outcomes.first).failures
        #expect(failures.map(\.id) == ["K0142"])
        #expect(failures.first?.englishMessage == "C1 share.measure: expected ≈ 0.6666 within 0.00001, got 0.6666666666666666")
    }

    @Test("≈ without within, and within after ==, are K0101 at the place, with a hint for the second")
    func approximateSlips() {
        let missing = Parser.parse(
            SourceFile(name: "t.rules", text: "test \"t\" {\n  expect \"C1\" share.measure ≈ 0.6667\n}\n")
        ).diagnostics
        #expect(missing.map(\.id) == ["K0101"])
        #expect(missing.first?.englishMessage == "expected `within TOLERANCE` (as in ≈ 0.7699 within 0.0001), found `}`")
        let misplaced = Parser.parse(
            SourceFile(name: "t.rules", text: "test \"t\" {\n  expect \"C1\" share.measure == 0.6667 within 0.001\n}\n")
        ).diagnostics
        #expect(misplaced.map(\.id) == ["K0101"])
        #expect(misplaced.first?.englishHint == "write share.measure ≈ VALUE within TOLERANCE")
    }

    @Test("Coverage counts vetoes and grade limits (named by id, or by veto == \"id\") beside indicators and adjustments")
    func idsCounted() {
        let report = Self.report(
            "test \"覆盖\" {\n" + Self.cases + """
                  expect "C1" veto == "voided"
                  expect "C1" share.points ≈ 4 within 0.5
                }
                """)
        #expect(report.ids == ["share", "level", "voided", "many"])
        #expect(report.untested == ["level", "many"])
    }

    @Test("Steps: each band, and for linear the flat ends and the segments between control points, labelled from the rule")
    func steps() {
        let report = Self.report(
            "test \"步骤\" {\n" + Self.cases + """
                  expect "C1" share.points ≈ 3.333 within 0.001
                  expect "C1" level.points == 1
                }
                """)
        #expect(report.outcomes.allSatisfy { $0.passed })
        #expect(
            report.steps.map(\.label) == [
                "linear <= 50%", "linear 50% .. 80%", "linear 80% .. 100%", "linear >= 100%", ">= 90% -> 2", ">= 60% -> 1",
                "else -> 0",
            ])
        // 0.6667 is between 50% and 80%, and in the band >= 60%.
        #expect(
            report.unreached.map { "\($0.id): \($0.label)" } == [
                "share: linear <= 50%", "share: linear 80% .. 100%", "share: linear >= 100%", "level: >= 90% -> 2", "level: else -> 0",
            ])
    }

    @Test("A measure on a control point reaches the flat end there; a center without a scored measure reaches nothing")
    func stepEdges() {
        let report = Self.report(
            """
            test "端点" {
              table cases {
                kind      | channel  | status     | accepted_at
                "instant" | "window" | "finished" | 2024-03-04T09:00
              }
              expect "C1" share.measure == 100%
            }
            test "无办件" {
              expect "C1" share.status == "not_applicable"
            }
            """)
        #expect(report.outcomes.allSatisfy { $0.passed })
        #expect(report.unreached.filter { $0.id == "share" }.map(\.index) == [0, 1, 2])
    }
}
