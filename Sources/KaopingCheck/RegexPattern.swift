/// A regular expression compiled once by the checker and shared by every row that uses it.
public final class RegexPattern: @unchecked Sendable, Hashable {
    /// The pattern as written.
    public let pattern: String
    private let regex: Regex<AnyRegexOutput>

    /// Compiles `pattern`; `nil` if it is not a valid regular expression.
    public init?(_ pattern: String) {
        guard let regex = try? Regex(pattern) else { return nil }
        self.pattern = pattern
        self.regex = regex
    }

    /// Whether the pattern occurs anywhere in `text` (anchor it with `^…$` to match the whole text).
    public func occurs(in text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    public static func == (lhs: RegexPattern, rhs: RegexPattern) -> Bool {
        lhs.pattern == rhs.pattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
    }
}
