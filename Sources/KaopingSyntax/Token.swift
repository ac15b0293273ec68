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

    /// Whether this is the symbol `symbol`.
    public func `is`(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

    /// Whether this is the identifier `word` (keywords are identifiers that matter in context).
    public func isWord(_ word: String) -> Bool { kind == .identifier && text == word }
}

/// A comment, kept aside from the tokens so the formatter can put it back.
public struct Comment: Sendable, Equatable {
    /// The comment's text, including the leading `#`.
    public let text: String
    public let range: SourceRange
    /// Whether code precedes it on the same line.
    public let trailing: Bool
}
