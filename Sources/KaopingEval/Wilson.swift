/// The Wilson score interval of a proportion: what a rate measured on a small population can honestly be said to
/// be, at 95% confidence — shown instead of a bare 0% or 100% when the population is below an indicator's `minimum`.
enum Wilson {
    /// z for a two-sided 95% interval.
    static let z = 1.959963984540054

    /// `[low, high]` for `successes` of `trials` (`nil` for no trials).
    static func interval(_ successes: Int, of trials: Int) -> [Double]? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(min(max(successes, 0), trials)) / n
        let z2 = z * z
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return [max(0, center - half), min(1, center + half)]
    }
}
