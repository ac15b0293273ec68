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
    /// A score expression: `measure` and parameters.
    case score
}

/// A checked expression and its type.
struct Typed {
    var expression: TypedExpression
    var type: ValueType

    static let invalid = Typed(expression: .constant(.null), type: .unknown)
}

extension Checker {
    static let aggregateFunctions = ["count", "sum", "avg", "min", "max", "rate"]
    static let scalarFunctions = ["workdays"]

    /// Checks a condition: its type must be a truth value.
    mutating func checkCondition(_ expression: Expression, in context: ExpressionContext) -> TypedExpression {
        let typed = checkExpression(expression, in: context)
        if !typed.type.isBoolean {
            report("K0220", expression.range, zh: "这里应为条件（真假值），却是\(typed.type.label.zh)",
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
        case .date(let text):
            guard let day = CivilDay(text) else {
                report("K0221", expression.range, zh: "日期“\(text)”不存在", en: "the date `\(text)` does not exist",
                       hint: "日期写成 YYYY-MM-DD，例如 2024-02-29", hintEn: "write dates as YYYY-MM-DD, for example 2024-02-29")
                return .invalid
            }
            return Typed(expression: .constant(.integer(Int64(day.number))), type: .day)
        case .name(let name):
            return resolveName(Name(name, expression.range), in: context)
        case .member(_, let name):
            report("K0222", name.range, zh: "暂不支持关联字段“.\(name.text)”", en: "related columns such as `.\(name.text)` are not supported yet",
                   hint: "直接使用本表字段", hintEn: "use a column of the table itself")
            return .invalid
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
                    report("K0224", item.range, zh: "列表中的值是\(element.type.label.zh)，与\(typed.type.label.zh)不可比较",
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

    private func comparable(_ a: ValueType, _ b: ValueType) -> Bool {
        if a == .null || b == .null || a == .unknown || b == .unknown { return true }
        if a.isNumeric && b.isNumeric { return true }
        if (a == .boolean || a == .flag) && (b == .boolean || b == .flag) { return true }
        if (a == .time || a == .day) && (b == .time || b == .day) { return true }
        return a == b
    }

    private mutating func checkBinary(_ op: String, _ lhs: Expression, _ rhs: Expression, range: SourceRange, in context: ExpressionContext) -> Typed {
        let left = checkExpression(lhs, in: context)
        let right = checkExpression(rhs, in: context)
        switch op {
        case "and", "or":
            if !left.type.isBoolean { reportOperand(lhs, left.type, expected: ("条件", "a condition")) }
            if !right.type.isBoolean { reportOperand(rhs, right.type, expected: ("条件", "a condition")) }
            return Typed(expression: op == "and" ? .and(left.expression, right.expression) : .or(left.expression, right.expression), type: .boolean)
        case "+", "-", "*", "/":
            if !left.type.isNumeric { reportOperand(lhs, left.type, expected: ("数值", "a number")) }
            if !right.type.isNumeric { reportOperand(rhs, right.type, expected: ("数值", "a number")) }
            let integer = op != "/" && left.type != .real && right.type != .real
            return Typed(expression: .arithmetic(op, left.expression, right.expression), type: integer ? .integer : .real)
        default:
            if left.type == .null || right.type == .null {
                report("K0226", range, zh: "与 null 比较的结果总是未知", en: "a comparison with null is never true",
                       hint: "判断空值请写 is null 或 is not null", hintEn: "test for null with `is null` or `is not null`")
                return Typed(expression: .constant(.null), type: .boolean)
            }
            guard comparable(left.type, right.type) else {
                report("K0227", range, zh: "\(left.type.label.zh)与\(right.type.label.zh)不能比较",
                       en: "\(left.type.label.en) cannot be compared with \(right.type.label.en)")
                return Typed(expression: .constant(.null), type: .boolean)
            }
            var a = left.expression
            var b = right.expression
            // A time compared with a date compares the time's day (in China time) with the date.
            if left.type == .time && right.type == .day { a = .dayOf(a) }
            if left.type == .day && right.type == .time { b = .dayOf(b) }
            return Typed(expression: .compare(op, a, b), type: .boolean)
        }
    }

    // MARK: Names

    private mutating func resolveName(_ name: Name, in context: ExpressionContext) -> Typed {
        switch context {
        case .row(let table):
            if let type = schema.table(table)?.type(of: name.text) {
                return Typed(expression: .column(scanSlot(table: table, column: name.text)), type: type)
            }
        case .centers:
            if let slot = centerColumnSlot(name.text), let type = schema.table("centers")?.type(of: name.text) {
                return Typed(expression: .centerColumn(slot), type: type)
            }
        case .score:
            if name.text == "measure" { return Typed(expression: .measure, type: .real) }
        case .center, .constant:
            break
        }
        if var parameter = parameters[name.text] {
            parameter.used = true
            parameters[name.text] = parameter
            return Typed(expression: .constant(parameter.value), type: parameter.type)
        }
        if case .center = context, let slot = centerColumnSlot(name.text), let type = schema.table("centers")?.type(of: name.text) {
            return Typed(expression: .centerColumn(slot), type: type)
        }
        reportUnknownName(name, in: context)
        return .invalid
    }

    private mutating func reportUnknownName(_ name: Name, in context: ExpressionContext) {
        var candidates = Array(parameters.keys)
        var place = ("", "")
        switch context {
        case .row(let table):
            candidates += schema.table(table)?.columns.map(\.name) ?? []
            place = ("表 \(table) 中没有字段，也没有参数", "no column of table `\(table)` and no parameter")
        case .centers, .center:
            candidates += schema.table("centers")?.columns.map(\.name) ?? []
            place = ("centers 表中没有字段，也没有参数", "no column of `centers` and no parameter")
        case .score:
            candidates.append("measure")
            place = ("评分规则中只能使用 measure 和参数", "a score may only use `measure` and parameters; there is nothing")
        case .constant:
            place = ("这里只能使用常量和参数，没有参数", "only constants and parameters are allowed here; there is no parameter")
        }
        let guess = nearestName(name.text, among: candidates.sorted())
        report("K0230", name.range, zh: "\(place.0)叫“\(name.text)”", en: "\(place.1) named `\(name.text)`",
               hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
    }

    mutating func reportUnknownColumn(_ name: Name, table: String) {
        let guess = nearestName(name.text, among: schema.table(table)?.columns.map(\.name) ?? [])
        report("K0231", name.range, zh: "表 \(table) 中没有字段“\(name.text)”", en: "table `\(table)` has no column `\(name.text)`",
               hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
    }

    /// The slot of `column` in the scan of `table`, adding it if it is new.
    mutating func scanSlot(table: String, column: String) -> Int {
        var columns = scanColumns[table] ?? []
        if let slot = columns.firstIndex(of: column) { return slot }
        columns.append(column)
        scanColumns[table] = columns
        return columns.count - 1
    }

    /// The slot of a `centers` column, adding it if it is new; `nil` if `centers` has no such column.
    mutating func centerColumnSlot(_ column: String) -> Int? {
        guard schema.table("centers")?.type(of: column) != nil else { return nil }
        if let slot = centerColumns.firstIndex(of: column) { return slot }
        centerColumns.append(column)
        return centerColumns.count - 1
    }
}
