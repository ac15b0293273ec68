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

extension RegexPattern {
    /// What in `pattern` could make matching take time exponential in the text — Swift's `Regex` backtracks —
    /// or `nil` when it has none: a backreference, a lookaround, or a repeated group (`*`, `+`, `{…}`) that
    /// itself holds a repetition or alternatives (`(a+)+`, `(a|ab)*`). What is left runs in time linear in the
    /// text for all practical purposes (polynomial with the pattern's own quantifiers, not exponential).
    public static func unboundedForm(_ pattern: String) -> (zh: String, en: String)? {
        let characters = Array(pattern)
        /// Per open group: whether it holds a repetition or an alternative so far.
        var groups: [(repeats: Bool, alternates: Bool)] = [(false, false)]
        var index = 0
        func isQuantifier(_ at: Int) -> Bool { at < characters.count && ["*", "+", "{"].contains(characters[at]) }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if next.isNumber && next != "0" || next == "k" || next == "g" {
                    return ("反向引用（如 \\1）", "a backreference (such as \\1)")
                }
                index += 2
                continue
            case "[":
                // A character class: its contents are characters, not operators.
                index += 1
                if index < characters.count && characters[index] == "^" { index += 1 }
                if index < characters.count && characters[index] == "]" { index += 1 }
                while index < characters.count && characters[index] != "]" {
                    index += characters[index] == "\\" ? 2 : 1
                }
            case "(":
                let rest = String(characters[(index + 1)...].prefix(3))
                if rest.hasPrefix("?=") || rest.hasPrefix("?!") || rest.hasPrefix("?<=") || rest.hasPrefix("?<!") {
                    return ("前后查找（如 (?=…)）", "a lookaround (such as (?=…))")
                }
                groups.append((false, false))
            case ")":
                guard groups.count > 1 else { break }
                let group = groups.removeLast()
                let repeated = isQuantifier(index + 1)
                if repeated && (group.repeats || group.alternates) {
                    return (
                        "重复的括号组内又有重复或“|”（如 (a+)+、(a|ab)*）",
                        "a repeated group that itself repeats or has alternatives (such as (a+)+ or (a|ab)*)"
                    )
                }
                groups[groups.count - 1].repeats = groups[groups.count - 1].repeats || group.repeats || repeated
            case "|":
                groups[groups.count - 1].alternates = true
            case "*", "+", "{":
                groups[groups.count - 1].repeats = true
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
