/// Parses a rule file into a syntax tree and diagnostics. It never stops at the first error: after one it
/// skips to the next statement (a new line or `;`) or declaration and goes on, so one typo gives one error.
public struct Parser {
    let source: SourceFile
    /// Where the tokens come from, one at a time.
    var lexer: Lexer
    /// The token being looked at, and the one after it (the parser never looks further ahead).
    var current: LexedToken
    var following: LexedToken
    /// Whether the current token is the first on its line.
    var atLineStart: Bool { current.startsLine }
    /// How many tokens have been consumed (a line skipped at once counts as two).
    var index = 0
    /// Whether recovery may skip plain lines at once (see `skipRestOfLine`); tests turn it off to compare.
    var skipsLinesAtOnce = true
    /// The end offset of the token before the current one.
    var previousEnd = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    /// Set after an error until the next statement starts, so one mistake gives one error.
    var suppressing = false
    /// The indicator bodies and statements parsed so far, for those that repeat them (see `Parser+Repeats.swift`):
    /// the statements apart for each keyword of `indicatorKeywords` (each stops being remembered on its own), each
    /// with where its last token ends.
    var repeatedBodies = RepeatedSyntax<IndicatorDeclaration>()
    var repeatedStatements = [RepeatedSyntax<(statement: IndicatorStatement, end: Int)>](
        repeating: RepeatedSyntax(), count: Parser.indicatorKeywords.names.count)

    /// The deepest nesting of brackets and expressions the parser follows before giving up on a construct.
    static let maximumDepth = 200

    /// The diagnostics a file may give before the parser stops reading it (K0112): past five hundred the file
    /// is damaged, or not a rule file at all, and reading on would only bury the first mistakes.
    static let diagnosticLimit = 500
    /// Set once the limit is reached: from then on the parser sees the end of the file.
    var gaveUp = false

    /// Where the parser stops, if it reaches one of them between declarations: the starts of the pieces
    /// other parsers take (see `Parser+Pieces.swift`), in order; `stopIndex` is the next one ahead.
    var stops: [Int] = []
    var stopIndex = 0
    /// The stop it ended at, if it did.
    var stoppedAt: Int?

    /// Parses `bytes`, those of `source` (see `Lexer`), from `offset` (the start of a line) to its end or to
    /// the first of `stops` it reaches between declarations.
    init(source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0, stops: [Int] = []) {
        self.source = source
        self.stops = stops
        lexer = Lexer(source, bytes: bytes, from: offset)
        lexer.keepsComments = false
        lexer.diagnosticLimit = Parser.diagnosticLimit
        current = lexer.next()
        following = lexer.next()
        if lexer.diagnostics.count >= Parser.diagnosticLimit { giveUp() }
    }

    // MARK: Tokens

    var atEnd: Bool { current.kind == .end }

    /// The text of a token (for a string, its decoded value), made now: most tokens never need it.
    mutating func text(of token: LexedToken) -> String { lexer.text(of: token) }

    @discardableResult
    mutating func advance() -> LexedToken {
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

    /// Consumes the current token and returns its text. (Not `text(of: advance())`: reading `self` for
    /// `text(of:)` while `advance()` changes it would copy the whole parser.)
    mutating func advanceText() -> String {
        let token = advance()
        return text(of: token)
    }

    @inline(__always)
    mutating func accept(_ symbol: Spelling) -> Bool {
        if current.is(symbol) {
            advance()
            return true
        }
        return false
    }

    @inline(__always)
    mutating func acceptWord(_ word: Spelling) -> Bool {
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

    mutating func error(_ id: String, _ range: SourceRange, zh: String, en: String, hint: String = "", hintEn: String = "") {
        if suppressing || gaveUp { return }
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

    /// A token as a message quotes it: strings in quotes, and cut after `DiagnosticPrinter.messageLimit`
    /// characters (a damaged file may hold a name of millions, which is not decoded whole to be cut later).
    func describe(_ token: LexedToken) -> String {
        let limit = DiagnosticPrinter.messageLimit
        var range = token.range
        var cut = false
        if token.text < 0, range.end - range.start > 4 * limit + 2 {
            // Four bytes per character at most; the cut moves back to the start of a character.
            range.end = range.start + 4 * limit
            while range.end > range.start, lexer.bytes[range.end] & 0xC0 == 0x80 { range.end -= 1 }
            // (A string's text ends a byte before its range, at the closing quote.)
            if token.text == LexedToken.inQuotes { range.end += 1 }
            cut = true
        }
        var text = lexer.madeText(of: LexedToken(kind: token.kind, range: range, text: token.text))
        if let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex {
            text = String(text[..<end])
            cut = true
        }
        if cut { text += "…" }
        return token.kind == .string ? "\"\(text)\"" : text
    }

    @inline(__always)
    mutating func expect(_ symbol: StaticString) -> Bool {
        if accept(Spelling(stringLiteral: symbol)) { return true }
        expected("“\(symbol)”", "`\(symbol)`")
        return false
    }

    mutating func expectName(_ zh: String, _ en: String) -> Name? {
        guard current.kind == .identifier else {
            expected(zh, en)
            return nil
        }
        let token = advance()
        return Name(text(of: token), token.range)
    }

    mutating func expectString(_ zh: String, _ en: String) -> StringLiteral? {
        guard current.kind == .string else {
            expected(zh, en, hint: "用英文双引号括起来，例如 \"按时办结率\"", hintEn: "put it in double quotes, e.g. \"按时办结率\"")
            return nil
        }
        let token = advance()
        return StringLiteral(value: text(of: token), range: token.range)
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
            if nesting <= 0, atLineStart, current.isWord(in: Parser.declarationKeywords) { return }
            if let braces = skipPlainLines(nesting: nesting) {
                nesting += braces
                continue
            }
            if current.is("{") { nesting += 1 }
            if current.is("}") { nesting -= 1 }
            advance()
        }
    }

    /// Skips the current token and the rest of its line at once, as `advance()` would token by token, when the
    /// lexer finds the rest of the line plain (see `Lexer.plainRestOfLine`): a damaged file may have millions
    /// of tokens on a line. Returns how many `{` it skipped more than `}`, or `nil`, having skipped nothing.
    mutating func skipRestOfLine() -> Int? {
        guard skipsLinesAtOnce, !atEnd, following.kind != .end, !following.startsLine, let rest = lexer.plainRestOfLine() else {
            return nil
        }
        let skipped = rest.braces + current.braces + following.braces
        skip(to: rest)
        return skipped
    }

    /// In `skipDeclaration`, with `nesting` braces open: skips the current token, the next, and the plain lines
    /// after them at once (see `Lexer.plainLines`), up to a line where a declaration may start. Returns how many
    /// `{` it skipped more than `}`, or `nil`, having skipped nothing.
    mutating func skipPlainLines(nesting: Int) -> Int? {
        guard skipsLinesAtOnce, !atEnd, following.kind != .end else { return nil }
        let afterCurrent = nesting + current.braces
        // The next token may itself begin the declaration to stop at.
        if following.startsLine, afterCurrent <= 0, following.isWord(in: Parser.declarationKeywords) { return nil }
        let afterFollowing = afterCurrent + following.braces
        guard let rest = lexer.plainLines(nesting: afterFollowing, stoppingAt: Parser.declarationKeywords) else { return nil }
        skip(to: rest)
        return afterFollowing + rest.braces - nesting
    }

    /// Moves past the current token, the next, and the plain text after them up to `rest.end`.
    private mutating func skip(to rest: (end: Int, lastCode: Int?, braces: Int)) {
        index += 2
        previousEnd = rest.lastCode ?? following.range.end
        lexer.skipPlainLine(to: rest.end)
        current = lexer.next()
        following = lexer.next()
    }

    static let declarationKeywords: Keywords = [
        "assessment", "param", "indicator", "veto", "bonus", "deduction", "include", "test", "table",
    ]
}
