import Foundation

/// Lighthouse's log-normal metric score, computed exactly as Lighthouse computes it
/// (`getLogNormalScore` in Lighthouse's `shared/statistics.js`).
///
/// For a quantity where lower is better, the score is the share of a log-normal distribution above the
/// value: 0.5 at `median`, 0.9 at `p10`, approaching 1 towards 0 and 0 towards infinity:
///
///     σ-free form:  x = ln(value / median) · erfc⁻¹(1/5) / −ln(p10 / median)
///     score = (1 − erf(x)) / 2
///
/// with `erf` approximated by Abramowitz and Stegun 7.1.26, as Lighthouse does, and the result clamped to
/// [0.9, 1] at or below p10, to [0.5, 0.9) up to the median and to [0, 0.5) above it. A value ≤ 0 scores 1.
enum Lighthouse {
    /// The closest double to erfc⁻¹(1/5).
    static let inverseErfcOneFifth = 0.9061938024368232
    static let minPassing = 0.90000000000000002220446049250313080847263336181640625
    static let maxAverage = 0.899999999999999911182158029987476766109466552734375
    static let maxFailing = 0.499999999999999944488848768742172978818416595458984375

    static func logNormalScore(p10: Double, median: Double, value: Double) -> Double {
        guard median > 0, p10 > 0, p10 < median else { return 0 }
        if value <= 0 { return 1 }
        let xLogRatio = log(max(Double.leastNonzeroMagnitude, value / median))
        let p10LogRatio = -log(max(Double.leastNonzeroMagnitude, p10 / median))
        let standardized = xLogRatio * inverseErfcOneFifth / p10LogRatio
        let complementary = (1 - erf(standardized)) / 2
        if value <= p10 { return max(minPassing, min(1, complementary)) }
        if value <= median { return max(0.5, min(maxAverage, complementary)) }
        return max(0, min(maxFailing, complementary))
    }

    /// The Gauss error function by Abramowitz and Stegun 7.1.26 (as Lighthouse computes it).
    static func erf(_ x: Double) -> Double {
        let sign: Double = x < 0 ? -1 : (x > 0 ? 1 : 0)
        let z = abs(x)
        let t = 1 / (1 + 0.3275911 * z)
        let y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        return sign * (1 - y * exp(-z * z))
    }
}
