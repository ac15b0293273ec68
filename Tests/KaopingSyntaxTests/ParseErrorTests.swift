import KaopingSyntax
import Testing

/// Parse errors: the right id at the right line and column, and recovery that goes on after each error.
@Suite("Parser: errors, positions and recovery")
struct ParseErrorTests {
    @Test(
        "A block left open before the next declaration: one K0101 where the next declaration starts, a K0105 note at the open `{`, and both are kept"
    )
    func missingBraceBeforeDeclaration() {
        let marked = MarkedSource(
            """
            indicator a "A" 2️⃣{
              points 10
            1️⃣indicator b "B" {
              points 5
            }
            """)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0101", "K0105"])
        #expect(parsed.diagnostics.first?.range.start == marked["1️⃣"])
        #expect(parsed.diagnostics.first.map { lineColumn($0, in: parsed.file.source) } == "3:1")
        #expect(parsed.diagnostics.last?.severity == .note)
        #expect(parsed.diagnostics.last?.range.start == marked["2️⃣"])
        #expect(parsed.diagnostics.last?.englishMessage == "the block opened here is not closed")
        #expect(parsed.file.declarations.count == 2)
        // The block left open is the declaration parsed with an error; the next one is whole.
        #expect(parsed.file.damaged == [0])
    }

    @Test("A declaration cut short at the end of its line: the declaration on the next line is read whole, not skipped")
    func cutShortBeforeDeclaration() {
        let marked = MarkedSource(
            """
            limit a "无条件"
            1️⃣limit b "被投诉" when count(complaints) > 0 at most 良好
            veto c "无标题或条件"
            indicator d "D" {
              points 5
            }
            """)
        let parsed = Parser.parse(marked.source())
        // One K0101 for each declaration cut short, where the next starts.
        #expect(parsed.diagnostics.map(\.id) == ["K0101", "K0101"])
        #expect(parsed.diagnostics.first?.range.start == marked["1️⃣"])
        #expect(parsed.diagnostics.first?.englishMessage == "expected `when CONDITION` (when the grade is limited), found `limit`")
        let ids = parsed.file.declarations.compactMap { declaration -> String? in
            switch declaration {
            case .limit(let limit): return limit.id.text
            case .veto(let veto): return veto.id.text
            case .indicator(let indicator): return indicator.id.text
            default: return nil
            }
        }
        #expect(ids.contains("b"))
        #expect(ids.contains("d"))
    }

    @Test("K0106: a setting written twice in one block is an error at the second, naming the line of the first")
    func settingTwice() {
        let marked = MarkedSource(
            """
            indicator a "A" {
              points 10
              minimum 1000000
              from cases
              measure count()
              score measure
              1️⃣minimum 5
            }
            assessment "T" {
              category "甲" 10
              category "乙" 10
            }
            test "t" {
              table cases {
                id
                1
              }
              table reviews {
                id
                1
              }
              expect "C1" a == 1
              expect "C1" a.points == 1
            }
            """)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0106"])
        let diagnostic = parsed.diagnostics.first
        #expect(diagnostic?.range.start == marked["1️⃣"])
        #expect(diagnostic?.message == "“minimum”已在第 3 行写过：每项指标设置只能写一次")
        #expect(diagnostic?.englishMessage == "`minimum` is already set in this block (line 3)")
        // The indicator is parsed with an error, so it is not checked (nor scored) on a guess.
        #expect(parsed.file.damaged == [0])
    }

    @Test("A block left open at the end of the file: one K0101 at the end (line 3, column 1 after the final newline)")
    func missingBraceAtEnd() {
        let marked = MarkedSource(
            """
            assessment "T" {
              period 2024-01-01 .. 2024-12-31

            """ + "1️⃣")
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0101", "K0105"])
        #expect(parsed.diagnostics.first?.range.start == marked["1️⃣"])
        #expect(parsed.diagnostics.first.map { lineColumn($0, in: parsed.file.source) } == "3:1")
        #expect(parsed.diagnostics.first?.englishMessage == "expected `}` closing the block, found the end of the file")
        #expect(parsed.diagnostics.last.map { lineColumn($0, in: parsed.file.source) } == "1:16")
    }

    @Test("Two independent errors in one block give exactly two errors, and the statements after them still parse")
    func twoErrorsInOneBlock() throws {
        let marked = MarkedSource(
            """
            indicator a "A" {
              points 30 1️⃣分
              from cases 2️⃣wher status == "finished"
              measure count()
            }
            """)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0101", "K0101"])
        #expect(parsed.diagnostics.map(\.range.start) == [marked["1️⃣"], marked["2️⃣"]])
        #expect(parsed.diagnostics.map { lineColumn($0, in: parsed.file.source) } == ["2:13", "3:14"])
        guard case .indicator(let indicator)? = parsed.file.declarations.first else {
            Issue.record("the indicator was lost")
            return
        }
        #expect(sexp(indicator.points) == "30")
        #expect(indicator.source?.text == "cases")
        #expect(sexp(indicator.measure) == "(count)")
    }

    @Test("Errors in two declarations give exactly two errors: a misspelled keyword (with a suggestion) and `=` for `==`")
    func twoErrorsInTwoDeclarations() {
        let marked = MarkedSource(
            """
            1️⃣indicater a "A" {
              points 30
            }
            indicator b "B" {
              from cases where status 2️⃣= "finished"
            }
            """)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0102", "K0103"])
        #expect(parsed.diagnostics.map(\.range.start) == [marked["1️⃣"], marked["2️⃣"]])
        #expect(parsed.diagnostics.map { lineColumn($0, in: parsed.file.source) } == ["1:1", "5:27"])
        #expect(parsed.diagnostics.first?.englishHint == "did you mean `indicator`?")
        #expect(parsed.file.declarations.count == 1)
    }

    /// The parser promises "one typo gives one error": each of these has one typo, so exactly one diagnostic, at the marker.
    @Test(
        "One typo gives exactly one error, at the typo",
        arguments: [
            ("param x = 90% 1️⃣多余", "K0101"),
            ("indicator a \"A\" {\n  1️⃣pionts 30\n}", "K0102"),
            ("1️⃣indicatr a \"A\" {\n  points 1\n}", "K0102"),
            ("assessment \"T\" {\n  grades { 优秀 >= 1️⃣; 不合格 }\n}", "K0101"),
            ("indicator a \"A\" {\n  measure rate(status == 1️⃣)\n}", "K0101"),
            ("indicator a \"A\" {\n  score linear { 90% 1️⃣0; 100% -> 30 }\n}", "K0101"),
            ("indicator a \"A\" {\n  from cases where status 1️⃣= \"finished\"\n}", "K0103"),
            // K0104 points at what follows `in`, the value that should have been a list.
            ("indicator a \"A\" {\n  measure count(where kind in 1️⃣\"x\")\n}", "K0104"),
            // After a missing value or keyword the statement must not be reported a second time as unfinished.
            ("param x = 1️⃣)", "K0101"),
            ("indicator a \"A\" {\n  when 1️⃣emty: full\n}", "K0101"),
            ("assessment \"T\" {\n  period 2024-01-01 1️⃣2024-12-31\n}", "K0101"),
        ])
    func oneTypoOneError(text: String, id: String) {
        let marked = MarkedSource(text)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == [id])
        #expect(parsed.diagnostics.map(\.range.start) == [marked["1️⃣"]])
    }

    @Test("Columns count characters, not bytes: after two Chinese characters the error is at column 16")
    func chineseColumns() {
        // "param 下限 = 90% " is 15 characters (下限 is 2 characters but 6 bytes), so 多余 starts at column 16, byte 19.
        let marked = MarkedSource("param 下限 = 90% 1️⃣多余")
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0101"])
        #expect(parsed.diagnostics.first?.range.start == 19)
        #expect(parsed.diagnostics.first?.range.start == marked["1️⃣"])
        #expect(parsed.diagnostics.first.map { lineColumn($0, in: parsed.file.source) } == "1:16")
    }

    @Test("Full-width （ gives one K0002 with a hint naming the ASCII (, and parses as if it were (")
    func fullWidthParenthesis() throws {
        let marked = MarkedSource(
            """
            indicator a "A" {
              measure rate1️⃣（status == "finished")
            }
            """)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0002"])
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(diagnostic.range == SourceRange(marked["1️⃣"], marked["1️⃣"] + 3))  // （ is 3 bytes of UTF-8
        #expect(lineColumn(diagnostic, in: parsed.file.source) == "2:15")
        #expect(diagnostic.hint == "改用半角“(”（切换到英文输入法）")
        #expect(diagnostic.englishHint == "use the ASCII `(` instead (switch the keyboard to English)")
        guard case .indicator(let indicator)? = parsed.file.declarations.first else {
            Issue.record("the indicator was lost")
            return
        }
        #expect(sexp(indicator.measure) == "(rate (== status \"finished\"))")
    }

    @Test("An unterminated string: one K0004 at its quote, the string runs to the end of the line, the next line parses")
    func unterminatedString() throws {
        let marked = MarkedSource(
            """
            veto v "否决" when count(inspections) > 0 reason 1️⃣"未闭合
            indicator a "A" {
              points 1
            }
            """)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0004"])
        #expect(parsed.diagnostics.first?.range.start == marked["1️⃣"])
        // "veto v "否决" when count(inspections) > 0 reason " is 47 characters.
        #expect(parsed.diagnostics.first.map { lineColumn($0, in: parsed.file.source) } == "1:48")
        #expect(parsed.file.declarations.count == 2)
        guard case .veto(let veto)? = parsed.file.declarations.first else {
            Issue.record("the veto was lost")
            return
        }
        #expect(veto.reason?.value == "未闭合")
    }

    @Test("`=` where `==` is meant: K0103 at the `=`, and the tree holds `==`")
    func singleEquals() throws {
        let marked = MarkedSource(
            """
            indicator a "A" {
              from cases where status 1️⃣= "finished"
            }
            """)
        let parsed = Parser.parse(marked.source())
        #expect(parsed.diagnostics.map(\.id) == ["K0103"])
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(diagnostic.range == SourceRange(marked["1️⃣"], marked["1️⃣"] + 1))
        #expect(lineColumn(diagnostic, in: parsed.file.source) == "2:27")
        #expect(diagnostic.englishHint == "write `==` instead of `=`")
        guard case .indicator(let indicator)? = parsed.file.declarations.first else {
            Issue.record("the indicator was lost")
            return
        }
        #expect(sexp(indicator.filter) == "(== status \"finished\")")
    }

    @Test("Brackets nested past the limit give K0110 instead of overflowing the stack")
    func deepNesting() {
        let text = "param x = " + String(repeating: "(", count: 1_000) + "1" + String(repeating: ")", count: 1_000)
        let parsed = parse(text)
        #expect(parsed.diagnostics.contains { $0.id == "K0110" })
    }
}
