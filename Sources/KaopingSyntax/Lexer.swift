/// Turns a source file into tokens and comments, reporting bad characters without stopping.
///
/// It reads the UTF-8 bytes with an index and hands out one token at a time (`next()`) to the parser;
/// `lex` collects them all, with the comments, for the formatter and the tests.
public struct Lexer {
    let source: SourceFile
    let bytes: [UInt8]
    var offset = 0
    private(set) var comments: [Comment] = []
    /// Whether comments are kept in `comments` (for the formatter and `lex`) or only checked (for the parser).
    var keepsComments = true
    var diagnostics: [Diagnostic] = []
    private var lineHasCode = false
    /// Whether a line break was passed since the last token: the next token then starts a line (and so
    /// does the first token of the file).
    private var passedLineBreak = true
    /// The diagnostics after which the lexer stops reading (the parser's limit, K0112), and where it stopped.
    var diagnosticLimit = Int.max
    private(set) var stoppedAt: Int?

    /// Lexes a whole file.
    public static func lex(_ source: SourceFile) -> (tokens: [Token], comments: [Comment], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        repeat {
            tokens.append(lexer.next())
        } while tokens[tokens.count - 1].kind != .end
        return (tokens, lexer.comments, lexer.diagnostics)
    }

    /// A lexer of `source`, from its start (after a byte-order mark, if it has one).
    init(_ source: SourceFile) {
        self.source = source
        bytes = source.bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    /// The next token, marked if it is the first on its line; at the end of the file, the `.end` token (again
    /// and again).
    mutating func next() -> Token {
        while offset < bytes.count {
            if diagnostics.count >= diagnosticLimit {
                // A run of bad characters gives no token for the parser to stop at: the lexer stops itself.
                stoppedAt = offset
                offset = bytes.count
                break
            }
            var token: Token
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
                continue
            case UInt8(ascii: "\n"):
                offset += 1
                lineHasCode = false
                passedLineBreak = true
                continue
            case UInt8(ascii: "#"):
                lexComment()
                continue
            case UInt8(ascii: "\""):
                token = lexString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                token = lexNumber()
            case _ where isIdentifierStart(byte):
                token = lexIdentifier()
            case 0x80...:
                // Something skipped (a bad byte, full-width space) moves on as surely as a token.
                guard let lexed = lexNonASCII() else { continue }
                token = lexed
            default:
                guard let lexed = lexSymbol() else { continue }
                token = lexed
            }
            if token.kind == .symbol, offset < bytes.count, bytes[offset] >= 0x80 { token = joiningFullWidth(token) }
            lineHasCode = true
            token.startsLine = passedLineBreak
            passedLineBreak = false
            return token
        }
        var end = Token(kind: .end, text: "", range: .at(bytes.count))
        end.startsLine = passedLineBreak
        passedLineBreak = false
        return end
    }

    /// A token whose text is the source's bytes from `start` to the current offset.
    func token(_ kind: Token.Kind, from start: Int) -> Token {
        Token(kind: kind, text: String(decoding: bytes[start..<offset], as: UTF8.self), range: SourceRange(start, offset))
    }

    /// A comment, to the end of its line.
    ///
    /// A comment that is not valid UTF-8 is reported at its first bad byte and keeps only the text before it:
    /// such a file is never formatted (the formatter refuses it).
    private mutating func lexComment() {
        let start = offset
        offset = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        var end = offset
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var text = String(validating: bytes[start..<end], as: UTF8.self)
        if text == nil {
            let bad = Formatter.firstInvalidUTF8(bytes[start...]) ?? start
            reportInvalidUTF8(at: bad)
            text = String(decoding: bytes[start..<bad], as: UTF8.self)
        }
        if keepsComments { comments.append(Comment(text: text ?? "", range: SourceRange(start, end), trailing: lineHasCode)) }
    }

    func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A name: letters (Chinese or others), digits and `_`, as long as they go on.
    mutating func lexIdentifier() -> Token {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                guard isIdentifierStart(byte) || isDigit(byte) else { break }
                offset += 1
            } else {
                guard let (scalar, length) = scalar(at: offset), isIdentifierScalar(scalar) else { break }
                offset += length
            }
        }
        return token(.identifier, from: start)
    }

    private mutating func lexNumber() -> Token {
        let start = offset
        // A date: four digits, '-', two digits, '-', two digits.
        if (0..<4).allSatisfy({ isDigit(peek($0)) }), peek(4) == UInt8(ascii: "-"), isDigit(peek(5)), isDigit(peek(6)),
            peek(7) == UInt8(ascii: "-"), isDigit(peek(8)), isDigit(peek(9)), !isDigit(peek(10))
        {
            offset += 10
            // A time of day may follow: 2024-02-08T10:30 or 2024-02-08T10:30:15 (China time).
            if peek() == UInt8(ascii: "T"), isDigit(peek(1)), isDigit(peek(2)), peek(3) == UInt8(ascii: ":"), isDigit(peek(4)),
                isDigit(peek(5))
            {
                offset += 6
                if peek() == UInt8(ascii: ":"), isDigit(peek(1)), isDigit(peek(2)) { offset += 3 }
            }
            return token(.date, from: start)
        }
        while isDigit(peek()) { offset += 1 }
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            offset += 1
            while isDigit(peek()) { offset += 1 }
        }
        if continuesFullWidth() {
            // `1０`: the number is read whole, as one typed full-width.
            offset = start
            return lexFullWidthNumber()
        }
        if peek() == UInt8(ascii: "%") {
            offset += 1
            return token(.percent, from: start)
        }
        if offset + 2 < bytes.count, bytes[offset] == 0xEF, let (scalar, length) = scalar(at: offset), scalar == "％" {
            let digits = source.text(SourceRange(start, offset))
            offset += length
            diagnostics.append(
                Diagnostic(
                    "K0002", .error, file: source.name, range: SourceRange(offset - length, offset),
                    zh: "全角标点“％”不能用在规则中", en: "full-width punctuation `％` cannot be used in rules",
                    hint: "改用半角“%”", hintEn: "use the ASCII `%` instead", fixIt: FixIt(SourceRange(offset - length, offset), "%")))
            return Token(kind: .percent, text: digits + "%", range: SourceRange(start, offset))
        }
        return token(.number, from: start)
    }

    private mutating func lexSymbol() -> Token? {
        let start = offset
        if let symbol = Lexer.symbol(bytes[offset], peek(1)) {
            offset += symbol.utf8.count
            return Token(kind: .symbol, text: symbol, range: SourceRange(start, offset))
        }
        let one = String(Unicode.Scalar(bytes[offset]))
        offset += 1
        let quote = one == "'"
        diagnostics.append(
            Diagnostic(
                "K0003", .error, file: source.name, range: SourceRange(start, offset),
                zh: "无法识别的字符“\(one)”", en: "unexpected character `\(one)`",
                hint: quote ? "字符串请用英文双引号，例如 \"finished\"" : "删除该字符",
                hintEn: quote ? "strings use double quotes, for example \"finished\"" : "remove it"))
        return nil
    }

    /// The symbol that starts with `first` (then `second`): a two-character operator
    /// `.. -> == != <= >= ~=` or one of `{}()[],;:.<>+-*/=|`; `nil` if `first` starts none.
    static func symbol(_ first: UInt8, _ second: UInt8?) -> String? {
        switch (first, second) {
        case (UInt8(ascii: "."), UInt8(ascii: ".")): return ".."
        case (UInt8(ascii: "-"), UInt8(ascii: ">")): return "->"
        case (UInt8(ascii: "="), UInt8(ascii: "=")): return "=="
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): return "!="
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): return "<="
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): return ">="
        case (UInt8(ascii: "~"), UInt8(ascii: "=")): return "~="
        default: break
        }
        let singles = "{}()[],;:.<>+-*/=|"
        guard first < 0x80, singles.utf8.contains(first) else { return nil }
        return String(Unicode.Scalar(first))
    }
}
