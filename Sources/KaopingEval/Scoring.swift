import KaopingCheck
import KaopingResults
import KaopingStore

/// Turns a measure into points under a score rule, and says which step of the rule gave them.
enum Scoring {
    /// The step of `rule` that scores `measure`, with its numbers and the points, held to [0, `maximum`]
    /// (a step that computes no finite number gives 0).
    static func step(_ rule: ScorePlan, measure: Double, maximum: Double) -> ScoringStep {
        var step: ScoringStep
        switch rule {
        case .linear(let controlPoints):
            step = ScoringStep(rule: "linear", raw: linear(controlPoints, measure), points: 0)
            step.segment = segment(controlPoints, measure).map { [$0.0, $0.1] }
        case .bands(let bands):
            let band = rule.band(for: measure)
            step = ScoringStep(rule: "band", raw: band.map { bands[$0].points } ?? 0, points: 0)
            if let band {
                step.band = band + 1
                step.condition = bands[band].comparison.map { "\($0) \(JSONValue.format(bands[band].bound))" } ?? "else"
            }
        case .expression(let expression, let text):
            var input = EvaluationInput(calendar: WorkingCalendar())
            input.measure = .real(measure)
            step = ScoringStep(rule: "expression", raw: expression.evaluate(input).number ?? 0, points: 0)
            step.expression = text
        case .deduct(let amount, let unit, let direction, let reference, let cap, let floor):
            let quantity: Double
            switch direction {
            case "below"?: quantity = max(0, reference - measure)
            case "above"?: quantity = max(0, measure - reference)
            default: quantity = max(0, measure)
            }
            let deduction = amount * quantity / unit
            let applied = min(deduction, cap ?? maximum)
            step = ScoringStep(rule: "deduct", raw: max(maximum - applied, floor), points: 0)
            step.quantity = quantity
            step.reference = direction == nil ? nil : reference
            (step.unit, step.amount, step.deduction) = (unit, amount, deduction)
            (step.cap, step.capped) = (cap, cap.map { deduction > $0 } ?? false)
            (step.floor, step.floored) = (floor, maximum - applied < floor)
        case .lognormal(let p10, let median):
            let curve = Lighthouse.logNormalScore(p10: p10, median: median, value: measure)
            step = ScoringStep(rule: "lognormal", raw: maximum * curve, points: 0)
            (step.p10, step.median, step.curve) = (p10, median, curve)
        }
        let raw = step.raw ?? 0
        step.points = raw.isFinite ? min(max(raw, 0), maximum) : 0
        return step
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

    /// The control points `linear` reads for `x`: the two it lies between, or the end point at or beyond
    /// which the line is flat.
    static func segment(_ points: [(Double, Double)], _ x: Double) -> [(Double, Double)] {
        guard let first = points.first, let last = points.last else { return [] }
        if x <= first.0 { return [first] }
        if x >= last.0 { return [last] }
        for (low, high) in zip(points, points.dropFirst()) where x <= high.0 {
            return high.0 - low.0 == 0 ? [high] : [low, high]
        }
        return [last]
    }
}
