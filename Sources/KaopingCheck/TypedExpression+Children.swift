extension TypedExpression {
    /// The expressions directly inside this one.
    public var children: [TypedExpression] {
        switch self {
        case .constant, .column, .centerColumn, .aggregate, .measure: return []
        case .negate(let a), .not(let a), .isNull(let a, _), .inList(let a, _, _), .dayOf(let a), .addWorkdays(let a, _),
            .matches(let a, _):
            return [a]
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b), .workdays(let a, let b),
            .addWorkdaysBy(let a, let b):
            return [a, b]
        case .match(let subject, let arms, let otherwise):
            return (subject.map { [$0] } ?? []) + arms.flatMap { [$0.pattern, $0.result] } + [otherwise]
        case .function(_, let arguments): return arguments
        }
    }

    /// The scan slots of the row columns the expression reads.
    public var slots: [Int] {
        if case .column(let slot) = self { return [slot] }
        return children.flatMap(\.slots)
    }
}
