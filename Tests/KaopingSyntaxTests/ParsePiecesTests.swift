import Foundation
import Testing

@testable import KaopingSyntax

/// A large file is parsed in pieces on several threads (`Parser+Pieces.swift`); the tree and the diagnostics
/// must be exactly those of one parser reading the whole file, wherever the pieces start.
@Suite("Parsing in pieces")
struct ParsePiecesTests {
    /// The shipped rule files and the malformed corpus.
    static let files: [String] =
        [
            "Rules/jiangsu-2020.rules", "Rules/jiangsu-2020.test.rules", "Rules/jiangsu-2021.rules",
            "Rules/examples/yinchuan-branch-halls.rules",
        ]
        + MalformedCorpusTests.files.map { "Tests/KaopingSyntaxTests/Malformed/" + $0 }

    static func source(_ path: String) throws -> SourceFile {
        SourceFile(name: path, bytes: Array(try Data(contentsOf: ProjectFolder.root.appendingPathComponent(path))))
    }

    /// Every line start where a piece may begin (a declaration keyword and a space).
    static func everyStart(_ source: SourceFile) -> [Int] {
        source.bytes.withUnsafeBufferPointer { bytes in
            [0] + source.lineStarts.dropFirst().filter { Parser.startsDeclaration(bytes, at: $0) }
        }
    }

    static func expectSame(_ pieces: (file: RuleFile, diagnostics: [Diagnostic]), _ whole: (file: RuleFile, diagnostics: [Diagnostic])) {
        #expect(pieces.file.declarations == whole.file.declarations)
        #expect(pieces.diagnostics == whole.diagnostics)
    }

    @Test("A piece at every declaration, or two to four pieces, parse as one", arguments: files)
    func sameAsOnePiece(_ path: String) throws {
        let source = try Self.source(path)
        let whole = Parser.parse(source, pieces: 1)
        Self.expectSame(Parser.parse(source, starts: Self.everyStart(source)), whole)
        for pieces in 2...4 { Self.expectSame(Parser.parse(source, pieces: pieces), whole) }
    }

    @Test("A piece that starts inside a declaration is read by the piece before it")
    func startInsideADeclaration() throws {
        let text = """
            assessment "A" {
              period 2024-01-01 .. 2024-12-31
              grades { 合格 >= 60; 不合格 }
            }
            这里 { {
            indicator a "被跳过" {
              points 1
            }
            } }
            # 注释
            indicator b "B" {
              points 1 # 行尾注释
              measure count()
            }
            """
        let source = SourceFile(name: "inside.rules", text: text)
        let starts = Self.everyStart(source)
        #expect(starts.count == 3)
        let whole = Parser.parse(source, pieces: 1)
        #expect(whole.diagnostics.map(\.id) == ["K0101"])
        #expect(whole.file.declarations.count == 2)
        Self.expectSame(Parser.parse(source, starts: starts), whole)
        Self.expectSame(Parser.parse(source, starts: [0, starts[1]]), whole)
    }

    @Test("A file past the diagnostic limit stops with one K0112 note, in pieces as in one")
    func diagnosticLimit() {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes += Array("\nindicator x \"X\" {\n  points 1\n}\n".utf8)
        let source = SourceFile(name: "random.rules", bytes: bytes)
        let whole = Parser.parse(source, pieces: 1)
        #expect(whole.diagnostics.filter { $0.id == "K0112" }.count == 1)
        #expect(whole.diagnostics.last?.id == "K0112")
        #expect(whole.diagnostics.count >= Parser.diagnosticLimit && whole.diagnostics.count < Parser.diagnosticLimit + 10)
        Self.expectSame(Parser.parse(source, pieces: 3), whole)
        Self.expectSame(Parser.parse(source, starts: Self.everyStart(source)), whole)
    }

    @Test("Bad characters that make no token: the lexer stops itself at the limit, and K0112 says where")
    func limitWithoutTokens() {
        let source = SourceFile(name: "at.rules", text: String(repeating: "@\n", count: 600))
        let parsed = Parser.parse(source, pieces: 1)
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
