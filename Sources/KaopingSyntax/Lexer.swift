/// Turns a source file into tokens and comments, reporting bad characters without stopping.
public struct Lexer {
    private let source: SourceFile
    private var offset = 0
    private(set) var tokens: [Token] = []
    private(set) var comments: [Comment] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var lineHasCode = false

    /// Full-width punctuation typed on Chinese keyboards, and the ASCII the language expects.
    static let fullWidth: [String: String] = [
        "（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "“": "\"", "”": "\"", "＝": "=", "＞": ">", "＜": "<",
        "【": "[", "】": "]", "｛": "{", "｝": "}", "！": "!", "．": ".", "＋": "+", "－": "-", "＊": "*", "／": "/", "％": "%",
        "。": ".", "、": ",", "‘": "\"", "’": "\"",
    ]

    /// Lexes a whole file.
    public static func lex(_ source: SourceFile) -> (tokens: [Token], comments: [Comment], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source: source)
        lexer.run()
        return (lexer.tokens, lexer.comments, lexer.diagnostics)
    }

    private init(source: SourceFile) {
        self.source = source
        if source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    private var bytes: [UInt8] { source.bytes }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private mutating func run() {
        while let byte = peek() {
            let start = offset
            switch byte {
            case UInt8(ascii: "\n"):
                offset += 1
                lineHasCode = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "#"):
                while let next = peek(), next != UInt8(ascii: "\n") { offset += 1 }
                var end = offset
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                reportInvalidUTF8(bytes[start..<end], from: start)
                comments.append(Comment(text: source.text(SourceRange(start, end)), range: SourceRange(start, end), trailing: lineHasCode))
            case UInt8(ascii: "\""):
                lexString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case _ where isIdentifierStart(byte):
                lexIdentifier()
            case 0x80...:
                lexNonASCII()
            default:
                lexSymbol()
            }
            if offset == start { offset += 1 }
        }
        tokens.append(Token(kind: .end, text: "", range: .at(bytes.count)))
    }

    private mutating func emit(_ kind: Token.Kind, _ text: String, from start: Int) {
        tokens.append(Token(kind: kind, text: text, range: SourceRange(start, offset)))
        lineHasCode = true
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 48 && byte <= 57
    }

    /// Decodes the scalar at `at`, or `nil` if the bytes there are not valid UTF-8.
    private func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        let length = utf8Length(bytes[index])
        guard length > 1 || bytes[index] < 0x80, index + length <= bytes.count else { return nil }
        var iterator = bytes[index..<(index + length)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return nil
    }

    private func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return isIdentifierStart(UInt8(scalar.value)) || isDigit(UInt8(scalar.value))
        }
        if Lexer.fullWidth[String(scalar)] != nil { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    private mutating func lexIdentifier() {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                // ASCII, most names: no decoding needed.
                guard isIdentifierStart(byte) || isDigit(byte) else { break }
                offset += 1
                continue
            }
            guard let (scalar, length) = scalar(at: offset), isIdentifierScalar(scalar) else { break }
            offset += length
        }
        emit(.identifier, source.text(SourceRange(start, offset)), from: start)
    }

    private mutating func lexNonASCII() {
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
            return
        }
        let character = String(scalar)
        if let ascii = Lexer.fullWidth[character] {
            offset += length
            diagnostics.append(
                Diagnostic(
                    "K0002", .error, file: source.name, range: SourceRange(start, offset),
                    zh: "全角标点“\(character)”不能用在规则中", en: "full-width punctuation `\(character)` cannot be used in rules",
                    hint: "改用半角“\(ascii)”（切换到英文输入法）", hintEn: "use the ASCII `\(ascii)` instead (switch the keyboard to English)"))
            if ascii == "\"" {
                offset = start
                lexString()
                return
            }
            emitSymbol(ascii, from: start)
            return
        }
        if scalar.properties.isWhitespace {
            offset += length
            return
        }
        if isIdentifierScalar(scalar) {
            lexIdentifier()
            return
        }
        offset += length
        diagnostics.append(
            Diagnostic(
                "K0003", .error, file: source.name, range: SourceRange(start, offset),
                zh: "无法识别的字符“\(character)”", en: "unexpected character `\(character)`",
                hint: "删除该字符", hintEn: "remove it"))
    }

    private mutating func lexNumber() {
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
            emit(.date, source.text(SourceRange(start, offset)), from: start)
            return
        }
        while isDigit(peek()) { offset += 1 }
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            offset += 1
            while isDigit(peek()) { offset += 1 }
        }
        if peek() == UInt8(ascii: "%") {
            offset += 1
            emit(.percent, source.text(SourceRange(start, offset)), from: start)
        } else if offset + 2 < bytes.count, let (scalar, length) = scalar(at: offset), String(scalar) == "％" {
            offset += length
            diagnostics.append(
                Diagnostic(
                    "K0002", .error, file: source.name, range: SourceRange(offset - length, offset),
                    zh: "全角标点“％”不能用在规则中", en: "full-width punctuation `％` cannot be used in rules",
                    hint: "改用半角“%”", hintEn: "use the ASCII `%` instead"))
            emit(.percent, source.text(SourceRange(start, offset - length)) + "%", from: start)
        } else {
            emit(.number, source.text(SourceRange(start, offset)), from: start)
        }
    }

    private mutating func lexString() {
        let start = offset
        // The opening quote may be ASCII or a full-width “ already reported; only then does ” close it.
        let openedFullWidth = bytes[offset] != UInt8(ascii: "\"")
        offset += utf8Length(bytes[offset])
        var value: [UInt8] = []
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n") else {
                diagnostics.append(
                    Diagnostic(
                        "K0004", .error, file: source.name, range: SourceRange(start, offset),
                        zh: "字符串没有结束引号", en: "the string has no closing quote",
                        hint: "在字符串末尾补上 \"", hintEn: "add a closing \" at the end of the string"))
                emit(.string, String(decoding: value, as: UTF8.self), from: start)
                return
            }
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
                        hint: "改用半角“\"”", hintEn: "use the ASCII `\"` instead"))
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
        emit(.string, String(decoding: value, as: UTF8.self), from: start)
    }

    /// Strings and comments may hold any text, but it must be UTF-8 (a file saved as GBK is not).
    private mutating func reportInvalidUTF8<Bytes: Collection>(_ bytes: Bytes, from start: Int) where Bytes.Element == UInt8 {
        guard String(validating: bytes, as: UTF8.self) == nil else { return }
        // Point at the first byte that does not decode.
        let array = Array(bytes)
        var index = 0
        var bad = 0
        while index < array.count {
            let length = utf8Length(array[index])
            let end = min(array.count, index + length)
            if (array[index] >= 0x80 && length == 1) || String(validating: array[index..<end], as: UTF8.self) == nil {
                bad = index
                break
            }
            index = end
        }
        let badStart = bytesStart(of: bytes, from: start) + bad
        diagnostics.append(
            Diagnostic(
                "K0001", .error, file: source.name, range: SourceRange(badStart, badStart + 1),
                zh: "文件在此处不是有效的 UTF-8 文本", en: "the file is not valid UTF-8 text here",
                hint: "请用 UTF-8 编码保存规则文件（例如记事本“另存为”时选择 UTF-8）", hintEn: "save the rule file as UTF-8"))
    }

    /// The file offset of a slice's first byte: `start` for a string's decoded value (its opening quote is one
    /// byte before the text, so the slice's own offset is not known), the slice's index for a comment.
    private func bytesStart<Bytes: Collection>(of bytes: Bytes, from start: Int) -> Int where Bytes.Element == UInt8 {
        if let slice = bytes as? ArraySlice<UInt8> { return slice.startIndex }
        return start + 1
    }

    /// The two-character operators, and the one-character symbols (as bytes: the lexer's hottest test).
    private static let twoCharacterSymbols: Set<UInt16> = Set(
        ["..", "->", "==", "!=", "<=", ">="].map { pair(Array($0.utf8)[0], Array($0.utf8)[1]) })
    private static let oneCharacterSymbols: Set<UInt8> = Set("{}()[],;:.<>+-*/=|".utf8)

    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt16 { UInt16(first) << 8 | UInt16(second) }

    private mutating func lexSymbol() {
        let start = offset
        if let next = peek(1), Lexer.twoCharacterSymbols.contains(Lexer.pair(bytes[offset], next)) {
            offset += 2
            emit(.symbol, source.text(SourceRange(start, offset)), from: start)
            return
        }
        let one = String(Unicode.Scalar(bytes[offset]))
        offset += 1
        if Lexer.oneCharacterSymbols.contains(bytes[start]) {
            emit(.symbol, one, from: start)
            return
        }
        let quote = one == "'"
        diagnostics.append(
            Diagnostic(
                "K0003", .error, file: source.name, range: SourceRange(start, offset),
                zh: "无法识别的字符“\(one)”", en: "unexpected character `\(one)`",
                hint: quote ? "字符串请用英文双引号，例如 \"finished\"" : "删除该字符",
                hintEn: quote ? "strings use double quotes, for example \"finished\"" : "remove it"))
    }

    private mutating func emitSymbol(_ symbol: String, from start: Int) {
        // `！＝`, `＞＝`, `－＞` typed full-width become one operator, as their ASCII forms would.
        if let last = tokens.last, last.kind == .symbol, last.range.end == start,
            ["!=", ">=", "<=", "==", "->"].contains(last.text + symbol)
        {
            tokens[tokens.count - 1] = Token(kind: .symbol, text: last.text + symbol, range: SourceRange(last.range.start, offset))
            return
        }
        tokens.append(Token(kind: .symbol, text: symbol, range: SourceRange(start, offset)))
        lineHasCode = true
    }
}
