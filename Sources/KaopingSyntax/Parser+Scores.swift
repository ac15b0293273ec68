extension Parser {
    /// `linear { x -> p; … }`, `bands { >= x -> p; …; else -> p }` or an expression.
    mutating func parseScore() -> ScoreRule? {
        let start = current.range.start
        if current.isWord("linear"), following.is("{") {
            advance()
            let opening = advance().range
            var points: [ControlPoint] = []
            while !atEnd && !current.is("}") {
                if accept(";") { continue }
                let input = parseExpression()
                guard expect("->") else {
                    skipStatement()
                    continue
                }
                points.append(ControlPoint(input: input, points: parseExpression()))
                endStatement()
            }
            closeBlock(openedAt: opening)
            return .linear(points, SourceRange(start, previousEnd))
        }
        if current.isWord("bands"), following.is("{") {
            advance()
            let opening = advance().range
            var bands: [ScoreBand] = []
            while !atEnd && !current.is("}") {
                if accept(";") { continue }
                let bandStart = current.range.start
                var comparison: String?
                var bound: Expression?
                if !acceptWord("else") {
                    guard current.is(">=") || current.is(">") || current.is("<=") || current.is("<") || current.is("==") else {
                        expected("比较符（>=、>、<=、<）或 else", "a comparison (>=, >, <=, <) or `else`")
                        skipStatement()
                        continue
                    }
                    comparison = advanceText()
                    bound = parseExpression()
                }
                guard expect("->") else {
                    skipStatement()
                    continue
                }
                let points = parseExpression()
                bands.append(
                    ScoreBand(comparison: comparison, bound: bound, points: points, range: SourceRange(bandStart, points.range.end)))
                endStatement()
            }
            closeBlock(openedAt: opening)
            return .bands(bands, SourceRange(start, previousEnd))
        }
        if current.isWord("deduct"), !following.is("(") {
            advance()
            var rule = DeductRule(amount: parseExpression(), range: SourceRange(start, start))
            if acceptWord("per") { rule.unit = parseExpression() }
            if current.isWord("below") || current.isWord("above") {
                rule.direction = advanceText()
                rule.reference = parseExpression()
            }
            while current.isWord("max") || current.isWord("floor") {
                let word = advanceText()
                if word == "max" { rule.maximum = parseExpression() } else { rule.floor = parseExpression() }
            }
            rule.range = SourceRange(start, previousEnd)
            return .deduct(rule)
        }
        if current.isWord("lognormal"), following.is("{") {
            advance()
            let opening = advance().range
            var p10: Expression?
            var median: Expression?
            while !atEnd && !current.is("}") {
                if accept(";") { continue }
                if acceptWord("p10") {
                    p10 = parseExpression()
                } else if acceptWord("median") {
                    median = parseExpression()
                } else {
                    reportUnknown(current, among: ["p10", "median"], what: ("控制点", "control point"))
                    skipStatement()
                    continue
                }
                endStatement()
            }
            closeBlock(openedAt: opening)
            let range = SourceRange(start, previousEnd)
            guard let p10, let median else {
                error(
                    "K0111", range, zh: "lognormal 需要 p10 和 median 两个控制点", en: "`lognormal` needs both `p10` and `median`",
                    hint: "例如 lognormal { p10 5; median 10 }", hintEn: "for example lognormal { p10 5; median 10 }")
                return nil
            }
            return .lognormal(p10: p10, median: median, range)
        }
        let expression = parseExpression()
        if case .invalid = expression.kind { return nil }
        return .expression(expression)
    }
}
