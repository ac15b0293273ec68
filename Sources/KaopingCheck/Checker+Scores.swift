import KaopingSyntax

/// Score rules: how a measure becomes points. Their inputs are in the measure's unit — a percentage for a rate
/// (see `Checker+Units.swift`) — and their outputs are points, out of `full`: the indicator's points, or a
/// bonus's or deduction's cap. Outputs may be written relative to it (`100% -> full`, `-> 60% 满分`).
extension Checker {
    /// Whose score rule is checked: what its `full` is and what its outputs must reach.
    enum ScoreOwner {
        /// An indicator with fixed `points`: the rule's top must be its points, unless written relative to them.
        case indicator
        /// An indicator with a `weight`, whose points are worked out from the total: its outputs must be relative.
        case weightedIndicator
        /// A bonus or a deduction: the rule's top must be its cap (`max`), unless written relative to it.
        case adjustment
        /// A rule whose `full` is itself wrong (already reported): there is nothing to hold its top to.
        case unknownFull
    }

    /// Checks a score rule that scores out of `full` points a measure that is a fraction (`fraction`) or not.
    mutating func checkScore(_ rule: ScoreRule, full: Double, fraction: Bool, owner: ScoreOwner) -> ScorePlan {
        scoringFraction = fraction
        defer { scoringFraction = false }
        switch rule {
        case .deduct(let rule):
            let amount = pointsNumber(rule.amount, full: full) ?? 0
            let unit = rule.unit.flatMap { measureNumber($0, fraction: fraction) } ?? 1
            if unit <= 0, let unitExpression = rule.unit {
                report("K0274", unitExpression.range, zh: "per 后的单位应大于 0", en: "the unit after `per` must be greater than 0")
            }
            return .deduct(
                amount: amount, unit: unit > 0 ? unit : 1, direction: rule.direction,
                reference: rule.reference.flatMap { measureNumber($0, fraction: fraction) } ?? 0,
                maximum: rule.maximum.flatMap { pointsNumber($0, full: full) },
                floor: rule.floor.flatMap { pointsNumber($0, full: full) } ?? 0)
        case .lognormal(let p10Expression, let medianExpression, let range):
            let p10 = measureNumber(p10Expression, fraction: fraction) ?? 0
            let median = measureNumber(medianExpression, fraction: fraction) ?? 0
            if p10 <= 0 || median <= 0 || p10 >= median {
                report(
                    "K0275", range, zh: "lognormal 要求 0 < p10 < median", en: "`lognormal` needs 0 < p10 < median",
                    hint: "p10 是得 0.9 分的较好值，median 是得 0.5 分的中位值",
                    hintEn: "p10 is the better value scoring 0.9, median the value scoring 0.5")
                return .lognormal(p10: 1, median: 2)
            }
            return .lognormal(p10: p10, median: median)
        case .linear(let controlPoints, let range):
            var pairs: [(Double, Double)] = []
            var outputs: [(expression: Expression, points: Double)] = []
            let errors = errorCount
            for point in controlPoints {
                let input = measureNumber(point.input, fraction: fraction)
                let output = pointsNumber(point.points, full: full)
                guard let input, let output else { continue }
                if let last = pairs.last, input <= last.0 {
                    report(
                        "K0270", point.input.range, zh: "linear 的控制点应按计量值从小到大排列",
                        en: "the control points of `linear` must be in increasing order of the measure",
                        hint: "把较小的计量值写在前面", hintEn: "list smaller measures first")
                }
                pairs.append((input, output))
                outputs.append((point.points, output))
            }
            if controlPoints.count < 2 {
                report(
                    "K0271", range, zh: "linear 至少需要两个控制点", en: "`linear` needs at least two control points",
                    hint: "例如 linear { 90% -> 0; 100% -> 25 }", hintEn: "for example linear { 90% -> 0; 100% -> 25 }")
            }
            // (A rule with a value in the wrong unit has no top to speak of.)
            if errorCount == errors { lintTop(outputs, full: full, owner: owner) }
            return .linear(pairs)
        case .bands(let bands, let range):
            var plans: [(comparison: String?, bound: Double, points: Double)] = []
            var outputs: [(expression: Expression, points: Double)] = []
            let errors = errorCount
            for band in bands {
                let bound = band.bound.flatMap { measureNumber($0, fraction: fraction) } ?? 0
                let output = pointsNumber(band.points, full: full)
                plans.append((band.comparison, bound, output ?? 0))
                if let output { outputs.append((band.points, output)) }
            }
            if bands.last?.comparison != nil {
                report(
                    "K0272", range, severity: .warning, zh: "bands 没有 else 档，未命中任何档的单位得 0 分",
                    en: "`bands` has no `else` band, so a measure matching no band scores 0",
                    hint: "最后加一行 else -> 0", hintEn: "end with else -> 0")
            }
            if errorCount == errors {
                lintBandOrder(bands, plans)
                lintTop(outputs, full: full, owner: owner)
            }
            return .bands(plans)
        case .expression(let expression):
            let typed = checkExpression(expression, in: .score(full: full))
            if !typed.type.isNumeric {
                report("K0273", expression.range, zh: "评分表达式应为数值", en: "a score expression must be a number")
            }
            if case .weightedIndicator = owner, !expression.mentionsFullPoints {
                reportNotRelative(expression)
            }
            return .expression(typed.expression, text: file.source.text(expression.range))
        }
    }

    /// A measure's value written in a score rule (a control point, a band's bound, a deduction's unit or
    /// reference): a number, in the unit of the measure.
    /// `nil` when it is written in the wrong unit (reported): what it would come to means nothing.
    mutating func measureNumber(_ expression: Expression, fraction: Bool) -> Double? {
        let errors = errorCount
        if fraction { checkFractionBound(expression) }
        let value = constantNumber(expression)
        return errorCount == errors ? value : nil
    }

    /// Points written in a score rule (an output, a deduction's amount, cap or floor), out of `full`.
    /// `nil` when it is a percentage (reported).
    mutating func pointsNumber(_ expression: Expression, full: Double) -> Double? {
        let errors = errorCount
        checkPointsWriting(expression, share: true)
        let value = constantNumber(expression, in: .points(full: full))
        return errorCount == errors ? value : nil
    }

    /// The top of a linear or band rule against `full`: above it is an error (K0284), below it a warning (full
    /// marks cannot be reached, K0285), unless the outputs are written relative to `full`. An indicator with a
    /// `weight` must write them so (K0286): its points are worked out from the total.
    private mutating func lintTop(_ outputs: [(expression: Expression, points: Double)], full: Double, owner: ScoreOwner) {
        let relative = outputs.contains { $0.expression.mentionsFullPoints }
        if case .weightedIndicator = owner {
            if let absolute = outputs.first(where: { !$0.expression.mentionsFullPoints && $0.points != 0 }) {
                reportNotRelative(absolute.expression)
            }
            return
        }
        guard owner != .unknownFull, !relative, let top = outputs.max(by: { $0.points < $1.points }) else { return }
        let (whose, whoseEn) =
            owner == .adjustment
            ? ("上限 \(Checker.number(full)) 分", "its cap of \(Checker.number(full))")
            : ("分值 \(Checker.number(full)) 分", "its \(Checker.number(full)) points")
        if top.points > full + 1e-9 {
            report(
                "K0284", top.expression.range, zh: "评分规则最高给 \(Checker.number(top.points)) 分，超过了\(whose)",
                en: "the score rule gives up to \(Checker.number(top.points)) points, more than \(whoseEn)",
                hint: "改为 \(Checker.number(full))，或写成 full（满分）", hintEn: "make it \(Checker.number(full)), or write full")
        } else if top.points < full - 1e-9 {
            report(
                "K0285", top.expression.range, severity: .warning,
                zh: "评分规则最高只给 \(Checker.number(top.points)) 分，达不到\(whose)",
                en: "the score rule gives at most \(Checker.number(top.points)) points, never \(whoseEn)",
                hint: "改为 \(Checker.number(full))，或写成 full（满分）；若有意为之，写成满分的比例，如 80% full",
                hintEn: "make it \(Checker.number(full)), or write full; if it is meant, write it as a share, such as 80% full")
        }
    }

    /// K0286: an output of a weighted indicator's score rule written as points, not as a share of its points.
    private mutating func reportNotRelative(_ expression: Expression) {
        report(
            "K0286", expression.range, zh: "使用 weight 的指标，分值由权重算出，评分规则要写成满分的比例",
            en: "an indicator with `weight` has its points worked out from the total, so its score rule must give shares of full",
            hint: "例如 linear { 90% -> 0; 100% -> full }、>= 90% -> 60% full",
            hintEn: "for example linear { 90% -> 0; 100% -> full }, >= 90% -> 60% full")
    }

    /// Bands are tried top to bottom: `>=`/`>` bands must go from high to low bounds and `<=`/`<` bands from
    /// low to high, or a later band can never match (an overlap); an `else` before the last band hides the rest.
    private mutating func lintBandOrder(_ bands: [ScoreBand], _ plans: [(comparison: String?, bound: Double, points: Double)]) {
        var previous: (comparison: String, bound: Double)?
        for (index, band) in bands.enumerated() {
            guard let comparison = band.comparison else {
                if index < bands.count - 1 {
                    report(
                        "K0276", band.range, severity: .warning, zh: "else 档之后的档永远不会命中", en: "the bands after `else` can never match",
                        hint: "把 else 放在最后", hintEn: "put `else` last")
                }
                continue
            }
            let bound = plans[index].bound
            defer { previous = (comparison, bound) }
            guard let last = previous else { continue }
            let descending = [">=", ">"].contains(comparison)
            let lastDescending = [">=", ">"].contains(last.comparison)
            if comparison == "==" || last.comparison == "==" { continue }
            if descending != lastDescending {
                report(
                    "K0277", band.range, severity: .warning, zh: "bands 混用了“大于”和“小于”两个方向，可能有空档或重叠",
                    en: "these bands mix `>`-style and `<`-style comparisons, which leaves gaps or overlaps",
                    hint: "同一个 bands 中只用 >= 或只用 <=", hintEn: "use only >= bands or only <= bands in one `bands`")
            } else if descending ? bound >= last.bound : bound <= last.bound {
                report(
                    "K0278", band.range, severity: .warning, zh: "这一档永远不会命中：前面的档已包含它",
                    en: "this band can never match: an earlier band already covers it",
                    hint: descending ? "“>=”档应按分界从高到低排列" : "“<=”档应按分界从低到高排列",
                    hintEn: descending ? "list >= bands from the highest bound down" : "list <= bands from the lowest bound up")
            }
        }
    }

}
