/// The `assessment` declaration: its settings, category tree, tie-breaks and grades.
extension Parser {
    mutating func parseAssessment(start: Int) -> AssessmentDeclaration? {
        guard let title = expectString("考核名称", "the assessment's title") else {
            skipDeclaration()
            return nil
        }
        var declaration = AssessmentDeclaration(title: title, range: SourceRange(start, title.range.end))
        let end = parseBlock(keywords: Parser.assessmentKeywords, what: ("考核设置", "assessment setting"), repeatable: ["category"]) {
            parser, keyword in
            declaration.written.insert(keyword.text)
            switch keyword {
            case "period":
                let first = parser.parseExpression()
                if parser.expect("..") {
                    declaration.period = (first, parser.parseExpression())
                }
                parser.endStatement()
            case "assess":
                if parser.acceptWord("centers") || parser.acceptWord("units") {
                    if parser.acceptWord("where") { declaration.assessFilter = parser.parseExpression() }
                } else {
                    parser.expected("“centers”", "`centers`")
                }
                parser.endStatement()
            case "grades":
                declaration.grades = parser.parseGrades()
            case "total":
                declaration.total = parser.parseExpression()
                parser.endStatement()
            case "evidence":
                declaration.evidence = parser.parseExpression()
                parser.endStatement()
            case "category":
                if let category = parser.parseCategory(start: keyword.range.start) { declaration.categories.append(category) }
            case "bonuses", "deductions":
                if parser.acceptWord("max") {
                    let cap = parser.parseExpression()
                    if keyword.isWord("bonuses") { declaration.bonusCap = cap } else { declaration.deductionCap = cap }
                } else {
                    parser.expected("“max”（合计上限）", "`max` (the cap on the sum)")
                }
                parser.endStatement()
            case "lists":
                var any = false
                while parser.current.isWord("top") || parser.current.isWord("bottom") {
                    let word = parser.advanceText()
                    let size = parser.parseExpression()
                    if word == "top" { declaration.listTop = size } else { declaration.listBottom = size }
                    any = true
                }
                if !any { parser.expected("“top N”或“bottom N”", "`top N` or `bottom N`") }
                parser.endStatement()
            default:
                if parser.acceptWord("by") {
                    if !parser.acceptWord("total") { parser.expected("“total”", "`total`") }
                    while parser.accept(",") {
                        if let tieBreak = parser.parseTieBreak() { declaration.tieBreaks.append(tieBreak) }
                    }
                }
                if parser.acceptWord("within") {
                    repeat {
                        if let name = parser.expectName("分组字段（如 level、region）", "a grouping column (such as level or region)") {
                            declaration.rankWithin.append(name)
                        }
                    } while parser.accept(",")
                }
                parser.endStatement()
            }
        }
        declaration.range = SourceRange(start, end)
        return declaration
    }

    /// `category "name" N` with an optional block of sub-categories; `level` is 1 for a top-level category.
    mutating func parseCategory(start: Int, level: Int = 1) -> CategoryDeclaration? {
        guard level <= Parser.maximumDepth else {
            // Each level is a few stack frames: stop following them long before the stack runs out.
            error(
                "K0110", SourceRange(start, current.range.end), zh: "类别嵌套太深", en: "the categories are nested too deeply",
                hint: "类别最多两级（一级、二级指标）", hintEn: "categories have at most two levels")
            skipStatementAndBlock()
            return nil
        }
        guard let name = expectString("类别名称", "the category's name") else {
            skipStatement()
            return nil
        }
        var category = CategoryDeclaration(name: name, points: nil, children: [], range: SourceRange(start, name.range.end))
        if !current.is("{") && !atLineStart && !current.is(";") && !current.is("}") {
            category.points = parseExpression()
        }
        if current.is("{") {
            let end = parseBlock(keywords: Parser.categoryKeywords, what: ("二级类别", "sub-category"), repeatable: ["category"]) {
                parser, keyword in
                if let child = parser.parseCategory(start: keyword.range.start, level: level + 1) { category.children.append(child) }
            }
            category.range = SourceRange(start, end)
        } else {
            category.range = SourceRange(start, previousEnd)
            endStatement()
        }
        return category
    }

    /// `then "一级" [/ "二级"] [ascending|descending]` or `then INDICATOR …`: what breaks a tie in the total.
    mutating func parseTieBreak() -> TieBreak? {
        let start = current.range.start
        _ = acceptWord("then")
        let key: TieBreak.Key
        if current.kind == .string, let first = expectString("类别", "a category") {
            var path = [first]
            while accept("/") {
                if let next = expectString("二级类别", "the sub-category") { path.append(next) }
            }
            key = .category(path)
        } else if current.kind == .identifier {
            let token = advance()
            key = .indicator(Name(token.text, token.range))
        } else {
            expected("同分时比较的类别（如 \"服务效能\"）或指标编号", "a category (such as \"服务效能\") or an indicator id to break ties")
            return nil
        }
        var ascending = false
        if acceptWord("ascending") || acceptWord("asc") {
            ascending = true
        } else if !acceptWord("descending") {
            _ = acceptWord("desc")
        }
        return TieBreak(key: key, ascending: ascending, range: SourceRange(start, previousEnd))
    }

    mutating func parseGrades() -> [GradeBand] {
        var bands: [GradeBand] = []
        let opening = current.range
        guard expect("{") else {
            skipStatement()
            return bands
        }
        while !atEnd && !current.is("}") {
            if accept(";") { continue }
            guard let name = expectName("等次名称（如 优秀）", "a grade name (such as 优秀)") else {
                skipStatement()
                continue
            }
            var threshold: Expression?
            if accept(">=") {
                threshold = parseExpression()
            }
            bands.append(GradeBand(name: name, threshold: threshold))
            endStatement()
        }
        closeBlock(openedAt: opening)
        return bands
    }
}
