extension Formatter {
    /// Walks the code lines in order, deciding each line's indentation and rendering its tokens, with a
    /// stack of the brackets open at each point.
    struct Layout {
        /// An open bracket.
        struct Frame {
            /// Whether it is a `{` (else `(` or `[`).
            var brace: Bool
            /// Whether a `{` holds values rather than keyword statements: `linear`, `bands`, `case`,
            /// `grades`, a test's `table`.
            var values = false
            /// Whether a `{` holds bands, whose lines start with a comparison.
            var bands = false
            /// The indentation of lines inside: a block's body, or the column a bracket's contents align to.
            var inner: Int
            /// The indentation of a line that starts with the closing bracket.
            var close: Int
            /// The statement around a `{`, resumed after its `}`.
            var outer: Statement
        }

        /// Where the statement being laid out started, and where its continuation lines line up.
        struct Statement {
            var indent = 0
            /// The column of the expression the statement began, when its first line has one.
            var hang: Int?
        }

        var stack: [Frame] = []
        var statement = Statement()
        /// The last token placed, whether it was a keyword, and whether it was a sign (a unary minus).
        var previous: (token: Token, keyword: Bool, sign: Bool)?
        /// The bracket depth at which a `case` waits for its `{`.
        var pendingCase: Int?

        /// Indents and renders one line that has tokens.
        mutating func place(_ line: inout Line) {
            let first = line.tokens[0]
            line.depth = stack.count
            var startsStatement = false
            if let top = stack.last, Formatter.nesting(first) < 0 {
                line.indent = top.close
            } else if let top = stack.last, !top.brace {
                line.indent = top.inner
            } else if continues(with: line.tokens) {
                line.indent = statement.hang ?? statement.indent + 4
            } else {
                line.indent = stack.last?.inner ?? 0
                startsStatement = true
            }
            render(&line, startsStatement: startsStatement)
            if startsStatement { statement = Statement(indent: line.indent, hang: hang(of: line)) }
        }

        /// Whether a line outside brackets continues the statement before it: the line before ended in an
        /// operator, or this one starts with one.
        private func continues(with tokens: [Token]) -> Bool {
            guard let last = previous?.token, !last.is("{"), !last.is(";") else { return false }
            if Formatter.isOperand(last) { return true }
            let first = tokens[0]
            if first.is("-") { return !isUnaryMinus() }
            if first.kind == .symbol, Formatter.leadingOperators.contains(first.text) {
                return !(stack.last?.bands ?? false && Formatter.comparisons.contains(first.text))
            }
            if first.isWord("and") || first.isWord("or") || first.isWord("is") || first.isWord("in") { return true }
            return first.isWord("not") && tokens.count > 1 && tokens[1].isWord("in")
        }

        /// Renders the tokens of `line` with their spacing, updating the bracket stack as they open and close.
        private mutating func render(_ line: inout Line, startsStatement: Bool) {
            var width = 0
            var nesting = 0
            var arrows: [Int] = []
            var statementFirst = startsStatement
            for (index, token) in line.tokens.enumerated() {
                let keyword = isKeyword(token, statementFirst: statementFirst)
                let sign = token.is("-") && isUnaryMinus()
                let text = Formatter.text(of: token)
                var spaced = false
                if index > 0, let previous {
                    spaced = Formatter.spaced(previous.token, keyword: previous.keyword, sign: previous.sign, token)
                }
                line.offsets.append(width + (spaced ? 1 : 0))
                line.segments.append(spaced ? " " + text : text)
                width += Formatter.displayWidth(line.segments[index])
                if token.is("->") && nesting == 0 && index > 0 { arrows.append(index) }
                if token.is("|") && nesting == 0 && startsStatement { line.pipes.append(index) }
                statementFirst = open(token, at: index, in: line, column: line.indent + line.offsets[index])
                nesting += Formatter.nesting(token)
                previous = (token, keyword, sign)
            }
            if arrows.count == 1 && startsStatement { line.arrow = arrows[0] }
        }

        /// Pushes or pops the bracket stack for `token`; returns whether the next token starts a statement.
        private mutating func open(_ token: Token, at index: Int, in line: Line, column: Int) -> Bool {
            if token.isWord("case"), index + 1 >= line.tokens.count || !line.tokens[index + 1].is(".") { pendingCase = stack.count }
            guard token.kind == .symbol else { return false }
            switch token.text {
            case "{":
                let base = stack.last.flatMap { $0.brace ? nil : $0.inner } ?? line.indent
                let before = index > 0 ? line.tokens[index - 1] : nil
                var frame = Frame(brace: true, inner: base + 2, close: base, outer: statement)
                frame.bands = before?.isWord("bands") ?? false
                frame.values =
                    frame.bands || pendingCase == stack.count || (before?.isWord("linear") ?? false)
                    || (before?.isWord("grades") ?? false) || (line.tokens[0].isWord("table") && index == 2)
                if pendingCase == stack.count { pendingCase = nil }
                stack.append(frame)
                return true
            case "(", "[":
                let last = index == line.tokens.count - 1
                let inner = last ? line.indent + 4 : column + 1
                stack.append(Frame(brace: false, inner: inner, close: last ? line.indent : column, outer: statement))
            case "}", ")", "]":
                if let frame = stack.popLast(), frame.brace { statement = frame.outer }
            case ";":
                return stack.last?.brace ?? true
            default:
                break
            }
            return false
        }

        /// Where continuation lines of a statement starting on `line` line up: after the last `where`,
        /// `when` or `=` outside brackets, else after the statement's keyword.
        private func hang(of line: Line) -> Int? {
            var nesting = 0
            var anchor: Int? = line.tokens[0].kind == .identifier ? 1 : nil
            for (index, token) in line.tokens.enumerated() {
                nesting += Formatter.nesting(token)
                if nesting == 0, token.isWord("where") || token.isWord("when") || token.is("=") { anchor = index + 1 }
            }
            guard let anchor, anchor < line.tokens.count else { return nil }
            let token = line.tokens[anchor]
            if token.kind == .symbol, Formatter.nesting(token) != 0 { return nil }
            return line.indent + line.offsets[anchor]
        }

        /// Whether a `-` about to be placed is a sign rather than a subtraction: nothing before it ends a value.
        private func isUnaryMinus() -> Bool {
            guard let previous else { return true }
            switch previous.token.kind {
            case .symbol: return Formatter.nesting(previous.token) >= 0
            case .identifier: return previous.keyword
            default: return false
            }
        }

        /// Whether an identifier is a keyword here (so `where (`, `-` after it is a sign): the words that join
        /// clauses anywhere, and a statement's keyword at the start of a statement in a block of statements.
        private func isKeyword(_ token: Token, statementFirst: Bool) -> Bool {
            guard token.kind == .identifier else { return false }
            if Formatter.clauseWords.contains(token.text) { return true }
            return statementFirst && !(stack.last?.values ?? false) && Formatter.statementWords.contains(token.text)
        }
    }
}
