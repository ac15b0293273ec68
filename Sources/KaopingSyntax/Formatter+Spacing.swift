extension Formatter {
    static let comparisons: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

    /// Operators that, starting a line, continue the statement of the line before (`-` is decided apart:
    /// it may be a sign).
    static let leadingOperators: Set<String> = comparisons.union(["+", "*", "/", "->", "..", "=", "|"])

    /// Words that join clauses or operands wherever they are written: a `-` after them is a sign and a `(`
    /// after them opens a group, not a call.
    static let clauseWords: Set<String> = [
        "and", "or", "not", "in", "is", "where", "when", "else", "case", "per", "below", "above", "deduct", "floor", "top",
        "bottom", "by", "within", "linear", "bands", "lognormal", "reason",
    ]

    /// Words that are keywords when they start a statement of a block of statements (elsewhere they may be
    /// columns, parameters or functions: `max(…)`, `median(…)`, `score 20 - measure`).
    static let statementWords: Set<String> = [
        "assessment", "param", "define", "indicator", "veto", "limit", "bonus", "deduction", "include", "extends", "replace",
        "remove", "test", "period", "assess", "grades",
        "rank", "total", "category", "lists", "evidence", "points", "weight", "from", "measure", "score", "minimum", "max", "gate",
        "table", "calendar", "expect", "holiday", "workday", "p10", "median", "notice", "issuer", "number", "to", "date", "copy",
        "printer", "printed", "rectification", "use",
    ]

    /// +1 for an opening bracket, -1 for a closing one, 0 for any other token.
    static func nesting(_ token: Token) -> Int {
        guard token.kind == .symbol else { return 0 }
        switch token.text {
        case "(", "[", "{": return 1
        case ")", "]", "}": return -1
        default: return 0
        }
    }

    /// Whether the line after `token` continues its statement: the token is an operator or a word that
    /// still needs its operand.
    static func isOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .symbol: return leadingOperators.contains(token.text) || ["-", ",", ":"].contains(token.text)
        case .identifier: return ["and", "or", "not", "in", "is", "where"].contains(token.text)
        default: return false
        }
    }

    /// Whether one space separates `left` and `right` on a line.
    ///
    /// Single spaces everywhere except: none before `, ; : ) ]` or after `( [`, none around member `.`,
    /// none after a sign, none between a function's name and its `(` (but one after a keyword: `where (`),
    /// and none inside an empty `{}`.
    static func spaced(_ left: Token, keyword: Bool, sign: Bool, _ right: Token) -> Bool {
        if right.kind == .symbol, [",", ";", ":", ")", "]", "."].contains(right.text) { return false }
        if left.kind == .symbol, ["(", "[", "."].contains(left.text) { return false }
        if sign { return false }
        if left.is("{") && right.is("}") { return false }
        if right.is("("), left.kind == .identifier, !keyword { return false }
        return true
    }

    /// A token as the formatter writes it: strings re-escaped canonically, everything else as written.
    static func text(of token: Token) -> String {
        guard token.kind == .string else { return token.text }
        var text = "\""
        for character in token.text.unicodeScalars {
            switch character {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default: text.unicodeScalars.append(character)
            }
        }
        return text + "\""
    }

    /// Terminal columns of `text`: East Asian wide and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}
