/// An expression, with where it was written.
public struct Expression: Sendable, Equatable {
    /// What the expression is. Only the cases that hold expressions are boxed: a name, a number or a string
    /// is stored in place, which spares an allocation for every leaf of the tree.
    public enum Kind: Sendable, Equatable {
        public static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case (.number(let a, let x), .number(let b, let y)): return a == b && x == y
            case (.percent(let a), .percent(let b)): return a == b
            case (.string(let a), .string(let b)), (.date(let a), .date(let b)), (.name(let a), .name(let b)): return a == b
            case (.boolean(let a), .boolean(let b)): return a == b
            case (.null, .null), (.invalid, .invalid): return true
            case (.member(let a, let x), .member(let b, let y)): return a == b && x == y
            case (.unary(let o, let a), .unary(let p, let b)): return o == p && a == b
            case (.binary(let o, let a, let c), .binary(let p, let b, let d)): return o == p && a == b && c == d
            case (.isNull(let a, let x), .isNull(let b, let y)): return a == b && x == y
            case (.inList(let a, let l, let x), .inList(let b, let m, let y)): return a == b && l == m && x == y
            case (.call(let n, let a, let f), .call(let m, let b, let g)): return n == m && a == b && f == g
            case (.list(let a), .list(let b)): return a == b
            case (.duration(let a, let u), .duration(let b, let v)): return a == b && u == v
            case (.match(let s, let a, let o), .match(let t, let b, let p)):
                return s == t && o == p && a.elementsEqual(b) { $0.pattern == $1.pattern && $0.result == $1.result }
            default: return false
            }
        }

        /// A number; `isInteger` when written without a fraction.
        case number(Double, isInteger: Bool)
        /// `90%`, stored as the fraction 0.9.
        case percent(Double)
        case string(String)
        /// `2024-01-01`, as written.
        case date(String)
        case boolean(Bool)
        case null
        /// A column or parameter.
        case name(String)
        /// `base.name`: a column of a related row (a case's item, a review's case, a center's parent).
        indirect case member(Expression, Name)
        /// `-x` or `not x`.
        indirect case unary(String, Expression)
        /// `a op b` for `+ - * / == != < <= > >= and or`.
        indirect case binary(Operator, Expression, Expression)
        /// `x is null` (`negated`: `x is not null`).
        indirect case isNull(Expression, negated: Bool)
        /// `x in [a, b]` (`negated`: `x not in [a, b]`).
        indirect case inList(Expression, [Expression], negated: Bool)
        /// `f(a, b)` or `f(a where condition)`: a function or an aggregate.
        indirect case call(Name, [Expression], filter: Expression?)
        /// `[a, b]`.
        case list([Expression])
        /// `15 workdays`, `7 days`, `48 hours`, `30 minutes`, `rectify_days workdays`.
        indirect case duration(Expression, unit: String)
        /// `case x { a -> r; …; else -> r }` (`subject` set) or `case { condition -> r; …; else -> r }`.
        indirect case match(subject: Expression?, arms: [(pattern: Expression, result: Expression)], otherwise: Expression?)
        /// A placeholder for an expression that could not be parsed (already reported).
        case invalid
    }

    /// The operator of a binary expression, spelled as in rule files. (An enumeration, not a string: a syntax
    /// tree holds one per operator, and a string takes sixteen bytes.)
    public enum Operator: String, Sendable, Equatable {
        case or, and
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case plus = "+", minus = "-", times = "*", divide = "/"
    }

    public let kind: Kind
    public let range: SourceRange

    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.range == rhs.range && lhs.kind == rhs.kind
    }

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// Every sub-expression, depth first, this one included.
    public func walk(_ visit: (Expression) -> Void) {
        visit(self)
        switch kind {
        case .member(let base, _): base.walk(visit)
        case .unary(_, let operand): operand.walk(visit)
        case .binary(_, let lhs, let rhs):
            lhs.walk(visit)
            rhs.walk(visit)
        case .isNull(let operand, _): operand.walk(visit)
        case .inList(let operand, let items, _):
            operand.walk(visit)
            items.forEach { $0.walk(visit) }
        case .call(_, let arguments, let filter):
            arguments.forEach { $0.walk(visit) }
            filter?.walk(visit)
        case .list(let items): items.forEach { $0.walk(visit) }
        case .duration(let amount, _): amount.walk(visit)
        case .match(let subject, let arms, let otherwise):
            subject?.walk(visit)
            for arm in arms {
                arm.pattern.walk(visit)
                arm.result.walk(visit)
            }
            otherwise?.walk(visit)
        default: break
        }
    }
}

extension Expression {
    /// The names that stand for the points a score rule scores out of — an indicator's points, a bonus's cap —
    /// in its outputs: `100% -> full`, `>= 95% -> 满分`, `>= 90% -> 60% full`.
    public static let fullPointsNames = ["full", "满分"]

    /// Whether the expression names the points it scores out of (`full`, `满分`) anywhere.
    public var mentionsFullPoints: Bool {
        var found = false
        walk { expression in
            if case .name(let name) = expression.kind, Expression.fullPointsNames.contains(name) { found = true }
        }
        return found
    }

    /// Whether the expression calls `function` anywhere.
    public func mentions(function: String) -> Bool {
        var found = false
        walk { expression in
            if case .call(let name, _, _) = expression.kind, name.text == function { found = true }
        }
        return found
    }
}
