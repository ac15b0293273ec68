import Foundation
import KaopingResults
import Testing

@Suite("Evaluation: indicators are rule text, not engine code")
struct RuleTextIndicatorTests {
    /// Complaints are not read by the shipped rules; these two indicators exist only in this rule text.
    ///
    /// Q1's complaints, all due 2024-03-10 18:00 unless noted:
    /// k1 closed 03-08 (on time); k2 closed exactly at the due time (on time, `<=`); k3 closed 03-11 (late,
    /// substantiated); k4 not closed; k5 no due time, closed 03-05 (NULL comparison: not counted as on time);
    /// k6 received 2023-12-20, closed on time and substantiated (outside the period: ignored).
    @Test("An on-time closure rate over complaints, added purely in rule text")
    func complaints() throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "Q1")
        try test.center(2, "Q2")
        let due = at("2024-03-10", 18)
        try test.addComplaint(1, received: at("2024-03-01"), due: due, closed: at("2024-03-08"))
        try test.addComplaint(1, received: at("2024-03-01"), due: due, closed: due)
        try test.addComplaint(1, received: at("2024-03-01"), due: due, closed: at("2024-03-11"), substantiated: 1)
        try test.addComplaint(1, received: at("2024-03-01"), due: due, closed: nil)
        try test.addComplaint(1, received: at("2024-03-01"), due: nil, closed: at("2024-03-05"))
        try test.addComplaint(1, received: at("2023-12-20"), due: at("2023-12-25"), closed: at("2023-12-22"), substantiated: 1)
        let doc = try test.run(
            header + """
                indicator complaint_closure "投诉按时办结率" {
                  category "投诉处理"
                  points 10
                  from complaints
                  measure rate(closed_at is not null and closed_at <= due_at)
                  score linear { 0% -> 0; 100% -> 10 }
                  when empty: full
                }
                indicator complaint_found "投诉查实" {
                  category "投诉处理"
                  points 10
                  from complaints
                  measure count(where substantiated)
                  score 10 - measure * 5
                  when empty: full
                }
                """)
        let closure = try doc.indicator("Q1", "complaint_closure")
        #expect(closure.population == 5)  // k1–k5
        #expect(closure.numerator == 2)  // k1, k2
        #expect(closure.measure == 0.4)  // 2 / 5
        #expect(six(closure.points) == 4)  // 10 × 0.4
        let found = try doc.indicator("Q1", "complaint_found")
        #expect(found.measure == 1)  // k3 (k6 is outside the period)
        #expect(found.points == 5)  // 10 − 1 × 5
        #expect(six(try doc.center("Q1").total) == 9)  // 4 + 5
        // Q2 has no complaints: both indicators full because there was nothing to assess, 10 + 10.
        #expect(try doc.indicator("Q2", "complaint_closure").status == .empty)
        #expect(try doc.center("Q2").total == 20)
        #expect(doc.assessment.indicators.map(\.id) == ["complaint_closure", "complaint_found"])
    }

    /// The shipped Rules/jiangsu-2024.rules over three assessed centers and one that is not assessed.
    ///
    /// S1 (sub_center, county):
    /// - timeliness: finished promised cases 02-08→02-19 (3 workdays, promised 3), 03-01→03-04 (1, promised 1),
    ///   04-30→05-11 (6, paused 1, promised 5): all on time, 3/3 → 30. An unfinished case and an instant case are
    ///   outside the population.
    /// - review_closure: bad reviews rated 03-01 rectified 03-21 (14 workdays) and 03-22 (15) and rated 04-01
    ///   rectified 04-03 (2) are closed; rated 03-01 rectified 03-25 (16 > 15) is not; a malicious, a default
    ///   and a good review are outside the population: 3/4 = 0.75 → 25 × (0.75 − 0.5) / 0.5 = 12.5.
    /// - inspections: 1 general and 2 minor in 2024 → 4 + 2 × 2 = 8 → 20 − 8 = 12; a serious one from 2023 neither
    ///   counts nor vetoes.
    /// - integration: 3 of 4 systems connected → 25 × 0.75 = 18.75.
    /// - total 30 + 12.5 + 12 + 18.75 = 73.25 → 合格.
    ///
    /// S2 (onsite_point, county) has no rows: timeliness not_applicable; review_closure and inspections full
    /// (25, 20); integration zero (0 of 25). 服务效能 holds only timeliness, so its 30 go to all scored
    /// indicators: factor (70 + 30) / 70 = 10/7 → 25 × 10/7 = 35.714286, 20 × 10/7 = 28.571429, 0;
    /// total 45 × 10/7 = 64.285714 → 合格.
    ///
    /// S3 (sub_center, city) has one serious inspection in 2024: vetoed, same points as S2 (its inspections
    /// measure is 0, so 20 − 0 = 20) → 64.285714, 不合格.
    ///
    /// X (kind center) is not assessed: `assess centers where kind in ["sub_center", "onsite_point"]`.
    @Test("The shipped rules over a tiny store give the hand-worked points, totals, grades and ranks")
    func shippedRules() throws {
        let test = try TestStore()
        try test.center(1, "S1", kind: "sub_center", level: "county")
        try test.center(2, "S2", kind: "onsite_point", level: "county")
        try test.center(3, "S3", kind: "sub_center", level: "city")
        try test.center(4, "X", kind: "center", level: "county")
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19", 10), promised: 3)
        try test.addCase(1, accepted: at("2024-03-01", 16), finished: at("2024-03-04"), promised: 1)
        try test.addCase(1, accepted: at("2024-04-30"), finished: at("2024-05-11"), promised: 5, paused: 1)
        try test.addCase(1, accepted: at("2024-06-03"), finished: nil, status: "accepted", promised: 1)
        try test.addCase(1, accepted: at("2024-06-03"), finished: at("2024-06-20"), kind: "instant", promised: 0)
        try test.addReview(
            1, rating: 1, rated: at("2024-03-01", 10), verified: at("2024-03-02"), rectified: at("2024-03-21"), revisited: at("2024-03-22"))
        try test.addReview(
            1, rating: 2, rated: at("2024-03-01", 10), verified: at("2024-03-02"), rectified: at("2024-03-22"), revisited: at("2024-03-25"))
        try test.addReview(
            1, rating: 1, rated: at("2024-04-01", 10), verified: at("2024-04-02"), rectified: at("2024-04-03"), revisited: at("2024-04-08"))
        try test.addReview(
            1, rating: 1, rated: at("2024-03-01", 10), verified: at("2024-03-02"), rectified: at("2024-03-25"), revisited: at("2024-03-26"))
        try test.addReview(1, rating: 1, rated: at("2024-03-01"), malicious: 1)
        try test.addReview(1, rating: 1, rated: at("2024-03-01"), isDefault: 1)
        try test.addReview(1, rating: 5, rated: at("2024-03-01"))
        try test.addInspection(1, at: at("2024-05-10"), severity: "general")
        try test.addInspection(1, at: at("2024-06-01"), severity: "minor")
        try test.addInspection(1, at: at("2024-07-01"), severity: "minor")
        try test.addInspection(1, at: at("2023-12-31"), severity: "serious")
        for (system, status) in [
            ("platform", "connected"), ("monitoring", "connected"), ("case_management", "connected"), ("review", "faulty"),
        ] {
            try test.addIntegration(1, system: system, status: status)
        }
        try test.addInspection(3, at: at("2024-08-01"), severity: "serious")
        try test.addCase(4, accepted: at("2024-03-01"), finished: at("2024-03-04"), promised: 1)

        let rules = try String(contentsOfFile: ProjectFolder.shippedRules, encoding: .utf8)
        let doc = try test.run(rules)
        #expect(doc.centers.map(\.code) == ["S3", "S1", "S2"])  // city before county; X not assessed

        let s1 = try doc.center("S1")
        #expect(s1.indicators.map(summary) == ["ok 30.0/30.0", "ok 12.5/25.0", "ok 12.0/20.0", "ok 18.75/25.0"])
        #expect(s1.indicators.map(\.population) == [3, 4, 3, 4])
        #expect(s1.indicators.map(\.numerator) == [3, 3, nil, 3])
        #expect(s1.indicators.map(\.measure) == [1, 0.75, 8, 0.75])
        #expect(six(s1.total) == 73.25)
        #expect(s1.grade == "合格")
        #expect(s1.rank == 1)
        #expect(s1.veto == nil)

        let s2 = try doc.center("S2")
        #expect(
            s2.indicators.map(summary) == [
                "not_applicable 0.0/0.0", "empty 35.714286/35.714286", "empty 28.571429/28.571429", "empty 0.0/35.714286",
            ])
        #expect(six(s2.total) == 64.285714)
        #expect(s2.grade == "合格")
        #expect(s2.rank == 2)

        let s3 = try doc.center("S3")
        #expect(six(s3.total) == 64.285714)
        #expect(s3.grade == "不合格")
        #expect(s3.rank == 1)
        #expect(s3.group == "city")
        #expect(s3.veto?.id == "serious_violation")
        #expect(s3.veto?.reason == "明察暗访发现严重违纪问题，年度考核实行一票否决")
    }
}
