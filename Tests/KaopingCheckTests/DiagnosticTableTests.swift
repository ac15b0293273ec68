import KaopingCheck
import KaopingSyntax
import Testing

/// Every checker diagnostic pinned by id, severity and position (the 1️⃣ marker), with the hint where it suggests a name.
@Suite("Checker: each diagnostic's id and position")
struct DiagnosticTableTests {
    static let countScore = "  from cases\n  measure count()\n  score measure"

    static let cases: [(id: String, severity: Diagnostic.Severity, text: String, englishHint: String)] = [
        // The assessment header.
        ("K0201", .error, "1️⃣" + validIndicator, ""),
        (
            "K0202", .error,
            header + "assessment 1️⃣\"第二\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 合格 >= 60; 不合格 }\n}\n" + validIndicator, ""
        ),
        (
            "K0204", .error, "assessment 1️⃣\"考核\" {\n  grades { 优秀 >= 90; 不合格 }\n}\n" + validIndicator,
            "for example period 2024-01-01 .. 2024-12-31"
        ),
        ("K0205", .error, "assessment \"考核\" {\n  period 1️⃣2024-12-31 .. 2024-01-01\n  grades { 优秀 >= 90; 不合格 }\n}\n" + validIndicator, ""),
        ("K0206", .error, "assessment \"考核\" {\n  period 1️⃣1 .. 2\n  grades { 优秀 >= 90; 不合格 }\n}\n" + validIndicator, ""),
        ("K0207", .error, "assessment 1️⃣\"考核\" {\n  period 2024-01-01 .. 2024-12-31\n}\n" + validIndicator, ""),
        (
            "K0208", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 1️⃣优秀; 合格 >= 60; 不合格 }\n}\n" + validIndicator, ""
        ),
        (
            "K0209", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 合格 >= 60; 优秀 >= 1️⃣90; 不合格 }\n}\n" + validIndicator, ""
        ),
        (
            "K0210", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 1️⃣合格 >= 60 }\n}\n" + validIndicator, ""
        ),
        (
            "K0211", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 1️⃣\"九十\"; 不合格 }\n}\n" + validIndicator, ""
        ),
        ("K0221", .error, "assessment \"考核\" {\n  period 2024-01-01 .. 1️⃣2024-02-30\n  grades { 优秀 >= 90; 不合格 }\n}\n" + validIndicator, ""),
        (
            "K0231", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  rank by total within 1️⃣levl\n}\n"
                + validIndicator,
            "did you mean `level`?"
        ),
        (
            "K0203", .error,
            header + validIndicator + "indicator 1️⃣a \"B\" {\n  points 5\n  from cases\n  measure count()\n  score measure\n}\n", ""
        ),
        // Expressions.
        ("K0220", .error, header + indicator("  from cases where 1️⃣promised_days\n  measure count()\n  score measure"), ""),
        ("K0224", .error, header + indicator("  from cases where kind in [1️⃣1]\n  measure count()\n  score measure"), ""),
        ("K0225", .error, header + indicator("  from cases where 1️⃣status + 1 > 2\n  measure count()\n  score measure"), ""),
        ("K0226", .error, header + indicator("  from cases where 1️⃣finished_at == null\n  measure count()\n  score measure"), ""),
        ("K0227", .error, header + indicator("  from cases where 1️⃣status > 3\n  measure count()\n  score measure"), ""),
        (
            "K0230", .error, header + indicator("  from cases\n  measure rate(1️⃣finshed_at is not null)\n  score measure"),
            "did you mean `finished_at`?"
        ),
        ("K0232", .error, header + indicator("  from 1️⃣case\n  measure count()\n  score measure"), "did you mean `cases`?"),
        ("K0240", .error, header + indicator("  from cases where 1️⃣count() > 3\n  measure count()\n  score measure"), ""),
        (
            "K0241", .error,
            header + indicator("  from cases\n  measure max(workdays(accepted_at, finished_at where 1️⃣status == \"x\"))\n  score measure"),
            ""
        ),
        ("K0242", .error, header + indicator("  from cases\n  measure max(1️⃣workdays(accepted_at))\n  score measure"), ""),
        ("K0243", .error, header + indicator("  from cases\n  measure max(workdays(1️⃣status, finished_at))\n  score measure"), ""),
        (
            "K0244", .error, header + indicator("  from cases\n  measure 1️⃣rat(status == \"finished\")\n  score measure"),
            "did you mean `rate`?"
        ),
        ("K0245", .error, header + validIndicator + "veto v \"V\" when 1️⃣count() > 0\n", ""),
        ("K0246", .error, header + indicator("  from 1️⃣catalog\n  measure count()\n  score measure"), ""),
        ("K0247", .error, header + indicator("  from cases\n  measure 1️⃣rate()\n  score measure"), ""),
        (
            "K0248", .error, header + indicator("  from cases\n  measure sum(1️⃣status)\n  score measure"),
            "for time spans use workdays(start, end)"
        ),
        // Parameters.
        ("K0250", .error, header + "param x = 1\nparam 1️⃣x = 2\n" + indicator("  from cases\n  measure count() * x\n  score measure"), ""),
        ("K0255", .warning, header + "param 1️⃣unused = 5\n" + validIndicator, "remove it or use it in a rule"),
        // Indicators and scores.
        ("K0260", .error, header + "indicator 1️⃣a \"A\" {\n  points 10\n  from cases\n  score measure\n}\n", ""),
        ("K0261", .error, header + indicator("  from cases\n  measure 1️⃣count() > 3\n  score measure"), ""),
        ("K0262", .error, header + "indicator a \"A\" {\n  points 1️⃣-5\n" + countScore + "\n}\n", ""),
        ("K0263", .error, header + "indicator 1️⃣a \"A\" {\n" + countScore + "\n}\n", "for example points 25"),
        ("K0264", .error, header + "indicator 1️⃣a \"A\" {\n  points 10\n  from cases\n  measure count()\n}\n", ""),
        (
            "K0265", .error, header + indicator(countScore + "\n  when empty: 1️⃣ful"),
            "choose not_applicable, full or zero; did you mean `full`?"
        ),
        (
            "K0270", .error,
            header + indicator("  from cases\n  measure rate(status == \"finished\")\n  score linear { 100% -> 10; 1️⃣90% -> 0 }"), ""
        ),
        ("K0271", .error, header + indicator("  from cases\n  measure rate(status == \"finished\")\n  score 1️⃣linear { 90% -> 0 }"), ""),
        (
            "K0272", .warning, header + indicator("  from cases\n  measure rate(status == \"finished\")\n  score 1️⃣bands { >= 90% -> 10 }"),
            "end with else -> 0"
        ),
        ("K0273", .error, header + indicator("  from cases\n  measure count()\n  score 1️⃣measure > 3"), ""),
        ("K0280", .error, header + validIndicator + "veto 1️⃣v \"V\" {\n  reason \"r\"\n}\n", ""),
    ]

    @Test("The diagnostic, at its marker, with its severity and hint", arguments: cases)
    func diagnostic(id: String, severity: Diagnostic.Severity, text: String, englishHint: String) throws {
        let marked = MarkedSource(text)
        let checked = check(marked.text)
        #expect(checked.parseDiagnostics == [], "the case must parse cleanly")
        let found = checked.diagnostics.filter { $0.id == id }
        #expect(found.map(\.range.start).contains(marked["1️⃣"]), "\(checked.diagnostics.map { "\($0.id)@\($0.range.start)" })")
        #expect(found.allSatisfy { $0.severity == severity })
        if !englishHint.isEmpty {
            #expect(found.first?.englishHint == englishHint)
        }
        // Errors withhold the plan; a warning alone does not.
        #expect((checked.plan == nil) == (severity == .error))
    }

    @Test("The base case of the table checks without any diagnostic")
    func baseline() {
        let checked = check(header + validIndicator)
        #expect(checked.diagnostics == [])
        #expect(checked.plan != nil)
    }
}
