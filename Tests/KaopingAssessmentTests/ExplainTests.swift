import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// `kaoping explain` (issue 20, point 3) on the demo store.
@Suite("kaoping explain")
struct ExplainTests {
    /// The code of a unit the demo plants as overdue (docs/demo.md, "Planted effects").
    static func overdueCenter() throws -> String {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        return try #require(try store.database.scalar("SELECT code FROM centers WHERE name = '南京市政务服务中心人社分中心'")?.text)
    }

    @Test("A planted overdue center: every overdue case with its working days against its promised days, the step and the points")
    func overdue() throws {
        let code = try Self.overdueCenter()
        let run = try CommandLineTests.kaoping([
            "explain", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--center", code, "--indicator", "timeliness",
            "--all", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        #expect(indicators.count == 1)
        let timeliness = try #require(indicators.first)
        let population = try #require(timeliness["population"] as? Int)
        let numerator = try #require(timeliness["numerator"] as? Int)
        let records = try #require(timeliness["evidence"] as? [[String: Any]])
        #expect(timeliness["evidence_count"] as? Int == population - numerator)
        #expect(records.count == population - numerator)
        #expect(Double(records.count) >= 0.2 * Double(population))
        for record in records {
            let values = try #require(record["values"] as? [[String: Any]])
            let byLabel = Dictionary(
                uniqueKeysWithValues: values.compactMap { value in (value["label"] as? String).map { ($0, value["value"]) } })
            let days = try #require(byLabel["workdays(accepted_at, finished_at) - paused_days"] as? Double)
            let promised = try #require(byLabel["promised_days"] as? Double)
            #expect(days > promised, "\(record["key"] ?? "")")
        }
        let explanation = try #require(timeliness["explanation"] as? String)
        #expect(explanation.hasPrefix("按时办结率 "))
        #expect(explanation.hasSuffix(" 分"))
        let text = try CommandLineTests.kaoping([
            "explain", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--center", code, "--indicator", "timeliness",
        ])
        #expect(text.status == 0)
        #expect(text.stdout.contains("失分记录：共 \(population - numerator) 件（列出前 5 件，--all 列出全部）"))
        #expect(text.stdout.contains("workdays(accepted_at, finished_at) - paused_days = "))
        #expect(text.stdout.contains("计分：按时办结率 "))
    }

    @Test("--all lists, for every indicator, exactly evidence_count records, the first of them those results.json names")
    func allAgreesWithTheRun() throws {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let loader = try RuleLoader.load(path: ShippedRules.path("Rules/jiangsu-2024.rules"))
        let plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
        let codes =
            try [Self.overdueCenter()]
            + store.database.query("SELECT code FROM centers WHERE kind = 'onsite_point' ORDER BY code LIMIT 3")
            .compactMap { $0[0].text }
        for code in codes {
            let explained = try Evaluator.explain(plan: plan, store: store, center: code, all: true, rulesSHA256: "")
            let center = try #require(explained.results.centers.first { $0.code == code })
            for indicator in center.indicators {
                guard let count = indicator.evidenceCount else {
                    #expect(explained.records[indicator.id] == nil)
                    continue
                }
                let all = try #require(explained.records[indicator.id], "\(code) \(indicator.id)")
                #expect(all.count == count, "\(code) \(indicator.id)")
                #expect(all.records.count == count, "\(code) \(indicator.id)")
                #expect(Array(all.records.prefix(5)) == indicator.evidence, "\(code) \(indicator.id)")
            }
            for adjustment in center.adjustments {
                guard let count = adjustment.evidenceCount else { continue }
                let all = try #require(explained.records[adjustment.id], "\(code) \(adjustment.id)")
                #expect(all.count == count && all.records.count == count, "\(code) \(adjustment.id)")
                #expect(Array(all.records.prefix(5)) == adjustment.evidence, "\(code) \(adjustment.id)")
            }
        }
    }

    @Test("A code no unit has gets the nearest code; a unit named instead of coded gets its code; an unknown indicator its nearest id")
    func unknownNames() throws {
        let code = try Self.overdueCenter()
        let typo = code + "X"
        let run = try CommandLineTests.kaoping([
            "explain", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--center", typo,
        ])
        #expect(run.status == 2)
        #expect(run.stderr == "kaoping explain: no unit has the code \(typo): did you mean \(code)?\n")
        let named = try CommandLineTests.kaoping([
            "explain", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--center", "南京市政务服务中心人社分中心",
        ])
        #expect(named.stderr.contains("has the code \(code): --center \(code)"))
        let indicator = try CommandLineTests.kaoping([
            "explain", "Rules/jiangsu-2024.rules", "--db", try ShippedRules.demo.get(), "--center", code, "--indicator", "timelines",
        ])
        #expect(indicator.status == 2)
        #expect(indicator.stderr.contains("did you mean `timeliness`?"))
    }
}
