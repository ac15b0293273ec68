import KaopingStore
import KaopingSyntax

/// Many-to-one lookups: `relation.column` names, their types and the joins that read them.
extension Checker {
    /// `relation.column`, `relation.relation.column` or `center.column`.
    mutating func resolveMember(_ expression: Expression, in context: ExpressionContext) -> Typed {
        var names: [Name] = []
        var base = expression
        while case .member(let inner, let name) = base.kind {
            names.insert(name, at: 0)
            base = inner
        }
        guard case .name(let first) = base.kind else {
            report(
                "K0222", expression.range, zh: "“.”前面应是关联名（如 item、case、center）",
                en: "`.` must follow a relation such as item, case or center")
            return .invalid
        }
        names.insert(Name(first, base.range), at: 0)
        let table: String
        switch context {
        case .row(let name): table = name
        case .centers: table = "centers"
        default:
            if first == "center", names.count == 2 { return resolveName(names[1], in: .centers) }
            report("K0222", expression.range, zh: "关联字段只能用在逐行的条件或计算中", en: "related columns can only be used in row conditions and values")
            return .invalid
        }
        if first == "center", names.count == 2, schema.table(table)?.centerColumn != nil, table != "centers" {
            guard let slot = centerColumnSlot(names[1].text), let type = schema.type(of: names[1].text, in: "centers") else {
                reportUnknownColumn(names[1], table: "centers")
                return .invalid
            }
            return Typed(expression: .centerColumn(slot), type: type)
        }
        var current = table
        var path: [String] = []
        for name in names.dropLast() {
            guard let relation = Relation.named(name.text, from: current), schema.table(relation.to) != nil,
                schema.type(of: relation.column, in: current) != nil
            else {
                let choices = Relation.names(from: current) + (current == table && table != "centers" ? ["center"] : [])
                let guess = nearestName(name.text, among: choices)
                report(
                    "K0234", name.range, zh: "表 \(current) 没有名为“\(name.text)”的关联", en: "table `\(current)` has no relation `\(name.text)`",
                    hint: guess.map { "是否想写“\($0)”？" } ?? (choices.isEmpty ? "" : "可用的关联：" + choices.joined(separator: "、")),
                    hintEn: guess.map { "did you mean `\($0)`?" }
                        ?? (choices.isEmpty ? "" : "the relations are " + choices.joined(separator: ", ")))
                return .invalid
            }
            path.append(name.text)
            current = relation.to
        }
        guard let last = names.last, let type = schema.type(of: last.text, in: current) else {
            if let last = names.last { reportUnknownColumn(last, table: current) }
            return .invalid
        }
        let column = (path + [last.text]).joined(separator: ".")
        if case .centers = context {
            guard let slot = centerColumnSlot(column) else { return .invalid }
            return Typed(expression: .centerColumn(slot), type: type)
        }
        return Typed(expression: .column(scanSlot(table: table, column: column)), type: type)
    }

    /// The type of a column path (`promised_days`, `item.promised_days`) read from `table`.
    func columnType(table: String, path: String) -> ValueType {
        var current = table
        let parts = path.split(separator: ".").map(String.init)
        for name in parts.dropLast() {
            guard let relation = Relation.named(name, from: current) else { return .unknown }
            current = relation.to
        }
        return parts.last.flatMap { schema.type(of: $0, in: current) } ?? .unknown
    }

    /// The joins a set of column paths read from `table` need, parents before children.
    func joins(table: String, columns: [String]) -> [JoinPlan] {
        var plans: [JoinPlan] = []
        for column in columns {
            let parts = column.split(separator: ".").map(String.init)
            var current = table
            var path: [String] = []
            for name in parts.dropLast() {
                guard let relation = Relation.named(name, from: current) else { break }
                let fromPath = path.joined(separator: ".")
                path.append(name)
                let joined = path.joined(separator: ".")
                if !plans.contains(where: { $0.path == joined }) {
                    plans.append(
                        JoinPlan(path: joined, table: relation.to, fromPath: fromPath, fromColumn: relation.column, key: relation.key))
                }
                current = relation.to
            }
        }
        return plans
    }

    /// The instant of `YYYY-MM-DDThh:mm[:ss]` in China time, if it is a real time.
    public static func instant(_ text: String) -> Int64? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CivilDay(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.count <= 3, let hour = clock[0], let minute = clock[1], (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? (clock[2] ?? -1) : 0
        guard (0..<60).contains(second) else { return nil }
        return day.startInstant + Int64(hour * 3600 + minute * 60 + second)
    }
}
