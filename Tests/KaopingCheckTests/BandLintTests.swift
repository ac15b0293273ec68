import KaopingCheck
import KaopingSyntax
import Testing

/// Bands that overlap, mix directions or follow `else` (issue 5's decision-table lints).
@Suite("Lints on score bands")
struct BandLintTests {
    static func lint(_ bands: String) -> [(id: String, line: Int)] {
        let text = """
            assessment "t" {
              period 2024-01-01 .. 2024-12-31
              grades { 优秀 >= 90; 不合格 }
            }
            indicator x "x" {
              points 10
              from cases
              measure rate(status == "finished")
              score bands {
            \(bands)
              }
              when empty: zero
            }
            """
        let source = SourceFile(name: "b.rules", text: text)
        let parsed = Parser.parse(source)
        return Checker.check(parsed.file, schema: .canonical).diagnostics.map { ($0.id, source.location(of: $0.range.start).line) }
    }

    @Test("Well-ordered bands in one direction give no warning")
    func clean() {
        #expect(BandLintTests.lint("    >= 99% -> 10\n    >= 95% -> 6\n    else -> 0").isEmpty)
        #expect(BandLintTests.lint("    <= 50% -> 0\n    <= 80% -> 5\n    else -> 10").isEmpty)
    }

    @Test("A >= band under a lower >= band can never match: K0278 at its line (line 11)")
    func overlap() {
        // Lines 1–9 are the header and the indicator up to `score bands {`; the bands start at line 10.
        let found = BandLintTests.lint("    >= 90% -> 6\n    >= 95% -> 10\n    else -> 0")
        #expect(found.map(\.id) == ["K0278"])
        #expect(found.map(\.line) == [11])
    }

    @Test("Mixing >= and <= is K0277; a band after else is K0276 (and the block, not ending in else, K0272)")
    func directionAndElse() {
        #expect(BandLintTests.lint("    >= 90% -> 10\n    <= 50% -> 0\n    else -> 3").map(\.id) == ["K0277"])
        #expect(BandLintTests.lint("    >= 90% -> 10\n    else -> 3\n    >= 50% -> 1").map(\.id) == ["K0272", "K0276"])
    }
}
