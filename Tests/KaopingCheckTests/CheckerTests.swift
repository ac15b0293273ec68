import KaopingCheck
import KaopingStore
import KaopingSyntax
import Testing

@Suite("Checker: names, types, contexts, parameters and the plan")
struct CheckerTests {
    @Test("A misspelled column: one K0230 at line 9, column 38, suggesting finished_at")
    func misspelledColumn() throws {
        let checked = check(
            """
            assessment "考核" {
              period 2024-01-01 .. 2024-12-31
              grades { 优秀 >= 90; 不合格 }
            }
            indicator timeliness "按时办结率" {
              category "效能"
              points 30
              from cases where status == "finished"
              measure rate(workdays(accepted_at, finshed_at) <= promised_days)
              score linear { 90% -> 0; 100% -> 30 }
              when empty: not_applicable
            }
            """)
        #expect(checked.plan == nil)
        #expect(checked.diagnostics.map(\.id) == ["K0230"])
        let diagnostic = try #require(checked.diagnostics.first)
        // Line 9 is "  measure rate(workdays(accepted_at, finshed_at) …": 2 spaces, "measure " (8), "rate(" (5),
        // "workdays(" (9), "accepted_at, " (13) are 37 characters, so finshed_at starts at column 38.
        #expect(checked.position(diagnostic) == "9:38")
        #expect(checked.source.text(diagnostic.range) == "finshed_at")
        #expect(diagnostic.hint == "是否想写“finished_at”？")
        #expect(diagnostic.englishHint == "did you mean `finished_at`?")
        #expect(diagnostic.englishMessage == "no column of table `cases` and no parameter named `finshed_at`")
    }

    @Test("An unknown table: K0232 at the table name, suggesting the nearest table")
    func unknownTable() throws {
        let marked = MarkedSource(header + indicator("  from 1️⃣complaint\n  measure count()\n  score measure"))
        let checked = check(marked.text)
        let diagnostic = try #require(checked.diagnostics.first { $0.id == "K0232" })
        #expect(diagnostic.range == SourceRange(marked["1️⃣"], marked["1️⃣"] + 9))
        // The header is lines 1–4; the indicator opens on line 5, so `from` is line 8: "  from " puts the name at column 8.
        #expect(checked.position(diagnostic) == "8:8")
        #expect(diagnostic.englishMessage == "the data has no table `complaint`")
        #expect(diagnostic.englishHint == "did you mean `complaints`?")
        #expect(checked.plan == nil)
    }

    @Test("Comparing text with a number: K0227 over the whole comparison, naming both types")
    func typeMismatch() throws {
        let marked = MarkedSource(header + indicator("  from cases where 1️⃣status > 3\n  measure count()\n  score measure"))
        let checked = check(marked.text)
        #expect(checked.errors.map(\.id) == ["K0227"])
        let diagnostic = try #require(checked.errors.first)
        #expect(checked.source.text(diagnostic.range) == "status > 3")
        #expect(diagnostic.message == "文本与整数不能比较")
        #expect(diagnostic.englishMessage == "text cannot be compared with an integer")
    }

    @Test(
        "An aggregate outside a measure or veto is K0240 at its name, wherever it is written",
        arguments: [
            header + indicator("  from cases where 1️⃣count() > 3\n  measure count()\n  score measure"),
            header + indicator("  from cases\n  measure count()\n  score 1️⃣count() - measure"),
            header + indicator("  from cases\n  measure count(where 1️⃣max(promised_days) > 1)\n  score measure"),
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  assess centers where 1️⃣count() > 0\n  grades { 优秀 >= 90; 不合格 }\n}\n"
                + validIndicator,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 1️⃣sum(promised_days); 不合格 }\n}\n" + validIndicator,
        ])
    func aggregateOutsideMeasure(text: String) {
        let marked = MarkedSource(text)
        let checked = check(marked.text)
        #expect(checked.parseDiagnostics == [])
        #expect(checked.errors.map(\.id) == ["K0240"])
        #expect(checked.errors.map(\.range.start) == [marked["1️⃣"]])
    }

    @Test("An assessment without period or grades: K0204 and K0207, both at its title, and no plan")
    func missingPeriodAndGrades() {
        let marked = MarkedSource("assessment 1️⃣\"考核\" {\n}\n" + validIndicator)
        let checked = check(marked.text)
        #expect(checked.diagnostics.map(\.id) == ["K0204", "K0207"])
        #expect(checked.diagnostics.map(\.range.start) == [marked["1️⃣"], marked["1️⃣"]])
        #expect(checked.diagnostics.map(checked.position) == ["1:12", "1:12"])
        #expect(checked.plan == nil)
    }

    @Test("Control points out of order: K0270 at the first point that is not larger than the one before")
    func unorderedControlPoints() {
        let marked = MarkedSource(
            header
                + indicator(
                    """
                      from cases
                      measure rate(status == "finished")
                      score linear { 0% -> 0; 90% -> 5; 1️⃣90% -> 8; 100% -> 10 }
                    """))
        let checked = check(marked.text)
        #expect(checked.errors.map(\.id) == ["K0270"])
        #expect(checked.errors.map(\.range.start) == [marked["1️⃣"]])
    }

    @Test("An unused parameter is a warning (K0255) at its name; the plan is still made")
    func unusedParameter() {
        let marked = MarkedSource(
            header + "param used = 5\nparam 1️⃣spare = 90%\n" + indicator("  from cases\n  measure count() + used\n  score measure"))
        let checked = check(marked.text)
        #expect(checked.diagnostics.map(\.id) == ["K0255"])
        #expect(checked.diagnostics.map(\.severity) == [.warning])
        #expect(checked.diagnostics.map(\.range.start) == [marked["1️⃣"]])
        #expect(checked.diagnostics.first?.englishMessage == "the parameter `spare` is never used")
        #expect(checked.plan != nil)
    }

    static let parameterRules =
        header + """
            param x = 15
            param floor = 90%

            """ + indicator("  from cases\n  measure count() + x\n  score linear { floor -> 0; 100% -> 10 }")

    @Test("Without overrides the plan has each parameter's value from the file, not overridden, in name order")
    func parameterDefaults() throws {
        let checked = check(CheckerTests.parameterRules)
        #expect(checked.diagnostics == [])
        let plan = try #require(checked.plan)
        // 90% is the fraction 90 / 100 = 0.9.
        #expect(
            parameters(plan) == [
                "floor = real(0.9), 90%, default",
                "x = integer(15), 15, default",
            ])
        #expect(plan.indicators.first?.score == .linear([(0.9, 0), (1.0, 10)]))
    }

    @Test("--param overrides replace the value everywhere it is used and are marked overridden")
    func parameterOverrides() throws {
        let checked = check(CheckerTests.parameterRules, overrides: ["x": "20", "floor": "95%"])
        #expect(checked.diagnostics == [])
        let plan = try #require(checked.plan)
        #expect(
            parameters(plan) == [
                "floor = real(0.95), 95%, overridden",
                "x = integer(20), 20, overridden",
            ])
        // The control point moved from 0.9 to 95 / 100 = 0.95.
        #expect(plan.indicators.first?.score == .linear([(0.95, 0), (1.0, 10)]))
        // The measure is count() + x with x folded in as the constant 20.
        guard case .arithmetic("+", _, .constant(let added))? = plan.indicators.first?.measure else {
            Issue.record("unexpected measure \(String(describing: plan.indicators.first?.measure))")
            return
        }
        #expect(added == .integer(20))
    }

    @Test(
        "A bad override names the --param, its value and the kind wanted, never a rule-file position",
        arguments: [
            (["flor": "95%"], "K0252", "--param flor is not a parameter of the rule file", "did you mean `floor`?"),
            (["x": "2 0"], "K0253", "the value of --param x=2 0 cannot be read: x must be a whole number", "write --param x=15"),
            (["x": "abc"], "K0253", "the value of --param x=abc cannot be read: x must be a whole number", "write --param x=15"),
            (["x": "15 * 2"], "K0253", "the value of --param x=15 * 2 cannot be read: x must be a whole number", "write --param x=15"),
            (
                ["floor": "xyz"], "K0253", "the value of --param floor=xyz cannot be read: floor must be a percentage",
                "write --param floor=90%"
            ),
            (["x": "\"二十\""], "K0254", "--param x=\"二十\": x must be a whole number", "write --param x=15"),
            (["x": "10.5"], "K0254", "--param x=10.5: x must be a whole number", "write --param x=15"),
            (["x": "20%"], "K0254", "--param x=20%: x must be a whole number", "write --param x=15"),
            (["floor": "92"], "K0254", "--param floor=92: floor must be a percentage", "write --param floor=92%"),
            (["floor": "0.57"], "K0254", "--param floor=0.57: floor must be a percentage", "write --param floor=57%"),
            (["floor": "2024-01-01"], "K0254", "--param floor=2024-01-01: floor must be a percentage", "write --param floor=90%"),
        ] as [([String: String], String, String, String)])
    func badOverride(overrides: [String: String], id: String, message: String, hint: String) {
        let checked = check(CheckerTests.parameterRules, overrides: overrides)
        #expect(checked.diagnostics.map(\.id) == [id])
        #expect(checked.diagnostics.first?.file == "--param")
        #expect(checked.diagnostics.first?.englishMessage == message)
        #expect(checked.diagnostics.first?.englishHint == hint)
        #expect(checked.plan == nil)
    }

    @Test("An impossible date on the command line says so")
    func impossibleDateOverride() {
        let rules =
            header + "param due = 2024-06-30\n" + indicator("  from cases where accepted_at <= due\n  measure count()\n  score measure")
        let checked = check(rules, overrides: ["due": "2024-02-30"])
        #expect(checked.diagnostics.map(\.id) == ["K0253"])
        #expect(checked.diagnostics.first?.englishMessage == "--param due=2024-02-30: the date 2024-02-30 does not exist")
        #expect(checked.diagnostics.first?.message == "--param due=2024-02-30：2024-02-30 这个日期不存在")
        #expect(checked.plan == nil)
    }

    @Test("Full-width digits, percent sign and minus on the command line are read as ASCII, and recorded so")
    func fullWidthOverride() throws {
        let checked = check(CheckerTests.parameterRules, overrides: ["x": "－１０", "floor": "９５％"])
        #expect(checked.diagnostics == [])
        let plan = try #require(checked.plan)
        #expect(parameters(plan) == ["floor = real(0.95), 95%, overridden", "x = integer(-10), -10, overridden"])
    }

    @Test("A whole number for a number parameter is a number; one declared as a fraction takes any number")
    func numberOverride() throws {
        let rules = header + "param scale = 1.5\n" + indicator("  from cases\n  measure count() * scale\n  score measure")
        let checked = check(rules, overrides: ["scale": "2"])
        #expect(checked.diagnostics == [])
        #expect(checked.plan.map(parameters) == ["scale = real(2.0), 2, overridden"])
    }

    @Test("A negative number is a constant parameter value, in the file and on the command line")
    func negativeParameter() throws {
        let rules = header + "param penalty = -2\n" + indicator("  from cases\n  measure count() * penalty\n  score 10 + measure")
        let fromFile = check(rules)
        #expect(fromFile.diagnostics == [])
        #expect(fromFile.plan.map(parameters) == ["penalty = integer(-2), -2, default"])
        let overridden = check(rules, overrides: ["penalty": "-3"])
        #expect(overridden.diagnostics == [])
        #expect(overridden.plan.map(parameters) == ["penalty = integer(-3), -3, overridden"])
    }

    @Test("The four-indicator core rules (Tests/Fixtures) check cleanly into one scan per table, in table order")
    func shippedRules() throws {
        let path = ProjectFolder.root.appendingPathComponent("Tests/Fixtures/jiangsu-core-4.rules").path
        let source = SourceFile(name: path, text: try String(contentsOfFile: path, encoding: .utf8))
        let checked = Checker.check(Parser.parse(source).file, schema: .canonical)
        #expect(checked.diagnostics == [])
        let plan = try #require(checked.plan)
        #expect(plan.title == "江苏省政务服务分中心一体化管理年度考核")
        #expect(CivilDay(number: plan.periodStart).description == "2024-01-01")
        #expect(CivilDay(number: plan.periodEnd).description == "2024-12-31")
        #expect(
            plan.grades.map { "\($0.name) \($0.minimum.map { String(Int($0)) } ?? "-")" } == [
                "优秀 90", "良好 80", "合格 60",
                "不合格 -",
            ])
        #expect(plan.rankWithin == ["level"])
        #expect(plan.indicators.map(\.id) == ["timeliness", "review_closure", "inspections", "integration"])
        #expect(plan.indicators.map(\.category) == ["服务效能", "好差评", "窗口服务规范", "系统对接"])
        // 30 + 25 + 20 + 25 = 100.
        #expect(plan.indicators.map(\.points) == [30, 25, 20, 25])
        #expect(plan.indicators.map(\.emptyPolicy) == [.notApplicable, .full, .full, .zero])
        #expect(plan.vetoes.map(\.id) == ["serious_violation"])
        #expect(
            parameters(plan) == [
                "ontime_floor = real(0.9), 90%, default",
                "rectify_days = integer(15), 15, default",
            ])
        #expect(plan.usesCalendar)
        // One scan per source table, each feeding exactly the aggregates over its table, covering them all.
        #expect(plan.scans.map(\.table) == ["cases", "inspections", "integrations", "reviews"])
        for scan in plan.scans {
            #expect(scan.aggregates.allSatisfy { plan.aggregates[$0].table == scan.table })
        }
        #expect(plan.scans.flatMap(\.aggregates).sorted() == Array(plan.aggregates.indices))
        #expect(plan.scans.map { $0.periodColumn ?? "-" } == ["accepted_at", "inspected_at", "-", "rated_at"])
    }
}

/// Each parameter as `name = value, display, overridden|default`, in plan order.
func parameters(_ plan: Plan) -> [String] {
    plan.parameters.map { "\($0.name) = \($0.value), \($0.display), \($0.overridden ? "overridden" : "default")" }
}

/// One run, every mistake the text allows: a declaration parsed with an error is not checked (what it says is
/// incomplete), and every other one is.
@Suite("Checking after syntax errors")
struct CheckAfterSyntaxErrorTests {
    @Test("A syntax error in one indicator, a misspelled table and column in two others: three errors in one run")
    func everyMistakeInOneRun() throws {
        let marked = MarkedSource(
            """
            assessment "A" {
              period 2024-01-01 .. 2024-12-31
              grades { 优秀 >= 90; 不合格 }
            }
            param floor = 90%
            indicator a "A" {
              points 10
              from cases where status == "finished"
              measure rate(corrections <= 1
              1️⃣score linear { floor -> 0; 100% -> full }
            }
            indicator b "B" {
              points 10
              from 2️⃣casess
              measure count()
              score measure
            }
            indicator c "C" {
              points 10
              from cases
              measure rate(3️⃣finshed_at is not null)
              score linear { 90% -> 0; 100% -> full }
              when empty: full
            }
            """)
        let parsed = Parser.parse(SourceFile(name: "test.rules", text: marked.text))
        #expect(parsed.diagnostics.map(\.id) == ["K0101"])
        #expect(parsed.diagnostics.first?.range.start == marked["1️⃣"])
        #expect(parsed.file.damaged == [2])
        let checked = Checker.check(parsed.file, schema: .canonical)
        // a is not checked: no cascade from its broken measure, and `floor`, used only there, is not called unused.
        #expect(checked.diagnostics.map(\.id) == ["K0232", "K0230"])
        #expect(checked.diagnostics.map(\.range.start) == [marked["2️⃣"], marked["3️⃣"]])
        #expect(checked.plan == nil)
    }

    @Test("A file whose only errors are syntax errors has no plan, though what parsed checks clean")
    func noPlanFromAFileWithSyntaxErrors() {
        let parsed = Parser.parse(SourceFile(name: "test.rules", text: header + "garbage here\n" + validIndicator))
        #expect(parsed.diagnostics.hasErrors)
        let checked = Checker.check(parsed.file, schema: .canonical)
        #expect(checked.diagnostics == [])
        #expect(checked.plan == nil)
    }
}

/// `define`: a definition that uses itself (K0239); one read where its columns are missing is reported in it, with
/// a note where it is used (K0212); one never used is K0255; a name defined twice is K0250.
@Suite("Definitions")
struct DefinitionTests {
    @Test("A definition that uses itself, directly or through another: K0239 at the use inside it")
    func selfUse() {
        let marked = MarkedSource(
            header + "define a_def = 1️⃣b_def\ndefine b_def = a_def > 0\n"
                + indicator("  from cases\n  measure count(where b_def)\n  score measure"))
        let checked = check(marked.text)
        #expect(checked.diagnostics.filter { $0.id == "K0239" }.map(\.range.start) == [marked["1️⃣"]])
    }

    @Test("Read over a table without its columns: the error in the definition, a note at the use")
    func misplaced() {
        let marked = MarkedSource(
            header + "define bad_review = 1️⃣rating <= 2\n" + indicator("  from cases where 2️⃣bad_review\n  measure count()\n  score measure"))
        let checked = check(marked.text)
        #expect(checked.diagnostics.map(\.id) == ["K0230", "K0212"])
        #expect(checked.diagnostics.map(\.range.start) == [marked["1️⃣"], marked["2️⃣"]])
        #expect(checked.diagnostics.last?.severity == .note)
        #expect(checked.diagnostics.last?.englishMessage == "the definition `bad_review` is used here")
    }

    @Test("Unused (K0255) and defined twice, or as a parameter too (K0250)")
    func unusedAndTwice() {
        let unused = check(header + "define spare = 1\n" + validIndicator)
        #expect(unused.diagnostics.map(\.id) == ["K0255"])
        #expect(unused.diagnostics.first?.englishMessage == "the definition `spare` is never used")
        let twice = MarkedSource(
            header + "param x = 1\ndefine 1️⃣x = 2\n" + indicator("  from cases\n  measure count() + x\n  score measure"))
        #expect(check(twice.text).diagnostics.map(\.id) == ["K0250"])
        #expect(check(twice.text).diagnostics.first?.range.start == twice["1️⃣"])
    }
}
