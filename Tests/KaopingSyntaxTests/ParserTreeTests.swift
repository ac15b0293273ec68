import KaopingSyntax
import Testing

/// Spot checks that each construct parses to the tree it should, written as S-expressions (see `sexp`).
@Suite("Parser: the tree of each construct")
struct ParserTreeTests {
    @Test(
        "Expressions: precedence, associativity and every literal",
        arguments: [
            // `*` binds tighter than `+`; brackets override; `-` and `/` associate to the left.
            ("a + b * c", "(+ a (* b c))"),
            ("(a + b) * c", "(* (+ a b) c)"),
            ("a - b - c", "(- (- a b) c)"),
            ("a / b * c", "(* (/ a b) c)"),
            // Unary minus binds tighter than `*` and nests.
            ("-a * b", "(* (- a) b)"),
            ("- - a", "(- (- a))"),
            // `or` is loosest, then `and`, then `not`, then comparisons.
            ("a or b and c", "(or a (and b c))"),
            ("a and b or c", "(or (and a b) c)"),
            ("not a == b", "(not (== a b))"),
            ("not a and b", "(and (not a) b)"),
            ("a + 1 <= b * 2", "(<= (+ a 1) (* b 2))"),
            ("x != \"y\"", "(!= x \"y\")"),
            // Null tests and lists.
            ("x is null", "(is-null x)"),
            ("x is not null and y is null", "(and (is-not-null x) (is-null y))"),
            ("kind in [\"sub_center\", \"onsite_point\"]", "(in kind [\"sub_center\" \"onsite_point\"])"),
            ("kind not in [1, 2.5]", "(not-in kind [1 2.5])"),
            // Literals: a percent is stored as its fraction (90 / 100 = 0.9, 12.5 / 100 = 0.125).
            ("90%", "pct(0.9)"),
            ("12.5%", "pct(0.125)"),
            ("2024-02-08", "date(2024-02-08)"),
            ("0.5", "0.5"),
            ("true", "true"),
            ("null", "null"),
            // Calls and aggregates, with and without `where`, with an explicit table.
            ("count()", "(count)"),
            ("count(promised_days)", "(count promised_days)"),
            ("count(where severity == \"minor\") * 4", "(* (count where (== severity \"minor\")) 4)"),
            ("count(inspections where severity == \"serious\") > 0", "(> (count inspections where (== severity \"serious\")) 0)"),
            ("sum(promised_days where status == \"finished\")", "(sum promised_days where (== status \"finished\"))"),
            (
                "rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)",
                "(rate (<= (- (workdays accepted_at finished_at) paused_days) promised_days))"
            ),
            ("item.name", "(. item name)"),
            // Chinese identifiers.
            ("按时率 >= 下限", "(>= 按时率 下限)"),
        ])
    func expression(text: String, expected: String) {
        let parsed = parseExpression(text)
        #expect(parsed.diagnostics == [])
        #expect(sexp(parsed.expression) == expected)
    }

    @Test("Every expression node's range covers exactly the text it was parsed from")
    func expressionRanges() throws {
        let parsed = parseExpression("(a + b) * rate(x where y)")
        let expression = try #require(parsed.expression)
        var texts: [String] = []
        expression.walk { texts.append(parsed.source.text($0.range)) }
        // Depth first: the product, its bracketed left side (brackets included), a, b, then the call and its parts.
        #expect(texts == ["(a + b) * rate(x where y)", "(a + b)", "a", "b", "rate(x where y)", "x", "y"])
    }

    @Test("The assessment header: title, period, assess filter, grades and ranking groups")
    func assessment() throws {
        let text = """
            assessment "江苏省考核" {
              period 2024-01-01 .. 2024-12-31
              assess centers where kind in ["sub_center", "onsite_point"]
              grades { 优秀 >= 90; 良好 >= 80; 不合格 }
              rank by total within level, region
            }
            """
        let parsed = parse(text)
        #expect(parsed.diagnostics == [])
        #expect(parsed.file.declarations.count == 1)
        guard case .assessment(let header)? = parsed.file.declarations.first else {
            Issue.record("not an assessment: \(parsed.file.declarations)")
            return
        }
        #expect(header.title.value == "江苏省考核")
        #expect(sexp(header.period?.start) == "date(2024-01-01)")
        #expect(sexp(header.period?.end) == "date(2024-12-31)")
        #expect(sexp(header.assessFilter) == "(in kind [\"sub_center\" \"onsite_point\"])")
        #expect(header.grades.map(\.name.text) == ["优秀", "良好", "不合格"])
        #expect(header.grades.map { sexp($0.threshold) } == ["90", "80", "<none>"])
        #expect(header.rankWithin.map(\.text) == ["level", "region"])
        // The declaration's range runs from `assessment` to the closing brace: the whole text.
        #expect(parsed.file.source.text(header.range) == text)
    }

    @Test("An indicator: id, title, points, source, filter, measure, linear score, empty policy, minimum")
    func indicator() throws {
        let parsed = parse(
            """
            indicator 按时办结 "按时办结率" {
              category "服务效能"
              points 30
              from cases where status == "finished" and kind == "promised"
              measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
              score linear { ontime_floor -> 0; 100% -> 30 }
              when empty: not_applicable
              minimum 5
            }
            """)
        #expect(parsed.diagnostics == [])
        guard case .indicator(let indicator)? = parsed.file.declarations.first else {
            Issue.record("not an indicator: \(parsed.file.declarations)")
            return
        }
        #expect(indicator.id.text == "按时办结")
        #expect(indicator.title.value == "按时办结率")
        #expect(sexp(indicator.points) == "30")
        #expect(indicator.source?.text == "cases")
        #expect(sexp(indicator.filter) == "(and (== status \"finished\") (== kind \"promised\"))")
        #expect(sexp(indicator.measure) == "(rate (<= (- (workdays accepted_at finished_at) paused_days) promised_days))")
        guard case .linear(let points, _)? = indicator.score else {
            Issue.record("not a linear score: \(String(describing: indicator.score))")
            return
        }
        #expect(points.map { "\(sexp($0.input)) -> \(sexp($0.points))" } == ["ontime_floor -> 0", "pct(1.0) -> 30"])
        #expect(indicator.emptyPolicy?.text == "not_applicable")
        #expect(sexp(indicator.minimum) == "5")
    }

    @Test("A band score keeps each band's comparison, bound and points, with `else` last")
    func bands() throws {
        let parsed = parse(
            """
            indicator a "A" {
              score bands { >= 99% -> 10; > 95% -> 5; < 10% -> 1; else -> 0 }
            }
            """)
        #expect(parsed.diagnostics == [])
        guard case .indicator(let indicator)? = parsed.file.declarations.first, case .bands(let bands, _)? = indicator.score else {
            Issue.record("no band score: \(parsed.file.declarations)")
            return
        }
        #expect(
            bands.map { "\($0.comparison ?? "else") \(sexp($0.bound)) -> \(sexp($0.points))" }
                == [">= pct(0.99) -> 10", "> pct(0.95) -> 5", "< pct(0.1) -> 1", "else <none> -> 0"])
    }

    @Test("A score expression is an ordinary expression of `measure`")
    func scoreExpression() throws {
        let parsed = parse(
            """
            indicator inspections "明察暗访" {
              from inspections
              measure count(where severity == "general") * 4 + count(where severity == "minor") * 2
              score 20 - measure
              when empty: full
            }
            """)
        #expect(parsed.diagnostics == [])
        guard case .indicator(let indicator)? = parsed.file.declarations.first, case .expression(let score)? = indicator.score else {
            Issue.record("no score expression: \(parsed.file.declarations)")
            return
        }
        #expect(indicator.filter == nil)
        #expect(sexp(indicator.measure) == "(+ (* (count where (== severity \"general\")) 4) (* (count where (== severity \"minor\")) 2))")
        #expect(sexp(score) == "(- 20 measure)")
        #expect(indicator.emptyPolicy?.text == "full")
    }

    @Test(
        "A veto, written inline or as a block",
        arguments: [
            """
            veto serious "严重违纪" when count(inspections where severity == "serious") > 0 reason "一票否决"
            """,
            """
            veto serious "严重违纪" {
              when count(inspections where severity == "serious") > 0
              reason "一票否决"
            }
            """,
        ])
    func veto(text: String) throws {
        let parsed = parse(text)
        #expect(parsed.diagnostics == [])
        guard case .veto(let veto)? = parsed.file.declarations.first else {
            Issue.record("not a veto: \(parsed.file.declarations)")
            return
        }
        #expect(veto.id.text == "serious")
        #expect(veto.title.value == "严重违纪")
        #expect(sexp(veto.condition) == "(> (count inspections where (== severity \"serious\")) 0)")
        #expect(veto.reason?.value == "一票否决")
        #expect(parsed.file.source.text(veto.range) == text)
    }

    @Test("Parameters, in English or Chinese; comments are lexed aside, marked trailing or not")
    func parametersAndComments() throws {
        let text = """
            # 参数
            param ontime_floor = 90%   # 低于此值不得分
            param 整改时限 = 15
            param 开始 = 2024-01-01
            param 标签 = "分中心"
            """
        let parsed = parse(text)
        #expect(parsed.diagnostics == [])
        let parameters = parsed.file.declarations.compactMap { declaration -> String? in
            guard case .parameter(let parameter) = declaration else { return nil }
            return "\(parameter.name.text)=\(sexp(parameter.value))"
        }
        #expect(parameters == ["ontime_floor=pct(0.9)", "整改时限=15", "开始=date(2024-01-01)", "标签=\"分中心\""])
        let comments = Lexer.lex(SourceFile(name: "test.rules", text: text)).comments
        #expect(comments.map(\.text) == ["# 参数", "# 低于此值不得分"])
        #expect(comments.map(\.trailing) == [false, true])
    }

    @Test(
        "The four-indicator core rule file (Tests/Fixtures) parses without a diagnostic into 1 assessment, 2 parameters, 4 indicators and 1 veto"
    )
    func shippedRules() throws {
        let path = ProjectFolder.root.appendingPathComponent("Tests/Fixtures/jiangsu-core-4.rules").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let parsed = parse(text)
        #expect(parsed.diagnostics == [])
        let kinds = parsed.file.declarations.map { declaration -> String in
            switch declaration {
            case .assessment: return "assessment"
            case .parameter(let value): return "param \(value.name.text)"
            case .indicator(let value): return "indicator \(value.id.text)"
            case .veto(let value): return "veto \(value.id.text)"
            default: return "other"
            }
        }
        #expect(
            kinds == [
                "assessment", "param ontime_floor", "param rectify_days", "indicator timeliness", "indicator review_closure",
                "indicator inspections", "indicator integration", "veto serious_violation",
            ])
    }
}
