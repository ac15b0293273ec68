import KaopingStore
import KaopingSyntax

/// Names in expressions: a row's columns, a center's, parameters and definitions, and the slots a scan reads them from.
extension Checker {
    mutating func resolveName(_ name: Name, in context: ExpressionContext) -> Typed {
        if let typed = expandDefinition(name, in: context) { return typed }
        switch context {
        case .row(let table):
            if let typed = rowColumn(name.text, in: table) { return typed }
        case .centers:
            if let slot = centerColumnSlot(name.text), let type = schema.type(of: name.text, in: "centers") {
                return Typed(expression: .centerColumn(slot), type: type)
            }
        case .score(let full):
            if name.text == "measure" { return Typed(expression: .measure, type: .real) }
            if Expression.fullPointsNames.contains(name.text) { return Typed(expression: .constant(.real(full)), type: .real) }
        case .points(let full):
            if Expression.fullPointsNames.contains(name.text) { return Typed(expression: .constant(.real(full)), type: .real) }
        case .center, .constant:
            break
        }
        if var parameter = parameters[name.text] {
            parameter.used = true
            parameters[name.text] = parameter
            return Typed(expression: .constant(parameter.value), type: parameter.type)
        }
        if case .center = context, let slot = centerColumnSlot(name.text), let type = schema.type(of: name.text, in: "centers") {
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
            candidates += ["measure", "full"]
            place = ("评分规则中只能使用 measure、full 和参数", "a score may only use `measure`, `full` and parameters; there is nothing")
        case .points:
            candidates.append("full")
            place = ("这里只能使用常量、full 和参数，没有参数", "only constants, `full` and parameters are allowed here; there is no parameter")
        case .constant:
            place = ("这里只能使用常量和参数，没有参数", "only constants and parameters are allowed here; there is no parameter")
        }
        let guess = nearestName(name.text, among: candidates.sorted())
        // The parameter the name most likely meant counts as used: the typo must not also make it seem unused.
        if let guess { parameters[guess]?.used = true }
        var chinese = "\(place.0)叫“\(name.text)”"
        switch context {
        case .score: chinese = "评分规则中只能使用 measure、full 和参数，没有“\(name.text)”"
        case .points: chinese = "这里只能使用常量、full 和参数，没有参数“\(name.text)”"
        case .constant: chinese = "这里只能使用常量和参数，没有参数“\(name.text)”"
        default: break
        }
        report(
            "K0230", name.range, zh: chinese, en: "\(place.1) named `\(name.text)`",
            hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
    }

    mutating func reportUnknownColumn(_ name: Name, table: String) {
        let guess = nearestName(name.text, among: schema.table(table)?.columns.map(\.name) ?? [])
        report(
            "K0231", name.range, zh: "表 \(table) 中没有字段“\(name.text)”", en: "table `\(table)` has no column `\(name.text)`",
            hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
    }

    /// The column `name` of a row of `table`, typed, if the table has it.
    private mutating func rowColumn(_ name: String, in table: String) -> Typed? {
        guard let type = schema.type(of: name, in: table) else { return nil }
        return Typed(expression: .column(scanSlot(table: table, column: name)), type: type)
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
        guard columnType(table: "centers", path: column) != .unknown else { return nil }
        if let slot = centerColumns.firstIndex(of: column) { return slot }
        centerColumns.append(column)
        return centerColumns.count - 1
    }
}
