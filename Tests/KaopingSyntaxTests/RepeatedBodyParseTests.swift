import Foundation
import KaopingDemo
import Testing

@testable import KaopingSyntax

/// An indicator body, or a statement of one, that repeats one parsed before without a diagnostic takes what that
/// one came to, moved to where it is (`Parser+Repeats.swift`); the tree and the diagnostics must be exactly those
/// of parsing it.
@Suite("Repeated indicator bodies and statements, parsed once")
struct RepeatedBodyParseTests {
    /// Parses `text` with and without remembering bodies, in one piece and in three, and expects the same.
    static func expectSameAsParsingEach(_ text: String, _ comment: Testing.Comment? = nil) {
        let source = SourceFile(name: "repeated.rules", text: text)
        for pieces in [1, 3] {
            let each = Parser.parse(source, pieces: pieces, remembersRepeats: false)
            let once = Parser.parse(source, pieces: pieces)
            #expect(once.file.declarations == each.file.declarations, comment)
            #expect(once.diagnostics == each.diagnostics, comment)
        }
    }

    static let assessment = """
        assessment "A" {
          period 2024-01-01 .. 2024-12-31
          total 100
          grades { 合格 >= 60; 不合格 }
        }

        """

    /// A body with every statement an indicator may have, and every kind of expression.
    static let everything = """
          category "一级" / "二级"
          points 5
          weight 2
          from cases where item.promised_days > 0 and status in ["finished", "closed"] and kind not in ["x"]
            and finished_at is not null and not (paused_days is null) and accepted_at >= 2024-01-01
          measure rate(workdays(accepted_at, finished_at) <= item.promised_days where -paused_days < 3 workdays)
            + count(reviews where rating <= 2) * 2 / 1.5 - case status { "finished" -> 1; else -> 0 }
            + max(case { rating >= 4 -> 1; else -> 0 })
          score bands { >= 95% -> 5; >= 80% -> 3; else -> 0 }
          minimum 10
          when empty: zero
        """

    static let scores = [
        "score linear { 90% -> 0; 100% -> 5 }", "score deduct 2 per 1 max 10", "score deduct 1 per 1% below 100% floor 1",
        "score lognormal { p10 3; median 8 }", "score 20 - measure",
    ]

    static func indicator(_ id: String, _ body: String, spacing: String = "\n") -> String {
        "\(spacing)indicator \(id) \"指标 \(id)\" {\n\(body)\n}\n"
    }

    @Test("Every statement and expression, and every score, moved to each copy's place")
    func everyStatement() {
        var text = Self.assessment
        var bodies =
            [Self.everything]
            + Self.scores.map { Self.everything.replacingOccurrences(of: "score bands { >= 95% -> 5; >= 80% -> 3; else -> 0 }", with: $0) }
        bodies.append("  points 1 # 注释 {\n  measure count() ; when empty: full")
        for copy in 0..<4 {
            for (index, body) in bodies.enumerated() {
                text += Self.indicator("i\(index)_\(copy)", body, spacing: String(repeating: "\n", count: copy + 1) + "# 第\(copy)份\n")
            }
        }
        let parsed = Parser.parse(SourceFile(name: "every.rules", text: text))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        Self.expectSameAsParsingEach(text)
    }

    @Test("Bodies with errors are parsed, and reported, at every copy; near copies are told apart")
    func errorsAndNearCopies() {
        let body = """
              points 1
              from cases where status == "finished"
              measure rate(workdays(accepted_at, finished_at) <= promised_days)
              score linear { 90% -> 0; 100% -> 1 }
            """
        var text = Self.assessment
        let variants = [
            body, body.replacingOccurrences(of: "points 1", with: "points 1 1"), body.replacingOccurrences(of: "<=", with: "<=="),
            body.replacingOccurrences(of: "\"finished\"", with: "\"finished"), body.replacingOccurrences(of: "90%", with: "9０%"),
            body.replacingOccurrences(of: "(accepted_at", with: "（accepted_at"), body + "\n  when empty not_applicable",
            body.replacingOccurrences(of: "points 1", with: "points 2"), body.replacingOccurrences(of: "1 }", with: "1 } }"),
        ]
        for copy in 0..<3 {
            for (index, variant) in variants.enumerated() { text += Self.indicator("v\(index)_\(copy)", variant) }
        }
        Self.expectSameAsParsingEach(text)
        // A copy cut short by the end of the file, and one that ends the file without a line break.
        Self.expectSameAsParsingEach(text + Self.indicator("cut", body).dropLast(4))
        Self.expectSameAsParsingEach(text + Self.indicator("last", body).dropLast())
        Self.expectSameAsParsingEach(text + "indicator full \"全角\" {\n\(body)\n}（")
    }

    @Test("The shipped rules copied into themselves, and a large generated file")
    func wholeFiles() throws {
        for path in ["Rules/jiangsu-2020.rules", "Rules/jiangsu-2021.rules", "Rules/examples/yinchuan-branch-halls.rules"] {
            let rules = try String(contentsOf: ProjectFolder.root.appendingPathComponent(path), encoding: .utf8)
            Self.expectSameAsParsingEach(rules + "\n" + rules + rules, "\(path)")
        }
        // More indicators than a window of lookups, all alike: remembering stays on.
        Self.expectSameAsParsingEach(LargeRuleFile.text(bytes: 300_000).text)
        // A window of bodies that all differ, then copies: remembering stops, and the copies are parsed.
        var text = Self.assessment
        for index in 0..<(RepeatWindow.size + 100) { text += Self.indicator("distinct\(index)", "  points \(index)\n  measure count()") }
        for index in 0..<50 { text += Self.indicator("copy\(index)", "  points 1\n  measure count()") }
        Self.expectSameAsParsingEach(text)
    }

    @Test("Every file of the malformed corpus, and each copied after itself, parses the same either way")
    func malformedCorpus() throws {
        for name in MalformedCorpusTests.files {
            let text = String(decoding: try MalformedCorpusTests.source(name).bytes, as: UTF8.self)
            Self.expectSameAsParsingEach(text, "\(name)")
            Self.expectSameAsParsingEach(text + "\n" + text, "\(name), twice")
        }
    }

    @Test("Statements that repeat in bodies that differ, and what may follow them")
    func statements() {
        let statements = [
            "  from cases where status == \"finished\" and kind == \"promised\"",
            "  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)", "  when empty: not_applicable",
            "  category \"一级\" / \"二级\"", "  minimum 5", "  weight 2", "  score linear { 90% -> 0; 100% -> 1 }",
        ]
        var text = Self.assessment
        for index in 0..<40 {
            // Each body other by its points, its statements in another order, and what follows each one.
            let turn = index % statements.count
            let body = ["  points \(index)"] + statements[turn...] + statements[..<turn]
            text += Self.indicator("s\(index)", body.joined(separator: index % 3 == 0 ? "\n\n" : "\n"))
        }
        // A statement followed by what continues it, or by what the lexer reads past: the same bytes up to there.
        let followers = [
            "\n    and kind == \"x\"", "\n  + 1", " ; measure count()", "\n  measure（count()）", "\n  ｍeasure count()",
            "\n  measure count() # 注释", "\n  measure count()\u{1}", "\n  \u{1}measure count()", "\n  measure 1..2", "\n  measure 1.5",
            "\n  measure 15 workdays",
            "\n  measure x.y", "\n  measure x not in [1]", "\n  measure -1", "\n  measure case { x -> 1; else -> 0 }",
        ]
        // (A tail after them, alike in every copy: the bytes compared past a statement reach into it.)
        let tail = "\n  minimum 5\n  weight 2\n  when empty: not_applicable\n  category \"一级\" / \"二级\""
        for (index, follower) in followers.enumerated() {
            for copy in 0..<3 {
                text += Self.indicator("f\(index)_\(copy)", "  points \(copy)\n  points 5" + follower + tail)
                text += Self.indicator("g\(index)_\(copy)", "  points \(copy)\n" + statements[0] + follower + tail)
            }
        }
        Self.expectSameAsParsingEach(text)
        // The same statements at the very end of the file, with and without what follows them.
        Self.expectSameAsParsingEach(text + "indicator last \"最后\" {\n  points 5\n  measure count()")
        Self.expectSameAsParsingEach(text + "indicator last \"最后\" {\n" + statements[0])
    }

    @Test("Remembering stops after a window of lookups that finds too few repeats")
    func remembersWhileItPays() {
        let bytes = [UInt8]((0..<600).map { UInt8(truncatingIfNeeded: $0 % 251) })
        bytes.withUnsafeBufferPointer { bytes in
            let window = RepeatWindow.size
            var distinct = RepeatedSyntax<Int>()
            for index in 0..<window {
                #expect(distinct.isOn)
                #expect(distinct.find(at: index, key: UInt64(index), in: bytes) == nil)
            }
            #expect(!distinct.isOn)
            // One lookup in `rarity` finds a text: just enough to go on, window after window.
            var sparse = RepeatedSyntax<Int>()
            sparse.remember(.init(bytes: 0..<8, tokens: 2, value: 7), key: 1)
            for index in 0..<(3 * window) {
                let repeated = index % RepeatWindow.rarity == 0
                // Offset 251 holds the bytes of offset 0.
                #expect((sparse.find(at: repeated ? 251 : 1, key: repeated ? 1 : UInt64(index + 2), in: bytes) != nil) == repeated)
            }
            #expect(sparse.isOn)
            // The bytes under a key are compared, not trusted.
            #expect(sparse.find(at: 1, key: 1, in: bytes) == nil)
        }
    }
}
