import Foundation
import KaopingReport
import KaopingResults
import KaopingStore
import Testing

@Suite("Results: results.json, determinism, the data digest and the HTML report")
struct ResultsOutputTests {
    /// The ranking store and rules: a veto, a not_applicable indicator (null measure), ties and three groups.
    static func document() throws -> (TestStore, ResultsDocument) {
        let test = try RankingTests.store()
        return (test, try test.run(RankingTests.rules))
    }

    @Test("results.json reads back into the same document")
    func roundTrip() throws {
        let (_, doc) = try ResultsOutputTests.document()
        let text = doc.json.text
        #expect(try ResultsDocument.read(from: Data(text.utf8)) == doc)
        #expect(text.hasPrefix("{\n  \"schema_version\": 2,\n  \"assessment\": {\n    \"title\": \"排名\",\n"))
        #expect(text.hasSuffix("}\n"))
        #expect(doc.assessment.title == "排名")
        #expect(doc.assessment.period.start == "2024-01-01")
        #expect(doc.assessment.period.end == "2024-12-31")
        #expect(doc.assessment.rulesSHA256 == String(repeating: "0", count: 64))
        #expect(doc.assessment.grades.map(\.name) == ["优秀", "良好", "合格", "不合格"])
        #expect(doc.assessment.grades.map(\.minimum) == [90, 80, 60, nil])
        #expect(doc.assessment.indicators.map { "\($0.id) \($0.category) \($0.points)" } == ["base 基础 100.0"])
        #expect(doc.assessment.vetoes.map(\.id) == ["serious"])
        // A not_applicable indicator writes null for its measure (P1 has no case).
        #expect(try doc.indicator("P1", "base").measure == nil)
        #expect(text.contains("\"measure\": null"))
    }

    @Test("Two runs over the same store give byte-identical results.json and report.html")
    func deterministic() throws {
        let (test, first) = try ResultsOutputTests.document()
        let second = try test.run(RankingTests.rules)
        #expect(first.json.text == second.json.text)
        #expect(try HTMLReport(results: first).render() == HTMLReport(results: second).render())
    }

    @Test("A --param override is recorded in the document's parameters")
    func parametersRecorded() throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-03-01"), promised: 3)
        let rules =
            header + """
                param cap = 15
                param floor = 90%
                indicator a "A" {
                  category "c"
                  points 10
                  from cases
                  measure rate(promised_days <= cap)
                  score linear { floor -> 0; 100% -> 10 }
                }
                """
        let doc = try test.run(rules, overrides: ["cap": "2"])
        #expect(doc.assessment.parameters.map { "\($0.name)=\($0.value) \($0.overridden)" } == ["cap=2 true", "floor=90% false"])
        // With cap 2 the case's 3 promised days fail: rate 0 → 0 points.
        #expect(try doc.indicator("C1", "a").measure == 0)
    }

    @Test("The data digest: unchanged by VACUUM, by copying the file and by re-inserting the same rows; changed by an UPDATE")
    func dataDigest() throws {
        let (test, doc) = try ResultsOutputTests.document()
        // The rules read cases and inspections and count no working days: those tables plus centers.
        let tables = ["cases", "centers", "inspections"]
        let digest = try test.store.dataDigest(tables: tables)
        #expect(doc.assessment.dataDigest == digest)
        #expect(digest.count == 64)

        try test.store.database.execute("VACUUM")
        #expect(try test.store.dataDigest(tables: tables) == digest)

        let copy = (test.folder as NSString).appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(atPath: test.path, toPath: copy)
        let copied = try Store.open(at: copy)
        #expect(try copied.dataDigest(tables: tables) == digest)
        #expect(try evaluate(RankingTests.rules, on: copied).json.text == doc.json.text)

        // Delete every inspection and insert the same rows back in reverse order.
        try test.store.database.execute(
            """
            CREATE TEMP TABLE saved AS SELECT * FROM inspections;
            DELETE FROM inspections;
            INSERT INTO inspections SELECT * FROM saved ORDER BY id DESC;
            """)
        #expect(try test.store.dataDigest(tables: tables) == digest)

        // A table the rules do not read is not part of the run's digest.
        try test.addComplaint(4, received: at("2024-03-01"), due: nil, closed: nil)
        #expect(try test.run(RankingTests.rules).assessment.dataDigest == digest)

        try test.store.database.execute("UPDATE cases SET promised_days = promised_days + 1 WHERE center_id = 4")
        let changed = try test.store.dataDigest(tables: tables)
        #expect(changed != digest)
        #expect(try test.run(RankingTests.rules).assessment.dataDigest == changed)
    }

    @Test("A run that counts working days also digests the calendar")
    func calendarDigest() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19"), promised: 3)
        let doc = try test.run(WorkdayAndPeriodTests.longest)
        #expect(doc.assessment.dataDigest == (try test.store.dataDigest(tables: ["calendar", "cases", "centers"])))
        try test.store.database.execute("UPDATE calendar SET is_workday = 1 WHERE day = '2024-02-12'")
        #expect(try test.run(WorkdayAndPeriodTests.longest).assessment.dataDigest != doc.assessment.dataDigest)
    }

    @Test("The HTML report escapes every data string: a center named <script> cannot inject markup")
    func htmlEscaping() throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "A&B", name: "<script>alert(\"x\")</script>")
        try test.addCase(1, accepted: at("2024-03-01"), promised: 90_000)
        let doc = try test.run(RankingTests.rules.replacingOccurrences(of: "\"基础分\"", with: "\"<b>基础</b>分\""))
        let html = try HTMLReport(results: doc).render()
        // The page's one script is its own (sorting and filtering); the name is text.
        #expect(html.components(separatedBy: "<script>").count == 2)
        #expect(!html.contains("<script>alert") && !html.contains("<b>基础"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;基础&lt;/b&gt;分"))
        // The published total is the same two-decimal rounding the grade was judged on: 90.00, 优秀.
        #expect(html.contains("<td><b>90.00</b></td>"))
        #expect(html.contains(">优秀<"))
    }
}
