import Testing

@testable import KaopingSyntax

/// A source file's line starts are found a line at a time, and byte by byte once lines turn out shorter than
/// expected; both must give every line start.
@Suite("Line starts")
struct SourceFileTests {
    static let texts: [String] = [
        "", "x", "\n", "\n\n", "a\nb", "a\nb\n",
        String(repeating: "\n", count: 1000),
        String(repeating: "{\n", count: 1000) + "last line without a break",
        String(repeating: "a long line of a rule file, longer than most: 123456789\n", count: 50) + String(repeating: "}\n", count: 500),
        String(repeating: "}\r\n", count: 300) + String(repeating: "x", count: 5000) + "\n" + String(repeating: "\n", count: 300),
    ]

    @Test("Every line start, for files of long lines, short lines, and both", arguments: texts.indices)
    func lineStarts(_ index: Int) {
        let bytes = Array(Self.texts[index].utf8)
        let expected = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        #expect(SourceFile(name: "lines.rules", bytes: bytes).lineStarts == expected)
    }
}
