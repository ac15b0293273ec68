import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

extension LanguageConstructTests {
    @Suite("Language: working days over the 2024 Spring Festival, parameters as durations, --param")
    struct WorkdayConstructTests {
        /// W1's four cases, all accepted Thu 2024-02-08 10:00; Rules/calendars/2024.txt: 02-09 (Fri) a working day,
        /// 02-10..17 春节 holidays, 02-18 (Sun) 调休上班. So `+ 1 workdays` is 02-09, `+ 2` 02-18, `+ 3` 02-19, `+ 4` 02-20.
        ///
        /// | case | finished    | working days (workdays(a, b)) |
        /// |------|-------------|-------------------------------|
        /// | w1   | 02-19 16:00 | 3                             |
        /// | w2   | 02-20 09:00 | 4                             |
        /// | w3   | 02-18 17:00 | 2                             |
        /// | w4   | 02-09 18:00 | 1 (32 hours after acceptance) |
        static func store() throws -> TestStore {
            let test = try TestStore()
            try test.center(1, "W1")
            for finished in [at("2024-02-19", 16), at("2024-02-20", 9), at("2024-02-18", 17), at("2024-02-09", 18)] {
                try test.addCase(1, accepted: at("2024-02-08", 10), finished: finished, promised: 3)
            }
            return test
        }

        @Test(
            "time + N workdays across the festival, a date + N workdays, and date+time literals",
            arguments: [
                ("count(where finished_at <= accepted_at + 1 workdays)", 1.0),  // 02-09: w4
                ("count(where finished_at <= accepted_at + 2 workdays)", 2),  // 02-18: w3, w4
                ("count(where finished_at <= accepted_at + 3 workdays)", 3),  // 02-19 (any time that day): w1, w3, w4
                ("count(where finished_at <= accepted_at + 4 workdays)", 4),  // 02-20: all
                ("count(where workdays(accepted_at, finished_at) <= 3)", 3),  // the same as + 3 workdays
                ("count(where finished_at <= 2024-02-08 + 2 workdays)", 2),  // 02-18: w3, w4
                ("count(where accepted_at == 2024-02-08T10:00)", 4),
                ("count(where finished_at - 2024-02-08T10:00 <= 32 hours)", 1),  // w4, exactly 32 hours
            ])
        func workdayArithmetic(measure: String, expected: Double) throws {
            let doc = try WorkdayConstructTests.store().run(measuring(from: "cases", measure))
            #expect(try doc.indicator("W1", "m").measure == expected, "\(measure)")
        }

        static let rules =
            assessment() + """
                param limit = 3
                param floor = 50%
                indicator ontime "按时办结" {
                  category "效能"
                  points 10
                  from cases
                  measure rate(finished_at <= accepted_at + limit workdays)
                  score linear { floor -> 0; 100% -> 10 }
                  when empty: not_applicable
                }
                """

        @Test(
            "A parameter as N workdays, overridden with --param and recorded in the results",
            arguments: [
                // limit 3: w1, w3, w4 on time: 3/4 = 75% → 10 × (0.75 − 0.5) / 0.5 = 5.
                ([:], 3, 5.0, ["floor=50% false", "limit=3 false"]),
                // limit 2 (02-18): w3, w4: 2/4 = 50% → 0.
                (["limit": "2"], 2, 0, ["floor=50% false", "limit=2 true"]),
                // limit 2 and floor 25%: 50% → 10 × (0.5 − 0.25) / 0.75 = 3.333333.
                (["limit": "2", "floor": "25%"], 2, 3.333333, ["floor=25% true", "limit=2 true"]),
            ] as [([String: String], Int, Double, [String])])
        func parameterOverride(overrides: [String: String], numerator: Int, points: Double, parameters: [String]) throws {
            let doc = try WorkdayConstructTests.store().run(WorkdayConstructTests.rules, overrides: overrides)
            let result = try doc.indicator("W1", "ontime")
            #expect(result.numerator == numerator)
            #expect(six(result.points) == points)
            #expect(doc.assessment.parameters.map { "\($0.name)=\($0.value) \($0.overridden)" } == parameters)
        }
    }
}
