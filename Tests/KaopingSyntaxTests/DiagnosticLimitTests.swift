import Foundation
import Testing

@testable import KaopingSyntax

/// A file past the diagnostic limit stops with one K0112 note where reading stopped; the lexer stops itself
/// when bad characters give the parser no token to stop at.
@Suite("The diagnostic limit")
struct DiagnosticLimitTests {
    @Test("Random bytes then an indicator: the limit's diagnostics, then one K0112 note, last")
    func limitOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes += Array("\nindicator x \"X\" {\n  points 1\n}\n".utf8)
        let parsed = Parser.parse(SourceFile(name: "random.rules", bytes: bytes))
        #expect(parsed.diagnostics.filter { $0.id == "K0112" }.count == 1)
        #expect(parsed.diagnostics.last?.id == "K0112")
        #expect(parsed.diagnostics.count >= Parser.diagnosticLimit && parsed.diagnostics.count < Parser.diagnosticLimit + 10)
    }

    @Test("Bad characters that make no token: the lexer stops itself at the limit, and K0112 says where")
    func limitWithoutTokens() {
        let source = SourceFile(name: "at.rules", text: String(repeating: "@\n", count: 600))
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.count == Parser.diagnosticLimit + 1)
        #expect(parsed.diagnostics.dropLast().allSatisfy { $0.id == "K0003" })
        let note = parsed.diagnostics.last
        #expect(note?.id == "K0112")
        #expect(note?.severity == .note)
        let location = source.location(of: note?.range.start ?? 0)
        #expect("\(location.line):\(location.column)" == "500:2")
    }

    @Test("A long comment of bytes that are not UTF-8: one K0001 at its first bad byte")
    func longBadComment() {
        let bytes = Array("# 说明".utf8) + [0xFF] + [UInt8](repeating: 0xC3, count: 1_000_000) + Array("\n".utf8)
        let parsed = Parser.parse(SourceFile(name: "comment.rules", bytes: bytes))
        #expect(parsed.diagnostics.map(\.id) == ["K0001"])
        #expect(parsed.diagnostics.first?.range.start == Array("# 说明".utf8).count)
        #expect(Lexer.lex(SourceFile(name: "comment.rules", bytes: bytes)).comments.map(\.text) == ["# 说明"])
    }
}
