import KaopingResults
import Testing

/// Three indicators: a (办件, 30 points) and b (评价, 20 points) in category 效能, c (检查, 50 points) in 规范.
///
/// | center | cases                  | reviews        | inspections |
/// |--------|------------------------|----------------|-------------|
/// | N1     | 1 finished, 1 accepted | none           | 1           |
/// | N2     | 2 finished             | ratings 5 and 2| 1           |
/// | N3     | 1 finished, 1 accepted | rating 5       | none        |
/// | N4     | none                   | none           | none        |
///
/// Raw points: a = 30 × finished rate, b = 20 × rate of ratings ≥ 4, c = 50 − 10 × inspections (counted as
/// `count(severity)`, which equals `count()` since severity is NOT NULL; `count()` alone is covered by MeasureTests).
@Suite("Evaluation: empty populations, policies and redistribution")
struct RedistributionTests {
    static func store() throws -> TestStore {
        let test = try TestStore(calendar: false)
        for (id, code) in [(1, "N1"), (2, "N2"), (3, "N3"), (4, "N4")] as [(Int64, String)] { try test.center(id, code) }
        try test.addCase(1, accepted: at("2024-03-01"), status: "finished")
        try test.addCase(1, accepted: at("2024-03-01"), status: "accepted")
        try test.addCase(2, accepted: at("2024-03-01"), status: "finished")
        try test.addCase(2, accepted: at("2024-03-02"), status: "finished")
        try test.addCase(3, accepted: at("2024-03-01"), status: "finished")
        try test.addCase(3, accepted: at("2024-03-01"), status: "accepted")
        try test.addReview(2, rating: 5, rated: at("2024-04-01"))
        try test.addReview(2, rating: 2, rated: at("2024-04-01"))
        try test.addReview(3, rating: 5, rated: at("2024-04-01"))
        try test.addInspection(1, at: at("2024-05-01"), severity: "minor")
        try test.addInspection(2, at: at("2024-05-01"), severity: "minor")
        return test
    }

    static func rules(a: String = "", b: String = "", c: String = "") -> String {
        header + """
            indicator a "办件" {
              category "效能"
              points 30
              from cases
              measure rate(status == "finished")
              score linear { 0% -> 0; 100% -> 30 }
              \(a)
            }
            indicator b "评价" {
              category "效能"
              points 20
              from reviews
              measure rate(rating >= 4)
              score linear { 0% -> 0; 100% -> 20 }
              \(b)
            }
            indicator c "检查" {
              category "规范"
              points 50
              from inspections
              measure count(severity)
              score 50 - measure * 10
              \(c)
            }
            """
    }

    typealias Expected = (code: String, a: String, b: String, c: String, total: Double)

    static let variants: [(name: String, a: String, b: String, c: String, expected: [Expected])] = [
        (
            "not_applicable (the default) everywhere", "", "", "",
            [
                // b is empty: its 20 go to a, the only scored indicator of 效能: factor (30 + 20) / 30 = 5/3,
                // a = 15 × 5/3 = 25 of 50; c = 50 − 10 = 40; total 65.
                ("N1", "ok 25.0/50.0", "not_applicable 0.0/0.0", "ok 40.0/50.0", 65),
                // Nothing empty: a 30, b 20 × 0.5 = 10, c 40; total 80.
                ("N2", "ok 30.0/30.0", "ok 10.0/20.0", "ok 40.0/50.0", 80),
                // c is empty and alone in 规范: its 50 go to every scored indicator, factor (50 + 50) / 50 = 2:
                // a = 15 × 2 = 30 of 60, b = 20 × 2 = 40 of 40; total 70.
                ("N3", "ok 30.0/60.0", "ok 40.0/40.0", "not_applicable 0.0/0.0", 70),
                // Nothing scored: nothing to redistribute to; total 0.
                ("N4", "not_applicable 0.0/0.0", "not_applicable 0.0/0.0", "not_applicable 0.0/0.0", 0),
            ]
        ),
        (
            "b full, c zero", "", "when empty: full", "when empty: zero",
            [
                // b empty but full: 20 of 20 (its status says empty), no redistribution; a 15; c 40; total 75.
                ("N1", "ok 15.0/30.0", "empty 20.0/20.0", "ok 40.0/50.0", 75),
                ("N2", "ok 30.0/30.0", "ok 10.0/20.0", "ok 40.0/50.0", 80),
                // c empty and zero: 0 of 50, scored, no redistribution; total 15 + 20 = 35.
                ("N3", "ok 15.0/30.0", "ok 20.0/20.0", "empty 0.0/50.0", 35),
                // a not_applicable, its 30 go to b (factor (20 + 30) / 20 = 2.5): b = 20 × 2.5 = 50 of 50; c 0; total 50.
                ("N4", "not_applicable 0.0/0.0", "empty 50.0/50.0", "empty 0.0/50.0", 50),
            ]
        ),
        (
            "a needs at least 3 cases", "minimum 3", "", "",
            [
                // a has 2 cases: insufficient; b empty too, so 效能 is orphaned: its 50 go to c, factor (50 + 50) / 50 = 2:
                // c = 40 × 2 = 80 of 100; total 80.
                ("N1", "insufficient_data 0.0/0.0", "not_applicable 0.0/0.0", "ok 80.0/100.0", 80),
                // a insufficient: its 30 go to b, factor 2.5: b = 10 × 2.5 = 25 of 50; c 40; total 65.
                ("N2", "insufficient_data 0.0/0.0", "ok 25.0/50.0", "ok 40.0/50.0", 65),
                // a insufficient, c empty: b alone is scored. 效能: factor 2.5 → b 20 × 2.5 = 50 of 50; then 规范's 50
                // orphaned over a base of 50: factor 2 → b = 100 of 100; total 100.
                ("N3", "insufficient_data 0.0/0.0", "ok 100.0/100.0", "not_applicable 0.0/0.0", 100),
                // a's population is 0: the empty policy comes first, so not_applicable rather than insufficient_data.
                ("N4", "not_applicable 0.0/0.0", "not_applicable 0.0/0.0", "not_applicable 0.0/0.0", 0),
            ]
        ),
    ]

    @Test("Points, maximum and status per indicator, and the total", arguments: variants)
    func redistribution(name: String, a: String, b: String, c: String, expected: [Expected]) throws {
        let doc = try RedistributionTests.store().run(RedistributionTests.rules(a: a, b: b, c: c))
        for row in expected {
            let center = try doc.center(row.code)
            #expect(center.indicators.map(\.id) == ["a", "b", "c"])
            #expect(center.indicators.map(summary) == [row.a, row.b, row.c], "\(row.code)")
            #expect(six(center.total) == row.total, "\(row.code)")
        }
    }

    @Test("An empty population reports population 0, a null measure and, for a rate, a numerator of 0 rows")
    func emptyValues() throws {
        let doc = try RedistributionTests.store().run(RedistributionTests.rules())
        let b = try doc.indicator("N1", "b")
        #expect(b.population == 0)
        #expect(b.measure == nil)
        #expect(b.numerator == 0)
        #expect(b.status == .notApplicable)
    }
}
