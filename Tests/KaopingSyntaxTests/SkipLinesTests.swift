import Foundation
import Testing

@testable import KaopingSyntax

/// When the parser recovers from a mistake it may skip the rest of a plain line at once instead of token by
/// token (`Parser.skipRestOfLine`); the tree, the comments and the diagnostics must be exactly those of
/// skipping token by token.
@Suite("Skipping plain lines at once")
struct SkipLinesTests {
    static func parse(_ source: SourceFile, linesAtOnce: Bool) -> (
        declarations: [Declaration], comments: [KaopingSyntax.Comment], diagnostics: [Diagnostic]
    ) {
        source.bytes.withUnsafeBufferPointer { bytes in
            var parser = Parser(source: source, bytes: bytes)
            parser.skipsLinesAtOnce = linesAtOnce
            let declarations = parser.parseFile()
            return (declarations, parser.lexer.comments, parser.lexer.diagnostics + parser.diagnostics)
        }
    }

    static func expectSame(_ source: SourceFile) {
        let atOnce = parse(source, linesAtOnce: true)
        let byToken = parse(source, linesAtOnce: false)
        #expect(atOnce.declarations == byToken.declarations, "\(source.name)")
        #expect(atOnce.comments == byToken.comments, "\(source.name)")
        #expect(atOnce.diagnostics == byToken.diagnostics, "\(source.name)")
    }

    static let header = "assessment \"A\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 合格 >= 60; 不合格 }\n}\n"

    /// Mistakes followed by lines of every kind: plain, with braces that open and close, with a string, a
    /// comment, `!`, `%`, full-width punctuation or CRLF, nested past the parser's depth, and at the end.
    static let generated: [(String, String)] = [
        (
            "braces",
            header + "garbage { { x\nindicator a \"in braces\" { points 1 }\n} }\nindicator b \"B\" {\n  points 1\n  measure count()\n}\n"
        ),
        ("unbalanced", header + "oops } } {\nindicator c \"C\" {\n  points 1\n}\n"),
        (
            "nested",
            header + "param x = " + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + " + y\nparam y = 2\n"
        ),
        ("nested-then-string", header + "param x = " + String(repeating: "(", count: 250) + " \"{\" ((\nparam y = 2\n"),
        ("nested-then-comment", header + "param x = " + String(repeating: "-", count: 250) + "1 ( # { comment\nparam y = 2\n"),
        ("bang-and-percent", header + "nonsense { a ! b 5 % c {\n}\n} x\nparam y = 2\n"),
        ("fullwidth", header + "nonsense { （ a ） {\n} }\nparam y = 2\n"),
        ("crlf", header.replacingOccurrences(of: "\n", with: "\r\n") + "junk { {\r\n} } \r\nparam y = 2\r\n"),
        ("at-the-end", header + "junk { { x y z"),
        ("blank-rest", header + "junk {    \t \n}\nparam y = 2\n"),
        ("strings", header + "junk { \"{\" \"a}b\" {\n} \"x\\\"y\" }\n}\nparam y = 2\n"),
        ("unterminated-string", header + "junk { \"abc {\nparam y = 2\n"),
        ("chinese-string", header + "junk { \"标题{\" {\n}\n}\nparam y = 2\n"),
        ("string-with-tab", header + "junk { \"a\tb\" {\n}\n}\nparam y = 2\n"),
        ("empty-strings", header + "\"\"\"\"\"\"\"\" { \"\"\nparam y = 2\n"),
        ("lines", header + "junk {\n{\n}\n  indicator x \"X\" {\n  points 1\n}\n}\nindicator b \"B\" {\n points 1\n}\n"),
        ("keyword-inside-braces", header + "junk {\nparam q = 1\n}\nparam y = 2\n"),
        ("keyword-like-names", header + "junk\nindicator2 a\nindicators\nparam中 x\nparam y = 2\n"),
        ("comment-between", header + "junk {\n}\n# note {\nparam y = 2\n"),
        ("crlf-lines", header + "junk\r\n{\r\n}\r\n\r\nparam y = 2\r\n"),
        ("indented-keyword", header + "junk\n   \tparam y = 2\n"),
        ("keyword-next-token", header + "junk\nparam y = 2\n"),
        ("short-lines", header + "junk " + String(repeating: "{\n", count: 1000) + String(repeating: "}\n", count: 1000) + "param y = 2\n"),
        ("blank-lines-at-end", header + "junk {\n\n\n"),
    ]

    @Test("The same as token by token, for the shipped rules, the malformed corpus and generated mistakes")
    func sameAsTokenByToken() throws {
        for path in ParsePiecesTests.files { Self.expectSame(try ParsePiecesTests.source(path)) }
        for (name, text) in Self.generated { Self.expectSame(SourceFile(name: "\(name).rules", text: text)) }
    }

    @Test("A line of a million brackets after a mistake is skipped at once, and its braces are counted")
    func longLine() {
        let text =
            Self.header + "x " + String(repeating: "{", count: 500_000) + String(repeating: "}", count: 500_000)
            + "\nparam y = 2\n"
        let source = SourceFile(name: "long.rules", text: text)
        Self.expectSame(source)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.map(\.id) == ["K0101"])
        #expect(parsed.file.declarations.count == 2)
    }
}
