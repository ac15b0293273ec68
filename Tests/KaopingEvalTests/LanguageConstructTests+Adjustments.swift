import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

// MARK: - Adjustments

extension LanguageConstructTests {
    @Suite("Language: bonus and deduction")
    struct AdjustmentConstructTests {
        /// base = the one case's promised_days / 1000 (100 points). praise: 1.5 per five-star review, max 3, gate 80.
        /// media: 5 per serious inspection, max 10. late: the number of complaints itself (no score), max 2.
        static let rules =
            assessment() + """
                indicator base "基础分" {
                  category "基础"
                  points 100
                  from cases
                  measure sum(promised_days) / 1000
                  score measure
                }
                bonus praise "表扬加分" {
                  from reviews where rating == 5
                  measure count()
                  score measure * 1.5
                  max 3
                  gate 80
                }
                deduction media "媒体曝光" {
                  from inspections where severity == "serious"
                  measure count()
                  score 5 * measure
                  max 10
                }
                deduction late "投诉超期" {
                  from complaints
                  measure count()
                  max 2
                }
                """

        /// 窗口作风 (10 points) holds one indicator, 10 − 2 per minor finding; 效能 (90) one worth 90 − the number of
        /// complaints. Bonuses: two of 2 each, their sum capped at 3. Deductions: 4 per serious finding taken from
        /// 窗口作风 (扣完为止), and 3 per complaint, their sum capped at 5.
        @Test("Caps on the sums of bonuses and deductions, and a deduction taken from a category never below 0")
        func sumCapsAndCategoryFloor() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "S1")
            try test.center(2, "S2")
            for day in ["2024-05-01", "2024-05-02", "2024-05-03"] { try test.addInspection(1, at: at(day), severity: "minor") }
            try test.addInspection(1, at: at("2024-06-01"), severity: "serious")
            try test.addInspection(1, at: at("2024-06-02"), severity: "serious")
            try test.addComplaint(1, received: at("2024-06-01"), due: nil, closed: nil)
            try test.addReview(1, rating: 5, rated: at("2024-04-01"))
            try test.addComplaint(2, received: at("2024-06-01"), due: nil, closed: nil)
            try test.addComplaint(2, received: at("2024-06-02"), due: nil, closed: nil)
            let rules =
                assessment(
                    """
                      total 100
                      category "窗口作风" 10
                      category "效能" 90
                      bonuses max 3
                      deductions max 5
                    """)
                    + """
                    indicator conduct "窗口作风" {
                      category "窗口作风"
                      points 10
                      from inspections where severity == "minor"
                      measure count()
                      score deduct 2 per 1
                      when empty: full
                    }
                    indicator speed "效能" {
                      category "效能"
                      points 90
                      from complaints
                      measure count()
                      score 90 - measure
                      when empty: full
                    }
                    bonus one "一件事" {
                      from reviews where rating == 5
                      measure count()
                      score 2
                      max 2
                    }
                    bonus two "代办" {
                      from reviews where rating == 5
                      measure count()
                      score 2
                      max 2
                    }
                    deduction serious "严重违纪" {
                      category "窗口作风"
                      from inspections where severity == "serious"
                      measure count()
                      score 4 * measure
                      max 10
                    }
                    deduction complaints "投诉" {
                      from complaints
                      measure count()
                      score 3 * measure
                      max 10
                    }
                    """
            let doc = try test.run(rules)
            #expect(doc.assessment.bonusCap == 3)
            #expect(doc.assessment.deductionCap == 5)
            #expect(doc.assessment.adjustments.map(\.category) == [nil, nil, "窗口作风", nil])
            // S1: 窗口作风 10 − 6 = 4; 效能 89; base 93. Bonuses 2 + (2 capped to 1): 3, 1 held back. Serious 8, but
            // 窗口作风 has 4 left: 4 taken, 4 held back; complaints 3, but the deductions' cap leaves 1: 1, 2 held back.
            let s1 = try doc.center("S1")
            #expect(s1.base == 93)
            #expect(
                s1.adjustments.map { "\($0.id) \($0.points) \($0.heldBack)" } == [
                    "one 2.0 0.0", "two 1.0 1.0", "serious 4.0 4.0", "complaints 1.0 2.0",
                ])
            #expect(s1.categories.map { "\($0.path) \($0.points)" } == ["窗口作风 0.0", "效能 89.0"])
            #expect(s1.total == 93 + 3 - 5)
            // S2: no bonus (no review); complaints 2 × 3 = 6 capped at 5; base 10 + 88 = 98 → 93.
            let s2 = try doc.center("S2")
            #expect(s2.adjustments.map(\.points) == [0, 0, 0, 5])
            #expect(s2.adjustments.last?.heldBack == 1)
            #expect(s2.total == 93)
        }

        @Test("Caps, the gate on the rounded base, and a total never below 0")
        func adjustments() throws {
            let test = try TestStore(calendar: false)
            let centers: [(code: String, promised: Int64, praise: Int, serious: Int, complaints: Int)] = [
                ("A1", 85_000, 1, 0, 0),
                ("A2", 85_000, 4, 0, 3),
                ("A3", 79_994, 2, 0, 0),
                ("A4", 79_995, 1, 0, 0),
                ("A5", 80_000, 1, 1, 0),
                ("A6", 5_000, 0, 3, 0),
            ]
            for (index, center) in centers.enumerated() {
                let id = Int64(index + 1)
                try test.center(id, center.code)
                try test.addCase(id, accepted: at("2024-03-01"), promised: center.promised)
                try test.addReview(id, rating: 4, rated: at("2024-04-01"))  // never counted: not five stars
                for _ in 0..<center.praise { try test.addReview(id, rating: 5, rated: at("2024-04-01")) }
                for _ in 0..<center.serious { try test.addInspection(id, at: at("2024-05-01"), severity: "serious") }
                try test.addInspection(id, at: at("2024-05-02"), severity: "minor")  // never counted
                for _ in 0..<center.complaints { try test.addComplaint(id, received: at("2024-06-01"), due: nil, closed: nil) }
            }
            let doc = try test.run(AdjustmentConstructTests.rules)
            #expect(
                doc.assessment.adjustments.map { "\($0.kind) \($0.id) \($0.maximum)" } == [
                    "bonus praise 3.0", "deduction media 10.0", "deduction late 2.0",
                ])
            func row(_ code: String) throws -> String {
                let center = try doc.center(code)
                let parts = center.adjustments.map {
                    "\($0.id) \(six($0.points)!)\($0.gated ? " gated, \(six($0.heldBack)!) held back" : "")"
                }
                return "base \(six(center.base)!) | " + parts.joined(separator: ", ") + " | total \(six(center.total)!)"
            }
            // A1: 1 × 1.5 = 1.5, base 85 ≥ 80: 85 + 1.5 = 86.5.
            #expect(try row("A1") == "base 85.0 | praise 1.5, media 0.0, late 0.0 | total 86.5")
            // A2: 4 × 1.5 = 6 capped at 3; 3 complaints capped at 2: 85 + 3 − 2 = 86.
            #expect(try row("A2") == "base 85.0 | praise 3.0, media 0.0, late 2.0 | total 86.0")
            // A3: base 79.994 rounds to 79.99 < 80: the bonus is gated: 0 points, its 3 held back and not added.
            #expect(try row("A3") == "base 79.994 | praise 0.0 gated, 3.0 held back, media 0.0, late 0.0 | total 79.994")
            // A4: base 79.995 rounds (half away from zero) to 80.00: the gate is reached: 79.995 + 1.5 = 81.495.
            #expect(try row("A4") == "base 79.995 | praise 1.5, media 0.0, late 0.0 | total 81.495")
            // A5: the gate is judged on the base 80 before deductions: 80 + 1.5 − 5 = 76.5 → 合格.
            #expect(try row("A5") == "base 80.0 | praise 1.5, media 5.0, late 0.0 | total 76.5")
            #expect(try doc.center("A5").grade == "合格")
            // A6: 3 × 5 = 15 capped at 10; 5 − 10 = −5, never below 0.
            let a6 = try doc.center("A6")
            #expect(a6.base == 5)
            #expect(a6.adjustments.map(\.points) == [0, 10, 0])
            #expect(a6.total == 0)
        }
    }
}
