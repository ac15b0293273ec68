import KaopingSyntax
import Testing

@Suite("DiagnosticPrinter: file:line:col: error: message [id], the line, carets and the hint")
struct DiagnosticPrinterTests {
    static let text = """
        indicator a "A" {
          from cases where status = "finished"
        }
        """

    @Test("In Chinese: the `=` on line 2 is at column 27, so 26 spaces then one caret under it")
    func chinese() {
        let source = SourceFile(name: "rules/test.rules", text: DiagnosticPrinterTests.text)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.map(\.id) == ["K0103"])
        let rendered = DiagnosticPrinter(source: source).render(parsed.diagnostics)
        #expect(
            rendered == """
                rules/test.rules:2:27: error: 比较相等要用“==” [K0103]
                      from cases where status = "finished"
                    \(String(repeating: " ", count: 26))^
                    = 提示: 把“=”改为“==”

                """)
    }

    @Test("In English: the same position with the English message and hint")
    func english() {
        let source = SourceFile(name: "rules/test.rules", text: DiagnosticPrinterTests.text)
        let parsed = Parser.parse(source)
        let rendered = DiagnosticPrinter(source: source, english: true).render(parsed.diagnostics)
        #expect(
            rendered == """
                rules/test.rules:2:27: error: comparison for equality is `==` [K0103]
                      from cases where status = "finished"
                    \(String(repeating: " ", count: 26))^
                    = hint: write `==` instead of `=`

                """)
    }

    @Test("Chinese characters take two terminal columns: the column is 23 but the caret is indented 24")
    func wideCharacters() {
        // "  from cases where 状态 " is 22 characters (so `=` is column 23) and 24 terminal columns (状态 is 4 wide).
        let source = SourceFile(name: "t.rules", text: "indicator a \"A\" {\n  from cases where 状态 = \"x\"\n}")
        let parsed = Parser.parse(source)
        let rendered = DiagnosticPrinter(source: source).render(parsed.diagnostics)
        #expect(
            rendered == """
                t.rules:2:23: error: 比较相等要用“==” [K0103]
                      from cases where 状态 = "x"
                    \(String(repeating: " ", count: 24))^
                    = 提示: 把“=”改为“==”

                """)
    }

    @Test("A range longer than one character gets one caret per terminal column: \"未闭合 is 1 + 3 × 2 = 7")
    func rangeCarets() {
        let source = SourceFile(name: "t.rules", text: "veto v \"t\" when true reason \"未闭合")
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.map(\.id) == ["K0004"])
        let rendered = DiagnosticPrinter(source: source).render(parsed.diagnostics)
        // "veto v "t" when true reason " is 28 characters, all one column wide.
        #expect(
            rendered == """
                t.rules:1:29: error: 字符串没有结束引号 [K0004]
                    veto v "t" when true reason "未闭合
                    \(String(repeating: " ", count: 28))^^^^^^^
                    = 提示: 在字符串末尾补上 "

                """)
    }

    @Test("On a very long line only a window around the mark is shown, cut with …, the carets still under it")
    func longLine() throws {
        let filler = "kind == \"" + String(repeating: "办", count: 3_000) + "\" and "
        let text = "indicator a \"A\" {\n  from cases where " + filler + "status = \"finished\" and " + filler + "true\n}\n"
        let source = SourceFile(name: "long.rules", text: text)
        let parsed = Parser.parse(source)
        let equals = parsed.diagnostics.filter { $0.id == "K0103" }
        #expect(equals.count == 1)
        let rendered = DiagnosticPrinter(source: source, english: true).render(equals)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count >= 3)
        #expect(lines[0].hasPrefix("long.rules:2:\(27 + filler.unicodeScalars.count): error:"))
        #expect(lines[1].hasPrefix("    …") && lines[1].hasSuffix("…"))
        #expect(lines[1].count < 300)
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        // The caret sits under the `=`, counting each 办 as two terminal columns.
        let before = lines[1].prefix { $0 != "=" }
        let width = before.reduce(0) { $0 + ($1 == "办" ? 2 : 1) }
        #expect(caret == width)
    }

    @Test("Past the display limit one line counts the diagnostics not shown, in either language")
    func limit() {
        let source = SourceFile(
            name: "many.rules", text: String(repeating: "indicator a \"A\" { from cases where status = 1 }\n", count: 12))
        let diagnostics = Parser.parse(source).diagnostics.filter { $0.id == "K0103" }
        #expect(diagnostics.count == 12)
        let chinese = DiagnosticPrinter(source: source).render(diagnostics, limit: 10)
        #expect(chinese.components(separatedBy: "[K0103]").count - 1 == 10)
        #expect(chinese.hasSuffix("…… 另有 2 条诊断未显示：请先修正以上问题\n"))
        let english = DiagnosticPrinter(source: source, english: true).render(diagnostics, limit: 10)
        #expect(english.hasSuffix("… 2 more diagnostics not shown: fix the ones above first\n"))
        #expect(DiagnosticPrinter(source: source).render(diagnostics, limit: 12) == DiagnosticPrinter(source: source).render(diagnostics))
    }

    @Test("A name of a million characters: no suggestion is looked for, and the message quoting it is cut with …")
    func hugeName() {
        let name = String(repeating: "状", count: 1_000_000)
        #expect(nearestName(name, among: ["status", "kind"]) == nil)
        #expect(nearestName("statsu", among: ["status", "kind"]) == "status")
        let source = SourceFile(name: "huge.rules", text: "param x = \(name)\n")
        let diagnostic = Diagnostic(
            "K0230", .error, file: "huge.rules", range: SourceRange(10, 10 + name.utf8.count), zh: "没有参数“\(name)”",
            en: "no parameter `\(name)`")
        let printed = DiagnosticPrinter(source: source).render(diagnostic)
        #expect(printed.count < 1_000)
        #expect(printed.hasPrefix("huge.rules:1:11: error: 没有参数“状状"))
        #expect(printed.contains("状… [K0230]"))
    }
}
