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
            guard case .integer(let start) = from.evaluate(input), case .integer(let end) = to.evaluate(input),
                civilDay(start) != nil, civilDay(end) != nil
            else { return .null }
            return .integer(Int64(input.calendar.workdays(from: start, to: end)))
        case .dayOf(let operand):
            guard case .integer(let instant) = operand.evaluate(input), let day = civilDay(instant) else { return .null }
            return .integer(Int64(day.number))
        case .addWorkdays(let operand, let count):
            // The calendar counts working days one by one: a count no rule means (`+ 1e12 workdays`) would never end.
            guard case .integer(let instant) = operand.evaluate(input), let day = civilDay(instant),
                count.magnitude <= UInt(maximumWorkdays)
            else { return .null }
            return .integer(Int64(input.calendar.adding(workdays: count, to: day).number))
        case .addWorkdaysBy(let operand, let count):
            guard case .integer(let instant) = operand.evaluate(input), let day = civilDay(instant),
                let steps = count.evaluate(input).number,
                steps.magnitude <= Double(maximumWorkdays)
            else { return .null }
            return .integer(Int64(input.calendar.adding(workdays: Int(steps.rounded()), to: day).number))
        case .match(let subject, let arms, let otherwise):
            let value = subject?.evaluate(input)
            for arm in arms {
                let pattern = arm.pattern.evaluate(input)
                let hit = value.map { compareValues("==", $0, pattern).isTrue } ?? pattern.isTrue
                if hit { return arm.result.evaluate(input) }
            }
            return otherwise.evaluate(input)
        case .function(let name, let arguments):
            return callFunction(name, arguments.map { $0.evaluate(input) })
        case .matches(let operand, let pattern):
            guard case .text(let text) = operand.evaluate(input) else { return .null }
            return .boolean(pattern.occurs(in: text))
        }
    }
}

/// The scalar functions of the rule language; NULL arguments give NULL.
public func callFunction(_ name: String, _ values: [Value]) -> Value {
    if values.contains(.null) { return .null }
    switch (name, values.count) {
    case ("starts_with", 2), ("ends_with", 2), ("contains", 2):
        guard case .text(let text) = values[0], case .text(let part) = values[1] else { return .null }
        switch name {
        case "starts_with": return .boolean(text.hasPrefix(part))
        case "ends_with": return .boolean(text.hasSuffix(part))
        default: return .boolean(part.isEmpty || text.contains(part))
        }
    case ("length", 1):
        guard case .text(let text) = values[0] else { return .null }
        return .integer(Int64(text.count))
    case ("hours", 2):
        guard let from = values[0].number, let to = values[1].number else { return .null }
        return .real((to - from) / 3600)
    case ("days", 2):
        guard case .integer(let from) = values[0], case .integer(let to) = values[1], let first = civilDay(from), let last = civilDay(to)
        else { return .null }
        return .integer(Int64(last.number - first.number))
    case ("ratio", 2):
        return arithmeticValues("/", values[0], values[1])
    case ("min", 2), ("max", 2):
        guard let a = values[0].number, let b = values[1].number else { return .null }
        let picked = name == "min" ? (b < a ? values[1] : values[0]) : (b > a ? values[1] : values[0])
        if case .integer = values[0], case .integer = values[1] { return picked }
        return .real(picked.number ?? .nan)
    case ("abs", 1):
        if case .integer(let value) = values[0] { return .integer(value < 0 ? 0 &- value : value) }
        return values[0].number.map { .real(Swift.abs($0)) } ?? .null
    case ("round", 1), ("round", 2):
        guard let value = values[0].number else { return .null }
        let digits = values.count == 2 ? Int((values[1].number ?? 0).clampedInteger(.towardZero)) : 0
        var scale = 1.0
        for _ in 0..<max(0, min(digits, 12)) { scale *= 10 }
        return .real((value * scale).rounded(.toNearestOrAwayFromZero) / scale)
    default:
        return .null
    }
}

/// The most working days `N workdays` moves a time (about 380 years); beyond it the result is NULL.
public let maximumWorkdays = 100_000

/// The day of an instant in China time, or `nil` for an instant beyond ±2^53 seconds (some 285 million
/// years), where wrapped arithmetic on times can land and day arithmetic would overflow.
func civilDay(_ instant: Int64) -> CivilDay? {
    instant.magnitude <= 9_007_199_254_740_992 ? CivilDay(instant: instant) : nil
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

extension TypedExpression {
    /// Whether the expression reads nothing but constants (no column, center column, aggregate or measure).
    public var isConstant: Bool {
        switch self {
        case .constant: return true
        case .column, .centerColumn, .aggregate, .measure: return false
        case .negate(let operand), .not(let operand), .dayOf(let operand), .addWorkdays(let operand, _), .isNull(let operand, _),
            .inList(let operand, _, _), .matches(let operand, _):
            return operand.isConstant
        case .arithmetic(_, let lhs, let rhs), .compare(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs),
            .workdays(let lhs, let rhs), .addWorkdaysBy(let lhs, let rhs):
            return lhs.isConstant && rhs.isConstant
        case .match(let subject, let arms, let otherwise):
            return (subject?.isConstant ?? true) && otherwise.isConstant
                && arms.allSatisfy { $0.pattern.isConstant && $0.result.isConstant }
        case .function(_, let arguments): return arguments.allSatisfy(\.isConstant)
        }
    }
}

extension TypedExpression {
    /// The value of an expression that reads no column, aggregate or measure (`isConstant`), on the weekly
    /// calendar; a literal's value is read without evaluating anything.
    func evaluateConstant() -> Value {
        if case .constant(let value) = self { return value }
        return evaluate(EvaluationInput(calendar: TypedExpression.weeklyCalendar))
    }

    private static let weeklyCalendar = WorkingCalendar()

    /// Whether this is a constant number other than zero (a safe divisor).
    var isNonZeroConstant: Bool {
        guard isConstant, let number = evaluateConstant().number else { return false }
        return number != 0
    }
}
