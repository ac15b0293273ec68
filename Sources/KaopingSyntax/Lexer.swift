/// Turns a source file into tokens and comments, reporting bad characters without stopping.
///
/// It reads the UTF-8 bytes with an index and hands out one token at a time (`next()`), so the parser
/// never holds the tokens of a whole file, and a token's text is made only when asked for (`text(of:)`);
/// `lex` collects them all, with their texts, for the formatter and the tests.
///
/// It reads the bytes through a pointer, valid only inside `source.bytes.withUnsafeBufferPointer`: a lexer
/// (and the parser that holds it) lives inside that call and never outlives it.
public struct Lexer {
    let source: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    private(set) var comments: [Comment] = []
    /// Whether comments are kept in `comments` (for the formatter and `lex`) or only checked (for the parser).
    var keepsComments = true
    var diagnostics: [Diagnostic] = []
    private var lineHasCode = false
    /// Whether a line break was passed since the last token: the next token then starts a line (and so
    /// does the first token of the file).
    private var passedLineBreak = true
    /// The texts of tokens that are not the source's bytes: strings with escapes, full-width punctuation
    /// read as ASCII (see `LexedToken.Text.made`).
    var madeTexts: [String] = []
    /// The diagnostics after which the lexer stops reading (the parser's limit, K0112), and where it stopped.
    var diagnosticLimit = Int.max
    private(set) var stoppedAt: Int?

    /// Full-width punctuation typed on Chinese keyboards, and the ASCII the language expects.
    static let fullWidth: [String: String] = [
        "（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "“": "\"", "”": "\"", "＝": "=", "＞": ">", "＜": "<",
        "【": "[", "】": "]", "｛": "{", "｝": "}", "！": "!", "．": ".", "＋": "+", "－": "-", "＊": "*", "／": "/", "％": "%",
        "。": ".", "、": ",", "‘": "\"", "’": "\"",
    ]

    /// Lexes a whole file.
    public static func lex(_ source: SourceFile) -> (tokens: [Token], comments: [Comment], diagnostics: [Diagnostic]) {
        source.bytes.withUnsafeBufferPointer { bytes in
            var lexer = Lexer(source, bytes: bytes)
            var tokens: [Token] = []
            repeat {
                let token = lexer.next()
                tokens.append(Token(kind: token.kind, text: lexer.text(of: token), range: token.range))
            } while tokens[tokens.count - 1].kind != .end
            return (tokens, lexer.comments, lexer.diagnostics)
        }
    }

    /// The texts of the names made last, by their spellings: a file names the same columns, tables and
    /// functions over and over, and each is made once (see `text(of:)`).
    private var names = NameTexts()

    /// The text of a token (for a string, its decoded value).
    mutating func text(of token: LexedToken) -> String {
        guard let spelling = token.wholeIdentifier else { return madeText(of: token) }
        if let text = names.text(of: spelling) { return text }
        let text = madeText(of: token)
        names.keep(text, spelledAs: spelling)
        return text
    }

    /// The text of a token, made from its bytes.
    func madeText(of token: LexedToken) -> String {
        let range = token.range
        switch token.text {
        case LexedToken.inRange:
            if token.kind == .symbol,
                let symbol = Lexer.symbol(bytes[range.start], range.end - range.start == 2 ? bytes[range.start + 1] : nil)
            {
                return symbol
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
        case LexedToken.inQuotes:
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(range.start + 1)..<(range.end - 1)]), as: UTF8.self)
        default:
            return madeTexts[Int(token.text)]
        }
    }

    /// Calls `body` with the bytes of a token's text.
    func withTextBytes<Result>(of token: LexedToken, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = token.range
        switch token.text {
        case LexedToken.inRange: return body(UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]))
        case LexedToken.inQuotes: return body(UnsafeBufferPointer(rebasing: bytes[(range.start + 1)..<(range.end - 1)]))
        default:
            var text = madeTexts[Int(token.text)]
            return text.withUTF8(body)
        }
    }

    /// A lexer of `bytes`, the bytes of `source`, from `offset`, which is 0 or the start of a line.
    init(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0) {
        self.source = source
        self.bytes = bytes
        self.offset = offset
        if offset == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self.offset = 3 }
    }

    func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    /// The next token, marked if it is the first on its line; at the end of the file, the `.end` token (again
    /// and again).
    mutating func next() -> LexedToken {
        while offset < bytes.count {
            if diagnostics.count >= diagnosticLimit {
                // A run of bad characters gives no token for the parser to stop at: the lexer stops itself.
                stoppedAt = offset
                offset = bytes.count
                break
            }
            var token: LexedToken
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                // Indentation comes in runs: they are skipped in a loop of their own.
                offset += 1
                while offset < bytes.count, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
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
        var end = LexedToken(kind: .end, range: .at(bytes.count), text: LexedToken.inRange)
        end.startsLine = passedLineBreak
        passedLineBreak = false
        return end
    }

    /// Goes on from `offset`, the end of a token the parser took from an earlier, identical text rather than from
    /// this lexer (see `Parser+Repeats.swift`): as though it had just read that token.
    mutating func resume(afterTokenEndingAt offset: Int) {
        (self.offset, lineHasCode, passedLineBreak) = (offset, true, false)
    }

    /// A comment, to the end of its line.
    ///
    /// A comment that is not valid UTF-8 is reported at its first bad byte and keeps only the text before it:
    /// such a file is never formatted (the formatter refuses it), and decoding a long run of bad bytes
    /// would cost more than the rest of the file.
    private mutating func lexComment() {
        let start = offset
        offset = bytes.lineBreak(from: start) ?? bytes.count
        var end = offset
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // A comment not kept need not be made into a string, unless it is not UTF-8 (to find where it stops).
        if !keepsComments, bytes.isValidUTF8(start..<end) { return }
        var text = String(validating: bytes[start..<end], as: UTF8.self)
        if text == nil {
            let bad = Formatter.firstInvalidUTF8(bytes[start...]) ?? start
            reportInvalidUTF8(at: bad)
            text = String(decoding: bytes[start..<bad], as: UTF8.self)
        }
        if keepsComments { comments.append(Comment(text: text ?? "", range: SourceRange(start, end), trailing: lineHasCode)) }
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        // `| 0x20` makes an ASCII capital lower case.
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte &- UInt8(ascii: "0") < 10
    }

    /// Decodes the scalar at `at`, or `nil` if the bytes there are not valid UTF-8.
    func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        let length = utf8Length(bytes[index])
        guard length > 1 || bytes[index] < 0x80, index + length <= bytes.count else { return nil }
        var iterator = bytes[index..<(index + length)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return nil
    }

    /// The ASCII for a full-width punctuation mark, if `scalar` is one.
    private func fullWidthASCII(_ scalar: Unicode.Scalar) -> String? {
        // Every mark is in one of these blocks; testing them first spares most Chinese text a lookup.
        guard (0x2018...0x201D).contains(scalar.value) || (0x3001...0x3011).contains(scalar.value) || scalar.value >= 0xFF01 else {
            return nil
        }
        return Lexer.fullWidth[String(scalar)]
    }

    func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return isIdentifierStart(UInt8(scalar.value)) || isDigit(UInt8(scalar.value))
        }
        if fullWidthASCII(scalar) != nil { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// A token whose text the lexer made.
    mutating func made(_ kind: Token.Kind, _ text: String, range: SourceRange) -> LexedToken {
        madeTexts.append(text)
        return LexedToken(kind: kind, range: range, made: madeTexts.count - 1, text: text)
    }

    private mutating func lexNonASCII() -> LexedToken? {
        let start = offset
        guard let (scalar, length) = scalar(at: offset) else {
            var end = offset + 1
            while end < bytes.count, bytes[end] >= 0x80, scalar(at: end) == nil { end += 1 }
            offset = end
            diagnostics.append(
                Diagnostic(
                    "K0001", .error, file: source.name, range: SourceRange(start, end),
                    zh: "文件在此处不是有效的 UTF-8 文本", en: "the file is not valid UTF-8 text here",
                    hint: "请用 UTF-8 编码保存规则文件", hintEn: "save the rule file as UTF-8"))
            return nil
        }
        if let ascii = fullWidthASCII(scalar) {
            reportFullWidth(scalar, ascii, at: start, length: length)
            if ascii == "\"" { return lexString() }
            offset += length
            return made(.symbol, ascii, range: SourceRange(start, offset))
        }
        if scalar.properties.isWhitespace {
            offset += length
            return nil
        }
        if isIdentifierScalar(scalar) {
            return lexIdentifier()
        }
        offset += length
        let character = String(scalar)
        diagnostics.append(
            Diagnostic(
                "K0003", .error, file: source.name, range: SourceRange(start, offset),
                zh: "无法识别的字符“\(character)”", en: "unexpected character `\(character)`",
                hint: "删除该字符", hintEn: "remove it"))
        return nil
    }

    private mutating func reportFullWidth(_ scalar: Unicode.Scalar, _ ascii: String, at start: Int, length: Int) {
        let character = String(scalar)
        diagnostics.append(
            Diagnostic(
                "K0002", .error, file: source.name, range: SourceRange(start, start + length),
                zh: "全角标点“\(character)”不能用在规则中", en: "full-width punctuation `\(character)` cannot be used in rules",
                hint: "改用半角“\(ascii)”（切换到英文输入法）", hintEn: "use the ASCII `\(ascii)` instead (switch the keyboard to English)"))
    }

    /// `！＝`, `＞＝`, `－＞` typed full-width become one operator, as their ASCII forms would: a full-width
    /// mark right after a symbol joins it when the two make an operator.
    private mutating func joiningFullWidth(_ token: LexedToken) -> LexedToken {
        var token = token
        while offset < bytes.count, bytes[offset] >= 0x80, let (scalar, length) = scalar(at: offset),
            let ascii = fullWidthASCII(scalar), ascii != "\"", ["!=", ">=", "<=", "==", "->"].contains(text(of: token) + ascii)
        {
            reportFullWidth(scalar, ascii, at: offset, length: length)
            offset += length
            token = made(.symbol, text(of: token) + ascii, range: SourceRange(token.range.start, offset))
        }
        return token
    }

    private mutating func lexNumber() -> LexedToken {
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
            return LexedToken(kind: .date, range: SourceRange(start, offset), text: LexedToken.inRange)
        }
        while isDigit(peek()) { offset += 1 }
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            offset += 1
            while isDigit(peek()) { offset += 1 }
        }
        if peek() == UInt8(ascii: "%") {
            offset += 1
            return LexedToken(kind: .percent, range: SourceRange(start, offset), text: LexedToken.inRange)
        }
        if offset + 2 < bytes.count, bytes[offset] == 0xEF, let (scalar, length) = scalar(at: offset), scalar == "％" {
            offset += length
            diagnostics.append(
                Diagnostic(
                    "K0002", .error, file: source.name, range: SourceRange(offset - length, offset),
                    zh: "全角标点“％”不能用在规则中", en: "full-width punctuation `％` cannot be used in rules",
                    hint: "改用半角“%”", hintEn: "use the ASCII `%` instead"))
            return made(.percent, source.text(SourceRange(start, offset - length)) + "%", range: SourceRange(start, offset))
        }
        return LexedToken(kind: .number, range: SourceRange(start, offset), text: LexedToken.inRange)
    }

    @inline(__always)
    private mutating func lexSymbol() -> LexedToken? {
        let start = offset
        let length = Lexer.symbolLength(bytes[offset], peek(1))
        if length > 0 {
            var spelling = Spelling()
            spelling.append(bytes[offset])
            if length == 2 { spelling.append(bytes[offset + 1]) }
            offset += length
            return LexedToken(kind: .symbol, range: SourceRange(start, offset), text: LexedToken.inRange, spelling: spelling)
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

    /// The length of the symbol that starts with `first` (then `second`): 2 for an operator
    /// `.. -> == != <= >=`, 1 for one of `{}()[],;:.<>+-*/=|`, 0 if `first` starts none.
    @inline(__always)
    private static func symbolLength(_ first: UInt8, _ second: UInt8?) -> Int {
        switch (first, second) {
        case (UInt8(ascii: "."), UInt8(ascii: ".")), (UInt8(ascii: "-"), UInt8(ascii: ">")), (UInt8(ascii: "="), UInt8(ascii: "=")),
            (UInt8(ascii: "!"), UInt8(ascii: "=")), (UInt8(ascii: "<"), UInt8(ascii: "=")), (UInt8(ascii: ">"), UInt8(ascii: "=")):
            return 2
        default:
            // One bit for each byte below 128 that is a symbol on its own (one test, not a test per symbol).
            guard first < 128 else { return 0 }
            return (first < 64 ? singleSymbolsLow >> first : singleSymbolsHigh >> (first - 64)) & 1 == 1 ? 1 : 0
        }
    }

    /// The bytes below 64 that are symbols on their own: `(`…`/` (40–47), `:` `;` `<` `=` `>` (58–62).
    private static let singleSymbolsLow: UInt64 = 0xFF << 40 | 0x1F << 58
    /// The bytes from 64 that are symbols on their own, less 64: `[` `]` (91, 93), `{` `|` `}` (123–125).
    private static let singleSymbolsHigh: UInt64 = 1 << 27 | 1 << 29 | 0x7 << 59

    /// The symbol that starts with `first` (then `second`): a two-character operator
    /// `.. -> == != <= >=` or one of `{}()[],;:.<>+-*/=|`; `nil` if `first` starts none.
    private static func symbol(_ first: UInt8, _ second: UInt8?) -> String? {
        switch (first, second) {
        case (UInt8(ascii: "."), UInt8(ascii: ".")): return ".."
        case (UInt8(ascii: "-"), UInt8(ascii: ">")): return "->"
        case (UInt8(ascii: "="), UInt8(ascii: "=")): return "=="
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): return "!="
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): return "<="
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): return ">="
        default: break
        }
        switch first {
        case UInt8(ascii: "{"): return "{"
        case UInt8(ascii: "}"): return "}"
        case UInt8(ascii: "("): return "("
        case UInt8(ascii: ")"): return ")"
        case UInt8(ascii: "["): return "["
        case UInt8(ascii: "]"): return "]"
        case UInt8(ascii: ","): return ","
        case UInt8(ascii: ";"): return ";"
        case UInt8(ascii: ":"): return ":"
        case UInt8(ascii: "."): return "."
        case UInt8(ascii: "<"): return "<"
        case UInt8(ascii: ">"): return ">"
        case UInt8(ascii: "+"): return "+"
        case UInt8(ascii: "-"): return "-"
        case UInt8(ascii: "*"): return "*"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "="): return "="
        case UInt8(ascii: "|"): return "|"
        default: return nil
        }
    }
}
