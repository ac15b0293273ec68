import Foundation
import KaopingCheck
import KaopingResults
import Testing

@testable import KaopingEval

/// Each score rule says which of its steps gave the points, with the numbers that redo them (issue 20, point 1).
@Suite("The scoring step")
struct ScoringStepTests {
    @Test("linear: the two control points the measure lies between, or the flat end beyond them")
    func linear() {
        let rule = ScorePlan.linear([(0.9, 0), (1, 15)])
        let inside = Scoring.step(rule, measure: 0.962, maximum: 15)
        #expect(inside.rule == "linear")
        #expect(inside.segment == [[0.9, 0], [1, 15]])
        #expect(inside.points == 0 + (15 - 0) * (0.962 - 0.9) / (1 - 0.9))
        #expect(Scoring.step(rule, measure: 0.5, maximum: 15).segment == [[0.9, 0]])
        #expect(Scoring.step(rule, measure: 1, maximum: 15).segment == [[1, 15]])
    }

    @Test("band: which band, counted from 1, and its comparison; else when none before it holds")
    func bands() {
        let rule = ScorePlan.bands([(">=", 0.95, 10), (">=", 0.9, 6), (nil, 0, 0)])
        let second = Scoring.step(rule, measure: 0.92, maximum: 10)
        #expect(second.band == 2)
        #expect(second.condition == ">= 0.9")
        #expect(second.points == 6)
        let last = Scoring.step(rule, measure: 0.5, maximum: 10)
        #expect(last.band == 3)
        #expect(last.condition == "else")
    }

    @Test("deduct: the quantity, the amount per unit, the deduction, and whether its cap or floor bit")
    func deduct() {
        // 0.5 per 1% below 100%, max 5: at 96% the quantity is 4 points of percent, the deduction 2.
        let rule = ScorePlan.deduct(amount: 0.5, unit: 0.01, direction: "below", reference: 1, maximum: 5, floor: 0)
        let small = Scoring.step(rule, measure: 0.96, maximum: 15)
        #expect(small.quantity == 1 - 0.96)
        #expect(small.reference == 1)
        #expect(small.deduction == 0.5 * (1 - 0.96) / 0.01)
        #expect(small.capped == false)
        #expect(small.points == 15 - 0.5 * (1 - 0.96) / 0.01)
        let large = Scoring.step(rule, measure: 0.5, maximum: 15)
        #expect(large.capped == true)
        #expect(large.points == 10)
        let floored = Scoring.step(
            .deduct(amount: 1, unit: 1, direction: nil, reference: 0, maximum: nil, floor: 2), measure: 9, maximum: 10)
        #expect(floored.floored == true)
        #expect(floored.cap == nil)
        #expect(floored.points == 2)
    }

    @Test("lognormal: the curve's value; expression: the text as written; points held to [0, max], raw kept")
    func others() {
        let curve = Scoring.step(.lognormal(p10: 3785, median: 7300), measure: 7300, maximum: 10)
        #expect(curve.curve == 0.5)
        #expect(curve.points == 5)
        let over = Scoring.step(.expression(.measure, text: "measure"), measure: 120, maximum: 100)
        #expect(over.expression == "measure")
        #expect(over.raw == 120)
        #expect(over.points == 100)
    }
}

/// The 95% Wilson score interval shown for a rate on too small a population.
@Suite("Wilson interval")
struct WilsonTests {
    @Test("Known values: 0/10, 10/10, 5/10; none for no trials")
    func values() throws {
        let none = try #require(Wilson.interval(0, of: 10))
        #expect(abs(none[0]) < 1e-12 && abs(none[1] - 0.27753279) < 1e-6)
        let all = try #require(Wilson.interval(10, of: 10))
        #expect(abs(all[0] - 0.72246721) < 1e-6 && abs(all[1] - 1) < 1e-12)
        let half = try #require(Wilson.interval(5, of: 10))
        #expect(abs(half[0] - 0.23659309) < 1e-6 && abs(half[1] - 0.76340691) < 1e-6)
        #expect(Wilson.interval(0, of: 0) == nil)
    }
}
