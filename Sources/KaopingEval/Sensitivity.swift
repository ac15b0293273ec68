import KaopingCheck
import KaopingResults

/// How stable a ranking is when the indicators' weights move (`kaoping sensitivity`): each indicator's points, with
/// its score rule's outputs, are scaled by 1 ± spread and every other indicator's by what keeps the total, and every
/// center is scored again from the measures of the one evaluation — redistribution, bonuses and their gates, caps,
/// grades and ranks as the evaluator does them — without reading the data again.
public struct Sensitivity: Sendable {
    /// One change of weights: `indicator`'s points times `factor`.
    public struct Variant: Sendable, Equatable {
        public let indicator: String
        public let factor: Double
        /// The indicator's points under the variant.
        public let points: Double
    }

    /// Per ranking group: the lowest rank correlation with the actual ranking over all variants, and the largest
    /// move of one center's rank, with the variants that gave them.
    public struct GroupStability: Sendable, Equatable {
        public let group: String
        public let minimumSpearman: Double?
        public let spearmanVariant: Variant?
        public let maximumRankMove: Int
        public let moveCenter: String?
        public let moveVariant: Variant?
    }

    /// A center whose grade changes under a variant.
    public struct Flip: Sendable, Equatable {
        public let code: String
        public let name: String
        public let grade: String
        public let flipsTo: String
        public let variant: Variant
    }

    public let spread: Double
    public let variants: [Variant]
    public let groups: [GroupStability]
    /// Every grade flip, by center code, then variant order.
    public let flips: [Flip]

    /// Varies each indicator of `plan` by ±`spread` (0.1 for ±10%) around `results`, the evaluation of `plan`.
    public init(plan: Plan, results: ResultsDocument, spread: Double) {
        self.spread = spread
        let total = plan.indicators.reduce(0) { $0 + $1.points }
        var variants: [(variant: Variant, factors: [Double])] = []
        for (index, indicator) in plan.indicators.enumerated() where indicator.points > 0 && total > indicator.points {
            for sign in [-1.0, 1.0] {
                let factor = 1 + sign * spread
                let others = (total - indicator.points * factor) / (total - indicator.points)
                var factors = [Double](repeating: others, count: plan.indicators.count)
                factors[index] = factor
                variants.append((Variant(indicator: indicator.id, factor: factor, points: indicator.points * factor), factors))
            }
        }
        self.variants = variants.map(\.variant)
        let actual = Dictionary(results.centers.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var stability: [String: GroupStability] = [:]
        var groupOrder: [String] = []
        for center in results.centers where stability[center.group] == nil {
            groupOrder.append(center.group)
            stability[center.group] = GroupStability(
                group: center.group, minimumSpearman: nil, spearmanVariant: nil, maximumRankMove: 0, moveCenter: nil, moveVariant: nil)
        }
        var flips: [Flip] = []
        for (variant, factors) in variants {
            let rescored = Sensitivity.rescore(plan: plan, results: results, factors: factors)
            var pairs: [String: [(Int, Int)]] = [:]
            for center in rescored {
                guard let before = actual[center.code] else { continue }
                pairs[center.group, default: []].append((before.rank, center.rank))
                let move = abs(center.rank - before.rank)
                if let current = stability[center.group], move > current.maximumRankMove {
                    stability[center.group] = GroupStability(
                        group: current.group, minimumSpearman: current.minimumSpearman, spearmanVariant: current.spearmanVariant,
                        maximumRankMove: move, moveCenter: center.code, moveVariant: variant)
                }
                if center.grade != before.grade {
                    flips.append(Flip(code: center.code, name: center.name, grade: before.grade, flipsTo: center.grade, variant: variant))
                }
            }
            for (group, ranks) in pairs {
                guard let rho = RankCorrelation.spearman(ranks), let current = stability[group] else { continue }
                if current.minimumSpearman.map({ rho < $0 }) ?? true {
                    stability[group] = GroupStability(
                        group: group, minimumSpearman: rho, spearmanVariant: variant, maximumRankMove: current.maximumRankMove,
                        moveCenter: current.moveCenter, moveVariant: current.moveVariant)
                }
            }
        }
        groups = groupOrder.compactMap { stability[$0] }
        let order = Dictionary(variants.enumerated().map { ($1.variant.indicator + "\u{1F}\($1.variant.factor)", $0) }) { first, _ in first
        }
        self.flips = flips.sorted {
            $0.code != $1.code
                ? $0.code < $1.code
                : (order[$0.variant.indicator + "\u{1F}\($0.variant.factor)"] ?? 0)
                    < (order[$1.variant.indicator + "\u{1F}\($1.variant.factor)"] ?? 0)
        }
    }

    /// Every center scored again with each indicator's points (and its rule's outputs) times `factors`.
    static func rescore(plan: Plan, results: ResultsDocument, factors: [Double]) -> [CenterResult] {
        let members = Evaluator.categoryMembers(plan)
        let groups = Redistribution.groups(plan)
        let centers = results.centers.map { center -> CenterResult in
            var scored = center.indicators.enumerated().map { index, indicator -> IndicatorResult in
                var result = indicator
                let factor = index < factors.count ? factors[index] : 1
                let points = index < plan.indicators.count ? plan.indicators[index].points : indicator.maxPoints
                result.points = (indicator.scoring?.points ?? 0) * factor
                result.maxPoints = points * factor
                result.scoring?.factor = 1
                return result
            }
            scored = Redistribution.apply(scored, groups: groups)
            let base = scored.reduce(0) { $0 + $1.points }
            var categories = Evaluator.subtotals(scored, members: members)
            let amounts = center.adjustments.enumerated().map { index, adjustment -> AdjustmentResult in
                var result = adjustment
                let amount = adjustment.scoring?.points ?? adjustment.points + adjustment.heldBack
                let gate = index < plan.adjustments.count ? plan.adjustments[index].gate : nil
                result.gated = adjustment.kind == "bonus" && amount > 0 && gate.map { roundedTwo(base) < $0 } == true
                result.points = result.gated ? 0 : amount
                result.heldBack = result.gated ? amount : 0
                return result
            }
            let adjustments = Adjustments.apply(amounts, plans: plan.adjustments, plan: plan, categories: &categories)
            var result = center
            result.indicators = scored
            result.categories = categories
            result.base = base
            result.adjustments = adjustments
            result.total = max(0, base + Adjustments.change(adjustments))
            return result
        }
        return Ranking.rank(centers, plan: plan)
    }
}
