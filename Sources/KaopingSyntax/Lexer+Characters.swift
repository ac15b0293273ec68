/// Characters beyond ASCII: names in Chinese, full-width punctuation typed on a Chinese keyboard, and bytes
/// that are not UTF-8.
extension Lexer {
    /// Full-width punctuation typed on Chinese keyboards, and the ASCII the language expects.
    static let fullWidth: [String: String] = [
        "（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "“": "\"", "”": "\"", "＝": "=", "＞": ">", "＜": "<",
        "【": "[", "】": "]", "｛": "{", "｝": "}", "！": "!", "．": ".", "＋": "+", "－": "-", "＊": "*", "／": "/", "％": "%",
        "。": ".", "、": ",", "‘": "\"", "’": "\"",
    ]

    /// `text` with the full-width digits and punctuation of a Chinese keyboard as the ASCII they stand for
    /// (`９０％` is `90%`): for values typed outside a rule file, such as `--param`.
    public static func asciiForm(of text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let digit = fullWidthDigit(scalar) {
                result.unicodeScalars.append(Unicode.Scalar(digit))
            } else if let ascii = fullWidth[String(scalar)] {
                result += ascii
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Decodes the scalar at `index`, or `nil` if the bytes there are not valid UTF-8.
    func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        let length = utf8Length(bytes[index])
        guard length > 1 || bytes[index] < 0x80, index + length <= bytes.count else { return nil }
        var iterator = bytes[index..<(index + length)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return nil
    }

    /// The ASCII for a full-width punctuation mark, if `scalar` is one.
    func fullWidthASCII(_ scalar: Unicode.Scalar) -> String? {
        Lexer.fullWidth[String(scalar)]
    }

    /// Whether `scalar` may be part of a name: an ASCII letter, digit or `_`, or any other letter or digit
    /// but full-width punctuation.
    func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return isIdentifierStart(UInt8(scalar.value)) || isDigit(UInt8(scalar.value))
        }
        if fullWidthASCII(scalar) != nil { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// What starts with a byte beyond ASCII: a name, full-width punctuation (reported, and read as its ASCII),
    /// or something skipped — a space such as the ideographic one, or a character or bytes reported.
    mutating func lexNonASCII() -> Token? {
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
        if Lexer.fullWidthDigit(scalar) != nil {
            return lexFullWidthNumber()
        }
        if let ascii = fullWidthASCII(scalar) {
            reportFullWidth(scalar, ascii, at: start, length: length)
            if ascii == "\"" { return lexString() }
            offset += length
            return Token(kind: .symbol, text: ascii, range: SourceRange(start, offset))
        }
        if scalar.properties.isWhitespace {
            offset += length
            return nil
        }
        if scalar == "≈" {
            // In a rule test, `≈` compares within a tolerance.
            offset += length
            return Token(kind: .symbol, text: "≈", range: SourceRange(start, offset))
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
                hint: "改用半角“\(ascii)”（切换到英文输入法）", hintEn: "use the ASCII `\(ascii)` instead (switch the keyboard to English)",
                fixIt: FixIt(SourceRange(start, start + length), ascii)))
    }

    /// The ASCII digit for a full-width one (`０`…`９`), if `scalar` is one.
    static func fullWidthDigit(_ scalar: Unicode.Scalar) -> UInt8? {
        (0xFF10...0xFF19).contains(scalar.value) ? UInt8(ascii: "0") + UInt8(scalar.value - 0xFF10) : nil
    }

    /// The digit (ASCII or full-width) at `offset`, as ASCII, and its length in bytes.
    func digit(at offset: Int) -> (UInt8, Int)? {
        guard offset < bytes.count else { return nil }
        if isDigit(bytes[offset]) { return (bytes[offset], 1) }
        guard bytes[offset] == 0xEF, let (scalar, length) = scalar(at: offset), let ascii = Lexer.fullWidthDigit(scalar) else { return nil }
        return (ascii, length)
    }

    /// Whether `character` (ASCII or full-width) is at `offset`, and its length in bytes.
    func mark(_ character: Unicode.Scalar, _ fullWidth: Unicode.Scalar, at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        if bytes[offset] == UInt8(character.value) { return 1 }
        guard let (scalar, length) = scalar(at: offset), scalar == fullWidth else { return nil }
        return length
    }

    /// Whether a number goes on at `offset` in full-width digits, or with a full-width point and a digit.
    func continuesFullWidth() -> Bool {
        guard offset < bytes.count, bytes[offset] == 0xEF else { return false }
        if let (scalar, _) = scalar(at: offset), Lexer.fullWidthDigit(scalar) != nil { return true }
        if let point = mark(".", "．", at: offset), point > 1, digit(at: offset + point) != nil { return true }
        return false
    }

    /// A number typed with full-width digits (`９０`, `９０％`, `１２．５`), perhaps mixed with ASCII: one K0002
    /// for the whole number, which is read as its ASCII form.
    mutating func lexFullWidthNumber() -> Token {
        let start = offset
        var text: [UInt8] = []
        func digits(_ lexer: inout Lexer) {
            while let (ascii, length) = lexer.digit(at: lexer.offset) {
                text.append(ascii)
                lexer.offset += length
            }
        }
        digits(&self)
        if let point = mark(".", "．", at: offset), digit(at: offset + point) != nil {
            text.append(UInt8(ascii: "."))
            offset += point
            digits(&self)
        }
        var kind = Token.Kind.number
        if let percent = mark("%", "％", at: offset) {
            text.append(UInt8(ascii: "%"))
            offset += percent
            kind = .percent
        }
        let typed = source.text(SourceRange(start, offset))
        let ascii = String(decoding: text, as: UTF8.self)
        diagnostics.append(
            Diagnostic(
                "K0002", .error, file: source.name, range: SourceRange(start, offset),
                zh: "全角数字“\(typed)”不能用在规则中", en: "full-width digits `\(typed)` cannot be used in rules",
                hint: "改用半角“\(ascii)”（切换到英文输入法）", hintEn: "use the ASCII `\(ascii)` instead (switch the keyboard to English)",
                fixIt: FixIt(SourceRange(start, offset), ascii)))
        return Token(kind: kind, text: ascii, range: SourceRange(start, offset))
    }

    /// `！＝`, `＞＝`, `－＞` typed full-width become one operator, as their ASCII forms would: a full-width
    /// mark right after a symbol joins it when the two make an operator.
    mutating func joiningFullWidth(_ token: Token) -> Token {
        var token = token
        while offset < bytes.count, bytes[offset] >= 0x80, let (scalar, length) = scalar(at: offset),
            let ascii = fullWidthASCII(scalar), ascii != "\"", ["!=", ">=", "<=", "==", "->", ".."].contains(token.text + ascii)
        {
            reportFullWidth(scalar, ascii, at: offset, length: length)
            offset += length
            token = Token(kind: .symbol, text: token.text + ascii, range: SourceRange(token.range.start, offset))
        }
        return token
    }
}
