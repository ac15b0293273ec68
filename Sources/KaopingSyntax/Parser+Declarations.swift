extension Parser {
    /// The file's declarations, and the indices of those parsed with an error in them.
    mutating func parseFile() -> (declarations: [Declaration], damaged: Set<Int>) {
        var declarations: [Declaration] = []
        var damaged: Set<Int> = []
        while !atEnd {
            suppressing = false
            let token = current
            let errorsBefore = lexer.diagnostics.count + diagnostics.count
            let countBefore = declarations.count
            defer {
                if declarations.count > countBefore, lexer.diagnostics.count + diagnostics.count > errorsBefore {
                    damaged.insert(declarations.count - 1)
                }
            }
            guard token.isWord(in: Parser.declarationKeywords) else {
                reportUnknown(token, among: Parser.declarationKeywords, what: ("声明", "a declaration"))
                skipDeclaration()
                continue
            }
            advance()
            switch token {
            case "assessment": if let value = parseAssessment(start: token.range.start) { declarations.append(.assessment(value)) }
            case "param": if let value = parseParameter(start: token.range.start) { declarations.append(.parameter(value)) }
            case "define": if let value = parseDefinition(start: token.range.start) { declarations.append(.definition(value)) }
            case "indicator": if let value = parseIndicator(start: token.range.start) { declarations.append(.indicator(value)) }
            case "bonus", "deduction":
                if let value = parseAdjustment(token.text, start: token.range.start) { declarations.append(.adjustment(value)) }
            case "test":
                if let value = parseTest(start: token.range.start) { declarations.append(.test(value)) }
            case "table":
                if let value = parseTableDeclaration(start: token.range.start) { declarations.append(.table(value)) }
            case "notice":
                var notice = NoticeDeclaration(settings: [], range: token.range)
                let end = parseBlock(keywords: NoticeDeclaration.keywords, what: ("通报设置", "notice setting")) { parser, keyword in
                    notice.settings.append((Name(keyword.text, keyword.range), parser.parseExpression()))
                    parser.endStatement()
                }
                notice.range = SourceRange(token.range.start, end)
                declarations.append(.notice(notice))
            case "limit":
                if let value = parseLimit(start: token.range.start) { declarations.append(.limit(value)) }
            case "include", "extends":
                let what =
                    token.isWord("include")
                    ? ("被包含文件的路径", "the path of the file to include") : ("基础规则文件的路径", "the path of the base rule file")
                if let path = expectString(what.0, what.1) {
                    let range = SourceRange(token.range.start, path.range.end)
                    declarations.append(token.isWord("include") ? .include(path, range) : .extends(path, range))
                }
                endStatement()
            case "replace":
                guard let kind = replaceableKind(what: ("可替换的声明", "a declaration to replace")) else { break }
                let replaced: Declaration?
                switch kind {
                case "indicator": replaced = parseIndicator(start: kind.range.start).map { .indicator($0) }
                case "bonus", "deduction": replaced = parseAdjustment(kind.text, start: kind.range.start).map { .adjustment($0) }
                case "limit": replaced = parseLimit(start: kind.range.start).map { .limit($0) }
                default: replaced = parseVeto(start: kind.range.start).map { .veto($0) }
                }
                if let replaced { declarations.append(.replace(replaced, SourceRange(token.range.start, replaced.range.end))) }
            case "remove":
                guard let kind = replaceableKind(what: ("要删除的声明", "a declaration to remove")) else { break }
                if let id = expectName("要删除的编号", "the id to remove") {
                    declarations.append(.remove(kind: kind.text, id: id, range: SourceRange(token.range.start, id.range.end)))
                }
                endStatement()
            default: if let value = parseVeto(start: token.range.start) { declarations.append(.veto(value)) }
            }
        }
        return (declarations, damaged)
    }

    /// Reports a token where one of `keywords` was expected, suggesting the nearest.
    mutating func reportUnknown(_ token: Token, among keywords: [String], what: (String, String)) {
        if token.kind == .identifier, let guess = nearestName(token.text, among: keywords) {
            error(
                "K0102", token.range, zh: "无法识别的\(what.0)“\(token.text)”",
                en: "unknown \(what.1.replacingArticle) `\(token.text)`",
                hint: "是否想写“\(guess)”？", hintEn: "did you mean `\(guess)`?")
        } else {
            expected(what.0 + "（" + keywords.joined(separator: "、") + "）", what.1 + " (" + keywords.joined(separator: ", ") + ")")
        }
    }

    /// Parses `{ statement … }`, calling `statement` with each statement's keyword token; returns where the
    /// block ends. A keyword not in `repeatable` written a second time is K0106 at the second: which of the
    /// two counts would be a guess.
    mutating func parseBlock(
        keywords: [String], what: (String, String), repeatable: Set<String> = [], _ statement: (inout Parser, Token) -> Void
    ) -> Int {
        let opening = current.range
        guard expect("{") else {
            skipDeclaration()
            return previousEnd
        }
        var seen: [String: Int] = [:]
        while !atEnd && !current.is("}") {
            suppressing = false
            if accept(";") { continue }
            let token = current
            guard token.isWord(in: keywords) else {
                if token.isWord(in: Parser.declarationKeywords), atLineStart {
                    break
                }
                reportUnknown(token, among: keywords, what: what)
                skipStatement()
                continue
            }
            if !repeatable.contains(token.text), let first = seen[token.text] {
                let line = source.location(of: first).line
                error(
                    "K0106", token.range, zh: "“\(token.text)”已在第 \(line) 行写过：每项\(what.0)只能写一次",
                    en: "`\(token.text)` is already set in this block (line \(line))",
                    hint: "只保留一个：写两次时哪一个有效无从判断", hintEn: "keep one: with two, which one counts would be a guess")
            }
            seen[token.text] = seen[token.text] ?? token.range.start
            advance()
            statement(&self, token)
        }
        closeBlock(openedAt: opening, expected: ("“}”（块结束）", "`}` closing the block"))
        return previousEnd
    }

    /// The kind after `replace` or `remove` (`indicator`, `bonus`, …), taken; `nil` (reported, the declaration
    /// skipped) for any other word.
    private mutating func replaceableKind(what: (String, String)) -> Token? {
        let kind = current
        guard kind.isWord(in: Parser.replaceableKeywords) else {
            reportUnknown(kind, among: Parser.replaceableKeywords, what: what)
            skipDeclaration()
            return nil
        }
        advance()
        return kind
    }

    mutating func parseParameter(start: Int) -> ParameterDeclaration? {
        parseNamedValue(what: ("参数名", "a parameter name")).map {
            ParameterDeclaration(name: $0.name, value: $0.value, range: SourceRange(start, $0.value.range.end))
        }
    }

    mutating func parseDefinition(start: Int) -> DefinitionDeclaration? {
        parseNamedValue(what: ("定义的名称", "the definition's name")).map {
            DefinitionDeclaration(name: $0.name, value: $0.value, range: SourceRange(start, $0.value.range.end))
        }
    }

    /// `NAME = EXPRESSION` (of `param` and `define`).
    private mutating func parseNamedValue(what: (zh: String, en: String)) -> (name: Name, value: Expression)? {
        guard let name = expectName(what.zh, what.en) else {
            skipDeclaration()
            return nil
        }
        guard expect("=") else {
            skipStatement()
            return nil
        }
        let value = parseExpression()
        endStatement()
        return (name, value)
    }

    mutating func parseIndicator(start: Int) -> IndicatorDeclaration? {
        guard let id = expectName("指标编号（如 timeliness）", "the indicator's id (such as timeliness)") else {
            skipDeclaration()
            return nil
        }
        guard let title = expectString("指标名称", "the indicator's title") else {
            skipDeclaration()
            return nil
        }
        var declaration = IndicatorDeclaration(id: id, title: title, range: SourceRange(start, title.range.end))
        let end = parseBlock(keywords: Parser.indicatorKeywords, what: ("指标设置", "indicator setting")) { parser, keyword in
            switch keyword {
            case "category":
                guard let first = parser.expectString("指标类别", "the category") else { break }
                var path = [first]
                while parser.accept("/") {
                    if let next = parser.expectString("二级类别", "the sub-category") { path.append(next) }
                }
                declaration.category = path
            case "points":
                declaration.points = parser.parseExpression()
            case "weight":
                declaration.weight = parser.parseExpression()
            case "from":
                declaration.source = parser.expectName("数据表名（如 cases）", "a table name (such as cases)")
                if parser.acceptWord("where") { declaration.filter = parser.parseExpression() }
            case "measure":
                declaration.measure = parser.parseExpression()
            case "score":
                declaration.score = parser.parseScore()
            case "minimum":
                declaration.minimum = parser.parseExpression()
            default:
                guard parser.acceptWord("empty") else {
                    parser.expected("“empty”", "`empty`")
                    break
                }
                _ = parser.expect(":")
                declaration.emptyPolicy = parser.expectName(
                    "空样本处理方式（not_applicable、full 或 zero）", "an empty-population policy (not_applicable, full or zero)")
            }
            parser.endStatement()
        }
        declaration.range = SourceRange(start, end)
        return declaration
    }

    mutating func parseVeto(start: Int) -> VetoDeclaration? {
        guard let id = expectName("否决项编号", "the veto's id") else {
            skipDeclaration()
            return nil
        }
        guard let title = expectString("否决项名称", "the veto's title") else {
            skipDeclaration()
            return nil
        }
        var declaration = VetoDeclaration(id: id, title: title, range: SourceRange(start, title.range.end))
        if acceptWord("when") {
            declaration.condition = parseExpression()
            if acceptWord("reason") { declaration.reason = expectString("否决理由", "the reason") }
            declaration.range = SourceRange(start, previousEnd)
            endStatement()
            return declaration
        }
        let end = parseBlock(keywords: Parser.vetoKeywords, what: ("否决项设置", "veto setting")) { parser, keyword in
            if keyword.isWord("when") {
                declaration.condition = parser.parseExpression()
            } else {
                declaration.reason = parser.expectString("否决理由", "the reason")
            }
            parser.endStatement()
        }
        declaration.range = SourceRange(start, end)
        return declaration
    }
}

extension Parser {
    mutating func parseAdjustment(_ kind: String, start: Int) -> AdjustmentDeclaration? {
        guard let id = expectName(kind == "bonus" ? "加分项编号" : "扣分项编号", kind == "bonus" ? "the bonus's id" : "the deduction's id") else {
            skipDeclaration()
            return nil
        }
        guard let title = expectString("名称", "the title") else {
            skipDeclaration()
            return nil
        }
        var declaration = AdjustmentDeclaration(kind: kind, id: id, title: title, range: SourceRange(start, title.range.end))
        let keywords = kind == "bonus" ? Parser.bonusKeywords : Parser.deductionKeywords
        let end = parseBlock(keywords: keywords, what: ("加扣分设置", "adjustment setting")) { parser, keyword in
            switch keyword {
            case "from":
                declaration.source = parser.expectName("数据表名", "a table name")
                if parser.acceptWord("where") { declaration.filter = parser.parseExpression() }
            case "measure": declaration.measure = parser.parseExpression()
            case "score": declaration.score = parser.parseScore()
            case "max": declaration.maximum = parser.parseExpression()
            case "category":
                guard let first = parser.expectString("扣分所属类别", "the category it deducts from") else { break }
                declaration.category = [first]
                while parser.accept("/") {
                    if let next = parser.expectString("二级类别", "the sub-category") { declaration.category.append(next) }
                }
            default: declaration.gate = parser.parseExpression()
            }
            parser.endStatement()
        }
        declaration.range = SourceRange(start, end)
        return declaration
    }
}

extension Parser {
    /// `table name "title" { column type [period] … }`.
    mutating func parseTableDeclaration(start: Int) -> TableDeclaration? {
        guard let name = expectName("表名", "a table name") else {
            skipDeclaration()
            return nil
        }
        var title: StringLiteral?
        if current.kind == .string { title = expectString("表的说明", "the table's title") }
        let opening = current.range
        guard expect("{") else {
            skipDeclaration()
            return nil
        }
        var columns: [(name: Name, type: Name, period: Bool)] = []
        while !atEnd && !current.is("}") {
            suppressing = false
            if accept(";") { continue }
            guard let column = expectName("字段名", "a column name"),
                let type = expectName(
                    "字段类型（integer、real、text、code、time、day、flag）", "a column type (integer, real, text, code, time, day, flag)")
            else {
                skipStatement()
                continue
            }
            let period = acceptWord("period")
            columns.append((column, type, period))
            endStatement()
        }
        closeBlock(openedAt: opening)
        return TableDeclaration(name: name, title: title, columns: columns, range: SourceRange(start, previousEnd))
    }
}

extension Parser {
    /// The statements of each block (worked out once: each indicator has a block).
    static let assessmentKeywords = AssessmentDeclaration.settings
    static let categoryKeywords = ["category"]
    static let indicatorKeywords = ["category", "points", "weight", "from", "measure", "score", "when", "minimum"]
    static let vetoKeywords = ["when", "reason"]
    /// The declarations a variant replaces or removes by id.
    static let replaceableKeywords = ["indicator", "bonus", "deduction", "veto", "limit"]
    static let bonusKeywords = ["from", "measure", "score", "max", "gate"]
    static let deductionKeywords = ["from", "measure", "score", "max", "category"]
    static let testKeywords = ["table", "calendar", "param", "expect"]
}

extension String {
    /// "a declaration" → "declaration", for "unknown declaration `x`".
    var replacingArticle: String {
        hasPrefix("a ") ? String(dropFirst(2)) : hasPrefix("an ") ? String(dropFirst(3)) : self
    }
}
