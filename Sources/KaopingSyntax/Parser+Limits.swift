extension Parser {
    /// `limit ID "title" when CONDITION (downgrade N | at most GRADE) [reason "text"]`, or the same as a block
    /// `{ when …; downgrade N; reason "…" }`: a grade limit (降档、不得评为优秀).
    mutating func parseLimit(start: Int) -> GradeLimitDeclaration? {
        guard let id = expectName("等次限制编号", "the grade limit's id") else {
            skipDeclaration()
            return nil
        }
        guard let title = expectString("等次限制名称", "the grade limit's title") else {
            skipDeclaration()
            return nil
        }
        var declaration = GradeLimitDeclaration(id: id, title: title, range: SourceRange(start, title.range.end))
        if acceptWord("when") {
            declaration.condition = parseExpression()
            while current.isWord("downgrade") || current.isWord("at") || current.isWord("reason"), !atLineStart {
                parseLimitStatement(advance(), into: &declaration)
            }
            declaration.range = SourceRange(start, previousEnd)
            endStatement()
            return declaration
        }
        guard current.is("{") else {
            expected("“when 条件”（何时限制等次）", "`when CONDITION` (when the grade is limited)")
            skipDeclaration()
            return nil
        }
        let end = parseBlock(keywords: Parser.limitKeywords, what: ("等次限制设置", "grade limit setting")) { parser, keyword in
            if keyword.isWord("when") {
                declaration.condition = parser.parseExpression()
            } else {
                parser.parseLimitStatement(keyword, into: &declaration)
            }
            parser.endStatement()
        }
        declaration.range = SourceRange(start, end)
        return declaration
    }

    /// The rest of `downgrade N`, `at most GRADE` or `reason "text"`, after its first word `keyword`.
    private mutating func parseLimitStatement(_ keyword: Token, into declaration: inout GradeLimitDeclaration) {
        switch keyword {
        case "downgrade":
            declaration.effect = .downgrade(parseExpression())
        case "at":
            guard acceptWord("most") else {
                expected("“most”（at most 等次）", "`most` (at most GRADE)")
                return
            }
            if let grade = expectName("等次名称（如 良好）", "a grade name (such as 良好)") { declaration.effect = .atMost(grade) }
        default:
            declaration.reason = expectString("限制理由", "the reason")
        }
    }

    static let limitKeywords = ["when", "downgrade", "at", "reason"]
}
