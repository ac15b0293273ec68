import KaopingStore

/// What an expression reads while it is evaluated.
public struct EvaluationInput {
    /// The row being scanned, by slot.
    public var row: [Value] = []
    /// The center's columns, by slot.
    public var center: [Value] = []
    /// The center's aggregate results, by index.
    public var aggregates: [Value] = []
    /// The indicator's measure, inside a score expression.
    public var measure: Value = .null
    /// The working calendar of the row's center.
    public var calendar: WorkingCalendar

    public init(calendar: WorkingCalendar) {
        self.calendar = calendar
    }
}

extension TypedExpression {
    /// Evaluates the expression. NULL propagates through arithmetic and comparisons; `and`/`or` follow
    /// SQL's three-valued logic; division by zero gives NULL.
    public func evaluate(_ input: EvaluationInput) -> Value {
        switch self {
        case .constant(let value): return value
        case .column(let slot): return slot < input.row.count ? input.row[slot] : .null
        case .centerColumn(let slot): return slot < input.center.count ? input.center[slot] : .null
        case .aggregate(let index): return index < input.aggregates.count ? input.aggregates[index] : .null
        case .measure: return input.measure
        case .negate(let operand):
            switch operand.evaluate(input) {
            case .integer(let value): return .integer(0 &- value)
            case .real(let value): return .real(-value)
            case .boolean(let value): return .integer(value ? -1 : 0)
            default: return .null
            }
        case .not(let operand):
            let value = operand.evaluate(input)
            return value.isNull ? .null : .boolean(!value.isTrue)
        case .arithmetic(let op, let lhs, let rhs):
            return arithmeticValues(op, lhs.evaluate(input), rhs.evaluate(input))
        case .compare(let op, let lhs, let rhs):
            return compareValues(op, lhs.evaluate(input), rhs.evaluate(input))
        case .and(let lhs, let rhs):
            let left = lhs.evaluate(input)
            if !left.isNull && !left.isTrue { return .boolean(false) }
            let right = rhs.evaluate(input)
            if !right.isNull && !right.isTrue { return .boolean(false) }
            return left.isNull || right.isNull ? .null : .boolean(true)
        case .or(let lhs, let rhs):
            let left = lhs.evaluate(input)
            if left.isTrue { return .boolean(true) }
            let right = rhs.evaluate(input)
            if right.isTrue { return .boolean(true) }
            return left.isNull || right.isNull ? .null : .boolean(false)
        case .isNull(let operand, let negated):
            return .boolean(operand.evaluate(input).isNull != negated)
        case .inList(let operand, let items, let negated):
            let value = operand.evaluate(input)
            if value.isNull { return .null }
            let found = items.contains { compareValues("==", value, $0).isTrue }
            return .boolean(found != negated)
        case .workdays(let from, let to):
            guard case .integer(let start) = from.evaluate(input), case .integer(let end) = to.evaluate(input) else { return .null }
            return .integer(Int64(input.calendar.workdays(from: start, to: end)))
        case .dayOf(let operand):
            guard case .integer(let instant) = operand.evaluate(input) else { return .null }
            return .integer(Int64(CivilDay(instant: instant).number))
        }
    }
}

func arithmeticValues(_ op: String, _ lhs: Value, _ rhs: Value) -> Value {
    if case .integer(let a) = lhs, case .integer(let b) = rhs, op != "/" {
        switch op {
        case "+": return .integer(a &+ b)
        case "-": return .integer(a &- b)
        default: return .integer(a &* b)
        }
    }
    guard let a = lhs.number, let b = rhs.number, !lhs.isText, !rhs.isText else { return .null }
    switch op {
    case "+": return finite(a + b)
    case "-": return finite(a - b)
    case "*": return finite(a * b)
    default: return b == 0 ? .null : finite(a / b)
    }
}

private func finite(_ value: Double) -> Value {
    value.isFinite ? .real(value) : .null
}

func compareValues(_ op: String, _ lhs: Value, _ rhs: Value) -> Value {
    let order: Int
    switch (lhs, rhs) {
    case (.null, _), (_, .null): return .null
    case (.text(let a), .text(let b)): order = a == b ? 0 : (a < b ? -1 : 1)
    case (.integer(let a), .integer(let b)): order = a == b ? 0 : (a < b ? -1 : 1)
    default:
        guard let a = lhs.number, let b = rhs.number, !lhs.isText, !rhs.isText else { return .null }
        order = a == b ? 0 : (a < b ? -1 : 1)
    }
    switch op {
    case "==": return .boolean(order == 0)
    case "!=": return .boolean(order != 0)
    case "<": return .boolean(order < 0)
    case "<=": return .boolean(order <= 0)
    case ">": return .boolean(order > 0)
    default: return .boolean(order >= 0)
    }
}

extension Value {
    var isText: Bool {
        if case .text = self { return true }
        return false
    }
}
