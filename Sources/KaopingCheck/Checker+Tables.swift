import KaopingStore
import KaopingSyntax

extension Checker {
    static let typeNames: [String: ValueType] = [
        "integer": .integer, "real": .real, "text": .text, "code": .text, "time": .time, "day": .day, "flag": .flag,
    ]

    /// The schema with the rule files' `table` declarations: a declared table the canonical schema lacks is
    /// added (rules check without a store); a store must have it (K0238). A table that is there must have every
    /// declared column, with a compatible type (K0299); the period column of an extra table is the one its
    /// declaration marks `period`, and none if it marks none (never one guessed from a column's name).
    mutating func declareTables(in schema: SchemaCatalog) -> SchemaCatalog {
        var tables = schema.tables
        for (declarationFile, declaration, _) in declarations {
            guard case .table(let table) = declaration else { continue }
            fileIndex = declarationFile
            var columns: [(name: String, type: ValueType)] = []
            var period: String?
            for column in table.columns {
                guard let type = Checker.typeNames[column.type.text] else {
                    let guess = nearestName(column.type.text, among: Checker.typeNames.keys.sorted())
                    report(
                        "K0298", column.type.range, zh: "无法识别的字段类型“\(column.type.text)”", en: "unknown column type `\(column.type.text)`",
                        hint: guess.map { "是否想写“\($0)”？" } ?? "可用的类型：integer、real、text、code、time、day、flag",
                        hintEn: guess.map { "did you mean `\($0)`?" } ?? "the types are integer, real, text, code, time, day, flag")
                    continue
                }
                if column.period { period = column.name.text }
                columns.append((column.name.text, type))
            }
            if let existing = tables.firstIndex(where: { $0.name == table.name.text }) {
                let extra = CanonicalSchema.table(table.name.text) == nil
                var typed = tables[existing].columns
                for column in table.columns {
                    guard let expected = Checker.typeNames[column.type.text] else { continue }
                    guard let actual = tables[existing].type(of: column.name.text) else {
                        report(
                            "K0299", column.name.range, zh: "表 \(table.name.text) 没有声明中的字段“\(column.name.text)”",
                            en: "table `\(table.name.text)` has no column `\(column.name.text)`, which the declaration lists",
                            hint: "检查导入的数据或修改声明", hintEn: "check the data imported or the declaration")
                        continue
                    }
                    // SQLite keeps a day as text and a time or a flag as an integer: the declaration says which.
                    let stored =
                        actual == expected || (expected == .day && actual == .text)
                        || ((expected == .time || expected == .flag) && actual == .integer)
                    if extra, stored, let slot = typed.firstIndex(where: { $0.name == column.name.text }) { typed[slot].type = expected }
                    let compatible = stored || (expected.isNumeric && actual.isNumeric)
                    if !compatible {
                        report(
                            "K0299", column.type.range,
                            zh: "\(table.name.text).\(column.name.text) 是\(actual.label.zh)，声明为\(expected.label.zh)",
                            en:
                                "`\(table.name.text).\(column.name.text)` is \(actual.label.en), but the declaration says \(expected.label.en)"
                        )
                    }
                }
                if extra {
                    let found = tables[existing]
                    tables[existing] = SchemaCatalog.Table(
                        name: found.name, columns: typed, centerColumn: found.centerColumn,
                        periodColumn: period.flatMap { found.type(of: $0) == nil ? nil : $0 })
                }
                continue
            }
            if schema.isStore {
                let guess = nearestName(table.name.text, among: tables.map(\.name))
                report(
                    "K0238", table.name.range, zh: "库中没有规则声明的表 \(table.name.text)",
                    en: "the store has no table `\(table.name.text)`, which the rules declare",
                    hint: guess.map { "是否想写“\($0)”？" } ?? "先把该表的数据导入库中，或检查表名",
                    hintEn: guess.map { "did you mean `\($0)`?" } ?? "import the table's data into the store first, or check its name")
                continue
            }
            if !columns.contains(where: { $0.name == "center_id" }) {
                report(
                    "K0246", table.name.range, zh: "表 \(table.name.text) 需要 center_id 字段，才能按单位考核",
                    en: "table `\(table.name.text)` needs a `center_id` column to be assessed per center")
            }
            tables.append(
                SchemaCatalog.Table(
                    name: table.name.text, columns: columns, centerColumn: columns.contains { $0.name == "center_id" } ? "center_id" : nil,
                    periodColumn: period))
        }
        return SchemaCatalog(tables: tables, isStore: schema.isStore)
    }
}
