/// Strings (their escapes and ends) and bytes that are not UTF-8 inside strings and comments.
extension Lexer {
    mutating func lexString() -> Token {
        let start = offset
        // The opening quote may be ASCII or a full-width “ already reported; only then does ” close it.
        let openedFullWidth = bytes[offset] != UInt8(ascii: "\"")
        offset += utf8Length(bytes[offset])
        var value: [UInt8] = []
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n") else { return unterminated(from: start, value) }
            if byte == UInt8(ascii: "\"") {
                offset += 1
                break
            }
            // ” (or ’) closes a string opened with “ (or ‘).
            if openedFullWidth, byte == 0xE2, peek(1) == 0x80, peek(2) == 0x9D || peek(2) == 0x99 {
                let mark = peek(2) == 0x9D ? "”" : "’"
                diagnostics.append(
                    Diagnostic(
                        "K0002", .error, file: source.name, range: SourceRange(offset, offset + 3),
                        zh: "全角标点“\(mark)”不能用在规则中", en: "full-width punctuation `\(mark)` cannot be used in rules",
                        hint: "改用半角“\"”", hintEn: "use the ASCII `\"` instead", fixIt: FixIt(SourceRange(offset, offset + 3), "\"")))
                offset += 3
                break
            }
            if byte == UInt8(ascii: "\\"), let next = peek(1) {
                switch next {
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(next)
                default:
                    // The character after the backslash may be several bytes (a Chinese character).
                    let length = utf8Length(next)
                    let shown = source.text(SourceRange(offset + 1, min(bytes.count, offset + 1 + length)))
                    diagnostics.append(
                        Diagnostic(
                            "K0005", .error, file: source.name, range: SourceRange(offset, min(bytes.count, offset + 1 + length)),
                            zh: "无法识别的转义 \\\(shown)", en: "unknown escape \\\(shown)",
                            hint: "可用的转义：\\\" \\\\ \\n \\t；要写反斜杠本身请写 \\\\",
                            hintEn: "the escapes are \\\" \\\\ \\n \\t; for a backslash itself write \\\\"))
                    value += bytes[(offset + 1)..<min(bytes.count, offset + 1 + length)]
                    offset += 1 + length
                    continue
                }
                offset += 2
                continue
            }
            value.append(byte)
            offset += 1
        }
        reportInvalidUTF8(value, from: start)
        return Token(kind: .string, text: String(decoding: value, as: UTF8.self), range: SourceRange(start, offset))
    }

    /// A string that the line or the file ends before its closing quote: reported, and kept with the text it has.
    private mutating func unterminated(from start: Int, _ value: [UInt8]) -> Token {
        diagnostics.append(
            Diagnostic(
                "K0004", .error, file: source.name, range: SourceRange(start, offset),
                zh: "字符串没有结束引号", en: "the string has no closing quote",
                hint: "在字符串末尾补上 \"", hintEn: "add a closing \" at the end of the string"))
        return Token(kind: .string, text: String(decoding: value, as: UTF8.self), range: SourceRange(start, offset))
    }

    /// A string's decoded value may hold any text, but it must be UTF-8 (a file saved as GBK is not). It is
    /// reported at the first byte that does not decode, counted from the byte after the opening quote.
    mutating func reportInvalidUTF8(_ value: [UInt8], from start: Int) {
        guard String(validating: value, as: UTF8.self) == nil else { return }
        reportInvalidUTF8(at: start + 1 + (Formatter.firstInvalidUTF8(value) ?? 0))
    }

    /// Reports bytes that are not UTF-8 at `offset`, inside a string or a comment.
    mutating func reportInvalidUTF8(at offset: Int) {
        diagnostics.append(
            Diagnostic(
                "K0001", .error, file: source.name, range: SourceRange(offset, offset + 1),
                zh: "文件在此处不是有效的 UTF-8 文本", en: "the file is not valid UTF-8 text here",
                hint: "请用 UTF-8 编码保存规则文件（例如记事本“另存为”时选择 UTF-8）", hintEn: "save the rule file as UTF-8"))
    }
}
