import Testing

@testable import KaopingSyntax

/// The lexer tells the Chinese characters of names (U+4E00–U+9FFF) by their bytes, without decoding them
/// (`isCommonIdeograph`); every other non-ASCII character is decoded and asked whether it is a letter.
@Suite("Names with Chinese characters")
struct NameLexingTests {
    @Test("Every character from U+3000 to U+A000 and of the full-width forms continues a name exactly when it is a letter")
    func ideographsAsDecoded() {
        let scalars = (0x3000...0xA000).compactMap(Unicode.Scalar.init) + (0xFE30...0xFFEF).compactMap(Unicode.Scalar.init)
        let empty = SourceFile(name: "empty.rules", text: "")
        let letters = empty.bytes.withUnsafeBufferPointer { bytes in
            let lexer = Lexer(empty, bytes: bytes)
            return scalars.map { lexer.isIdentifierScalar($0) }
        }
        for (scalar, letter) in zip(scalars, letters) {
            let text = "a\(scalar)b"
            let first = Lexer.lex(SourceFile(name: "name.rules", text: text)).tokens.first
            #expect(first?.kind == .identifier && first?.text == (letter ? text : "a"), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
