import KaopingCheck
import Testing

/// `matches()` takes only patterns a backtracking engine matches without blowing up: no backreference, no
/// lookaround, and no repeated group that itself repeats or has alternatives (K0279).
@Suite("Regular expressions of a bounded form")
struct RegexFormTests {
    @Test(
        "Accepted: anchors, classes, alternatives in a group, a repeated simple group, escapes",
        arguments: [
            "^.+政务服务中心.+(分中心|现场办理点)$", "[a-z]+", "(ab)+", "(a|b)?", "\\d{4}-\\d{2}", "[(+*|]+", "a*b*c*", "(分中心|现场办理点)$",
            "\\(\\w+\\)",
        ])
    func accepted(pattern: String) {
        #expect(RegexPattern.unboundedForm(pattern) == nil, "\(pattern)")
    }

    @Test(
        "Rejected: nested repetition, repeated alternatives, backreferences, lookarounds",
        arguments: [
            "(a+)+", "(a|ab)*", "(\\w+\\s?)*$", "((a)*)+", "(x{2,})+", "(a)\\1", "\\k<name>", "(?=x)y", "a(?!b)", "(?<=x)y", "(?<!x)y",
        ])
    func rejected(pattern: String) {
        #expect(RegexPattern.unboundedForm(pattern) != nil, "\(pattern)")
    }

    @Test("K0279 at the pattern, naming what it holds; the rules are not run")
    func diagnostic() {
        let marked = MarkedSource(
            header + """
                indicator n "名称" {
                  points 10
                  from centers
                  measure rate(matches(name, 1️⃣"^(\\\\w+\\\\s?)*$"))
                  score measure * 10
                  when empty: zero
                }

                """)
        let checked = check(marked.text)
        #expect(checked.plan == nil)
        #expect(checked.diagnostics.map(\.id) == ["K0279"])
        #expect(checked.diagnostics.first?.range.start == marked["1️⃣"])
        #expect(
            checked.diagnostics.first?.englishMessage
                == "the regular expression `^(\\w+\\s?)*$` has a repeated group that itself repeats or has alternatives (such as (a+)+ or (a|ab)*), which can make matching take very long"
        )
    }
}
