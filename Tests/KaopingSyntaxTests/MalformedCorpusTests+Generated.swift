import KaopingCheck
import KaopingDemo
import Testing

@testable import KaopingSyntax

/// Extremes too large to commit, built in memory: 10,000-deep nesting, 10,000 chained operators, a 50 MB
/// file. Each must give its result without overflowing the stack or hanging. (Their times are measured in
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

    @Test("A 50 MB file of valid indicators with distinct ids parses and checks (one warning: the points)")
    func fiftyMegabytes() throws {
        let (text, count) = LargeRuleFile.text(bytes: 50_000_000)
        // Parse and check only: the formatter's run over 50 MB belongs in a benchmark, and in a debug
        // build it would take minutes of every test run. Smaller files cover the formatter above.
        let source = SourceFile(name: "generated.rules", text: text)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.file.declarations.count == count + 1)
        #expect(Checker.check(parsed.file, schema: .canonical).diagnostics.map(\.id) == ["K0293"])
    }

    @Test("50 MB of random bytes: 500 diagnostics, then the K0112 note where reading stopped")
    func fiftyMegabytesOfRandomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: 50_000_000)
        bytes.withUnsafeMutableBytes { buffer in
            for index in stride(from: 0, to: buffer.count, by: 8) {
                // xorshift64: the same bytes every run
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                buffer.storeBytes(of: state, toByteOffset: index, as: UInt64.self)
            }
        }
        let parsed = Parser.parse(SourceFile(name: "random.rules", bytes: bytes))
        #expect(parsed.diagnostics.count >= Parser.diagnosticLimit)
        #expect(parsed.diagnostics.last?.id == "K0112")
        #expect(parsed.diagnostics.filter { $0.id == "K0112" }.count == 1)
    }
}
