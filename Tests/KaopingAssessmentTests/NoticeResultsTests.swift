import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
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

    @Test("The figures agree with the indicators that count the same rows, and with SQLite's own count of findings")
    func figures() throws {
        let (document, _) = try ShippedRules.assess("Rules/jiangsu-2024.rules")
        let figures = try #require(document.overview?.figures)
        let sum = { (id: String, part: KeyPath<IndicatorResult, Int?>) in
            document.centers.reduce(0) { $0 + ($1.indicators.first { $0.id == id }?[keyPath: part] ?? 0) }
        }
        // The timeliness indicator reads the promised, finished cases and counts those on time as the figures do.
        #expect(figures.promisedFinished == sum("timeliness", \.population))
        #expect(figures.onTime == sum("timeliness", \.numerator))
        #expect(figures.badReviews == sum("review_revisit", \.population))
        #expect(figures.finished == sum("active_reviews", \.population))
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let assessed = document.centers.map { "'\($0.code)'" }.joined(separator: ",")
        let count = { (severity: String) throws -> Int in
            let sql = """
                SELECT count(*) FROM inspections JOIN centers ON centers.id = inspections.center_id
                WHERE centers.code IN (\(assessed)) AND severity LIKE '\(severity)'
                AND inspected_at >= strftime('%s', '2024-01-01', '-8 hours') AND inspected_at < strftime('%s', '2025-01-01', '-8 hours')
                """
            return Int(try store.database.query(sql).first?.first?.integer ?? -1)
        }
        #expect(figures.inspections == (try count("%")))
        #expect(figures.inspectionsSerious == (try count("serious")))
        #expect(figures.inspectionsMinor == (try count("minor")))
        let findings = try #require(document.overview?.findings)
        #expect(findings.count == figures.inspections)
        #expect(findings.filter { $0.severity == "serious" }.count == figures.inspectionsSerious)
        #expect(findings.map(\.inspectedAt) == findings.map(\.inspectedAt).sorted())
        #expect(Set(findings.map(\.center)).isSubset(of: Set(document.centers.map(\.code))))
        let regions = try #require(document.overview?.regions)
        #expect(regions.reduce(0) { $0 + ($1.figures?.cases ?? 0) } == figures.cases)
        #expect(figures.cases ?? 0 > figures.finished ?? 0 && figures.finished ?? 0 > 0 && figures.inspectionsSerious ?? 0 > 0)
    }

    @Test("A figure over a table the rules do not read is null, and on_time is null when no rule counts working days")
    func absent() throws {
        let (document, diagnostics) = try ShippedRules.assess("Rules/examples/yinchuan-branch-halls.rules")
        #expect(!diagnostics.hasErrors)
        let figures = try #require(document.overview?.figures)
        #expect(figures.cases != nil && figures.onTime != nil && figures.complaints != nil)
        #expect(figures.reviews == nil && figures.inspections == nil && figures.inspectionsSerious == nil)
        #expect(document.overview?.findings == nil)
        let text = """
            assessment "办件量" {
              period 2024-01-01 .. 2024-12-31
              assess centers where kind == "sub_center"
              grades { 合格 >= 60; 不合格 }
            }
            indicator volume "办件量" {
              points 100
              from cases
              measure count()
              score linear { 0 -> 0; 10 -> 100 }
              when empty: zero
            }
            """
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let loader = RuleLoader.load(name: "volume.rules", text: text)
        let plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
        let counted = try #require(try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "").overview?.figures)
        #expect(counted.cases != nil && counted.finished != nil && counted.onTime == nil && counted.reviews == nil)
    }
}
