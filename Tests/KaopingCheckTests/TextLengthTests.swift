import KaopingCheck
import KaopingSyntax
import Testing

/// K0214: a title, category name or reason over 200 characters is an error at it, and the rules are not run.
@Suite("Titles, categories and reasons of a printable length")
struct TextLengthTests {
    @Test("At 200 characters a title is clean; at 201 it is K0214 at the string, naming its length")
    func limit() {
        let fits = check(header + "veto v \"\(String(repeating: "否", count: 200))\" when count(inspections) > 3\n")
        #expect(fits.diagnostics.filter { $0.id == "K0214" } == [])
        let marked = MarkedSource(header + "veto v 1️⃣\"\(String(repeating: "否", count: 201))\" when count(inspections) > 3\n")
        let checked = check(marked.text)
        #expect(checked.plan == nil)
        #expect(checked.diagnostics.map(\.id) == ["K0214"])
        #expect(checked.diagnostics.first?.range.start == marked["1️⃣"])
        #expect(checked.diagnostics.first?.englishMessage == "the veto's title has 201 characters, over the limit of 200")
    }

    @Test("Category names (in the assessment and in an indicator), reasons and adjustment titles are held to it too")
    func everyText() {
        let long = String(repeating: "长", count: 300)
        let checked = check(
            """
            assessment "T" {
              period 2024-01-01 .. 2024-12-31
              grades { 合格 >= 60; 不合格 }
              category "\(long)" 10
            }
            indicator a "A" {
              category "\(long)"
              points 10
              from cases
              measure count()
              score measure
            }
            bonus b "\(long)" {
              from cases
              measure count()
              score measure
              max 1
            }
            limit l "L" when count(complaints) > 0 at most 合格 reason "\(long)"

            """)
        #expect(
            checked.diagnostics.filter { $0.id == "K0214" }.map(\.englishMessage) == [
                "the category name has 300 characters, over the limit of 200",
                "the category name has 300 characters, over the limit of 200",
                "the adjustment's title has 300 characters, over the limit of 200",
                "the grade limit's reason has 300 characters, over the limit of 200",
            ])
    }
}
