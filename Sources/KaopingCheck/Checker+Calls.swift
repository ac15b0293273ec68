import KaopingSyntax

extension Checker {
    mutating func checkCall(_ name: Name, _ arguments: [Expression], filter: Expression?, range: SourceRange, in context: ExpressionContext)
        -> Typed
    {
        if ["min", "max"].contains(name.text), arguments.count == 2, filter == nil, !namesTable(arguments[0]) {
            return checkScalarExtreme(name, arguments, in: context)
        }
        if Checker.aggregateFunction(named: name.text) != nil {
            guard case .center(let table, let population) = context else {
                report(
                    "K0240", name.range, zh: "这里不能使用汇总函数 \(name.text)", en: "the aggregate `\(name.text)` cannot be used here",
                    hint: "汇总函数只能用在 measure 和否决条件中", hintEn: "aggregates belong in a measure or a veto condition")
                return .invalid
            }
            return checkAggregate(name, arguments, filter: filter, defaultTable: table, population: population)
        }
        // (Of a function that does not exist, only the name is reported: it may be a misspelled aggregate.)
        if let filter, Checker.scalarFunctions.contains(name.text) {
            report("K0241", filter.range, zh: "只有汇总函数可以带 where", en: "only aggregates take `where`")
        }
        if let signature = Checker.scalarSignatures[name.text] {
            return checkScalar(name, arguments, signature: signature, range: range, in: context)
        }
        switch name.text {
        case "matches":
            return checkMatches(name, arguments, in: context)
        case "workdays":
            guard arguments.count == 2 else {
                report(
                    "K0242", range, zh: "workdays 需要两个参数：开始时间和结束时间", en: "`workdays` takes two arguments: a start and an end",
                    hint: "例如 workdays(accepted_at, finished_at)", hintEn: "for example workdays(accepted_at, finished_at)")
                return .invalid
            }
            let from = checkExpression(arguments[0], in: context)
            let to = checkExpression(arguments[1], in: context)
            for (argument, typed) in zip(arguments, [from, to]) where ![.time, .day, .null, .unknown].contains(typed.type) {
                report(
                    "K0243", argument.range, zh: "workdays 的参数应为时间或日期，却是\(typed.type.label.zh)",
                    en: "`workdays` needs times or dates, found \(typed.type.label.en)")
            }
            usesCalendar = true
            return Typed(expression: .workdays(instant(from), instant(to)), type: .integer)
        default:
            let functions = Checker.aggregateFunctions + Checker.scalarFunctions
            let guess = nearestName(name.text, among: functions)
            report(
                "K0244", name.range, zh: "没有名为“\(name.text)”的函数", en: "there is no function `\(name.text)`",
                hint: guess.map { "是否想写“\($0)”？" } ?? "可用的函数：" + functions.joined(separator: "、"),
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "the functions are " + functions.joined(separator: ", "))
            return .invalid
        }
    }

    /// Whether `expression` is a lone name of a table (as in `min(cases, …)`, an aggregate over that table).
    private func namesTable(_ expression: Expression) -> Bool {
        if case .name(let word) = expression.kind { return schema.table(word) != nil }
        return false
    }

    /// `min(a, b)` and `max(a, b)` of two values (not the aggregates of one): numbers, or two times, or two dates.
    private mutating func checkScalarExtreme(_ name: Name, _ arguments: [Expression], in context: ExpressionContext) -> Typed {
        let typed = arguments.map { checkExpression($0, in: context) }
        let types = typed.map(\.type)
        let result: ValueType
        if types.allSatisfy({ $0 == .integer || $0 == .flag || $0 == .null }) {
            result = .integer
        } else if types.allSatisfy(\.isNumeric) {
            result = .real
        } else if types.allSatisfy({ $0 == .time || $0 == .null || $0 == .unknown }) {
            result = .time
        } else if types.allSatisfy({ $0 == .day || $0 == .null || $0 == .unknown }) {
            result = .day
        } else {
            report(
                "K0243", arguments[1].range,
                zh: "\(name.text)(a, b) 的两个参数应同为数值、时间或日期，却是\(types[0].label.zh)和\(types[1].label.zh)",
                en: "`\(name.text)(a, b)` needs two numbers, two times or two dates, found \(types[0].label.en) and \(types[1].label.en)")
            return .invalid
        }
        return Typed(expression: .function(name.text, typed.map(\.expression)), type: result)
    }

    /// A time, or a date turned into the instant its day starts (for `workdays`).
    private func instant(_ typed: Typed) -> TypedExpression {
        guard typed.type == .day else { return typed.expression }
        // day number × 86,400 − 8 h = the instant of that day's midnight in China time.
        return .arithmetic("-", .arithmetic("*", typed.expression, .constant(.integer(86_400))), .constant(.integer(28_800)))
    }

    private mutating func checkAggregate(
        _ name: Name, _ arguments: [Expression], filter: Expression?, defaultTable: String?, population: TypedExpression?
    ) -> Typed {
        var table = defaultTable
        var rest = arguments
        var explicit = false
        if let first = arguments.first, case .name(let word) = first.kind, schema.table(word) != nil,
            defaultTable.flatMap({ schema.type(of: word, in: $0) }) == nil
        {
            table = word
            rest.removeFirst()
            explicit = true
        }
        if let first = arguments.first, case .name(let word) = first.kind, !explicit, schema.table(word) == nil,
            defaultTable.flatMap({ schema.type(of: word, in: $0) }) == nil, parameters[word] == nil, filter != nil, arguments.count == 1
        {
            // `count(unknown where …)`: most likely a table that is not in the data, not a column.
            let guess = nearestName(
                word, among: schema.tables.map(\.name) + (defaultTable.flatMap { schema.table($0)?.columns.map(\.name) } ?? []))
            report(
                "K0232", first.range, zh: "数据中没有表或字段“\(word)”", en: "the data has no table or column `\(word)`",
                hint: guess.map { "是否想写“\($0)”？" } ?? "扩展表可用 table 声明",
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "declare an extra table with `table`")
            return .invalid
        }
        guard let table else {
            if sourceFailed {
                markParametersUsed(in: arguments + (filter.map { [$0] } ?? []))
                return .invalid
            }
            report(
                "K0245", name.range, zh: "\(name.text) 不知道汇总哪张表", en: "`\(name.text)` does not know which table to aggregate",
                hint: "在指标中写 from 表名，或写成 \(name.text)(表名 where 条件)",
                hintEn: "write `from TABLE` in the indicator, or \(name.text)(TABLE where condition)")
            return .invalid
        }
        guard schema.table(table)?.centerColumn != nil else {
            report(
                "K0246", name.range, zh: "表 \(table) 没有 center_id 字段，不能按单位汇总",
                en: "table `\(table)` has no `center_id` column, so it cannot be aggregated per center")
            return .invalid
        }
        var combined = explicit ? nil : population
        if let filter {
            let rowFilter = checkCondition(filter, in: .row(table))
            combined = combined.map { .and($0, rowFilter) } ?? rowFilter
        }
        guard let function = Checker.aggregateFunction(named: name.text) else { return .invalid }
        var argument: TypedExpression?
        var fraction: Double?
        switch function {
        case .countDistinct:
            guard rest.count == 1 else {
                reportArity(name, expected: "一个", "one argument")
                return .invalid
            }
            argument = checkExpression(rest[0], in: .row(table)).expression
        case .median, .percentile:
            let expected = function == .median ? 1 : 2
            guard rest.count == expected else {
                reportArity(
                    name, expected: function == .median ? "一个数值" : "一个数值和一个百分位（如 90%）",
                    function == .median ? "one number" : "a number and a fraction such as 90%")
                return .invalid
            }
            let typed = checkExpression(rest[0], in: .row(table))
            if !typed.type.isNumeric && typed.type != .duration {
                report(
                    "K0248", rest[0].range, zh: "\(name.text) 的参数应为数值，却是\(typed.type.label.zh)",
                    en: "`\(name.text)` needs a number, found \(typed.type.label.en)")
            }
            argument = typed.expression
            if function == .percentile {
                fraction = constantNumber(rest[1])
                if let value = fraction, !(0...1).contains(value) {
                    report("K0249", rest[1].range, zh: "百分位应在 0% 到 100% 之间", en: "the percentile must be between 0% and 100%")
                }
            }
        case .count:
            if let first = rest.first {
                let typed = checkExpression(first, in: .row(table))
                let present = TypedExpression.isNull(typed.expression, negated: true)
                combined = combined.map { .and($0, present) } ?? present
            }
            if rest.count > 1 { reportArity(name, expected: "至多一个", "at most one argument") }
        case .rate:
            guard rest.count == 1 else {
                reportArity(name, expected: "一个条件", "one condition as its argument")
                return .invalid
            }
            argument = checkCondition(rest[0], in: .row(table))
        case .sum, .avg, .min, .max:
            guard rest.count == 1 else {
                reportArity(name, expected: "一个数值", "one number as its argument")
                return .invalid
            }
            let typed = checkExpression(rest[0], in: .row(table))
            if !typed.type.isNumeric && typed.type != .duration {
                report(
                    "K0248", rest[0].range, zh: "\(name.text) 的参数应为数值，却是\(typed.type.label.zh)",
                    en: "`\(name.text)` needs a number, found \(typed.type.label.en)",
                    hint: "时间之差请用 workdays(开始, 结束)", hintEn: "for time spans use workdays(start, end)")
            }
            argument = typed.expression
        }
        let index = addAggregate(function, table: table, filter: combined, argument: argument, fraction: fraction)
        if evidenceLabels[index] == nil {
            switch function {
            case .rate, .sum: evidenceLabels[index] = evidenceLabels(rest[0], table: table, whole: function == .sum)
            case .count: evidenceLabels[index] = (filter ?? rest.first).map { evidenceLabels($0, table: table) } ?? []
            default: break
            }
        }
        return Typed(expression: .aggregate(index), type: [.count, .countDistinct].contains(function) ? .integer : .real)
    }

    private mutating func reportArity(_ name: Name, expected: String, _ english: String) {
        report("K0247", name.range, zh: "\(name.text) 需要\(expected)参数", en: "`\(name.text)` takes \(english)")
    }

    /// Adds the aggregate of `function` over `table` with `filter` and `argument`, or returns the index of the
    /// identical one already planned.
    mutating func addAggregate(
        _ function: AggregatePlan.Function, table: String, filter: TypedExpression?, argument: TypedExpression?, fraction: Double? = nil
    ) -> Int {
        let aggregate = AggregatePlan(function: function, table: table, filter: filter, argument: argument, fraction: fraction)
        if let index = aggregateIndices[aggregate] { return index }
        aggregates.append(aggregate)
        aggregateIndices[aggregate] = aggregates.count - 1
        return aggregates.count - 1
    }
}

extension Checker {
    static let aggregateFunctions = ["count", "count_distinct", "sum", "avg", "min", "max", "median", "percentile", "rate"]

    /// The aggregate function a call names, if it names one.
    static func aggregateFunction(named name: String) -> AggregatePlan.Function? {
        AggregatePlan.Function(rawValue: name)
    }

    /// Scalar functions: argument types and result type.
    static let scalarSignatures: [String: (arguments: [ValueType], result: ValueType)] = [
        "starts_with": ([.text, .text], .boolean),
        "ends_with": ([.text, .text], .boolean),
        "contains": ([.text, .text], .boolean),
        "length": ([.text], .integer),
        "hours": ([.time, .time], .real),
        "days": ([.time, .time], .integer),
        "ratio": ([.real, .real], .real),
        "abs": ([.real], .real),
        "round": ([.real, .integer], .real),
    ]

    mutating func checkScalar(
        _ name: Name, _ arguments: [Expression], signature: (arguments: [ValueType], result: ValueType), range: SourceRange,
        in context: ExpressionContext
    ) -> Typed {
        let optionalTail = name.text == "round" ? 1 : 0
        guard arguments.count <= signature.arguments.count, arguments.count >= signature.arguments.count - optionalTail else {
            let count = signature.arguments.count
            let english = optionalTail > 0 ? "\(count - 1) or \(count) arguments" : count == 1 ? "one argument" : "\(count) arguments"
            let chinese = optionalTail > 0 ? "\(count - 1) 或 \(count) 个" : "\(count) 个"
            report("K0247", name.range, zh: "\(name.text) 需要 \(chinese)参数", en: "`\(name.text)` takes \(english)")
            return .invalid
        }
        var typed: [TypedExpression] = []
        for (argument, expected) in zip(arguments, signature.arguments) {
            let value = checkExpression(argument, in: context)
            let fits: Bool
            switch expected {
            case .text: fits = [.text, .null, .unknown].contains(value.type)
            case .time: fits = [.time, .day, .null, .unknown].contains(value.type)
            default: fits = value.type.isNumeric
            }
            if !fits {
                report(
                    "K0243", argument.range, zh: "\(name.text) 的参数应为\(expected.label.zh)，却是\(value.type.label.zh)",
                    en: "`\(name.text)` needs \(expected.label.en) here, found \(value.type.label.en)")
            }
            typed.append(expected == .time && value.type == .day ? dayStart(value.expression) : value.expression)
        }
        let result: ValueType = name.text == "abs" ? (arguments.first.map { checkExpressionType($0) } ?? .real) : signature.result
        return Typed(expression: .function(name.text, typed), type: result)
    }

    /// The instant a day (as a day number) starts in China time.
    func dayStart(_ day: TypedExpression) -> TypedExpression {
        .arithmetic("-", .arithmetic("*", day, .constant(.integer(86_400))), .constant(.integer(28_800)))
    }

    private func checkExpressionType(_ expression: Expression) -> ValueType {
        if case .number(_, let isInteger) = expression.kind, isInteger { return .integer }
        return .real
    }

    /// `matches(text, "pattern")`: the pattern must be a constant, valid regular expression.
    mutating func checkMatches(_ name: Name, _ arguments: [Expression], in context: ExpressionContext) -> Typed {
        guard arguments.count == 2 else {
            report(
                "K0247", name.range, zh: "matches 需要两个参数：文本和正则表达式", en: "`matches` takes two arguments: the text and a regular expression")
            return .invalid
        }
        let text = checkExpression(arguments[0], in: context)
        if ![.text, .null, .unknown].contains(text.type) {
            report("K0243", arguments[0].range, zh: "matches 的第一个参数应为文本", en: "the first argument of `matches` must be text")
        }
        let pattern = checkExpression(arguments[1], in: .constant)
        guard case .constant(.text(let source)) = pattern.expression else {
            report("K0235", arguments[1].range, zh: "正则表达式应为字符串常量", en: "the regular expression must be a constant string")
            return .invalid
        }
        if let form = RegexPattern.unboundedForm(source) {
            report(
                "K0279", arguments[1].range, zh: "正则表达式“\(source)”含有\(form.zh)，匹配可能极慢",
                en: "the regular expression `\(source)` has \(form.en), which can make matching take very long",
                hint: "改写为不含此结构的形式，如 (分中心|现场办理点)$ 而不是 (分中心|现场办理点)+",
                hintEn: "write it without that construct, such as (分中心|现场办理点)$ rather than (分中心|现场办理点)+")
            return .invalid
        }
        if regexes[source] == nil { regexes[source] = .some(RegexPattern(source)) }
        guard let regex = regexes[source] ?? nil else {
            report(
                "K0236", arguments[1].range, zh: "“\(source)”不是有效的正则表达式", en: "`\(source)` is not a valid regular expression",
                hint: "检查括号、方括号是否成对，特殊字符前加 \\\\", hintEn: "check that brackets pair up and special characters are escaped with \\\\")
            return .invalid
        }
        return Typed(expression: .matches(text.expression, regex), type: .boolean)
    }
}
