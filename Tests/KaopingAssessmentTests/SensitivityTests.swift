import Foundation
import KaopingCheck
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

@testable import KaopingEval

/// `kaoping sensitivity` (issue 20, point 5): the ranking re-scored under moved weights, from one evaluation.
@Suite("kaoping sensitivity")
struct SensitivityTests {
    static func planAndResults() throws -> (Plan, ResultsDocument) {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let loader = try RuleLoader.load(path: ShippedRules.path("Rules/jiangsu-2024.rules"))
        let plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
        return (plan, try ShippedRules.assess("Rules/jiangsu-2024.rules").0)
    }

    @Test("Weights unchanged, the re-scoring gives every center's total, grade and rank exactly as the run")
    func identity() throws {
        let (plan, results) = try Self.planAndResults()
        let rescored = Sensitivity.rescore(plan: plan, results: results, factors: plan.indicators.map { _ in 1 })
        #expect(rescored.map(\.code) == results.centers.map(\.code))
        #expect(rescored.map(\.total) == results.centers.map(\.total))
        #expect(rescored.map(\.rank) == results.centers.map(\.rank))
        #expect(rescored.map(\.grade) == results.centers.map(\.grade))
    }

    @Test("Each indicator up and down keeps the total; each flip named is the grade the center gets under its variant")
    func flips() throws {
        let (plan, results) = try Self.planAndResults()
        let analysis = Sensitivity(plan: plan, results: results, spread: 0.1)
        #expect(analysis.variants.count == 2 * plan.indicators.filter { $0.points > 0 }.count)
        #expect(!analysis.flips.isEmpty)
        #expect(analysis.groups.map(\.group) == ["province", "city", "county"])
        #expect(analysis.groups.allSatisfy { ($0.minimumSpearman ?? 1) > 0.9 && ($0.minimumSpearman ?? 1) <= 1 })
        let total = plan.indicators.reduce(0) { $0 + $1.points }
        for flip in analysis.flips.prefix(20) {
            let index = try #require(plan.indicators.firstIndex { $0.id == flip.variant.indicator })
            let points = plan.indicators[index].points
            var factors = plan.indicators.map { _ in (total - points * flip.variant.factor) / (total - points) }
            factors[index] = flip.variant.factor
            #expect(abs(zip(plan.indicators, factors).reduce(0) { $0 + $1.0.points * $1.1 } - total) < 1e-9)
            let rescored = Sensitivity.rescore(plan: plan, results: results, factors: factors)
            #expect(rescored.first { $0.code == flip.code }?.grade == flip.flipsTo)
        }
    }

    @Test("The command: JSON of groups and flips; --spread outside (0%, 100%) is a usage error")
    func command() throws {
        let run = try CommandLineTests.kaoping([
            "sensitivity", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--spread", "20%", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["spread"] as? Double == 0.2)
        let flips = try #require(json["flips"] as? [[String: Any]])
        #expect(flips.first.map { Set($0.keys) } == ["code", "name", "grade", "flips_to", "indicator", "factor", "points"])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.count == 3)
        let wrong = try CommandLineTests.kaoping([
            "sensitivity", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--spread", "150%",
        ])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--spread must be a percentage above 0% and below 100%"))
    }
}
