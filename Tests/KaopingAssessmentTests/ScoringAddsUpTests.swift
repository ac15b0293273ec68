import Foundation
import KaopingResults
import Testing

/// On the demo store, under every shipped rule file, each center's parts add up to its total exactly, as
/// `docs/results-format.md` says they do (issue 20, point 1).
@Suite("The scoring steps add up to the totals")
struct ScoringAddsUpTests {
    @Test("points = scoring.points × factor; base, adjustments and total in the documented order", arguments: ShippedRules.ruleFiles)
    func addsUp(file: String) throws {
        let (document, _) = try ShippedRules.assess(file)
        #expect(document.centers.count > 100)
        var rules: Set<String> = []
        var redistributed = 0
        for center in document.centers {
            for indicator in center.indicators {
                let step = try #require(indicator.scoring)
                rules.insert(step.rule)
                #expect(indicator.points == step.points * step.factor, "\(center.code) \(indicator.id)")
                #expect(step.points >= 0 && step.points <= indicator.maxPoints / step.factor + 1e-12)
                if step.factor != 1 { redistributed += 1 }
                switch indicator.status {
                case .ok: #expect(step.raw != nil)
                case .empty: #expect(step.rule == "policy")
                case .notApplicable, .insufficientData: #expect(step.rule == "none" && indicator.points == 0)
                }
            }
            for adjustment in center.adjustments {
                let step = try #require(adjustment.scoring)
                #expect(step.points - adjustment.points == adjustment.heldBack, "\(center.code) \(adjustment.id)")
            }
            let base = center.indicators.reduce(0) { $0 + $1.points }
            let change = center.adjustments.reduce(0) { $0 + ($1.kind == "bonus" ? $1.points : -$1.points) }
            #expect(center.base == base)
            #expect(center.total == max(0, base + change), "\(center.code)")
        }
        #expect(rules.isSubset(of: ["linear", "band", "deduct", "lognormal", "expression", "policy", "none"]))
        if file == "Rules/jiangsu-2024.rules" {
            #expect(rules.isSuperset(of: ["linear", "band", "deduct", "policy", "none"]), "\(rules)")
            #expect(redistributed > 0)
        }
    }
}
