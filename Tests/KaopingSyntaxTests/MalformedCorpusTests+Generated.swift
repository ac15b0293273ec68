import KaopingCheck
import Testing

@testable import KaopingSyntax

/// Extremes too large to commit, built in memory: 10,000-deep nesting, 10,000 chained operators, files of
/// megabytes. Each must give its result without overflowing the stack or hanging. (Their times are measured in
/// release builds outside the tests: tests never assert timings.)
extension MalformedCorpusTests {
    static let deep = 10_000

    /// Parses `text` and runs it through the whole front end, returning the parse and the outcome.
    static func generated(_ text: String) -> (parsed: (file: RuleFile, diagnostics: [Diagnostic]), outcome: Outcome) {
        let source = SourceFile(name: "generated.rules", text: text)
        return (Parser.parse(source), run(source))
    }

    static let nextIndicator = "\nindicator b \"B\" {\n  points 1\n}\n"

    @Test("10,000 nested `(` in a measure: one K0110, and the indicator after it still parses")
    func deepParentheses() {
        let text =
            "indicator a \"A\" {\n  from cases\n  measure " + String(repeating: "(", count: Self.deep) + "count()"
            + String(repeating: ")", count: Self.deep) + "\n  points 1\n}\n" + Self.nextIndicator
        let result = Self.generated(text)
        #expect(result.parsed.diagnostics.map(\.id) == ["K0110"])
        #expect(result.parsed.file.declarations.count == 2)
        #expect(result.outcome.formatted == nil)
    }

    @Test("10,000 nested `{`: categories inside categories give one K0110; braces in a measure give one K0101")
    func deepBraces() {
        var text = "assessment \"T\" {\n"
        for level in 0..<Self.deep { text += "category \"c\(level)\" 1 {\n" }
        text += String(repeating: "}\n", count: Self.deep) + "}\n"
        text +=
            "indicator a \"A\" {\n  measure " + String(repeating: "{", count: Self.deep) + String(repeating: "}", count: Self.deep)
            + "\n  points 1\n}\n" + Self.nextIndicator
        let result = Self.generated(text)
        #expect(result.parsed.diagnostics.map(\.id) == ["K0110", "K0101"])
        #expect(result.parsed.file.declarations.count == 3)
    }

    @Test("10,000 nested `[` in a list: one K0110")
    func deepBrackets() {
        let text =
            "veto v \"V\" when kind in " + String(repeating: "[", count: Self.deep) + "\"a\"" + String(repeating: "]", count: Self.deep)
            + "\n" + Self.nextIndicator
        let result = Self.generated(text)
        #expect(result.parsed.diagnostics.map(\.id) == ["K0110"])
        #expect(result.parsed.file.declarations.count == 2)
    }

    @Test("10,000 chained unary minus: one K0110")
    func chainedMinus() {
        let result = Self.generated("param x = " + String(repeating: "-", count: Self.deep) + "1\n" + Self.nextIndicator)
        #expect(result.parsed.diagnostics.map(\.id) == ["K0110"])
        #expect(result.parsed.file.declarations.count == 2)
    }

    @Test("10,000 chained `not`: one K0110")
    func chainedNot() {
        let result = Self.generated("veto v \"V\" when " + String(repeating: "not ", count: Self.deep) + "true\n" + Self.nextIndicator)
        #expect(result.parsed.diagnostics.map(\.id) == ["K0110"])
        #expect(result.parsed.file.declarations.count == 2)
    }

    @Test("A sum of 100,000 terms and a chain of 10,000 `.`: one K0110 each, not a tree too deep to check")
    func longChains() {
        let sum = "param x = 1" + String(repeating: " + 1", count: 100_000) + "\n"
        let members =
            "indicator a \"A\" {\n  from cases where " + Array(repeating: "item", count: Self.deep).joined(separator: ".") + " == 1\n}\n"
        let result = Self.generated(sum + members + Self.nextIndicator)
        #expect(result.parsed.diagnostics.map(\.id) == ["K0110", "K0110"])
        #expect(result.parsed.file.declarations.count == 3)
    }

    @Test("A megabyte of distinct valid indicators parses and checks (one warning: the points)")
    func oneMegabyte() throws {
        var text = "assessment \"大文件\" {\n  period 2024-01-01 .. 2024-12-31\n  total 100\n  grades { 优秀 >= 90; 合格 >= 60; 不合格 }\n}\n"
        var count = 0
        while text.utf8.count < 1_000_000 {
            text += """

                indicator i\(count) "指标\(count)" {
                  points \(1 + count % 7)
                  from cases where status == "finished" and promised_days >= \(count % 30)
                  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
                  score linear { \(80 + count % 15)% -> 0; 100% -> \(1 + count % 7) }
                  when empty: not_applicable
                }

                """
            count += 1
        }
        let parsed = Parser.parse(SourceFile(name: "generated.rules", text: text))
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.file.declarations.count == count + 1)
        let checked = Checker.check(parsed.file, schema: .canonical)
        #expect(checked.diagnostics.map(\.id) == ["K0293"])
        #expect(checked.plan?.indicators.count == count)
    }

    @Test("8 MiB of random bytes, the most a rule file may have: 500 diagnostics, then the K0112 note where reading stopped")
    func randomBytesAtTheLimit() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SourceFile.maximumSize)
        while bytes.count < SourceFile.maximumSize {
            // xorshift64: the same bytes every run
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: state >> UInt64(shift))) }
        }
        let parsed = Parser.parse(SourceFile(name: "random.rules", bytes: bytes))
        #expect(parsed.diagnostics.count >= Parser.diagnosticLimit)
        #expect(parsed.diagnostics.last?.id == "K0112")
        #expect(parsed.diagnostics.filter { $0.id == "K0112" }.count == 1)
    }
}
