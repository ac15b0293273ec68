import KaopingCheck
import KaopingResults

/// The bonuses and deductions of one center, applied in rule-file order after the indicators: each first as its
/// own rule and `max` give it (a bonus held back whole by its gate), then within the caps on their sums
/// (`bonuses max N` 加分合计不超过, `deductions max N` 扣分合计不超过) and, for a deduction taken from a category,
/// within that category's points (扣完为止). What a cap keeps back is `held_back`; what is applied is `points`,
/// and is taken from the category's subtotal too.
enum Adjustments {
    static func apply(_ results: [AdjustmentResult], plans: [AdjustmentPlan], plan: Plan, categories: inout [CategorySubtotal])
        -> [AdjustmentResult]
    {
        var bonusLeft = plan.bonusCap ?? .infinity
        var deductionLeft = plan.deductionCap ?? .infinity
        var applied = results
        for index in applied.indices {
            var amount = applied[index].points
            if plans[index].kind == .bonus {
                amount = max(0, min(amount, bonusLeft))
                bonusLeft -= amount
            } else {
                amount = max(0, min(amount, deductionLeft))
                if let path = plans[index].category {
                    // The category and each category above it must keep at least 0.
                    for slot in categories.indices where isAtOrAbove(categories[slot].path, path) {
                        amount = max(0, min(amount, categories[slot].points))
                    }
                    for slot in categories.indices where isAtOrAbove(categories[slot].path, path) {
                        categories[slot].points -= amount
                    }
                }
                deductionLeft -= amount
            }
            applied[index].heldBack += applied[index].points - amount
            applied[index].points = amount
        }
        return applied
    }

    /// Whether `category` is `path` or one of the categories it is under.
    private static func isAtOrAbove(_ category: String, _ path: String) -> Bool {
        category == path || path.hasPrefix(category + "/")
    }

    /// What the adjustments change the base by: bonuses added, deductions taken.
    static func change(_ results: [AdjustmentResult]) -> Double {
        results.reduce(0) { $0 + ($1.kind == "bonus" ? $1.points : -$1.points) }
    }
}
