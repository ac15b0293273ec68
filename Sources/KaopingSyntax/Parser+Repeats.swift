/// A rule file made by a program, or by copying, repeats itself: whole indicator bodies — all that follows the
/// id and the title — and, where the bodies differ in their points or their scores, the statements that do not
/// (`from … where …`, `measure …`). The parser remembers each body and each statement of a body that it parsed
/// without a diagnostic (`RepeatedSyntax`); one whose bytes are those of a remembered one takes what that one
/// came to, every range moved to where it is (`SyntaxTree+Shifted.swift`), instead of lexing and parsing the
/// same text again.
///
/// What is taken is what parsing would make: equal bytes are equal tokens, and parsing a text that gives no
/// diagnostic depends on its tokens alone. The lexer's state after a title, and after a statement's keyword,
/// is always the same, and so is the parser's at a body's `{` and at a statement's first token. A body ends at
/// its closing brace, and nothing in it looks further. A statement ends where the next token cannot go on with
/// it, which the parser decides by that token and the one after it: those two are compared too, and some bytes
/// past them, which the lexer may have read to find where they end. Tests compare whole files parsed both ways.
extension Parser {
    /// The body of the indicator titled `title` that starts as a remembered one does, if one does; then the
    /// parser is past it.
    mutating func takeRepeatedBody(after title: StringLiteral, id: Name, start: Int, key: UInt64) -> IndicatorDeclaration? {
        guard let found = repeatedBodies.find(at: title.range.end, key: key, in: lexer.bytes) else { return nil }
        let delta = title.range.end - repeatedBodies.entries[found].bytes.lowerBound
        let end = repeatedBodies.entries[found].bytes.upperBound + delta
        let declaration = repeatedBodies.entries[found].value.body(shiftedBy: delta, id: id, title: title, range: SourceRange(start, end))
        resume(afterTokenEndingAt: end, tokens: repeatedBodies.entries[found].tokens)
        return declaration
    }

    /// How many bytes past the token after a statement's end are compared as well.
    static let statementMargin = 16

    /// The statement of an indicator's body that `keyword` begins: taken from a remembered one with the same
    /// bytes, or parsed (and remembered, if it gives no diagnostic). Either way the parser is at its end.
    mutating func indicatorStatement(after keyword: LexedToken) -> IndicatorStatement {
        guard let kind = keyword.index(in: Parser.indicatorKeywords), repeatedStatements[kind].isOn else {
            return parseIndicatorStatement(keyword)
        }
        let start = keyword.range.start
        let key = RepeatedSyntax<(statement: IndicatorStatement, end: Int)>.key(at: start, in: lexer.bytes)
        if let found = repeatedStatements[kind].find(at: start, key: key, in: lexer.bytes) {
            let delta = start - repeatedStatements[kind].entries[found].bytes.lowerBound
            let statement = repeatedStatements[kind].entries[found].value.statement.shifted(by: delta)
            resume(
                afterTokenEndingAt: repeatedStatements[kind].entries[found].value.end + delta,
                tokens: repeatedStatements[kind].entries[found].tokens)
            return statement
        }
        let before = (diagnostics: diagnostics.count, lexer: lexer.diagnostics.count, index: index)
        let statement = parseIndicatorStatement(keyword)
        let compared = following.range.end + Parser.statementMargin
        if cleanSince(start, before: before), following.kind != .end, compared <= lexer.bytes.count {
            repeatedStatements[kind].remember(
                .init(bytes: start..<compared, tokens: index - before.index, value: (statement, previousEnd)), key: key)
        }
        return statement
    }

    /// Whether the text from `start` parsed without a diagnostic since the counts `before` were taken, and without
    /// one the lexer gave before them, on the tokens it had read ahead (a text with one would be taken with the
    /// tokens the lexer reads again after it, and their diagnostics given twice).
    func cleanSince(_ start: Int, before: (diagnostics: Int, lexer: Int, index: Int)) -> Bool {
        !gaveUp && diagnostics.count == before.diagnostics && lexer.diagnostics.count == before.lexer
            && (lexer.diagnostics.last.map { $0.range.start < start } ?? true)
    }

    /// Goes on after a text taken from a remembered one: `tokens` more consumed, the last ending at `end`.
    private mutating func resume(afterTokenEndingAt end: Int, tokens: Int) {
        index += tokens
        previousEnd = end
        lexer.resume(afterTokenEndingAt: end)
        current = lexer.next()
        following = lexer.next()
        if lexer.diagnostics.count + diagnostics.count >= Parser.diagnosticLimit { giveUp() }
    }
}
