import KaopingResults
import Testing

/// Each measure on one center's five cases in 2024 (and one in 2023, outside the period):
///
/// | case | status   | promised_days |
/// |------|----------|---------------|
/// | 1    | finished | 5             |
/// | 2    | finished | 10            |
/// | 3    | finished | NULL          |
/// | 4    | accepted | 3             |
/// | 5    | rejected | 7             |
/// | (6)  | finished | 100, accepted 2023-06-01: outside the period |
///
/// A second center's case (promised 50) must not leak into the first center's values.
@Suite("Evaluation: each measure, exactly")
struct MeasureTests {
    static func store() throws -> TestStore {
        let test = try TestStore(calendar: false)
        try test.center(1, "C1")
        try test.center(2, "C2")
        for (status, promised) in [("finished", 5), ("finished", 10), ("finished", nil), ("accepted", 3), ("rejected", 7)]
            as [(String, Int64?)]
        {
            try test.addCase(1, accepted: at("2024-03-01"), status: status, promised: promised)
        }
        try test.addCase(1, accepted: at("2023-06-01"), promised: 100)
        try test.addCase(2, accepted: at("2024-03-01"), promised: 50)
        return test
    }

    static func rules(from: String, measure: String) -> String {
        header + """
            indicator m "计量" {
              category "测试"
              points 1000
              from \(from)
              measure \(measure)
              score measure
            }
            """
    }

    @Test(
        "count, count(x), count(where), sum, avg, min, max and rate over all five cases",
        arguments: [
            ("count()", 5.0, nil as Int?),  // cases 1–5
            ("count(promised_days)", 4, nil),  // case 3 has no promised_days
            ("count(where status == \"finished\")", 3, nil),  // cases 1, 2, 3
            ("count(where status == \"finished\" and promised_days is null)", 1, nil),  // case 3
            ("sum(promised_days)", 25, nil),  // 5 + 10 + 3 + 7
            ("avg(promised_days)", 6.25, nil),  // 25 / 4 non-null values
            ("min(promised_days)", 3, nil),
            ("max(promised_days)", 10, nil),
            ("sum(promised_days where status == \"finished\")", 15, nil),  // 5 + 10
            ("rate(status == \"finished\")", 0.6, 3),  // 3 / 5
            ("rate(promised_days > 5)", 0.4, 2),  // cases 2 (10) and 5 (7); case 3's NULL is not true
            ("rate(status in [\"finished\", \"rejected\"])", 0.8, 4),  // 4 / 5
            ("rate(status not in [\"finished\"])", 0.4, 2),  // cases 4 and 5
            ("count(where status == \"finished\") * 4 + count(where status == \"rejected\") * 2", 14, nil),  // 3 × 4 + 1 × 2
            ("sum(promised_days) / count()", 5, nil),  // 25 / 5
        ])
    func measure(measure: String, expected: Double, numerator: Int?) throws {
        let test = try MeasureTests.store()
        let result = try test.run(MeasureTests.rules(from: "cases", measure: measure)).indicator("C1", "m")
        #expect(result.status == .ok)
        #expect(result.population == 5)
        #expect(result.measure == expected)
        #expect(result.numerator == numerator)
    }

    @Test(
        "With a population filter the measure reads only the population: finished cases 1, 2 and 3",
        arguments: [
            ("count()", 3.0, nil as Int?),
            ("avg(promised_days)", 7.5, nil),  // (5 + 10) / 2
            ("rate(promised_days is null)", 1.0 / 3.0, 1),  // case 3 of 3
            ("count(where promised_days >= 10)", 1, nil),  // case 2
        ])
    func filteredMeasure(measure: String, expected: Double, numerator: Int?) throws {
        let test = try MeasureTests.store()
        let result = try test.run(MeasureTests.rules(from: "cases where status == \"finished\"", measure: measure)).indicator("C1", "m")
        #expect(result.population == 3)
        #expect(result.measure == expected)
        #expect(result.numerator == numerator)
    }

    @Test("Each center gets its own aggregates: C2's one case gives count 1 and sum 50")
    func perCenter() throws {
        let test = try MeasureTests.store()
        let count = try test.run(MeasureTests.rules(from: "cases", measure: "count()"))
        #expect(try count.indicator("C2", "m").measure == 1)
        let sum = try test.run(MeasureTests.rules(from: "cases", measure: "sum(promised_days)"))
        #expect(try sum.indicator("C2", "m").measure == 50)
        #expect(try sum.indicator("C2", "m").points == 50)
    }

    @Test("An aggregate naming another table ignores the indicator's population: 2 inspections in 2024, 1 serious")
    func explicitTable() throws {
        let test = try MeasureTests.store()
        try test.addInspection(1, at: at("2024-05-01"), severity: "serious")
        try test.addInspection(1, at: at("2024-06-01"), severity: "minor")
        try test.addInspection(1, at: at("2023-06-01"), severity: "serious")  // outside the period
        let doc = try test.run(
            MeasureTests.rules(
                from: "cases where status == \"finished\"",
                measure: "count(inspections) * 10 + count(inspections where severity == \"serious\")"))
        // 2 × 10 + 1 = 21; the population is still the 3 finished cases.
        #expect(try doc.indicator("C1", "m").measure == 21)
        #expect(try doc.indicator("C1", "m").population == 3)
    }
}
