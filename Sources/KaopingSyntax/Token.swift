/// A token of the rule language.
public struct Token: Sendable, Equatable {
    /// What kind of token it is.
    public enum Kind: Sendable, Equatable {
        /// A name: Chinese or English letters, digits and `_`, not starting with a digit.
        case identifier
        /// A number such as `25` or `0.5`.
        case number
        /// A percentage such as `90%` (its text keeps the `%`).
        case percent
        /// A date such as `2024-01-01`, or a date and time such as `2024-01-01T09:30`.
        case date
        /// A string in double quotes (its text is the decoded value).
        case string
        /// Punctuation or an operator: `{ } ( ) [ ] , ; : . .. -> == != <= >= < > + - * / = |`.
        case symbol
        /// The end of the file.
        case end
    }

    public let kind: Kind
    /// The token's text (for strings, the decoded value).
    public let text: String
    public let range: SourceRange
    /// The first eight bytes of `text` (zero past its end) for a symbol or an identifier, so that the
    /// parser's many tests of "is this `}`?" or "is this `and`?" compare two integers rather than two strings.
    private let head: UInt64

    init(kind: Kind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
        self.head = Token.head(of: text.utf8, kind)
    }

    private static func head<Bytes: Collection<UInt8>>(of bytes: Bytes, _ kind: Kind) -> UInt64 {
        guard kind == .symbol || kind == .identifier else { return 0 }
        var head: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes.prefix(8) {
            head |= UInt64(byte) << shift
            shift += 8
        }
        return head
    }

    /// Whether this is the symbol `symbol`.
    @inline(__always)
    public func `is`(_ symbol: StaticString) -> Bool { kind == .symbol && hasText(symbol) }

    /// Whether this is the identifier `word` (keywords are identifiers that matter in context). `word` is
    /// ASCII: a name equals it only if it has the same bytes.
    @inline(__always)
    public func isWord(_ word: StaticString) -> Bool { kind == .identifier && hasText(word) }

    /// Whether the text is `ascii`, byte for byte.
    @inline(__always)
    private func hasText(_ ascii: StaticString) -> Bool {
        let count = ascii.utf8CodeUnitCount
        var expected: UInt64 = 0
        for index in 0..<min(count, 8) { expected |= UInt64(ascii.utf8Start[index]) << (8 * UInt64(index)) }
        guard head == expected, text.utf8.count == count else { return false }
        return count <= 8 || text.utf8.elementsEqual(UnsafeBufferPointer(start: ascii.utf8Start, count: count))
    }

    /// Matches a keyword in a `switch` over a token: `case "points":` is `isWord("points")`.
    @inline(__always)
    static func ~= (word: StaticString, token: Token) -> Bool { token.isWord(word) }

    public static func == (lhs: Token, rhs: Token) -> Bool {
        lhs.kind == rhs.kind && lhs.text == rhs.text && lhs.range == rhs.range
    }
}

/// A comment, kept aside from the tokens so the formatter can put it back.
public struct Comment: Sendable, Equatable {
    /// The comment's text, including the leading `#`.
    public let text: String
    public let range: SourceRange
    /// Whether code precedes it on the same line.
    public let trailing: Bool
}
