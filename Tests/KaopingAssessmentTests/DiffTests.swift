import Foundation
import KaopingReport
import KaopingResults
import Testing

/// `kaoping diff` (issue 20, point 4): who moved between two results, by how much, and why.
@Suite("kaoping diff")
struct DiffTests {
    @Test("The two shipped rule years on the same data: every change's parts add up to its change of total")
    func shippedYears() throws {
        let (a, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        let (b, _) = try ShippedRules.assess(
            "Rules/jiangsu-2025.rules", overrides: ["period_start": "2024-01-01", "period_end": "2024-12-31"])
        let comparison = ResultsComparison(a, b)
        #expect(comparison.changes.count > 100)
        for change in comparison.changes {
            let sum = change.attribution.reduce(0) { $0 + $1.delta }
            #expect(abs(sum - (change.totalB - change.totalA)) <= 1e-9, "\(change.code)")
        }
        let moves = comparison.changes.map { abs($0.totalB - $0.totalA) }
        #expect(moves == moves.sorted(by: >))
        #expect(comparison.grades.reduce(0) { $0 + $1.count } == a.centers.count)
        #expect(comparison.groups.map(\.group).sorted() == Set(b.centers.map(\.group)).sorted())
        #expect(comparison.groups.allSatisfy { ($0.spearman ?? 0) > 0.5 && ($0.kendall ?? 0) > 0.3 })
        #expect(comparison.entered.isEmpty && comparison.left.isEmpty)
    }

    @Test("A what-if of one parameter changes only the indicator that reads it, and the bonuses gated on the total")
    func whatIf() throws {
        let (a, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        let (b, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules", overrides: ["rectify_days": "5"])
        let comparison = ResultsComparison(a, b)
        #expect(!comparison.changes.isEmpty)
        let parts = Set(comparison.changes.flatMap { $0.attribution.map(\.part) })
        #expect(parts.contains("indicator review_rectify"))
        // (A bonus gated on the indicators' total moves with it.)
        let allowed: Set<String> = ["indicator review_rectify", "redistribution review_rectify", "floor at 0"]
        #expect(parts.allSatisfy { allowed.contains($0) || $0.hasPrefix("bonus ") }, "\(parts)")
        for change in comparison.changes {
            #expect(abs(change.attribution.reduce(0) { $0 + $1.delta } - (change.totalB - change.totalA)) <= 1e-9)
        }
    }

    @Test("Centers that entered or left, and the JSON shape")
    func enteredAndJSON() throws {
        let (a, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        var b = a
        let gone = b.centers.removeFirst()
        var new = gone
        new.code = "NEW-1"
        b.centers.append(new)
        let comparison = ResultsComparison(a, b)
        #expect(comparison.entered == ["NEW-1"])
        #expect(comparison.left == [gone.code])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(comparison.json.text.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["a", "b", "changes", "entered", "left", "grades", "groups"])
        #expect(comparison.html.contains("<h1>考核结果对比</h1>"))
    }

    @Test("Rank correlations: identical rankings give 1, reversed −1, with ties τ-b")
    func correlations() {
        let same = [(1, 1), (2, 2), (3, 3), (4, 4)]
        #expect(RankCorrelation.spearman(same) == 1)
        #expect(RankCorrelation.kendall(same) == 1)
        let reversed = [(1, 4), (2, 3), (3, 2), (4, 1)]
        #expect(RankCorrelation.spearman(reversed) == -1)
        #expect(RankCorrelation.kendall(reversed) == -1)
        // Ties: ranks (1, 1), (1, 2), (3, 3): concordant 2, ties in x 1 → τ-b = 2 / √(3·2).
        let kendall = RankCorrelation.kendall([(1, 1), (1, 2), (3, 3)]) ?? 0
        #expect(abs(kendall - 2 / 6.0.squareRoot()) < 1e-12)
        #expect(RankCorrelation.averageRanks([1, 1, 3, 4, 4]) == [1.5, 1.5, 3, 4.5, 4.5])
    }

    @Test("The command: rule files on --db with a what-if, and results.json files")
    func command() throws {
        let run = try CommandLineTests.kaoping([
            "diff", "Rules/jiangsu-2024.rules", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--param",
            "rectify_days=5", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        let missing = try CommandLineTests.kaoping(["diff", "Rules/jiangsu-2024.rules", "Rules/jiangsu-2025.rules"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("name the store to run it on with --db"))
    }
}
