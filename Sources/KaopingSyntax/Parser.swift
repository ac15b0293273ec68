/// Parses a rule file into a syntax tree and diagnostics. It never stops at the first error: after one it
/// skips to the next statement (a new line or `;`) or declaration and goes on, so one typo gives one error.
public struct Parser {
    let source: SourceFile
    /// Where the tokens come from, one at a time.
    var lexer: Lexer
    /// The token being looked at, and the one after it (the parser never looks further ahead).
    var current: Token
    var following: Token
    /// Whether the current token is the first on its line.
    var atLineStart: Bool { current.startsLine }
    /// How many tokens have been consumed.
    var index = 0
    /// The end offset of the token before the current one.
    var previousEnd = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    /// Set after an error until the next statement starts, so one mistake gives one error.
    var suppressing = false

    /// The deepest nesting of brackets and expressions the parser follows before giving up on a construct.
    static let maximumDepth = 200

    /// The diagnostics a file may give before the parser stops reading it (K0112): past five hundred the file
    /// is damaged, or not a rule file at all, and reading on would only bury the first mistakes.
    static let diagnosticLimit = 500
    /// Set once the limit is reached: from then on the parser sees the end of the file.
    var gaveUp = false

    /// Parses `source`: its syntax tree and its diagnostics (those of its characters first, then those of its
    /// grammar).
    public static func parse(_ source: SourceFile) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        var parser = Parser(source: source)
        let (declarations, damaged) = parser.parseFile()
        let diagnostics = parser.lexer.diagnostics + parser.diagnostics
        let file = RuleFile(source: source, declarations: declarations, damaged: damaged, hasParseErrors: diagnostics.hasErrors)
        return (file, diagnostics)
    }

    init(source: SourceFile) {
        self.source = source
        lexer = Lexer(source)
        lexer.keepsComments = false
        lexer.diagnosticLimit = Parser.diagnosticLimit
        current = lexer.next()
        following = lexer.next()
        if lexer.diagnostics.count >= Parser.diagnosticLimit { giveUp() }
    }

    // MARK: Tokens

    var atEnd: Bool { current.kind == .end }

    @discardableResult
    mutating func advance() -> Token {
        guard !atEnd else { return current }
        index += 1
        previousEnd = current.range.end
        let token = current
        current = following
        following = lexer.next()
        if lexer.diagnostics.count + diagnostics.count >= Parser.diagnosticLimit { giveUp() }
        return token
    }

    /// Stops reading the file at the current token, with a note saying so.
    mutating func giveUp() {
        guard !gaveUp else { return }
        gaveUp = true
        diagnostics.append(
            Diagnostic(
                "K0112", .note, file: source.name, range: .at(min(current.range.start, lexer.stoppedAt ?? .max)),
                zh: "错误已达 \(Parser.diagnosticLimit) 个，从这里起不再检查", en: "\(Parser.diagnosticLimit) errors; the rest of the file is not read",
                hint: "先修正以上错误；若满屏都是乱码，请确认这是用 UTF-8 保存的规则文件",
                hintEn: "fix the errors above first; if they are all garbled, check that this is a rule file saved as UTF-8"))
        lexer.offset = lexer.bytes.count
        current = lexer.next()
        following = lexer.next()
    }

    /// Consumes the current token and returns its text.
    mutating func advanceText() -> String { advance().text }

    mutating func accept(_ symbol: String) -> Bool {
        if current.is(symbol) {
            advance()
            return true
        }
        return false
    }

    mutating func acceptWord(_ word: String) -> Bool {
        if current.isWord(word) {
            advance()
            return true
        }
        return false
    }

    /// Whether the current token is a comparison `== != < <= > >=`.
    var atComparison: Bool {
        current.is("==") || current.is("!=") || current.is("<") || current.is("<=") || current.is(">") || current.is(">=")
    }

    // MARK: Diagnostics

    mutating func error(
        _ id: String, _ range: SourceRange, zh: String, en: String, hint: String = "", hintEn: String = "", fixIt: FixIt? = nil
    ) {
        if suppressing || gaveUp { return }
        suppressing = true
        diagnostics.append(
            Diagnostic(id, .error, file: source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn, fixIt: fixIt))
    }

    /// Reports that `what` was expected at the current token.
    mutating func expected(_ zh: String, _ en: String, hint: String = "", hintEn: String = "") {
        let token = current
        let found = token.kind == .end ? "文件结尾" : "“\(describe(token))”"
        let foundEn = token.kind == .end ? "the end of the file" : "`\(describe(token))`"
        error("K0101", token.range, zh: "这里应为\(zh)，却是\(found)", en: "expected \(en), found \(foundEn)", hint: hint, hintEn: hintEn)
    }

    /// A token as a message quotes it: strings in quotes, and cut after `DiagnosticPrinter.messageLimit`
    /// characters (a damaged file may hold a name of millions).
    func describe(_ token: Token) -> String {
        var text = token.text
        if let end = text.index(text.startIndex, offsetBy: DiagnosticPrinter.messageLimit, limitedBy: text.endIndex), end < text.endIndex {
            text = String(text[..<end]) + "…"
        }
        return token.kind == .string ? "\"\(text)\"" : text
    }

    mutating func expect(_ symbol: String) -> Bool {
        if accept(symbol) { return true }
        expected("“\(symbol)”", "`\(symbol)`")
        return false
    }

    /// Ends a block whose `{` is at `opening`. A missing `}` is an error where it was expected (K0101, describing
    /// it as `expected`), and a note at the `{` (K0105): the block left open may have begun far above.
    mutating func closeBlock(openedAt opening: SourceRange, expected words: (zh: String, en: String) = ("“}”", "`}`")) {
        if accept("}") { return }
        let reported = !suppressing && !gaveUp
        expected(words.zh, words.en)
        guard reported else { return }
        diagnostics.append(
            Diagnostic(
                "K0105", .note, file: source.name, range: opening, zh: "这个“{”开始的块没有“}”结束", en: "the block opened here is not closed",
                hint: "在块的最后一行之后补上“}”", hintEn: "add a `}` after the block's last line"))
    }

    mutating func expectName(_ zh: String, _ en: String) -> Name? {
        guard current.kind == .identifier else {
            expected(zh, en)
            return nil
        }
        let token = advance()
        return Name(token.text, token.range)
    }

    mutating func expectString(_ zh: String, _ en: String) -> StringLiteral? {
        guard current.kind == .string else {
            expected(zh, en, hint: "用英文双引号括起来，例如 \"按时办结率\"", hintEn: "put it in double quotes, e.g. \"按时办结率\"")
            return nil
        }
        let token = advance()
        return StringLiteral(value: token.text, range: token.range)
    }

    // MARK: Recovery

    /// Skips to the start of the next statement: a `;`, a token that begins a new line, or the block's `}`.
    mutating func skipStatement() {
        var nesting = 0
        if !atEnd && !current.is("}") {
            // The token skipped first may open a bracket (`measure {…}`): its closer is not the block's `}`.
            if current.is("{") || current.is("(") || current.is("[") { nesting += 1 }
            advance()
        }
        while !atEnd {
            if nesting == 0 && (current.is("}") || atLineStart) { return }
            if nesting == 0 && current.is(";") {
                advance()
                return
            }
            if current.is("{") || current.is("(") || current.is("[") { nesting += 1 }
            // A stray closer (the mistake being skipped) must not leave the count below zero.
            if current.is("}") || current.is(")") || current.is("]") { nesting = max(0, nesting - 1) }
            advance()
        }
    }

    /// Ends a statement: the next token must be `;`, `}` or on a new line; otherwise the rest is reported and skipped.
    mutating func endStatement() {
        if accept(";") { return }
        if atEnd || current.is("}") || atLineStart { return }
        expected("语句结束（换行或“;”）", "the end of the statement (a new line or `;`)")
        skipStatement()
    }

    /// Skips a statement and the block it opens, through the `}` that closes that block, however deep the
    /// braces inside; stops before a `}` that closes the enclosing block.
    mutating func skipStatementAndBlock() {
        var open = 0
        var moved = false
        while !atEnd {
            if open == 0 && moved && atLineStart { return }
            if current.is("{") { open += 1 }
            if current.is("}") {
                if open == 0 { return }
                open -= 1
                if open == 0 {
                    advance()
                    return
                }
            }
            advance()
            moved = true
        }
    }

    /// Skips to the next top-level declaration keyword at brace depth 0.
    mutating func skipDeclaration() {
        var nesting = 0
        // (A declaration that starts the next line is where this one, cut short, ends: it is not skipped.)
        if !atEnd, !(atLineStart && current.isWord(in: Parser.declarationKeywords)) { advance() }
        while !atEnd {
            if nesting <= 0, atLineStart, current.isWord(in: Parser.declarationKeywords) { return }
            if current.is("{") { nesting += 1 }
            if current.is("}") { nesting -= 1 }
            advance()
        }
    }

    static let declarationKeywords = [
        "assessment", "param", "define", "indicator", "veto", "limit", "bonus", "deduction", "include", "extends", "replace", "remove",
        "test", "table", "notice",
    ]
}

extension Parser {
    /// Parses `text` as one expression alone (the engine's own built-in expressions, never a user's file): `nil`
    /// when it has an error or anything follows it.
    public static func expression(_ text: String) -> Expression? {
        var parser = Parser(source: SourceFile(name: "<built-in>", text: text))
        let expression = parser.parseExpression()
        guard parser.atEnd, parser.diagnostics.isEmpty, parser.lexer.diagnostics.isEmpty else { return nil }
        return expression
    }
}
