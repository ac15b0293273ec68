import KaopingSyntax

extension Checker {
    mutating func checkCall(_ name: Name, _ arguments: [Expression], filter: Expression?, range: SourceRange, in context: ExpressionContext) -> Typed {
        if Checker.aggregateFunctions.contains(name.text) {
            guard case .center(let table, let population) = context else {
                report("K0240", name.range, zh: "这里不能使用汇总函数 \(name.text)", en: "the aggregate `\(name.text)` cannot be used here",
                       hint: "汇总函数只能用在 measure 和否决条件中", hintEn: "aggregates belong in a measure or a veto condition")
                return .invalid
            }
            return checkAggregate(name, arguments, filter: filter, defaultTable: table, population: population)
        }
        if let filter {
            report("K0241", filter.range, zh: "只有汇总函数可以带 where", en: "only aggregates take `where`")
        }
        switch name.text {
        case "workdays":
            guard arguments.count == 2 else {
                report("K0242", range, zh: "workdays 需要两个参数：开始时间和结束时间", en: "`workdays` takes two arguments: a start and an end",
                       hint: "例如 workdays(accepted_at, finished_at)", hintEn: "for example workdays(accepted_at, finished_at)")
                return .invalid
            }
            let from = checkExpression(arguments[0], in: context)
            let to = checkExpression(arguments[1], in: context)
            for (argument, typed) in zip(arguments, [from, to]) where ![.time, .day, .null, .unknown].contains(typed.type) {
                report("K0243", argument.range, zh: "workdays 的参数应为时间或日期，却是\(typed.type.label.zh)",
                       en: "`workdays` needs times or dates, found \(typed.type.label.en)")
            }
            usesCalendar = true
            return Typed(expression: .workdays(instant(from), instant(to)), type: .integer)
        default:
            let guess = nearestName(name.text, among: Checker.aggregateFunctions + Checker.scalarFunctions)
            report("K0244", name.range, zh: "没有名为“\(name.text)”的函数", en: "there is no function `\(name.text)`",
                   hint: guess.map { "是否想写“\($0)”？" } ?? "可用的函数：" + (Checker.aggregateFunctions + Checker.scalarFunctions).joined(separator: "、"),
                   hintEn: guess.map { "did you mean `\($0)`?" } ?? "the functions are " + (Checker.aggregateFunctions + Checker.scalarFunctions).joined(separator: ", "))
            return .invalid
        }
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
            defaultTable.flatMap({ schema.table($0)?.type(of: word) }) == nil
        {
            table = word
            rest.removeFirst()
            explicit = true
        }
        guard let table else {
            report("K0245", name.range, zh: "\(name.text) 不知道汇总哪张表", en: "`\(name.text)` does not know which table to aggregate",
                   hint: "在指标中写 from 表名，或写成 \(name.text)(表名 where 条件)",
                   hintEn: "write `from TABLE` in the indicator, or \(name.text)(TABLE where condition)")
            return .invalid
        }
        guard schema.table(table)?.centerColumn != nil else {
            report("K0246", name.range, zh: "表 \(table) 没有 center_id 字段，不能按单位汇总",
                   en: "table `\(table)` has no `center_id` column, so it cannot be aggregated per center")
            return .invalid
        }
        var combined = explicit ? nil : population
        if let filter {
            let rowFilter = checkCondition(filter, in: .row(table))
            combined = combined.map { .and($0, rowFilter) } ?? rowFilter
        }
        guard let function = AggregatePlan.Function(rawValue: name.text) else { return .invalid }
        var argument: TypedExpression?
        switch function {
        case .count:
            if let first = rest.first {
                let typed = checkExpression(first, in: .row(table))
                let present = TypedExpression.isNull(typed.expression, negated: true)
                combined = combined.map { .and($0, present) } ?? present
            }
            if rest.count > 1 { reportArity(name, expected: "至多一个", "at most one") }
        case .rate:
            guard rest.count == 1 else {
                reportArity(name, expected: "一个条件", "one condition")
                return .invalid
            }
            argument = checkCondition(rest[0], in: .row(table))
        case .sum, .avg, .min, .max:
            guard rest.count == 1 else {
                reportArity(name, expected: "一个数值", "one number")
                return .invalid
            }
            let typed = checkExpression(rest[0], in: .row(table))
            if !typed.type.isNumeric {
                report("K0248", rest[0].range, zh: "\(name.text) 的参数应为数值，却是\(typed.type.label.zh)",
                       en: "`\(name.text)` needs a number, found \(typed.type.label.en)",
                       hint: "时间之差请用 workdays(开始, 结束)", hintEn: "for time spans use workdays(start, end)")
            }
            argument = typed.expression
        }
        let index = addAggregate(AggregatePlan(function: function, table: table, filter: combined, argument: argument))
        return Typed(expression: .aggregate(index), type: function == .count ? .integer : .real)
    }

    private mutating func reportArity(_ name: Name, expected: String, _ english: String) {
        report("K0247", name.range, zh: "\(name.text) 需要\(expected)参数", en: "`\(name.text)` takes \(english) argument")
    }

    /// Adds an aggregate, or returns the index of an identical one already planned.
    mutating func addAggregate(_ aggregate: AggregatePlan) -> Int {
        if let index = aggregates.firstIndex(of: aggregate) { return index }
        aggregates.append(aggregate)
        return aggregates.count - 1
    }
}
