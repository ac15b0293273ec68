import KaopingCheck
import KaopingStore

/// Turns a measure into points under a score rule.
enum Scoring {
    /// The points for `measure`, clamped to [0, `maximum`].
    static func points(_ rule: ScorePlan, measure: Double, maximum: Double) -> Double {
        let raw: Double
        switch rule {
        case .linear(let controlPoints):
            raw = linear(controlPoints, measure)
        case .bands(let bands):
            raw = rule.band(for: measure).map { bands[$0].points } ?? 0
        case .expression(let expression):
            var input = EvaluationInput(calendar: WorkingCalendar())
            input.measure = .real(measure)
            raw = expression.evaluate(input).number ?? 0
        case .deduct(let amount, let unit, let direction, let reference, let cap, let floor):
            let quantity: Double
            switch direction {
            case "below"?: quantity = max(0, reference - measure)
            case "above"?: quantity = max(0, measure - reference)
            default: quantity = max(0, measure)
            }
            let deduction = min(amount * quantity / unit, cap ?? maximum)
            raw = max(maximum - deduction, floor)
        case .lognormal(let p10, let median):
            raw = maximum * Lighthouse.logNormalScore(p10: p10, median: median, value: measure)
        }
        guard raw.isFinite else { return 0 }
        return min(max(raw, 0), maximum)
    }

    /// Straight lines between control points sorted by measure; the end values outside them.
    static func linear(_ points: [(Double, Double)], _ x: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if x <= first.0 { return first.1 }
        if x >= last.0 { return last.1 }
        for (low, high) in zip(points, points.dropFirst()) where x <= high.0 {
            let span = high.0 - low.0
            return span == 0 ? high.1 : low.1 + (high.1 - low.1) * (x - low.0) / span
        }
        return last.1
    }
}
