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
    /// The token's text (for strings, the decoded value; full-width punctuation, as the ASCII it stands for).
    public let text: String
    public let range: SourceRange
    /// Whether it is the first token on its line (a new line ends a statement).
    public internal(set) var startsLine = false

    init(kind: Kind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    /// Whether this is the symbol `symbol`.
    public func `is`(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

    /// Whether this is the identifier `word` (keywords are identifiers that matter in context).
    public func isWord(_ word: String) -> Bool { kind == .identifier && text == word }

    /// Whether this is one of the identifiers `words`.
    func isWord(in words: [String]) -> Bool { kind == .identifier && words.contains(text) }

    /// Matches a keyword in a `switch` over a token: `case "points":` is `isWord("points")`.
    static func ~= (word: String, token: Token) -> Bool { token.isWord(word) }

    /// Tokens are equal when their kinds, texts and ranges are (where their lines start is the lexer's affair).
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
