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
