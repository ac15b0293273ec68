import Testing

@testable import KaopingEval

/// The log-normal score against Lighthouse's own published test vectors
/// (`shared/test/statistics-test.js`: median 7300, p10 3785).
@Suite struct LighthouseTests {
    @Test func controlPointsAreExact() {
        #expect(Lighthouse.logNormalScore(p10: 3785, median: 7300, value: 7300) == 0.5)
        #expect(Lighthouse.logNormalScore(p10: 3785, median: 7300, value: 3785) == 0.9)
        #expect(Lighthouse.logNormalScore(p10: 3785, median: 7300, value: 0) == 1)
        #expect(Lighthouse.logNormalScore(p10: 3785, median: 7300, value: 1_000_000) == 0)
    }

    @Test(arguments: [
        (1000.0, 1.00), (2500, 0.98), (5000, 0.77), (7500, 0.48), (10000, 0.27), (30000, 0.00),
    ])
    func matchesPublishedCurve(value: Double, published: Double) {
        let score = Lighthouse.logNormalScore(p10: 3785, median: 7300, value: value)
        #expect(abs(score - published) <= 0.005, "\(value) scored \(score), Lighthouse publishes \(published)")
    }

    @Test func bandsAreClamped() {
        // Just above p10 the score stays below 0.9; just above the median, below 0.5.
        #expect(Lighthouse.logNormalScore(p10: 3785, median: 7300, value: 3785.0001) < 0.9)
        #expect(Lighthouse.logNormalScore(p10: 3785, median: 7300, value: 7300.0001) < 0.5)
        #expect(Lighthouse.logNormalScore(p10: 3785, median: 7300, value: 3000) >= 0.9)
    }

    @Test func erfMatchesKnownValues() {
        // erf(0) = 0; erf(1) = 0.8427007929 (A&S 7.1.26 is accurate to 1.5e-7); erf is odd.
        #expect(Lighthouse.erf(0) == 0)
        #expect(abs(Lighthouse.erf(1) - 0.8427007929) < 2e-7)
        #expect(Lighthouse.erf(-0.5) == -Lighthouse.erf(0.5))
    }
}
