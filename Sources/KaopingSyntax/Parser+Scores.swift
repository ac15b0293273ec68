extension Parser {
    /// `linear { x -> p; … }`, `bands { >= x -> p; …; else -> p }` or an expression.
    mutating func parseScore() -> ScoreRule? {
        let start = current.range.start
        if current.isWord("linear"), peek(1).is("{") {
            advance()
            advance()
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
            _ = expect("}")
            return .linear(points, SourceRange(start, previousEnd))
        }
        if current.isWord("bands"), peek(1).is("{") {
            advance()
            advance()
            var bands: [ScoreBand] = []
            while !atEnd && !current.is("}") {
                if accept(";") { continue }
                let bandStart = current.range.start
                var comparison: String?
                var bound: Expression?
                if !acceptWord("else") {
                    guard current.kind == .symbol, [">=", ">", "<=", "<", "=="].contains(current.text) else {
                        expected("比较符（>=、>、<=、<）或 else", "a comparison (>=, >, <=, <) or `else`")
                        skipStatement()
                        continue
                    }
                    comparison = advance().text
                    bound = parseExpression()
                }
                guard expect("->") else {
                    skipStatement()
                    continue
                }
                let points = parseExpression()
                bands.append(ScoreBand(comparison: comparison, bound: bound, points: points, range: SourceRange(bandStart, points.range.end)))
                endStatement()
            }
            _ = expect("}")
            return .bands(bands, SourceRange(start, previousEnd))
        }
        let expression = parseExpression()
        if case .invalid = expression.kind { return nil }
        return .expression(expression)
    }
}
