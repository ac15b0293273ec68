import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

extension LanguageConstructTests {
    @Suite("Language: categories, weights and redistribution over category paths")
    struct CategoryConstructTests {
        /// 服务效能 40 { 限时办结 25; 服务便利 15 } and 好差评 60; a (25) in 服务效能/限时办结, b (10) and d (5) in
        /// 服务效能/服务便利, c (60) in 好差评. Each scores `linear { 0% -> 0; 100% -> points }`.
        static let rules = """
            assessment "类别" {
              period 2024-01-01 .. 2024-12-31
              total 100
              category "服务效能" 40 {
                category "限时办结" 25
                category "服务便利" 15
              }
              category "好差评" 60
              grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
            }
            indicator a "按时办结" {
              category "服务效能" / "限时办结"
              points 25
              from cases
              measure rate(status == "finished")
              score linear { 0% -> 0; 100% -> 25 }
              when empty: not_applicable
            }
            indicator b "承诺时限" {
              category "服务效能" / "服务便利"
              points 10
              from cases
              measure rate(promised_days <= 5)
              score linear { 0% -> 0; 100% -> 10 }
              when empty: not_applicable
            }
            indicator d "投诉办结" {
              category "服务效能" / "服务便利"
              points 5
              from complaints
              measure rate(closed_at is not null)
              score linear { 0% -> 0; 100% -> 5 }
              when empty: not_applicable
            }
            indicator c "好评率" {
              category "好差评"
              points 60
              from reviews
              measure rate(rating >= 4)
              score linear { 0% -> 0; 100% -> 60 }
              when empty: not_applicable
            }
            """

        @Test("Declared categories, per-center subtotals, and redistribution within a 二级 path or over the whole assessment")
        func categories() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "T1")
            try test.center(2, "T2")
            try test.center(3, "T3")
            // T1: cases finished/3, finished/10, accepted/5, accepted/8; complaints one closed, one open;
            // ratings 5, 4, 1, 2, 3.
            try test.addCase(1, accepted: at("2024-03-01"), status: "finished", promised: 3)
            try test.addCase(1, accepted: at("2024-03-01"), status: "finished", promised: 10)
            try test.addCase(1, accepted: at("2024-03-01"), status: "accepted", promised: 5)
            try test.addCase(1, accepted: at("2024-03-01"), status: "accepted", promised: 8)
            try test.addComplaint(1, received: at("2024-03-01"), due: nil, closed: at("2024-03-05"))
            try test.addComplaint(1, received: at("2024-03-01"), due: nil, closed: nil)
            for rating in [5, 4, 1, 2, 3] as [Int64] { try test.addReview(1, rating: rating, rated: at("2024-04-01")) }
            // T2: cases finished/3, finished/4; no complaints; ratings 5, 2.
            try test.addCase(2, accepted: at("2024-03-01"), status: "finished", promised: 3)
            try test.addCase(2, accepted: at("2024-03-01"), status: "finished", promised: 4)
            try test.addReview(2, rating: 5, rated: at("2024-04-01"))
            try test.addReview(2, rating: 2, rated: at("2024-04-01"))
            // T3: cases finished/7, accepted/2; no complaints, no reviews.
            try test.addCase(3, accepted: at("2024-03-01"), status: "finished", promised: 7)
            try test.addCase(3, accepted: at("2024-03-01"), status: "accepted", promised: 2)

            let doc = try test.run(CategoryConstructTests.rules)
            #expect(doc.assessment.total == 100)
            #expect(
                doc.assessment.categories.map { "\($0.path) \($0.points ?? -1)" } == [
                    "服务效能 40.0", "服务效能/限时办结 25.0", "服务效能/服务便利 15.0", "好差评 60.0",
                ])
            #expect(try doc.indicator("T1", "a").category == "服务效能/限时办结")

            // T1: a 2/4 → 12.5; b (3, 5 of 3, 10, 5, 8) 2/4 → 5; d 1/2 → 2.5; c 2/5 → 24; total 44.
            let t1 = try doc.center("T1")
            #expect(t1.indicators.map(summary) == ["ok 12.5/25.0", "ok 5.0/10.0", "ok 2.5/5.0", "ok 24.0/60.0"])
            #expect(
                t1.categories.map(subtotal) == [
                    "服务效能 20.0/40.0",  // 12.5 + 5 + 2.5 of 25 + 10 + 5
                    "服务效能/限时办结 12.5/25.0",
                    "服务效能/服务便利 7.5/15.0",  // 5 + 2.5
                    "好差评 24.0/60.0",
                ])
            #expect(six(t1.total) == 44)

            // T2: d is empty: its 5 go to b, the only scored indicator of 服务效能/服务便利: factor (10 + 5) / 10 = 1.5,
            // b = 10 × 1.5 = 15 of 15. a 25; c 1/2 → 30. Total 70.
            let t2 = try doc.center("T2")
            #expect(t2.indicators.map(summary) == ["ok 25.0/25.0", "ok 15.0/15.0", "not_applicable 0.0/0.0", "ok 30.0/60.0"])
            #expect(t2.categories.map(subtotal) == ["服务效能 40.0/40.0", "服务效能/限时办结 25.0/25.0", "服务效能/服务便利 15.0/15.0", "好差评 30.0/60.0"])
            #expect(six(t2.total) == 70)

            // T3: a 1/2 → 12.5; b (7 > 5, 2 ≤ 5) 1/2 → 5; d empty → b × 1.5 = 7.5 of 15. 好差评 has nothing scored:
            // its 60 go over the whole assessment, base 25 + 15 = 40, factor (40 + 60) / 40 = 2.5:
            // a = 12.5 × 2.5 = 31.25 of 62.5, b = 7.5 × 2.5 = 18.75 of 37.5. Total 50.
            let t3 = try doc.center("T3")
            #expect(t3.indicators.map(summary) == ["ok 31.25/62.5", "ok 18.75/37.5", "not_applicable 0.0/0.0", "not_applicable 0.0/0.0"])
            #expect(
                t3.categories.map(subtotal) == [
                    "服务效能 50.0/100.0", "服务效能/限时办结 31.25/62.5", "服务效能/服务便利 18.75/37.5", "好差评 0.0/0.0",
                ])
            #expect(six(t3.total) == 50)
        }

        /// total 100; f has fixed points 40; w1 weight 2 and w2 weight 1 share the 100 − 40 = 60 left:
        /// w1 = 60 × 2/3 = 40, w2 = 60 × 1/3 = 20. Each scores `deduct 10 per 1` on its center's inspections.
        @Test("Weighted indicators share what fixed points leave of the total")
        func weights() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "W1")
            try test.center(2, "W2")
            try test.center(3, "W3")
            try test.addInspection(1, at: at("2024-05-01"), severity: "minor")
            for day in ["2024-05-01", "2024-05-02", "2024-05-03"] { try test.addInspection(3, at: at(day), severity: "minor") }
            let indicator = { (id: String, size: String) in
                """
                indicator \(id) "\(id)" {
                  category "测试"
                  \(size)
                  from inspections
                  measure count()
                  score deduct 10 per 1
                  when empty: full
                }

                """
            }
            let doc = try test.run(
                assessment("  total 100") + indicator("f", "points 40") + indicator("w1", "weight 2") + indicator("w2", "weight 1"))
            #expect(doc.assessment.indicators.map { "\($0.id) \($0.points)" } == ["f 40.0", "w1 40.0", "w2 20.0"])
            // W1, one finding: 40 − 10, 40 − 10, 20 − 10 → total 70.
            #expect(try doc.center("W1").indicators.map(summary) == ["ok 30.0/40.0", "ok 30.0/40.0", "ok 10.0/20.0"])
            #expect(try doc.center("W1").total == 70)
            // W2, nothing found: full points 40 + 40 + 20 = 100.
            #expect(try doc.center("W2").total == 100)
            // W3, three findings: 40 − 30, 40 − 30, 20 − 30 → 0 (deduction capped at the 20 points) → total 20.
            #expect(try doc.center("W3").indicators.map(summary) == ["ok 10.0/40.0", "ok 10.0/40.0", "ok 0.0/20.0"])
            #expect(try doc.center("W3").total == 20)
        }

        /// total 100; f has fixed points 40, scored `deduct 10 per 1`; w1 (weight 2) and w2 (weight 1) get 40 and
        /// 20, and score out of them, written relative to `full`: w1 full with no finding, half with one; w2 a line
        /// from full at 0 findings to nothing at 2.
        @Test("Weighted indicators score out of the points their weights give them, through rules relative to full")
        func weightsWithRelativeRules() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "W1")
            try test.center(2, "W2")
            try test.addInspection(1, at: at("2024-05-01"), severity: "minor")
            let indicator = { (id: String, size: String, score: String) in
                """
                indicator \(id) "\(id)" {
                  category "测试"
                  \(size)
                  from inspections
                  measure count()
                  score \(score)
                  when empty: full
                }

                """
            }
            let doc = try test.run(
                assessment("  total 100") + indicator("f", "points 40", "deduct 10 per 1")
                    + indicator("w1", "weight 2", "bands { <= 0 -> full; <= 1 -> 50% full; else -> 0 }")
                    + indicator("w2", "weight 1", "linear { 0 -> 满分; 2 -> 0 }"))
            #expect(doc.assessment.indicators.map { "\($0.id) \($0.points)" } == ["f 40.0", "w1 40.0", "w2 20.0"])
            // W1, one finding: 40 − 10, 50% of 40, half way from 20 to 0 → 30 + 20 + 10 = 60.
            #expect(try doc.center("W1").indicators.map(summary) == ["ok 30.0/40.0", "ok 20.0/40.0", "ok 10.0/20.0"])
            #expect(try doc.center("W1").total == 60)
            // W2, nothing found: every indicator's full points.
            #expect(try doc.center("W2").total == 100)
        }

        /// a (40, minimum 2) and b (60) in one category; b scores 60 − 10 per inspection and is full when empty.
        @Test("minimum N: exactly N rows are scored, N − 1 are insufficient_data and redistributed like not_applicable")
        func minimumBoundary() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "M1")
            try test.center(2, "M2")
            try test.center(3, "M3")
            try test.addCase(1, accepted: at("2024-03-01"), status: "finished")
            try test.addCase(2, accepted: at("2024-03-01"), status: "finished")
            try test.addCase(2, accepted: at("2024-03-01"), status: "accepted")
            try test.addInspection(2, at: at("2024-05-01"), severity: "minor")
            try test.addInspection(3, at: at("2024-05-01"), severity: "minor")
            try test.addInspection(3, at: at("2024-05-02"), severity: "minor")
            let doc = try test.run(
                assessment() + """
                    indicator a "办结率" {
                      category "效能"
                      points 40
                      from cases
                      measure rate(status == "finished")
                      score linear { 0% -> 0; 100% -> 40 }
                      when empty: not_applicable
                      minimum 2
                    }
                    indicator b "检查" {
                      category "效能"
                      points 60
                      from inspections
                      measure count()
                      score 60 - measure * 10
                      when empty: full
                    }
                    """)
            // M1: 1 case < 2: insufficient; b (no inspection) full 60, factor (60 + 40) / 60 → 100 of 100.
            #expect(try doc.center("M1").indicators.map(summary) == ["insufficient_data 0.0/0.0", "empty 100.0/100.0"])
            #expect(try doc.indicator("M1", "a").population == 1)
            // M2: 2 cases = minimum: scored, 1/2 → 20 of 40; b 60 − 10 = 50; total 70.
            #expect(try doc.center("M2").indicators.map(summary) == ["ok 20.0/40.0", "ok 50.0/60.0"])
            #expect(try doc.center("M2").total == 70)
            // M3: no cases: not_applicable (the empty policy comes first); b 60 − 20 = 40, × 100/60 = 66.666667 of 100.
            #expect(try doc.center("M3").indicators.map(summary) == ["not_applicable 0.0/0.0", "ok 66.666667/100.0"])
        }
    }
}
