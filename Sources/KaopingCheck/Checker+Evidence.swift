import KaopingStore
import KaopingSyntax

extension Checker {
    /// The values a record of an aggregate over `table` shows: each column `condition` reads, in order of first
    /// mention, then each side of a comparison that is neither a column nor a constant (`workdays(accepted_at,
    /// finished_at) - paused_days`), as written; with `whole`, the condition itself last (a `sum`'s value).
    mutating func evidenceLabels(_ condition: Expression, table: String, whole: Bool = false) -> [EvidenceLabel] {
        var parts: [Expression] = []
        var computed: [Expression] = []
        condition.walk { expression in
            switch expression.kind {
            case .name(let name) where schema.type(of: name, in: table) != nil && parameters[name] == nil:
                parts.append(expression)
            case .member:
                parts.append(expression)
            case .binary(let op, let lhs, let rhs) where Self.comparisons.contains(op):
                computed += [lhs, rhs].filter { !Self.isPlain($0) }
            default: break
            }
        }
        if whole && !Self.isPlain(condition) { computed.append(condition) }
        var seen: Set<String> = []
        var labels: [EvidenceLabel] = []
        for part in parts + computed {
            let text = file.source.text(part.range)
            guard seen.insert(text).inserted else { continue }
            let typed = quietly { $0.checkExpression(part, in: .row(table)) }
            guard typed.type != .unknown else { continue }
            labels.append(EvidenceLabel(text: text, expression: typed.expression, type: typed.type))
        }
        return labels
    }

    private static let comparisons: Set<Expression.Operator> = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]

    /// A column, a related row's column or a constant: shown as it is, not as a computed value.
    private static func isPlain(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .name, .member, .number, .percent, .string, .date, .boolean, .null, .list, .duration: return true
        default: return false
        }
    }

    /// The evidence of a veto `AGGREGATE op N` (or `N op AGGREGATE`): the records that make it hold — a count's or
    /// sum's rows when more makes it hold, a rate's failing rows when less does.
    mutating func vetoEvidence(_ condition: TypedExpression) -> EvidencePlan? {
        guard case .compare(let op, let lhs, let rhs) = condition else { return nil }
        let (aggregateSide, rising): (TypedExpression, Bool)
        switch (lhs, rhs) {
        case (.aggregate, .constant): (aggregateSide, rising) = (lhs, op == ">" || op == ">=")
        case (.constant, .aggregate): (aggregateSide, rising) = (rhs, op == "<" || op == "<=")
        default: return nil
        }
        guard case .aggregate(let index) = aggregateSide, ["<", "<=", ">", ">="].contains(op) else { return nil }
        let aggregate = aggregates[index]
        let rows: EvidencePlan.Rows
        switch (aggregate.function, rising) {
        case (.count, true), (.sum, true), (.rate, true): rows = .counted
        case (.rate, false): rows = .failing
        default: return nil
        }
        let key = EvidencePlan.key(of: aggregate.table)
        _ = scanSlot(table: aggregate.table, column: key)
        return EvidencePlan(aggregate: index, rows: rows, key: key, labels: evidenceLabels[index] ?? [])
    }

    /// The evidence of an indicator whose measure is one `rate`, `count` or `sum` over a table, given which way its
    /// score goes: a rate's failing rows where more is better, the counted rows where more is worse (a count or sum
    /// only then). The table's natural key is added to its scan.
    mutating func evidencePlan(measure: TypedExpression, score: ScorePlan) -> EvidencePlan? {
        guard case .aggregate(let index) = measure else { return nil }
        let aggregate = aggregates[index]
        let falls = score.falls(over: aggregate.function == .rate ? (0, 1) : (0, 1e6))
        let rows: EvidencePlan.Rows
        switch aggregate.function {
        case .rate: rows = falls ? .counted : .failing
        case .count, .sum:
            guard falls else { return nil }
            rows = .counted
        default: return nil
        }
        let key = EvidencePlan.key(of: aggregate.table)
        _ = scanSlot(table: aggregate.table, column: key)
        return EvidencePlan(aggregate: index, rows: rows, key: key, labels: evidenceLabels[index] ?? [])
    }
}
