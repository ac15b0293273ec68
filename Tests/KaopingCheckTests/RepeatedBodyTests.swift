import Foundation
import Testing

@testable import KaopingCheck
@testable import KaopingSyntax

/// An indicator whose body repeats one already checked without a diagnostic takes its plan
/// (`Checker.checkIndicatorOnce`); the plan and the diagnostics must be exactly those of checking every body.
@Suite("Repeated indicator bodies")
struct RepeatedBodyTests {
    /// Checks `text` both ways, in one piece and in three; `planned`: whether it has no error (and so a plan to
    /// compare).
    static func expectSameAsCheckingEach(_ text: String, planned: Bool) {
        let parsed = Parser.parse(SourceFile(name: "repeated.rules", text: text))
        for pieces in [1, 3] {
            let each = Checker.check([parsed.file], schema: .canonical, overrides: [:], pieces: pieces, remembersRepeats: false)
            let once = Checker.check([parsed.file], schema: .canonical, overrides: [:], pieces: pieces)
            #expect((each.plan != nil) == planned, "\(each.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.message))")
            #expect(once.plan == each.plan, "\(pieces) pieces")
            #expect(once.diagnostics == each.diagnostics, "\(pieces) pieces")
        }
    }

    static let assessment = """
        assessment "A" {
          period 2024-01-01 .. 2024-12-31
          total 100
          grades { 合格 >= 60; 不合格 }
        }
        param days = 15

        """

    static func indicator(_ id: String, _ body: String) -> String {
        "indicator \(id) \"指标 \(id)\" {\n\(body)\n}\n"
    }

    static let body = """
          points 1
          from cases where status == "finished" and kind == "promised"
          measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
          score linear { 90% -> 0; 100% -> 1 }
          when empty: not_applicable
        """

    @Test("The shipped rules; copies of their indicators under other ids; three copies of the whole file")
    func shipped() throws {
        let rules = try String(contentsOf: ProjectFolder.root.appendingPathComponent("Rules/jiangsu-2020.rules"), encoding: .utf8)
        Self.expectSameAsCheckingEach(rules, planned: true)
        // Each indicator again under a new id: repeated bodies, and a plan to compare.
        let indicators = rules.components(separatedBy: "\nindicator ").dropFirst().map { chunk in
            // The indicator only, not what follows it.
            "indicator " + chunk.components(separatedBy: "\n}\n")[0] + "\n}\n"
        }
        #expect(indicators.count > 10)
        let copies = indicators.map {
            $0.replacingOccurrences(of: #"^indicator (\w+)"#, with: "indicator $1_copy", options: .regularExpression)
        }
        Self.expectSameAsCheckingEach(rules + "\n" + copies.joined(separator: "\n"), planned: true)
        Self.expectSameAsCheckingEach(rules + "\n" + rules + "\n" + rules, planned: false)
    }

    @Test("Copies of one body, written with other spacing, and bodies that differ in one part")
    func copiesAndNearCopies() {
        var text = Self.assessment
        for index in 0..<20 { text += Self.indicator("same\(index)", Self.body) }
        text += Self.indicator("spaced", Self.body.replacingOccurrences(of: " == ", with: "   ==   "))
        let changes = [
            ("points 1", "points 2"), ("points 1", "points 1.0"), ("90% -> 0", "-0.0 -> 0"), ("90% -> 0", "0.0 -> 0"),
            ("\"finished\"", "\"finished \""), ("\"promised\"", "\"caf\u{E9}\""), ("\"promised\"", "\"cafe\u{301}\""),
            ("paused_days", "promised_days"), ("<=", "<"), ("not_applicable", "zero"), ("not_applicable", "full"),
            ("linear { 90% -> 0; 100% -> 1 }", "bands { >= 90% -> 1; else -> 0 }"), ("100% -> 1", "100% -> 1.5"),
            ("linear { 90% -> 0; 100% -> 1 }", "measure * 2"), ("- paused_days", "- days"), ("and kind", "or kind"),
        ]
        for (index, (old, new)) in changes.enumerated() {
            text += Self.indicator("changed\(index)", Self.body.replacingOccurrences(of: old, with: new))
            text += Self.indicator("again\(index)", Self.body.replacingOccurrences(of: old, with: new))
        }
        Self.expectSameAsCheckingEach(text, planned: true)
        // The same filter and measure over other tables.
        var tables = Self.assessment
        for table in ["cases", "reviews", "cases", "inspections", "reviews"] {
            tables += Self.indicator(
                "\(table)\(tables.count)", "  points 1\n  from \(table) where center_id > 0\n  measure count()\n  score measure")
        }
        Self.expectSameAsCheckingEach(tables, planned: true)
        // With errors elsewhere (no plan), the diagnostics alike.
        Self.expectSameAsCheckingEach(text + Self.indicator("wrong", "  points 1\n  from reviews\n  measure avg(status)"), planned: false)
    }

    @Test("A condition counted over other populations, and the same condition over other tables")
    func repeatedConditions() {
        var text = Self.assessment
        for index in 0..<6 {
            text += Self.indicator(
                "kind\(index)",
                Self.body.replacingOccurrences(of: "\"promised\"", with: "\"promised_\(index)\"")
                    .replacingOccurrences(of: "points 1", with: "points \(index + 1)"))
        }
        // The same texts over tables whose columns take other slots: `center_id` comes after the columns the
        // indicators above read from `cases`, first among those read from `reviews`.
        for (index, table) in ["cases", "reviews", "cases", "reviews"].enumerated() {
            text += Self.indicator(
                "table\(index)",
                """
                  points 1
                  from \(table) where center_id > \(index)
                  measure rate(center_id > 1) + count(where center_id > 1) + count(\(table) where center_id > 1)
                  score measure
                """)
        }
        Self.expectSameAsCheckingEach(text, planned: true)
        // A condition that holds on one table and is an error on another: reported where it is wrong.
        for (index, table) in ["reviews", "cases", "reviews", "cases"].enumerated() {
            text += Self.indicator(
                "rating\(index)", "  points 1\n  from \(table) where rating <= 2\n  measure rate(rating <= 1)\n  score measure")
        }
        Self.expectSameAsCheckingEach(text, planned: false)
    }

    @Test("A repeated body with a warning or an error is reported at every copy")
    func diagnosticsAtEveryCopy() {
        var text = Self.assessment
        let warned = Self.body.replacingOccurrences(of: "  when empty: not_applicable", with: "")
        let wrong = Self.body.replacingOccurrences(of: "paused_days", with: "pasued_days")
        for index in 0..<5 {
            text += Self.indicator("plain\(index)", Self.body)
            text += Self.indicator("warned\(index)", warned)
            text += Self.indicator("wrong\(index)", wrong)
        }
        Self.expectSameAsCheckingEach(text, planned: false)
        let checked = Checker.check(Parser.parse(SourceFile(name: "repeated.rules", text: text)).file, schema: .canonical)
        #expect(checked.diagnostics.filter { $0.id == "K0296" }.count == 5)
        #expect(checked.diagnostics.filter { $0.id == "K0230" }.count == 5)
    }

    @Test("Bodies are the same when only ids, titles and positions differ; any other byte tells them apart")
    func sameBodies() {
        let texts = [
            ("a", Self.indicator("a", Self.body)), ("moved", "\n\n# 说明\n" + Self.indicator("b_2", Self.body)),
            ("spaced", Self.indicator("a", Self.body.replacingOccurrences(of: " == ", with: "  ==  "))),
            ("other", Self.indicator("a", Self.body.replacingOccurrences(of: "90%", with: "91%"))),
        ]
        let files = texts.map { Parser.parse(SourceFile(name: "\($0.0).rules", text: $0.1)).file }
        let bodies = files.map { file -> [Range<Int>?] in
            guard case .indicator(let indicator)? = file.declarations.first else { return [] }
            return [Checker.bodyRange(of: indicator)]
        }
        let fingerprints = files.indices.map { RepeatedTexts<Int>.fingerprint(of: bodies[$0], in: files[$0].source) }
        let (a, moved, spaced, other) = (0, 1, 2, 3)
        #expect(bodies[a].first??.count == Self.body.utf8.count + 5)  // " {\n", the body, "\n}"
        #expect(fingerprints[a] == fingerprints[moved])
        #expect(fingerprints[a] != fingerprints[spaced])
        #expect(fingerprints[a] != fingerprints[other])
        var repeated = RepeatedTexts<String>()
        repeated.remember("a", for: bodies[a], inFile: a, fingerprint: fingerprints[a])
        #expect(repeated.value(for: bodies[moved], inFile: moved, fingerprint: fingerprints[moved], files: files) == "a")
        // Other bytes under the same fingerprint (as two texts may have): not the same.
        #expect(repeated.value(for: bodies[other], inFile: other, fingerprint: fingerprints[a], files: files) == nil)
        #expect(repeated.value(for: bodies[spaced], inFile: spaced, fingerprint: fingerprints[spaced], files: files) == nil)
    }

    @Test("Remembering stops after a window of lookups that finds too few repeats, and keeps on where texts repeat")
    func remembersWhileItPays() {
        let file = Parser.parse(SourceFile(name: "texts.rules", text: String(repeating: "ab", count: 8))).file
        let window = RepeatWindow.size
        // Distinct texts (by fingerprint and by bytes): no window finds a repeat, and the first one ends it all.
        var distinct = RepeatedTexts<Int>()
        for index in 0..<window {
            #expect(distinct.isOn)
            let parts: [Range<Int>?] = [0..<(index % 16)]
            #expect(distinct.value(for: parts, inFile: 0, fingerprint: UInt64(index), files: [file]) == nil)
            distinct.remember(index, for: parts, inFile: 0, fingerprint: UInt64(index))
        }
        #expect(!distinct.isOn)
        // One text in `rarity` a repeat of the first: just enough to go on, window after window.
        var sparse = RepeatedTexts<Int>()
        let parts: [Range<Int>?] = [0..<2]
        sparse.remember(-1, for: parts, inFile: 0, fingerprint: 1)
        for index in 0..<(3 * window) {
            let repeated = index % RepeatWindow.rarity == 0
            #expect(
                sparse.value(for: parts, inFile: 0, fingerprint: repeated ? 1 : UInt64(index + 2), files: [file]) == (repeated ? -1 : nil))
        }
        #expect(sparse.isOn)
    }

    @Test("A file whose first indicators all differ, then repeat: the same plan and diagnostics as checking each")
    func distinctThenRepeated() {
        var text = Self.assessment
        let count = RepeatWindow.size + 100
        for index in 0..<count {
            text += Self.indicator(
                "distinct\(index)",
                Self.body.replacingOccurrences(of: "\"promised\"", with: "\"promised_\(index)\"")
                    .replacingOccurrences(of: "points 1", with: "points \(index + 1)"))
        }
        for index in 0..<50 { text += Self.indicator("copy\(index)", Self.body) }
        Self.expectSameAsCheckingEach(text, planned: true)
    }
}
