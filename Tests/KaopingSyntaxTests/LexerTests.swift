import KaopingSyntax
import Testing

@Suite("Lexer: tokens, full-width punctuation and bad characters")
struct LexerTests {
    @Test(
        "Full-width punctuation: K0002 over its 3 bytes, with a hint naming the ASCII, and lexed as that ASCII",
        arguments: [
            ("（", "("), ("）", ")"), ("，", ","), ("；", ";"), ("：", ":"), ("＝", "="), ("＞", ">"), ("＜", "<"),
            ("【", "["), ("】", "]"), ("｛", "{"), ("｝", "}"), ("＋", "+"), ("－", "-"), ("＊", "*"), ("／", "/"),
            ("。", "."), ("、", ","),
        ])
    func fullWidth(character: String, ascii: String) {
        let lexed = Lexer.lex(SourceFile(name: "t", text: "x" + character + "y"))
        #expect(lexed.tokens.map(\.text) == ["x", ascii, "y", ""])
        #expect(lexed.tokens.map(\.kind) == [.identifier, .symbol, .identifier, .end])
        #expect(lexed.diagnostics.map(\.id) == ["K0002"])
        #expect(lexed.diagnostics.first?.range == SourceRange(1, 4))
        #expect(lexed.diagnostics.first?.hint == "改用半角“\(ascii)”（切换到英文输入法）")
    }

    @Test("Full-width quotes around a string: K0002 at each quote, and the string's value between them")
    func fullWidthQuotes() {
        // “ is bytes 0..<3, 按时 bytes 3..<9, ” bytes 9..<12.
        let lexed = Lexer.lex(SourceFile(name: "t", text: "“按时”"))
        #expect(lexed.tokens.map(\.kind) == [.string, .end])
        #expect(lexed.tokens.first?.text == "按时")
        #expect(lexed.diagnostics.map(\.id) == ["K0002", "K0002"])
        #expect(lexed.diagnostics.map(\.range) == [SourceRange(0, 3), SourceRange(9, 12)])
    }

    @Test("A full-width ％ after a number: K0002 over the ％ and a percent token 90%")
    func fullWidthPercent() {
        let lexed = Lexer.lex(SourceFile(name: "t", text: "90％ "))
        #expect(lexed.tokens.map(\.kind) == [.percent, .end])
        #expect(lexed.tokens.first?.text == "90%")
        #expect(lexed.diagnostics.map(\.id) == ["K0002"])
        #expect(lexed.diagnostics.first?.range == SourceRange(2, 5))
    }

    @Test(
        "Full-width digits: one K0002 over the whole number, with a hint naming its ASCII form, and lexed as that",
        arguments: [
            ("１０", Token.Kind.number, "10"), ("９０％", .percent, "90%"), ("１２．５", .number, "12.5"), ("9０", .number, "90"),
            ("99．５%", .percent, "99.5%"),
        ])
    func fullWidthDigits(typed: String, kind: Token.Kind, ascii: String) {
        let lexed = Lexer.lex(SourceFile(name: "t", text: "x " + typed + " y"))
        #expect(lexed.tokens.map(\.text) == ["x", ascii, "y", ""])
        #expect(lexed.tokens.map(\.kind) == [.identifier, kind, .identifier, .end])
        #expect(lexed.diagnostics.map(\.id) == ["K0002"])
        #expect(lexed.diagnostics.first?.range == SourceRange(2, 2 + typed.utf8.count))
        #expect(lexed.diagnostics.first?.message == "全角数字“\(typed)”不能用在规则中")
        #expect(lexed.diagnostics.first?.hint == "改用半角“\(ascii)”（切换到英文输入法）")
    }

    @Test("A full-width digit inside a name is part of the name")
    func fullWidthDigitInName() {
        let lexed = Lexer.lex(SourceFile(name: "t", text: "指标１ a１"))
        #expect(lexed.tokens.map(\.text) == ["指标１", "a１", ""])
        #expect(lexed.diagnostics.isEmpty)
    }

    @Test("Values typed outside a rule file are read in their ASCII form")
    func asciiForm() {
        #expect(Lexer.asciiForm(of: "９０％") == "90%")
        #expect(Lexer.asciiForm(of: "－１２．５") == "-12.5")
        #expect(Lexer.asciiForm(of: "“南京”") == "\"南京\"")
        #expect(Lexer.asciiForm(of: "按时 15") == "按时 15")
    }

    @Test("An unterminated string: K0004 from the quote to the end of the line; the next line lexes normally")
    func unterminatedString() {
        let lexed = Lexer.lex(SourceFile(name: "t", text: "\"abc\nx"))
        #expect(lexed.diagnostics.map(\.id) == ["K0004"])
        #expect(lexed.diagnostics.first?.range == SourceRange(0, 4))
        #expect(lexed.tokens.map(\.text) == ["abc", "x", ""])
    }

    @Test("String escapes decode; an unknown escape is K0005 over its two characters")
    func escapes() {
        let good = Lexer.lex(SourceFile(name: "t", text: #""a\"b\\c\nd\te""#))
        #expect(good.diagnostics == [])
        #expect(good.tokens.first?.text == "a\"b\\c\nd\te")
        let bad = Lexer.lex(SourceFile(name: "t", text: #""a\qb""#))
        #expect(bad.diagnostics.map(\.id) == ["K0005"])
        #expect(bad.diagnostics.first?.range == SourceRange(2, 4))
    }

    @Test("An unexpected ASCII character is K0003 and skipped")
    func unexpectedCharacter() {
        let lexed = Lexer.lex(SourceFile(name: "t", text: "a $ b"))
        #expect(lexed.diagnostics.map(\.id) == ["K0003"])
        #expect(lexed.diagnostics.first?.range == SourceRange(2, 3))
        #expect(lexed.tokens.map(\.text) == ["a", "b", ""])
    }

    @Test("Bytes that are not UTF-8 are one K0001 over the bad run, and lexing goes on")
    func invalidUTF8() {
        let lexed = Lexer.lex(SourceFile(name: "t", bytes: [0x61, 0x20, 0xFF, 0xFE, 0x20, 0x62]))
        #expect(lexed.diagnostics.map(\.id) == ["K0001"])
        #expect(lexed.diagnostics.first?.range == SourceRange(2, 4))
        #expect(lexed.tokens.map(\.text) == ["a", "b", ""])
    }

    @Test(
        "Numbers, percents, dates, ranges, two-character symbols and Chinese identifiers",
        arguments: [
            ("12.5", [Token.Kind.number], ["12.5"]),
            ("90%", [.percent], ["90%"]),
            ("2024-02-08", [.date], ["2024-02-08"]),
            ("2024-01-01 .. 2024-12-31", [.date, .symbol, .date], ["2024-01-01", "..", "2024-12-31"]),
            ("3..5", [.number, .symbol, .number], ["3", "..", "5"]),
            ("a<=b", [.identifier, .symbol, .identifier], ["a", "<=", "b"]),
            ("x -> 0", [.identifier, .symbol, .number], ["x", "->", "0"]),
            ("按时办结率_2 != 1", [.identifier, .symbol, .number], ["按时办结率_2", "!=", "1"]),
        ])
    func tokens(text: String, kinds: [Token.Kind], texts: [String]) {
        let lexed = Lexer.lex(SourceFile(name: "t", text: text))
        #expect(lexed.diagnostics == [])
        #expect(lexed.tokens.map(\.kind) == kinds + [.end])
        #expect(lexed.tokens.map(\.text) == texts + [""])
    }
}
