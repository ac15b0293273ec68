/// Syntax moved within its file: the same tree, every range `delta` bytes later (earlier when negative). The
/// parser makes an indicator whose body repeats one it parsed before from that one's tree (see
/// `Parser+Repeats.swift`). Each switch names every case, so that a new one cannot be forgotten.
extension SourceRange {
    func shifted(by delta: Int) -> SourceRange { SourceRange(start + delta, end + delta) }
}

extension Name {
    func shifted(by delta: Int) -> Name { Name(text, range.shifted(by: delta)) }
}

extension StringLiteral {
    func shifted(by delta: Int) -> StringLiteral { StringLiteral(value: value, range: range.shifted(by: delta)) }
}

extension Expression {
    func shifted(by delta: Int) -> Expression {
        func shift(_ expression: Expression) -> Expression { expression.shifted(by: delta) }
        let moved: Kind
        switch kind {
        case .number, .percent, .string, .date, .boolean, .null, .name, .invalid:
            moved = kind
        case .member(let base, let name): moved = .member(shift(base), name.shifted(by: delta))
        case .unary(let operation, let operand): moved = .unary(operation, shift(operand))
        case .binary(let operation, let lhs, let rhs): moved = .binary(operation, shift(lhs), shift(rhs))
        case .isNull(let operand, let negated): moved = .isNull(shift(operand), negated: negated)
        case .inList(let operand, let items, let negated): moved = .inList(shift(operand), items.map(shift), negated: negated)
        case .call(let name, let arguments, let filter):
            moved = .call(name.shifted(by: delta), arguments.map(shift), filter: filter.map(shift))
        case .list(let items): moved = .list(items.map(shift))
        case .duration(let amount, let unit): moved = .duration(shift(amount), unit: unit)
        case .match(let subject, let arms, let otherwise):
            moved = .match(
                subject: subject.map(shift), arms: arms.map { (pattern: shift($0.pattern), result: shift($0.result)) },
                otherwise: otherwise.map(shift))
        }
        return Expression(moved, range.shifted(by: delta))
    }
}

extension ScoreRule {
    func shifted(by delta: Int) -> ScoreRule {
        switch self {
        case .linear(let points, let range):
            return .linear(
                points.map { ControlPoint(input: $0.input.shifted(by: delta), points: $0.points.shifted(by: delta)) },
                range.shifted(by: delta))
        case .bands(let bands, let range):
            return .bands(
                bands.map {
                    ScoreBand(
                        comparison: $0.comparison, bound: $0.bound?.shifted(by: delta), points: $0.points.shifted(by: delta),
                        range: $0.range.shifted(by: delta))
                }, range.shifted(by: delta))
        case .expression(let expression):
            return .expression(expression.shifted(by: delta))
        case .deduct(let rule):
            return .deduct(
                DeductRule(
                    amount: rule.amount.shifted(by: delta), unit: rule.unit?.shifted(by: delta), direction: rule.direction,
                    reference: rule.reference?.shifted(by: delta), maximum: rule.maximum?.shifted(by: delta),
                    floor: rule.floor?.shifted(by: delta), range: rule.range.shifted(by: delta)))
        case .lognormal(let p10, let median, let range):
            return .lognormal(p10: p10.shifted(by: delta), median: median.shifted(by: delta), range.shifted(by: delta))
        }
    }
}

extension IndicatorDeclaration {
    /// This indicator's body — every statement between its braces — moved `delta` bytes later, under `id` and
    /// `title`, its range `range`.
    func body(shiftedBy delta: Int, id: Name, title: StringLiteral, range: SourceRange) -> IndicatorDeclaration {
        IndicatorDeclaration(
            id: id, title: title, category: category.map { $0.shifted(by: delta) }, points: points?.shifted(by: delta),
            weight: weight?.shifted(by: delta), source: source?.shifted(by: delta), filter: filter?.shifted(by: delta),
            measure: measure?.shifted(by: delta), score: score?.shifted(by: delta), emptyPolicy: emptyPolicy?.shifted(by: delta),
            minimum: minimum?.shifted(by: delta), range: range)
    }
}
