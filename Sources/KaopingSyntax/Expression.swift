/// An expression, with where it was written.
public struct Expression: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
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
        case member(Expression, Name)
        /// `-x` or `not x`.
        case unary(String, Expression)
        /// `a op b` for `+ - * / == != < <= > >= and or`.
        case binary(String, Expression, Expression)
        /// `x is null` (`negated`: `x is not null`).
        case isNull(Expression, negated: Bool)
        /// `x in [a, b]` (`negated`: `x not in [a, b]`).
        case inList(Expression, [Expression], negated: Bool)
        /// `f(a, b)` or `f(a where condition)`: a function or an aggregate.
        case call(Name, [Expression], filter: Expression?)
        /// `[a, b]`.
        case list([Expression])
        /// A placeholder for an expression that could not be parsed (already reported).
        case invalid
    }

    public let kind: Kind
    public let range: SourceRange

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
        default: break
        }
    }
}
