import Testing

@testable import KaopingSyntax

/// A name goes on through every letter and digit beyond ASCII (Chinese characters above all), and stops at
/// full-width punctuation and every other character.
@Suite("Names with Chinese characters")
struct NameLexingTests {
    @Test("Every character from U+3000 to U+A000 and of the full-width forms continues a name exactly when it is a letter")
    func ideographsAsDecoded() {
        let scalars = (0x3000...0xA000).compactMap(Unicode.Scalar.init) + (0xFE30...0xFFEF).compactMap(Unicode.Scalar.init)
        let empty = SourceFile(name: "empty.rules", text: "")
        let lexer = Lexer(empty)
        let letters = scalars.map { lexer.isIdentifierScalar($0) }
        for (scalar, letter) in zip(scalars, letters) {
            let text = "a\(scalar)b"
            let first = Lexer.lex(SourceFile(name: "name.rules", text: text)).tokens.first
            #expect(first?.kind == .identifier && first?.text == (letter ? text : "a"), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
