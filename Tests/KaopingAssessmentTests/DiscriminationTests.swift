import Foundation
import KaopingDemo
import KaopingResults
import KaopingStore
import Testing

/// The default rules over the demo province: every indicator tells centers apart, and every planted effect
/// lands where it should (issue 6).
@Suite("The default 2020 rules discriminate on the demo and find its planted effects", .serialized)
struct DiscriminationTests {
    let results: ResultsDocument

    init() throws {
        let (results, diagnostics) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        #expect(diagnostics.filter { $0.severity == .error } == [])
        self.results = results
    }

    /// Pass/fail indicators by design (a name follows the rule or not; every head change was filed in time
    /// or not) need two point values; every other indicator is a rate, count or sum and needs three.
    static let binary: Set<String> = ["naming", "head_change"]

    @Test("Every indicator takes at least two distinct point values; every rate or count indicator three")
    func everyIndicatorDiscriminates() throws {
        #expect(results.assessment.indicators.count == 18)
        for (index, indicator) in results.assessment.indicators.enumerated() {
            // Points are compared as the assessment defines them, before redistribution scales them.
            let values = Set(
                results.centers.compactMap { center -> Double? in
                    let result = center.indicators[index]
                    guard result.status == .ok, result.maxPoints > 0 else { return nil }
                    return (result.points / result.maxPoints * indicator.points * 1e6).rounded() / 1e6
                })
            let needed = DiscriminationTests.binary.contains(indicator.id) ? 2 : 3
            #expect(values.count >= needed, "\(indicator.id) takes only \(values.sorted())")
        }
    }

    @Test("Each bonus is earned by some centers and not by others")
    func bonusesDiscriminate() {
        for definition in results.assessment.adjustments {
            let points = Set(results.centers.compactMap { $0.adjustments.first { $0.id == definition.id }?.points })
            #expect(points.count >= 3, "\(definition.id) takes only \(points.count) values")
        }
    }

    @Test("The planted weak units rank in the bottom decile of their group or are graded 不合格")
    func weakUnitsRankLow() throws {
        let summary = try plantedSummary()
        for effect in [PlantedEffect.overdue, .unrectified, .serious, .unconnected] {
            let codes = summary.codes(effect)
            #expect(codes.count >= 5)
            for code in codes {
                let center = try #require(results.centers.first { $0.code == code })
                let size = results.centers.filter { $0.group == center.group }.count
                let bottomDecile = Double(center.rank) > 0.9 * Double(size)
                #expect(bottomDecile || center.grade == "不合格", "\(effect) \(center.name) ranks \(center.rank)/\(size), \(center.grade)")
            }
        }
        // A serious finding is a veto: those units are 不合格 whatever their points.
        for code in summary.codes(.serious) {
            let center = try #require(results.centers.first { $0.code == code })
            #expect(center.grade == "不合格")
            #expect(center.veto?.id == "serious_violation")
        }
    }

    @Test("The planted excellent units rank in the top 5% of their group and are graded 优秀")
    func excellentUnitsRankHigh() throws {
        for code in try plantedSummary().codes(.excellent) {
            let center = try #require(results.centers.first { $0.code == code })
            let size = results.centers.filter { $0.group == center.group }.count
            #expect(Double(center.rank) <= 0.05 * Double(size), "\(center.name) ranks \(center.rank)/\(size)")
            #expect(center.grade == "优秀")
        }
    }

    @Test("红黑榜: five per level group, ties not split")
    func lists() {
        #expect(results.lists.map(\.group) == ["province", "city", "county"])
        for list in results.lists {
            #expect(list.top.count >= 5)
            #expect(list.bottom.count >= 5)
        }
    }

    /// Which units carry which effect for the default seed (the layout does not depend on the case count).
    private func plantedSummary() throws -> DemoSummary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-planted-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try DemoGenerator(options: DemoOptions(cases: 0), calendarFiles: try ShippedRules.calendarFiles)
            .write(to: folder.appendingPathComponent("layout.sqlite").path)
    }
}
