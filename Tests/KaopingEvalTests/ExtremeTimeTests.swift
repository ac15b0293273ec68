import Foundation
import KaopingCheck
import KaopingResults
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// A stored time no case can have — a "never" sentinel, a time before 1970 or after 2100 — traps no
/// arithmetic: its row is left out of every population and counted in `data_quality`, natively and in SQL alike.
@Suite("Extreme stored times")
struct ExtremeTimeTests {
    static let rules = """
        assessment "T" {
          period 2024-01-01 .. 2024-12-31
          grades { 合格 >= 60; 不合格 }
        }
        indicator ontime "按时办结" {
          points 50
          from cases
          measure rate(workdays(accepted_at, finished_at) <= promised_days)
          score measure * 50
          when empty: not_applicable
        }
        indicator n "件数" {
          points 50
          from cases
          measure count(where finished_at < accepted_at + promised_days workdays or finished_at > 2024-06-01 or days(accepted_at, finished_at) > 400)
          score measure
        }
        """

    @Test("Int64.max, Int64.min and times of 1969 and 2101 in finished_at: no trap, each row counted as left out")
    func extremes() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-03-04"), finished: at("2024-03-05"), promised: 3)
        let extremes: [SQLValue] = [
            .integer(Int64.max), .integer(Int64.min), .integer(at("1969-12-31")), .integer(at("2101-01-01")),
        ]
        // (Infinities and 1e300 are reals, which a time column's CHECK refuses: `StoreIntegrityTests`; in an
        // extra table, which has no CHECKs, `ExtremeValueFuzzTests`.)
        for value in extremes {
            try test.insert(
                "cases",
                [
                    "case_no": .text("X\(UUID().uuidString)"), "center_id": .integer(1), "kind": "promised", "channel": "window",
                    "accepted_at": .integer(at("2024-03-04")), "finished_at": value, "promised_days": .integer(3),
                    "paused_days": .integer(0), "status": "finished",
                ])
        }
        let document = try test.run(Self.rules)
        #expect(document.dataQuality == [DataQualityEntry(table: "cases", reason: "finished_at outside 1970–2100", rows: extremes.count)])
        let center = try document.center("C1")
        #expect(center.indicators.map(\.population) == [1, 1])
        #expect(center.indicators.first?.measure == 1)
        // The SQL of the same plan leaves the same rows out.
        let parsed = Parser.parse(SourceFile(name: "test.rules", text: Self.rules))
        let plan = try #require(Checker.check(parsed.file, schema: try SchemaCatalog(store: test.store)).plan)
        let sql = try SQLCompiler(plan: plan, dialect: .sqlite).compile()
        let statement = try test.store.database.prepare(sql)
        var populations: [String: SQLValue] = [:]
        while try statement.step() { populations[statement.text(1) ?? ""] = statement.value(2) }
        #expect(populations["ontime"] == .integer(1))
        #expect(populations["n"] == .integer(1))
    }

    @Test("Times beyond any calendar reached by arithmetic in a rule (a duration of 10^15 days) give NULL, not a trap")
    func arithmetic() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-03-04"), finished: at("2024-03-05"), promised: 3)
        let far = "accepted_at + 1000000000000000 days"
        let rules = Self.rules.replacingOccurrences(
            of: "finished_at < accepted_at + promised_days workdays",
            with: "days(\(far), finished_at) < 0 or workdays(\(far), finished_at) < 0")
        let document = try test.run(rules)
        // Neither can be counted: both are NULL, so the case is not counted (and the run ends).
        #expect(try document.center("C1").indicators.last?.measure == 0)
    }
}
