/// Characters beyond ASCII: names in Chinese, full-width punctuation typed on a Chinese keyboard, and bytes
/// that are not UTF-8.
extension Lexer {
    /// Full-width punctuation typed on Chinese keyboards, and the ASCII the language expects.
    static let fullWidth: [String: String] = [
        "（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "“": "\"", "”": "\"", "＝": "=", "＞": ">", "＜": "<",
        "【": "[", "】": "]", "｛": "{", "｝": "}", "！": "!", "．": ".", "＋": "+", "－": "-", "＊": "*", "／": "/", "％": "%",
        "。": ".", "、": ",", "‘": "\"", "’": "\"",
    ]

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
    mutating func joiningFullWidth(_ token: Token) -> Token {
        var token = token
        while offset < bytes.count, bytes[offset] >= 0x80, let (scalar, length) = scalar(at: offset),
            let ascii = fullWidthASCII(scalar), ascii != "\"", ["!=", ">=", "<=", "==", "->"].contains(token.text + ascii)
        {
            reportFullWidth(scalar, ascii, at: offset, length: length)
            offset += length
            token = Token(kind: .symbol, text: token.text + ascii, range: SourceRange(token.range.start, offset))
        }
        return token
    }
}
