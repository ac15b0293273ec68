/// Parses a rule file into a syntax tree and diagnostics. It never stops at the first error: after one it
/// skips to the next statement (a new line or `;`) or declaration and goes on, so one typo gives one error.
public struct Parser {
    let source: SourceFile
    var tokens: [Token]
    /// Whether each token is the first on its line.
    var startsLine: [Bool]
    var index = 0
    var diagnostics: [Diagnostic]
    var depth = 0
    /// Set after an error until the next statement starts, so one mistake gives one error.
    var suppressing = false

    /// The deepest nesting of brackets and expressions the parser follows before giving up on a construct.
    static let maximumDepth = 200

    /// Parses `source`.
    public static func parse(_ source: SourceFile) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        parse(source, lexed: Lexer.lex(source))
    }

    /// Parses `source` from its tokens, already lexed (the formatter needs them too).
    static func parse(
        _ source: SourceFile, lexed: (tokens: [Token], comments: [Comment], diagnostics: [Diagnostic])
    ) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        var parser = Parser(source: source, tokens: lexed.tokens, diagnostics: lexed.diagnostics)
        let declarations = parser.parseFile()
        return (RuleFile(source: source, declarations: declarations, comments: lexed.comments), parser.diagnostics)
    }

    init(source: SourceFile, tokens: [Token], diagnostics: [Diagnostic]) {
        self.source = source
        self.tokens = tokens
        self.diagnostics = diagnostics
        var flags: [Bool] = []
        var previousEnd = 0
        for token in tokens {
            let gap = source.bytes[min(previousEnd, token.range.start)..<token.range.start]
            flags.append(previousEnd == 0 || gap.contains(UInt8(ascii: "\n")))
            previousEnd = token.range.end
        }
        self.startsLine = flags
    }

    // MARK: Tokens

    var current: Token { tokens[index] }
    var atEnd: Bool { current.kind == .end }
    var atLineStart: Bool { startsLine[index] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

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

    /// The end offset of the token before the current one.
    var previousEnd: Int { index > 0 ? tokens[index - 1].range.end : 0 }

    // MARK: Diagnostics

    mutating func error(_ id: String, _ range: SourceRange, zh: String, en: String, hint: String = "", hintEn: String = "") {
        if suppressing { return }
        suppressing = true
        diagnostics.append(Diagnostic(id, .error, file: source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
    }

    /// Reports that `what` was expected at the current token.
    mutating func expected(_ zh: String, _ en: String, hint: String = "", hintEn: String = "") {
        let token = current
        let found = token.kind == .end ? "文件结尾" : "“\(describe(token))”"
        let foundEn = token.kind == .end ? "the end of the file" : "`\(describe(token))`"
        error("K0101", token.range, zh: "这里应为\(zh)，却是\(found)", en: "expected \(en), found \(foundEn)", hint: hint, hintEn: hintEn)
    }

    func describe(_ token: Token) -> String {
        token.kind == .string ? "\"\(token.text)\"" : token.text
    }

    mutating func expect(_ symbol: String) -> Bool {
        if accept(symbol) { return true }
        expected("“\(symbol)”", "`\(symbol)`")
        return false
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
        if !atEnd { advance() }
        while !atEnd {
            if nesting <= 0, atLineStart, current.kind == .identifier, Parser.declarationKeywords.contains(current.text) { return }
            if current.is("{") { nesting += 1 }
            if current.is("}") { nesting -= 1 }
            advance()
        }
    }

    static let declarationKeywords = ["assessment", "param", "indicator", "veto", "bonus", "deduction", "include", "test", "table"]
}
