import KaopingCheck
import Testing

/// Indicators that compute the same aggregate over the same table and rows share one aggregate of the plan (and
/// so one accumulator in the evaluator); aggregates that differ in anything are kept apart, numbered in the
/// order they are first met.
@Suite("Shared aggregates")
struct AggregateSharingTests {
    static let header = "assessment \"A\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 合格 >= 60; 不合格 }\n}\n"

    static func indicator(_ id: String, _ body: String) -> String {
        "indicator \(id) \"\(id)\" {\n  points 10\n\(body)\n  score measure\n  when empty: zero\n}\n"
    }

    @Test("The same population, rate and count in three indicators: planned once each")
    func samePopulation() throws {
        let text =
            Self.header
            + Self.indicator("a", "  from cases where status == \"finished\"\n  measure rate(corrections <= 1)")
            + Self.indicator("b", "  from cases where status == \"finished\"\n  measure rate(corrections <= 1)")
            + Self.indicator("c", "  from cases where status == \"finished\"\n  measure count(where corrections <= 1)")
        let checked = check(text)
        #expect(checked.diagnostics.isEmpty)
        let plan = try #require(checked.plan)
        // The population, the rate, and the rate's numerator, which is c's count.
        // The 总体情况 figures' counts follow the rules' own (and share them where they count the same rows).
        #expect(plan.aggregates.prefix(3).map(\.function) == [.count, .rate, .count])
        #expect(plan.figures.first { $0.name == "finished" }?.value == .aggregate(0))
        #expect(plan.indicators.map(\.population) == [0, 0, 0])
        #expect(plan.indicators.map(\.measure) == [.aggregate(1), .aggregate(1), .aggregate(2)])
        #expect(plan.indicators.map(\.numerator) == [2, 2, nil])
        #expect(plan.scans.map { Array($0.aggregates.prefix(3)) } == [[0, 1, 2]])
    }

    @Test("Aggregates that differ in their table, filter, argument or function are planned apart, in the order met")
    func differentAggregates() throws {
        let text =
            Self.header
            + Self.indicator("a", "  from cases where status == \"finished\"\n  measure sum(corrections)")
            + Self.indicator("b", "  from cases where status == \"voided\"\n  measure sum(corrections)")
            + Self.indicator("c", "  from cases where status == \"finished\"\n  measure avg(corrections)")
            + Self.indicator("d", "  from cases where status == \"finished\"\n  measure sum(paused_days)")
            + Self.indicator("e", "  from reviews where rating <= 2\n  measure count()")
        let checked = check(text)
        #expect(checked.errors.isEmpty)
        let plan = try #require(checked.plan)
        #expect(plan.aggregates.count == Set(plan.aggregates).count)
        #expect(plan.aggregates.prefix(7).map(\.function) == [.count, .sum, .count, .sum, .avg, .sum, .count])
        #expect(plan.aggregates.prefix(7).map(\.table) == ["cases", "cases", "cases", "cases", "cases", "cases", "reviews"])
        #expect(plan.indicators.map(\.measure) == [.aggregate(1), .aggregate(3), .aggregate(4), .aggregate(5), .aggregate(6)])
        #expect(plan.indicators.map(\.population) == [0, 2, 0, 0, 6])
    }
}
