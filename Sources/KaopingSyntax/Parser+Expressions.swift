extension Parser {
    /// Parses an expression: `or` binds loosest, then `and`, `not`, comparisons, `+ -`, `* /`, unary minus.
    mutating func parseExpression() -> Expression {
        let level = depth
        defer { depth = level }
        guard deeper() else { return Expression(.invalid, .at(current.range.start)) }
        return parseOr()
    }

    /// Counts one more level of the tree being built — a bracket, a sign, a `not`, or one more operator or
    /// `.` of a chain (`1 + 1 + …` builds a tree as deep as the chain is long) — so that neither the parser
    /// nor what walks the tree later runs out of stack. Past the limit it reports K0110, skips the rest of
    /// the line and returns `false`. The caller restores `depth` when it returns.
    mutating func deeper() -> Bool {
        depth += 1
        guard depth > Parser.maximumDepth else { return true }
        error(
            "K0110", current.range, zh: "表达式嵌套太深", en: "the expression is nested too deeply",
            hint: "拆分为多个参数或指标", hintEn: "split it into parameters or several indicators")
        skipToEndOfNesting()
        return false
    }

    /// After a nesting error: skip everything up to the end of the statement.
    private mutating func skipToEndOfNesting() {
        while !atEnd && !atLineStart { advance() }
    }

    private mutating func parseOr() -> Expression {
        let level = depth
        defer { depth = level }
        var lhs = parseAnd()
        while current.isWord("or") {
            guard deeper() else { return lhs }
            advance()
            let rhs = parseAnd()
            lhs = Expression(.binary(.or, lhs, rhs), lhs.range.union(rhs.range))
        }
        return lhs
    }

    private mutating func parseAnd() -> Expression {
        let level = depth
        defer { depth = level }
        var lhs = parseNot()
        while current.isWord("and") {
            guard deeper() else { return lhs }
            advance()
            let rhs = parseNot()
            lhs = Expression(.binary(.and, lhs, rhs), lhs.range.union(rhs.range))
        }
        return lhs
    }

    private mutating func parseNot() -> Expression {
        if current.isWord("not") {
            let start = advance().range.start
            let level = depth
            defer { depth = level }
            guard deeper() else { return Expression(.invalid, .at(start)) }
            let operand = parseNot()
            return Expression(.unary("not", operand), SourceRange(start, operand.range.end))
        }
        return parseComparison()
    }

    private mutating func parseComparison() -> Expression {
        let lhs = parseAdditive()
        // A comparison operator that starts a line begins the next band (`>= 95% -> 6`), not a continuation.
        if atLineStart && current.kind == .symbol { return lhs }
        if atComparison {
            let op = advanceOperator()
            let rhs = parseAdditive()
            return Expression(.binary(op, lhs, rhs), lhs.range.union(rhs.range))
        }
        if current.is("=") {
            error(
                "K0103", current.range, zh: "比较相等要用“==”", en: "comparison for equality is `==`",
                hint: "把“=”改为“==”", hintEn: "write `==` instead of `=`", fixIt: FixIt(current.range, "=="))
            advance()
            let rhs = parseAdditive()
            return Expression(.binary(.equal, lhs, rhs), lhs.range.union(rhs.range))
        }
        if current.isWord("is") {
            advance()
            let negated = acceptWord("not")
            if !acceptWord("null") { expected("“null”", "`null`") }
            return Expression(.isNull(lhs, negated: negated), SourceRange(lhs.range.start, previousEnd))
        }
        if current.isWord("in") || (current.isWord("not") && following.isWord("in")) {
            let negated = acceptWord("not")
            advance()
            let list = parsePrimary()
            guard case .list(let items) = list.kind else {
                error(
                    "K0104", list.range, zh: "“in”后面应是方括号列表", en: "`in` needs a list in square brackets",
                    hint: "例如 kind in [\"sub_center\", \"onsite_point\"]", hintEn: "for example kind in [\"sub_center\", \"onsite_point\"]")
                return Expression(.invalid, lhs.range.union(list.range))
            }
            return Expression(.inList(lhs, items, negated: negated), lhs.range.union(list.range))
        }
        return lhs
    }

    private mutating func parseAdditive() -> Expression {
        let level = depth
        defer { depth = level }
        var lhs = parseMultiplicative()
        while current.is("+") || current.is("-") {
            guard deeper() else { return lhs }
            let op = advanceOperator()
            let rhs = parseMultiplicative()
            lhs = Expression(.binary(op, lhs, rhs), lhs.range.union(rhs.range))
        }
        return lhs
    }

    private mutating func parseMultiplicative() -> Expression {
        let level = depth
        defer { depth = level }
        var lhs = parseUnary()
        while current.is("*") || current.is("/") {
            guard deeper() else { return lhs }
            let op = advanceOperator()
            let rhs = parseUnary()
            lhs = Expression(.binary(op, lhs, rhs), lhs.range.union(rhs.range))
        }
        return lhs
    }

    private mutating func parseUnary() -> Expression {
        if current.is("-") {
            let start = advance().range.start
            let level = depth
            defer { depth = level }
            guard deeper() else { return Expression(.invalid, .at(start)) }
            let operand = parseUnary()
            return Expression(.unary("-", operand), SourceRange(start, operand.range.end))
        }
        return parsePostfix()
    }

    private mutating func parsePostfix() -> Expression {
        var base = parsePrimary()
        if current.isWord(in: Parser.durationUnits), !atLineStart {
            switch base.kind {
            case .number, .name:
                let unit = advance()
                return Expression(.duration(base, unit: unit.text), base.range.union(unit.range))
            default:
                break
            }
        }
        // `60% full`, `0.5 满分`: a share of the points a score rule scores out of.
        if current.kind == .identifier, Expression.fullPointsNames.contains(current.text), !atLineStart {
            switch base.kind {
            case .number, .percent:
                let word = advance()
                return Expression(.binary(.times, base, Expression(.name(word.text), word.range)), base.range.union(word.range))
            default:
                break
            }
        }
        let level = depth
        defer { depth = level }
        while current.is("."), following.kind == .identifier, !atLineStart {
            guard deeper() else { return base }
            advance()
            let nameToken = advance()
            base = Expression(.member(base, Name(nameToken.text, nameToken.range)), SourceRange(base.range.start, nameToken.range.end))
        }
        return base
    }

    mutating func parsePrimary() -> Expression {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expression(.number(Double(token.text) ?? 0, isInteger: !token.text.contains(".")), token.range)
        case .percent:
            advance()
            return Expression(.percent((Double(token.text.dropLast()) ?? 0) / 100), token.range)
        case .string:
            advance()
            return Expression(.string(token.text), token.range)
        case .date:
            advance()
            return Expression(.date(token.text), token.range)
        case .identifier:
            if token.isWord("true") || token.isWord("false") {
                advance()
                return Expression(.boolean(token.isWord("true")), token.range)
            }
            if token.isWord("null") {
                advance()
                return Expression(.null, token.range)
            }
            if token.isWord("case"), !following.is(".") {
                return parseMatch()
            }
            advance()
            if current.is("("), !atLineStart {
                return parseCall(Name(token.text, token.range))
            }
            return Expression(.name(token.text), token.range)
        case .symbol where token.is("("):
            advance()
            let inner = parseNested()
            if !accept(")") { expected("“)”", "`)`") }
            return Expression(inner.kind, SourceRange(token.range.start, previousEnd))
        case .symbol where token.is("["):
            advance()
            var items: [Expression] = []
            while !atEnd && !current.is("]") {
                items.append(parseNested())
                if !accept(",") { break }
            }
            if !accept("]") { expected("“]”", "`]`") }
            return Expression(.list(items), SourceRange(token.range.start, previousEnd))
        default:
            expected("一个值或表达式", "a value or an expression")
            return Expression(.invalid, .at(token.range.start))
        }
    }

    /// An expression inside brackets, guarded against runaway nesting.
    private mutating func parseNested() -> Expression {
        // parseExpression counts the level; counting here too would halve the depth allowed.
        parseExpression()
    }

    private mutating func parseCall(_ name: Name) -> Expression {
        advance()  // (
        var arguments: [Expression] = []
        var filter: Expression?
        if acceptWord("where") {
            filter = parseNested()
        } else {
            while !atEnd && !current.is(")") {
                arguments.append(parseNested())
                if current.isWord("where") {
                    advance()
                    filter = parseNested()
                    break
                }
                if !accept(",") { break }
            }
        }
        if !accept(")") { expected("“)”", "`)`") }
        return Expression(.call(name, arguments, filter: filter), SourceRange(name.range.start, previousEnd))
    }
}

extension Parser {
    static let durationUnits = ["workdays", "days", "hours", "minutes"]

    /// `case x { a -> r; …; else -> r }` or `case { condition -> r; …; else -> r }`.
    mutating func parseMatch() -> Expression {
        let start = advance().range.start
        var subject: Expression?
        if !current.is("{") { subject = parseExpression() }
        var arms: [(pattern: Expression, result: Expression)] = []
        var otherwise: Expression?
        let opening = current.range
        guard expect("{") else { return Expression(.invalid, SourceRange(start, previousEnd)) }
        while !atEnd && !current.is("}") {
            if accept(";") { continue }
            if acceptWord("else") {
                _ = expect("->")
                otherwise = parseExpression()
            } else {
                let pattern = parseExpression()
                guard expect("->") else {
                    skipStatement()
                    continue
                }
                arms.append((pattern, parseExpression()))
            }
            endStatement()
        }
        closeBlock(openedAt: opening)
        return Expression(.match(subject: subject, arms: arms, otherwise: otherwise), SourceRange(start, previousEnd))
    }

    /// Consumes the current token, an operator, and returns it.
    private mutating func advanceOperator() -> Expression.Operator {
        let token = advance()
        let operators: [(String, Expression.Operator)] = [
            ("==", .equal), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual),
            ("+", .plus), ("-", .minus), ("*", .times), ("/", .divide),
        ]
        return operators.first { token.is($0.0) }?.1 ?? .equal
    }
}
