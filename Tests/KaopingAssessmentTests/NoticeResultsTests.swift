import Foundation
import KaopingResults
import Testing

/// The shipped rules carry a notice, and results.json records it for the renderers (issue 21, point 1).
@Suite("The notice in results.json")
struct NoticeResultsTests {
    @Test("jiangsu-2024 and 2025 each carry theirs; the Nanjing variant inherits the province's; it reads back")
    func shipped() throws {
        let (a, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        #expect(a.notice?.number == "苏政务办发〔2025〕3号")
        #expect(a.notice?.date == "2025-03-14")
        #expect(a.notice?.rectification?.isEmpty == false)
        let (b, _) = try ShippedRules.assess("Rules/jiangsu-2025.rules")
        #expect(b.notice?.number == "苏政务办发〔2026〕2号")
        let (nanjing, _) = try ShippedRules.assess("Rules/examples/nanjing-2024.rules")
        #expect(nanjing.notice == a.notice)
        #expect(try ResultsDocument.read(from: Data(a.json.text.utf8)).notice == a.notice)
    }
}

/// The 总体情况 counts (issue 21, point 2): they agree with the centers they count.
@Suite("The overview in results.json")
struct OverviewTests {
    @Test("Every group × grade, zeros included; every unit counted once per region; the province first")
    func counts() throws {
        let (document, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        let overview = try #require(document.overview)
        let groups = Set(document.centers.map(\.group))
        #expect(overview.grades.count == groups.count * document.assessment.grades.count)
        #expect(overview.grades.reduce(0) { $0 + $1.count } == document.centers.count)
        for entry in overview.grades {
            #expect(entry.count == document.centers.filter { $0.group == entry.group && $0.grade == entry.grade }.count)
        }
        #expect(overview.regions.reduce(0) { $0 + $1.subCenters + $1.onsitePoints } == document.centers.count)
        #expect(overview.regions.first?.region == "江苏省")
        #expect(try ResultsDocument.read(from: Data(document.json.text.utf8)).overview == overview)
    }
}
