import KaopingResults
import Testing

/// Each scoring rule at and between its control points. Each center has one case whose promised_days is
/// `p`; the measure `sum(promised_days) / 100` is then p %, so a center can sit exactly on any control point.
@Suite("Evaluation: scoring rules at and between their control points")
struct ScoringTests {
    static let rules: [(name: String, measure: String, points: Int, score: String, expected: [(p: Int64, points: Double)])] = [
        (
            "linear 90% → 0, 100% → 30", "sum(promised_days) / 100", 30, "linear { 90% -> 0; 100% -> 30 }",
            [
                (80, 0),  // below the first point: flat at its 0
                (90, 0),  // on the first point
                (92, 6),  // 30 × (0.92 − 0.90) / (1.00 − 0.90) = 30 × 0.2
                (95, 15),  // half way: 30 × 0.5
                (100, 30),  // on the last point
                (105, 30),  // above the last point: flat at its 30
            ]
        ),
        (
            "relative linear 90% → 0, 100% → full, with 30 points", "sum(promised_days) / 100", 30, "linear { 90% -> 0; 100% -> full }",
            [(90, 0), (95, 15), (100, 30)]
        ),
        (
            "relative bands ≥ 95% → 满分, ≥ 90% → 60% 满分, with 20 points", "sum(promised_days) / 100", 20,
            "bands { >= 95% -> 满分; >= 90% -> 60% 满分; else -> 0 }",
            [
                (96, 20),
                (92, 12),  // 60% of the 20 points
                (80, 0),
            ]
        ),
        (
            "linear with three points 0% → 0, 50% → 5, 100% → 25", "sum(promised_days) / 100", 25,
            "linear { 0% -> 0; 50% -> 5; 100% -> 25 }",
            [
                (0, 0),
                (25, 2.5),  // 5 × 0.25 / 0.5
                (50, 5),
                (75, 15),  // 5 + (25 − 5) × (0.75 − 0.5) / 0.5 = 5 + 10
                (100, 25),
            ]
        ),
        (
            "a falling line 0% → 10, 5% → 0", "sum(promised_days) / 100", 10, "linear { 0% -> 10; 5% -> 0 }",
            [
                (0, 10),
                (2, 6),  // 10 − 10 × 0.02 / 0.05 = 10 − 4
                (5, 0),
                (9, 0),
            ]
        ),
        (
            "a relative linear above the points is clamped to them: 90% → 0, 100% → 4/3 of the 30 points", "sum(promised_days) / 100",
            30,
            "linear { 90% -> 0; 100% -> full * 4 / 3 }",
            [
                (95, 20),  // 40 × 0.5, under the 30 points
                (100, 30),  // 40, clamped to the indicator's 30 points
            ]
        ),
        (
            "bands ≥ 99% → 10, ≥ 95% → 5, else 0", "sum(promised_days) / 100", 10, "bands { >= 99% -> 10; >= 95% -> 5; else -> 0 }",
            [
                (100, 10),
                (99, 10),  // on the boundary: 0.99 >= 0.99
                (98, 5),
                (95, 5),  // on the boundary
                (94, 0),
                (0, 0),
            ]
        ),
        (
            "bands with < in order: < 5% → 4, < 10% → 2, else 0", "sum(promised_days) / 100", 4,
            "bands { < 5% -> 4; < 10% -> 2; else -> 0 }",
            [
                (0, 4),
                (4, 4),
                (5, 2),  // 0.05 is not < 0.05: the second band
                (9, 2),
                (10, 0),
            ]
        ),
        (
            "an expression 20 − measure, clamped to [0, 20]", "sum(promised_days)", 20, "20 - measure",
            [
                (0, 20),
                (8, 12),
                (20, 0),
                (24, 0),  // −4, clamped to 0
            ]
        ),
        (
            "an expression above the points is clamped: 25 − measure with 20 points", "sum(promised_days)", 20, "25 - measure",
            [
                (0, 20),  // 25, clamped to 20
                (5, 20),
                (10, 15),
            ]
        ),
        (
            "an expression measure / 2", "sum(promised_days)", 10, "measure / 2",
            [
                (7, 3.5),
                (30, 10),  // 15, clamped to 10
            ]
        ),
    ]

    @Test("Points per measure", arguments: rules)
    func points(name: String, measure: String, points: Int, score: String, expected: [(p: Int64, points: Double)]) throws {
        let test = try TestStore(calendar: false)
        for (index, row) in expected.enumerated() {
            let id = Int64(index + 1)
            try test.center(id, "P\(row.p)")
            try test.addCase(id, accepted: at("2024-03-01"), promised: row.p)
        }
        let doc = try test.run(
            header + """
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
            #expect(six(result.points) == row.points, "p = \(row.p): \(result.points)")
            #expect(result.maxPoints == Double(points))
        }
    }
}
