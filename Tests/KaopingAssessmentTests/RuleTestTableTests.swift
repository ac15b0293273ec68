import Foundation
import KaopingStore
import KaopingSyntax
import KaopingTesting
import Testing

/// A rule test's tables of an extra table are made as the rules declare it: its columns' types and its period
/// column come from the `table` declaration, never from the cells or a column's name.
@Suite("Rule tests: extra tables as declared")
struct RuleTestTableTests {
    static let header = """
        assessment "T" {
          period 2024-01-01 .. 2024-12-31
          grades { 合格 >= 60; 不合格 }
        }

        """

    /// The outcomes of the tests in `text`, run on the built-in calendars.
    static func run(_ text: String) -> [RuleTestReport.Outcome] {
        let parsed = Parser.parse(SourceFile(name: "t.rules", text: text))
        #expect(parsed.diagnostics == [])
        return RuleTestRunner(calendarFiles: CalendarFile.builtIn).run(rules: [parsed.file], testFiles: []).outcomes
    }

    @Test("A declared day column keeps its dates as days, and its period column filters the rows")
    func declaredDayPeriod() {
        let outcomes = Self.run(
            Self.header + """
                table visits "走访" {
                  center_id integer
                  visited_on day period
                  score real
                }
                indicator v "走访" {
                  points 10
                  from visits
                  measure count(where visited_on >= 2024-07-01)
                  score measure
                }
                test "日期按日期存放，考核期按 visited_on 划分" {
                  table visits {
                    center_id | visited_on | score
                    1         | 2023-12-31 | 1
                    1         | 2024-07-01 | 2.5
                    1         | 2024-12-31 | 3
                    1         | 2025-01-01 | 4
                  }
                  expect "C1" v.population == 2
                  expect "C1" v.measure == 2
                }
                """)
        #expect(outcomes.map(\.failures) == [[]])
    }

    @Test("A declared table with a header only keeps its types; an undeclared column is a K0140 at its header")
    func headerOnly() {
        let outcomes = Self.run(
            Self.header + """
                table visits {
                  center_id integer
                  visited_on day period
                  score real
                }
                indicator v "走访" {
                  points 10
                  from visits
                  measure sum(score)
                  score 10 - measure
                  when empty: full
                }
                test "没有记录" {
                  table visits {
                    center_id | visited_on | score
                  }
                  expect "C1" v.population == 0
                  expect "C1" v.points == 10
                }
                test "多写了一列" {
                  table visits {
                    center_id | visited_on | scor
                    1         | 2024-03-01 | 1
                  }
                  expect "C1" v.population == 1
                }
                """)
        #expect(outcomes.first?.failures == [])
        #expect(outcomes.last?.failures.map(\.id) == ["K0140"])
        #expect(outcomes.last?.failures.first?.englishMessage == "the declaration of `visits` has no column `scor`")
    }

    @Test("An undeclared extra table has no period column, whatever its columns are named")
    func undeclaredHasNoPeriod() {
        let outcomes = Self.run(
            Self.header + """
                indicator f "发现" {
                  points 10
                  from findings
                  measure count()
                  score measure
                }
                test "未声明的表不按考核期筛选" {
                  table findings {
                    center_id | found_at
                    1         | 2023-05-01T09:00
                    1         | 2024-05-01T09:00
                  }
                  expect "C1" f.population == 2
                }
                """)
        #expect(outcomes.map(\.failures) == [[]])
    }
}

/// What a rule test's expectations read is what `results.json` says: `status` `empty` for a policy that scored
/// nothing that happened, a gated bonus's `points` 0 and its `held_back` amount.
@Suite("Rule tests: empty statuses and held-back bonuses")
struct RuleTestTargetTests {
    @Test("empty, points and held_back as in results.json")
    func targets() {
        let outcomes = RuleTestTableTests.run(
            RuleTestTableTests.header + """
                indicator timely "按时" {
                  points 50
                  from cases where status == "finished"
                  measure rate(finished_at is not null)
                  score linear { 0% -> 0; 100% -> full }
                  when empty: full
                }
                indicator found "发现" {
                  points 50
                  from inspections
                  measure count()
                  score deduct 40 per 1
                  when empty: full
                }
                bonus praise "表扬" {
                  from reviews where rating == 5
                  measure count()
                  score measure
                  max 2
                  gate 80
                }
                test "无办件、有一次发现、有表扬" {
                  table inspections {
                    center_id | inspected_at     | mode   | inspector_level | category | severity
                    1         | 2024-05-01T09:00 | "open" | "city"          | "着装"   | "minor"
                  }
                  table reviews {
                    rating | rated_at         | channel
                    5      | 2024-05-01T09:00 | "tablet"
                    5      | 2024-05-02T09:00 | "tablet"
                    5      | 2024-05-03T09:00 | "tablet"
                  }
                  expect "C1" timely.status == "empty"
                  expect "C1" timely.points == 50
                  expect "C1" found.status == "ok"
                  expect "C1" base == 60
                  expect "C1" praise.points == 0
                  expect "C1" praise.held_back == 2
                  expect "C1" total == 60
                }
                """)
        #expect(outcomes.map(\.failures) == [[]])
    }
}
