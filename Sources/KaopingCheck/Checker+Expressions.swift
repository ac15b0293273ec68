import KaopingStore
import KaopingSyntax

/// Where an expression is written, which decides what its names mean.
enum ExpressionContext {
    /// Literals and parameters only (periods, thresholds, control points, parameter values).
    case constant
    /// A row of `centers` (the `assess` filter): names are center columns.
    case centers
    /// A row of a table being scanned: names are its columns.
    case row(String)
    /// A per-center value (a measure or a veto): aggregates over `table` rows that pass `filter`.
    case center(table: String?, filter: TypedExpression?)
    /// A score expression: `measure`, parameters, and `full` (满分), the points it scores out of.
    case score(full: Double)
    /// Points in a score rule (an output, a cap): constants, parameters and `full` (满分).
    case points(full: Double)
}

/// A checked expression and its type.
struct Typed {
    var expression: TypedExpression
    var type: ValueType

    static let invalid = Typed(expression: .constant(.null), type: .unknown)
}

extension Checker {
    static let scalarFunctions = [
        "workdays", "matches", "starts_with", "ends_with", "contains", "length", "hours", "days", "ratio", "abs", "round",
    ]

    /// Checks a condition: its type must be a truth value.
    mutating func checkCondition(_ expression: Expression, in context: ExpressionContext) -> TypedExpression {
        let typed = checkExpression(expression, in: context)
        if !typed.type.isBoolean {
            report(
                "K0220", expression.range, zh: "这里应为条件（真假值），却是\(typed.type.label.zh)",
                en: "expected a condition (true or false), found \(typed.type.label.en)",
                hint: "写成比较，例如 status == \"finished\"", hintEn: "write a comparison, for example status == \"finished\"")
        }
        return typed.expression
    }

    mutating func checkExpression(_ expression: Expression, in context: ExpressionContext) -> Typed {
        switch expression.kind {
        case .invalid:
            return .invalid
        case .number(let value, let isInteger):
            if isInteger, let integer = Int64(exactly: value) { return Typed(expression: .constant(.integer(integer)), type: .integer) }
            return Typed(expression: .constant(.real(value)), type: .real)
        case .percent(let value):
            return Typed(expression: .constant(.real(value)), type: .real)
        case .string(let value):
            return Typed(expression: .constant(.text(value)), type: .text)
        case .boolean(let value):
            return Typed(expression: .constant(.boolean(value)), type: .boolean)
        case .null:
            return Typed(expression: .constant(.null), type: .null)
        case .date(let text) where text.contains("T"):
            guard let instant = Checker.instant(text) else {
                report(
                    "K0221", expression.range, zh: "时间“\(text)”不存在", en: "the time `\(text)` does not exist",
                    hint: "写成 YYYY-MM-DDThh:mm，例如 2024-02-08T09:30", hintEn: "write times as YYYY-MM-DDThh:mm, for example 2024-02-08T09:30"
                )
                return .invalid
            }
            return Typed(expression: .constant(.integer(instant)), type: .time)
        case .date(let text):
            guard let day = CivilDay(text) else {
                report(
                    "K0221", expression.range, zh: "日期“\(text)”不存在", en: "the date `\(text)` does not exist",
                    hint: "日期写成 YYYY-MM-DD，例如 2024-02-29", hintEn: "write dates as YYYY-MM-DD, for example 2024-02-29")
                return .invalid
            }
            return Typed(expression: .constant(.integer(Int64(day.number))), type: .day)
        case .name(let name):
            return resolveName(Name(name, expression.range), in: context)
        case .member:
            return resolveMember(expression, in: context)
        case .duration(let amountExpression, let unit):
            // A number of days, hours or minutes: a constant, or a column's value row by row (`promised_days days`).
            guard let amount = durationAmount(amountExpression, in: context) else { return .invalid }
            if unit == "workdays" {
                let written = amount.number.map(fixedText) ?? file.source.text(amountExpression.range)
                report(
                    "K0228", expression.range, zh: "“\(written) workdays”只能加在时间后面，例如 rated_at + 15 workdays",
                    en: "`workdays` can only be added to a time, as in rated_at + 15 workdays",
                    hint: "或写 workdays(开始, 结束) <= 15", hintEn: "or write workdays(start, end) <= 15")
                return .invalid
            }
            let unitSeconds: Int64 = unit == "days" ? 86_400 : unit == "hours" ? 3_600 : 60
            if let number = amount.number {
                return Typed(expression: .constant(.integer((number * Double(unitSeconds)).clampedInteger())), type: .duration)
            }
            return Typed(expression: .arithmetic("*", amount.expression, .constant(.integer(unitSeconds))), type: .duration)
        case .match(let subject, let arms, let otherwise):
            return checkMatch(subject, arms, otherwise, range: expression.range, in: context)
        case .list:
            report("K0223", expression.range, zh: "列表只能用在 in 后面", en: "a list can only follow `in`")
            return .invalid
        case .unary(let op, let operand):
            let typed = checkExpression(operand, in: context)
            if op == "not" {
                if !typed.type.isBoolean { reportOperand(operand, typed.type, expected: ("条件", "a condition")) }
                return Typed(expression: .not(typed.expression), type: .boolean)
            }
            if !typed.type.isNumeric { reportOperand(operand, typed.type, expected: ("数值", "a number")) }
            return Typed(expression: .negate(typed.expression), type: typed.type == .integer ? .integer : .real)
        case .binary(let op, let lhs, let rhs):
            return checkBinary(op, lhs, rhs, range: expression.range, in: context)
        case .isNull(let operand, let negated):
            let typed = checkExpression(operand, in: context)
            return Typed(expression: .isNull(typed.expression, negated: negated), type: .boolean)
        case .inList(let operand, let items, let negated):
            let typed = checkExpression(operand, in: context)
            var values: [Value] = []
            for item in items {
                let element = checkExpression(item, in: .constant)
                guard case .constant(let value) = element.expression else { continue }
                if typed.type != .unknown, element.type != .unknown, !comparable(typed.type, element.type) {
                    report(
                        "K0224", item.range, zh: "列表中的值是\(element.type.label.zh)，与\(typed.type.label.zh)不可比较",
                        en: "this value is \(element.type.label.en), which cannot be compared with \(typed.type.label.en)")
                }
                values.append(value)
            }
            return Typed(expression: .inList(typed.expression, values, negated: negated), type: .boolean)
        case .call(let name, let arguments, let filter):
            return checkCall(name, arguments, filter: filter, range: expression.range, in: context)
        }
    }

    private mutating func reportOperand(_ operand: Expression, _ type: ValueType, expected: (String, String)) {
        guard type != .unknown else { return }
        report("K0225", operand.range, zh: "这里应为\(expected.0)，却是\(type.label.zh)", en: "expected \(expected.1), found \(type.label.en)")
    }

    /// Arithmetic with times and durations: time − time, time ± duration, time + N workdays,
    /// duration ± duration, duration × number, duration ÷ number, duration ÷ duration.
    private mutating func timeArithmetic(
        _ op: Expression.Operator, _ left: Typed, _ right: Typed, _ lhs: Expression, _ rhs: Expression, context: ExpressionContext
    ) -> Typed? {
        switch (left.type, op, right.type) {
        case (.unknown, _, _), (_, _, .unknown):
            return Typed(expression: .constant(.null), type: .unknown)
        case (.time, .minus, .time): return Typed(expression: .arithmetic("-", left.expression, right.expression), type: .duration)
        case (.day, .plus, .duration), (.day, .minus, .duration):
            // A date plus a span is a time, counted from the date's midnight in China time.
            return Typed(expression: .arithmetic(op.rawValue, dayStart(left.expression), right.expression), type: .time)
        case (.time, .plus, .duration), (.time, .minus, .duration):
            return Typed(expression: .arithmetic(op.rawValue, left.expression, right.expression), type: .time)
        case (.duration, .plus, .time): return Typed(expression: .arithmetic("+", left.expression, right.expression), type: .time)
        case (.duration, .plus, .duration), (.duration, .minus, .duration):
            return Typed(expression: .arithmetic(op.rawValue, left.expression, right.expression), type: .duration)
        case (.duration, .divide, .duration): return Typed(expression: .arithmetic("/", left.expression, right.expression), type: .real)
        case (.duration, .times, let other) where other.isNumeric, (.duration, .divide, let other) where other.isNumeric:
            return Typed(expression: .arithmetic(op.rawValue, left.expression, right.expression), type: .duration)
        case (let other, .times, .duration) where other.isNumeric:
            return Typed(expression: .arithmetic("*", left.expression, right.expression), type: .duration)
        case (.time, _, _), (_, _, .time), (.day, _, _), (_, _, .day), (.duration, _, _), (_, _, .duration):
            report(
                "K0229", lhs.range.union(rhs.range), zh: "\(left.type.label.zh)与\(right.type.label.zh)不能做“\(op.rawValue)”运算",
                en: "\(left.type.label.en) and \(right.type.label.en) cannot be combined with `\(op.rawValue)`",
                hint: "两个时间相减得到时长，时长可与 7 days、48 hours 比较；工作日用 workdays(开始, 结束)",
                hintEn:
                    "subtracting two times gives a duration, comparable with 7 days or 48 hours; for working days use workdays(start, end)")
            return .invalid
        default:
            return nil
        }
    }

    /// `time + N workdays`: the day that is the N-th working day after the time's day.
    private mutating func addWorkdays(
        _ op: Expression.Operator, _ left: Typed, _ amountExpression: Expression, lhs: Expression, rhs: Expression,
        context: ExpressionContext
    )
        -> Typed
    {
        guard let amount = durationAmount(amountExpression, in: context) else { return .invalid }
        guard left.type == .time || left.type == .day || left.type == .unknown else {
            report("K0228", rhs.range, zh: "workdays 只能加在时间或日期后面", en: "`workdays` can only be added to a time or a date")
            return .invalid
        }
        usesCalendar = true
        let base =
            left.type == .day
            ? TypedExpression.arithmetic("-", .arithmetic("*", left.expression, .constant(.integer(86_400))), .constant(.integer(28_800)))
            : left.expression
        if let number = amount.number {
            return Typed(expression: .addWorkdays(base, Int(number.clampedInteger()) * (op == .minus ? -1 : 1)), type: .day)
        }
        // A deadline counted from a column, row by row: `accepted_at + promised_days workdays`.
        let count = op == .minus ? TypedExpression.negate(amount.expression) : amount.expression
        return Typed(expression: .addWorkdaysBy(base, count), type: .day)
    }

    /// The amount of a duration (`15 days`, `promised_days workdays`): its value when it is a constant (`number`),
    /// else the expression giving it row by row; `nil` (reported) when it is no number.
    private mutating func durationAmount(_ expression: Expression, in context: ExpressionContext) -> (
        number: Double?, expression: TypedExpression
    )? {
        let typed = checkExpression(expression, in: context)
        if typed.type == .unknown { return nil }
        guard typed.type.isNumeric else {
            reportOperand(expression, typed.type, expected: ("数值", "a number"))
            return nil
        }
        if typed.expression.isConstant {
            guard let number = typed.expression.evaluateConstant().number, number.isFinite else {
                report(
                    "K0211", expression.range, zh: "这里应为数值", en: "expected a number",
                    hint: "写一个数字、百分数或数值参数", hintEn: "write a number, a percentage or a numeric parameter")
                return nil
            }
            return (number, typed.expression)
        }
        return (nil, typed.expression)
    }

    private mutating func checkMatch(
        _ subject: Expression?, _ arms: [(pattern: Expression, result: Expression)], _ otherwise: Expression?, range: SourceRange,
        in context: ExpressionContext
    ) -> Typed {
        let typedSubject = subject.map { checkExpression($0, in: context) }
        var resultType: ValueType?
        var typedArms: [MatchArm] = []
        func unify(_ typed: Typed, _ expression: Expression) {
            guard typed.type != .unknown, typed.type != .null else { return }
            guard let current = resultType else {
                resultType = typed.type
                return
            }
            if current == typed.type { return }
            if current.isNumeric && typed.type.isNumeric {
                resultType = (current == .integer && typed.type == .integer) ? .integer : .real
                return
            }
            report(
                "K0233", expression.range, zh: "case 的各分支结果类型不一致：\(current.label.zh)与\(typed.type.label.zh)",
                en: "the branches of `case` give different types: \(current.label.en) and \(typed.type.label.en)")
        }
        for arm in arms {
            let pattern: Typed
            if let typedSubject {
                pattern = checkExpression(arm.pattern, in: context)
                if !comparable(typedSubject.type, pattern.type) {
                    report(
                        "K0224", arm.pattern.range, zh: "分支的值是\(pattern.type.label.zh)，与\(typedSubject.type.label.zh)不可比较",
                        en: "this value is \(pattern.type.label.en), which cannot be compared with \(typedSubject.type.label.en)")
                }
            } else {
                pattern = Typed(expression: checkCondition(arm.pattern, in: context), type: .boolean)
            }
            let result = checkExpression(arm.result, in: context)
            unify(result, arm.result)
            typedArms.append(MatchArm(pattern: pattern.expression, result: result.expression))
        }
        var fallback = TypedExpression.constant(.null)
        if let otherwise {
            let typed = checkExpression(otherwise, in: context)
            unify(typed, otherwise)
            fallback = typed.expression
        }
        return Typed(expression: .match(subject: typedSubject?.expression, arms: typedArms, otherwise: fallback), type: resultType ?? .null)
    }

    func comparable(_ a: ValueType, _ b: ValueType) -> Bool {
        if a == .null || b == .null || a == .unknown || b == .unknown { return true }
        if a.isNumeric && b.isNumeric { return true }
        if (a == .boolean || a == .flag) && (b == .boolean || b == .flag) { return true }
        if (a == .time || a == .day) && (b == .time || b == .day) { return true }
        return a == b
    }

    private func fixedText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private mutating func checkBinary(
        _ op: Expression.Operator, _ lhs: Expression, _ rhs: Expression, range: SourceRange, in context: ExpressionContext
    ) -> Typed {
        let left = checkExpression(lhs, in: context)
        if case .duration(let amountExpression, "workdays") = rhs.kind, op == .plus || op == .minus {
            return addWorkdays(op, left, amountExpression, lhs: lhs, rhs: rhs, context: context)
        }
        let right = checkExpression(rhs, in: context)
        switch op {
        case .and, .or:
            if !left.type.isBoolean { reportOperand(lhs, left.type, expected: ("条件", "a condition")) }
            if !right.type.isBoolean { reportOperand(rhs, right.type, expected: ("条件", "a condition")) }
            return Typed(
                expression: op == .and ? .and(left.expression, right.expression) : .or(left.expression, right.expression), type: .boolean)
        case .plus, .minus, .times, .divide:
            if let typed = timeArithmetic(op, left, right, lhs, rhs, context: context) { return typed }
            if !left.type.isNumeric { reportOperand(lhs, left.type, expected: ("数值", "a number")) }
            if !right.type.isNumeric { reportOperand(rhs, right.type, expected: ("数值", "a number")) }
            if op == .divide, !right.expression.isNonZeroConstant {
                report(
                    "K0297", rhs.range, severity: .warning, zh: "除数可能为 0，此时结果为空值（该行或该单位不计入）",
                    en: "the divisor can be 0, and then the result is null (the row or center does not count)",
                    hint: "比例请用 rate(条件)；确需相除可写 ratio(a, b) 表明已知晓",
                    hintEn: "for a share use rate(condition); to divide on purpose write ratio(a, b)")
            }
            let integer = op != .divide && left.type != .real && right.type != .real
            return Typed(expression: .arithmetic(op.rawValue, left.expression, right.expression), type: integer ? .integer : .real)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if left.type == .null || right.type == .null {
                report(
                    "K0226", range, zh: "与 null 比较的结果总是未知", en: "a comparison with null is never true",
                    hint: "判断空值请写 is null 或 is not null", hintEn: "test for null with `is null` or `is not null`")
                return Typed(expression: .constant(.null), type: .boolean)
            }
            guard comparable(left.type, right.type) else {
                report(
                    "K0227", range, zh: "\(left.type.label.zh)与\(right.type.label.zh)不能比较",
                    en: "\(left.type.label.en) cannot be compared with \(right.type.label.en)")
                return Typed(expression: .constant(.null), type: .boolean)
            }
            checkComparisonUnits(lhs, left, rhs, right)
            var a = left.expression
            var b = right.expression
            // A time compared with a date compares the time's day (in China time) with the date.
            if left.type == .time && right.type == .day { a = .dayOf(a) }
            if left.type == .day && right.type == .time { b = .dayOf(b) }
            return Typed(expression: .compare(op.rawValue, a, b), type: .boolean)
        }
    }
}
