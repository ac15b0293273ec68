import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

// MARK: - Scoring

extension LanguageConstructTests {
    @Suite("Language: deduct and lognormal scores at several points")
    struct DeductConstructTests {
        /// Each row is one center with one case whose promised_days is `p`; the measure is p, or p / 1000 for a rate.
        static let rules: [(score: String, points: Int, measure: String, expected: [(p: Int64, points: Double)])] = [
            (
                "deduct 2 per 1 max 10", 20, "sum(promised_days)",
                [
                    (0, 20),
                    (3, 14),  // 20 − 2 × 3
                    (5, 10),  // 20 − 10: at the cap
                    (6, 10),  // 12, capped at 10
                    (20, 10),
                ]
            ),
            (
                "deduct 1 per 1% below 100%", 10, "sum(promised_days) / 1000",
                [
                    (1000, 10),  // nothing below 100%
                    (1050, 10),  // above 100%: the quantity is never negative
                    (975, 7.5),  // 2.5 points below: 10 − 2.5
                    (920, 2),  // 10 − 8
                    (900, 0),  // 10 − 10
                    (850, 0),  // 15, capped by default at all 10 points
                ]
            ),
            (
                "deduct 0.5 per 1 above 2 floor 5", 10, "sum(promised_days)",
                [
                    (0, 10),
                    (2, 10),
                    (4, 9),  // 10 − 0.5 × 2
                    (12, 5),  // 10 − 0.5 × 10
                    (20, 5),  // 10 − 9 = 1, raised to the floor 5
                ]
            ),
            (
                "deduct 3 per 2", 20, "sum(promised_days)",
                [
                    (1, 18.5),  // proportional: 3 × 1/2
                    (5, 12.5),  // 20 − 3 × 5/2
                    (20, 0),  // 30, capped at the 20 points
                ]
            ),
            (
                "deduct 2 per 1% above 5% max 6 floor 1", 10, "sum(promised_days) / 100",
                [
                    (5, 10),
                    (7, 6),  // 2 points above × 2 = 4
                    (9, 4),  // 8, capped at 6
                    (50, 4),
                ]
            ),
            (
                "deduct 2 per 1 max 4 floor 3", 5, "sum(promised_days)",
                [
                    (0, 5),
                    (1, 3),  // 5 − 2
                    (3, 3),  // 5 − min(6, 4) = 1, raised to the floor 3
                ]
            ),
            (
                "lognormal { p10 3; median 8 }", 20, "sum(promised_days)",
                [
                    (0, 20),  // a measure ≤ 0 gets all the points
                    (3, 18),  // at p10: 0.9 × 20
                    (8, 10),  // at the median: 0.5 × 20
                ]
            ),
        ]

        @Test("Points per measure", arguments: rules)
        func points(score: String, points: Int, measure: String, expected: [(p: Int64, points: Double)]) throws {
            let test = try TestStore(calendar: false)
            for (index, row) in expected.enumerated() {
                try test.center(Int64(index + 1), "P\(row.p)")
                try test.addCase(Int64(index + 1), accepted: at("2024-03-01"), promised: row.p)
            }
            let doc = try test.run(
                assessment() + """
                    indicator s "评分" {
                      category "测试"
                      points \(points)
                      from cases
                      measure \(measure)
                      score \(score)
                    }
                    """)
            for row in expected {
                let result = try doc.indicator("P\(row.p)", "s")
                #expect(result.status == .ok)
                #expect(six(result.points) == row.points, "\(score), p = \(row.p): \(result.points)")
            }
        }

        /// Between the control points, the share is (1 − erf(x)) / 2 with x = ln(m / 8) × 0.9061938024368232 / −ln(3 / 8):
        /// m = 5: ln 0.625 = −0.4700036, −ln 0.375 = 0.9808293, x = −0.4342391, erf(x) = −0.4608552, share 0.7304276 → 14.60855;
        /// m = 12: ln 1.5 = 0.4054651, x = 0.3746116, erf(x) = 0.4037360, share 0.2981320 → 5.96264.
        /// (A&S 7.1.26 is within 1.5e-7 of erf, so within 3e-6 points.)
        @Test("lognormal between its control points", arguments: [(5 as Int64, 14.60855), (12, 5.96264)])
        func lognormalBetween(p: Int64, points: Double) throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "L")
            try test.addCase(1, accepted: at("2024-03-01"), promised: p)
            let doc = try test.run(
                assessment() + """
                    indicator s "用时" {
                      category "测试"
                      points 20
                      from cases
                      measure sum(promised_days)
                      score lognormal { p10 3; median 8 }
                    }
                    """)
            let earned = try doc.indicator("L", "s").points
            #expect(abs(earned - points) < 1e-4, "\(earned)")
        }
    }
}
