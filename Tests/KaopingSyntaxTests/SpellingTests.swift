import Testing

@testable import KaopingSyntax

/// The lexer spells a name by loading its first sixteen bytes as two words (`Spelling(_:_:)`); that must give
/// the spelling built byte by byte, for every length and wherever in the file the name ends.
@Suite("Spellings of names")
struct SpellingTests {
    @Test("Loaded words equal the byte-by-byte spelling, for names of 0 to 20 bytes anywhere in the text")
    func loadedEqualsAppended() {
        let text = Array("abcdefghijklmnopqrstuvwxyz_0123456789ABCDEFGHIJ".utf8)
        text.withUnsafeBufferPointer { bytes in
            for start in text.indices {
                for length in 0...20 where start + length <= text.count {
                    let range = start..<(start + length)
                    #expect(Spelling(bytes, range) == Spelling(text[range]), "\(start) \(length)")
                }
            }
        }
    }

    @Test("A keyword at the very end of a file is still the keyword")
    func keywordAtEnd() {
        let parsed = Parser.parse(
            SourceFile(name: "end.rules", text: "assessment \"A\" {\n  period 2024-01-01 .. 2024-12-31\n}\nindicator"))
        #expect(parsed.diagnostics.map(\.id) == ["K0101"])
        #expect(parsed.diagnostics.first?.message.contains("文件结尾") == true)
    }
}
