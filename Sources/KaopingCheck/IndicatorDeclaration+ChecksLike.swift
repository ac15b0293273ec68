import KaopingSyntax

extension IndicatorDeclaration {
    /// Whether checking this indicator would find exactly what checking `other` found: they are the same but
    /// for their ids, titles and where they are written. (Every field the checker reads is compared here; a
    /// new one must be too.)
    func checksLike(_ other: IndicatorDeclaration) -> Bool {
        category.elementsEqual(other.category) { sameBytes($0.value, $1.value) } && sameExpression(points, other.points)
            && sameExpression(weight, other.weight) && source?.text == other.source?.text
            && sameExpression(filter, other.filter) && sameExpression(measure, other.measure) && sameScore(score, other.score)
            && emptyPolicy?.text == other.emptyPolicy?.text && sameExpression(minimum, other.minimum)
    }
}

extension Expression {
    /// Whether two expressions are the same but for where they are written. Names, operators and dates may
    /// be compared as strings (they are resolved, or ASCII); string values, which a plan keeps as they are
    /// written, are compared byte for byte.
    func isSame(as other: Expression) -> Bool {
        switch kind {
        case .number(let a, let x):
            guard case .number(let b, let y) = other.kind else { return false }
            return a.bitPattern == b.bitPattern && x == y
        case .percent(let a):
            guard case .percent(let b) = other.kind else { return false }
            return a.bitPattern == b.bitPattern
        case .string(let a):
            guard case .string(let b) = other.kind else { return false }
            return sameBytes(a, b)
        case .date(let a):
            guard case .date(let b) = other.kind else { return false }
            return a == b
        case .name(let a):
            guard case .name(let b) = other.kind else { return false }
            return a == b
        case .boolean(let a):
            guard case .boolean(let b) = other.kind else { return false }
            return a == b
        case .null:
            guard case .null = other.kind else { return false }
            return true
        case .invalid:
            guard case .invalid = other.kind else { return false }
            return true
        case .member(let a, let x):
            guard case .member(let b, let y) = other.kind else { return false }
            return x.text == y.text && a.isSame(as: b)
        case .unary(let o, let a):
            guard case .unary(let p, let b) = other.kind else { return false }
            return o == p && a.isSame(as: b)
        case .binary(let o, let a, let c):
            guard case .binary(let p, let b, let d) = other.kind else { return false }
            return o == p && a.isSame(as: b) && c.isSame(as: d)
        case .isNull(let a, let x):
            guard case .isNull(let b, let y) = other.kind else { return false }
            return x == y && a.isSame(as: b)
        case .inList(let a, let l, let x):
            guard case .inList(let b, let m, let y) = other.kind else { return false }
            return x == y && a.isSame(as: b) && sameExpressions(l, m)
        case .call(let n, let a, let f):
            guard case .call(let m, let b, let g) = other.kind else { return false }
            return n.text == m.text && sameExpressions(a, b) && sameExpression(f, g)
        case .list(let a):
            guard case .list(let b) = other.kind else { return false }
            return sameExpressions(a, b)
        case .duration(let a, let u):
            guard case .duration(let b, let v) = other.kind else { return false }
            return u == v && a.isSame(as: b)
        case .match(let s, let a, let o):
            guard case .match(let t, let b, let p) = other.kind else { return false }
            return sameExpression(s, t) && sameExpression(o, p)
                && a.elementsEqual(b) { $0.pattern.isSame(as: $1.pattern) && $0.result.isSame(as: $1.result) }
        }
    }
}

private func sameExpression(_ a: Expression?, _ b: Expression?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let a?, let b?): return a.isSame(as: b)
    default: return false
    }
}

private func sameExpressions(_ a: [Expression], _ b: [Expression]) -> Bool {
    a.elementsEqual(b) { $0.isSame(as: $1) }
}

private func sameScore(_ a: ScoreRule?, _ b: ScoreRule?) -> Bool {
    switch (a, b) {
    case (nil, nil):
        return true
    case (.linear(let a, _)?, .linear(let b, _)?):
        return a.elementsEqual(b) { $0.input.isSame(as: $1.input) && $0.points.isSame(as: $1.points) }
    case (.bands(let a, _)?, .bands(let b, _)?):
        return a.elementsEqual(b) {
            $0.comparison == $1.comparison && sameExpression($0.bound, $1.bound) && $0.points.isSame(as: $1.points)
        }
    case (.expression(let a)?, .expression(let b)?):
        return a.isSame(as: b)
    case (.deduct(let a)?, .deduct(let b)?):
        return a.amount.isSame(as: b.amount) && sameExpression(a.unit, b.unit) && a.direction == b.direction
            && sameExpression(a.reference, b.reference) && sameExpression(a.maximum, b.maximum) && sameExpression(a.floor, b.floor)
    case (.lognormal(let a, let c, _)?, .lognormal(let b, let d, _)?):
        return a.isSame(as: b) && c.isSame(as: d)
    default:
        return false
    }
}

/// Byte for byte: two strings equal as strings may still be written differently (composed or not), and a
/// plan keeps a string value as it was written.
private func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { a in
        b.withUTF8 { b in
            guard a.count == b.count else { return false }
            for index in a.indices where a[index] != b[index] { return false }
            return true
        }
    }
}
