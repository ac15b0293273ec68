import Foundation
import KaopingStore
import KaopingSyntax

/// Builds a temporary store from a test's inline tables and calendar.
struct TestStoreBuilder {
    let test: TestDeclaration
    let file: String
    let calendarFiles: [CalendarFile]
    /// The extra tables the rules declare (`table NAME { column type [period] … }`), by name.
    let declared: [String: TableDeclaration]
    var problems: [Diagnostic] = []

    /// Columns filled in when a test leaves them out, so tests need only the columns they are about.
    static let identities: [String: [String: @Sendable (Int) -> SQLValue]] = [
        "centers": [
            "code": { .text("C\($0)") }, "name": { .text("测试单位\($0)") }, "kind": { _ in "sub_center" },
            "level": { _ in "city" }, "region": { _ in "测试市" },
        ],
        "cases": ["case_no": { .text("K\($0)") }, "center_id": { _ in 1 }],
        "reviews": ["review_no": { .text("R\($0)") }, "center_id": { _ in 1 }],
        "inspections": ["center_id": { _ in 1 }],
        "complaints": ["center_id": { _ in 1 }],
        "integrations": ["center_id": { _ in 1 }],
        "items": ["center_id": { _ in 1 }, "item_code": { .text("I\($0)") }, "name": { .text("事项\($0)") }],
        "catalog": ["basic_code": { .text("B\($0)") }, "name": { .text("事项\($0)") }, "item_type": { _ in "01" }],
    ]

    /// Builds the store at `path`, a temporary file: written without fsync or a journal file (a throwaway store).
    mutating func build(at path: String) throws -> Store {
        let store = try Store.create(at: path, durability: .throwaway)
        try loadCalendar(store)
        let tables = test.tables.map(\.name.text)
        if !tables.contains("centers") {
            try store.database.execute(
                "INSERT INTO centers(id, code, name, kind, level, region) VALUES (1, 'C1', '测试单位1', 'sub_center', 'city', '测试市')")
        }
        for table in test.tables {
            if let spec = CanonicalSchema.table(table.name.text) {
                try insert(table, spec: spec, into: store)
            } else {
                try createExtra(table, in: store)
            }
        }
        return store
    }

    private mutating func report(_ range: SourceRange, zh: String, en: String, hint: String = "", hintEn: String = "") {
        problems.append(Diagnostic("K0140", .error, file: file, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
    }

    private mutating func loadCalendar(_ store: Store) throws {
        var overrides: [CivilDay: Bool] = [:]
        if let entries = test.calendar {
            for entry in entries {
                guard case .date = entry.first.kind, case .integer(let first)? = TestLiteral.storeValue(entry.first, type: .time) else {
                    report(entry.first.range, zh: "日历条目应为日期", en: "a calendar entry needs a date")
                    continue
                }
                var last = first
                if let end = entry.last, case .integer(let value)? = TestLiteral.storeValue(end, type: .time) { last = value }
                for number in CivilDay(instant: first).number...max(CivilDay(instant: first).number, CivilDay(instant: last).number) {
                    overrides[CivilDay(number: number)] = entry.kind == "workday"
                }
            }
            let calendar = WorkingCalendar(overrides: overrides)
            if let first = calendar.lastDay.map({ _ in calendar.firstDay }), let last = calendar.lastDay {
                try store.loadCalendar(calendar, years: first.components.year...last.components.year)
            }
        } else if !calendarFiles.isEmpty {
            let years = calendarFiles.map(\.year)
            try store.loadCalendar(WorkingCalendar(files: calendarFiles), years: (years.min() ?? 2024)...(years.max() ?? 2024))
        }
    }

    private mutating func insert(_ table: TestTable, spec: TableSpec, into store: Store) throws {
        var columns = table.columns.map(\.text)
        for column in table.columns where spec.column(column.text) == nil {
            let guess = nearestName(column.text, among: spec.columns.map(\.name))
            report(
                column.range, zh: "表 \(spec.name) 中没有字段“\(column.text)”", en: "table `\(spec.name)` has no column `\(column.text)`",
                hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
            return
        }
        let fillers = (TestStoreBuilder.identities[spec.name] ?? [:]).filter { !columns.contains($0.key) }.sorted { $0.key < $1.key }
        columns += fillers.map(\.key)
        let missing = spec.columns.filter {
            !$0.nullable && !$0.constraint.contains("DEFAULT") && !$0.constraint.contains("PRIMARY KEY") && !columns.contains($0.name)
        }
        if !missing.isEmpty {
            report(
                table.name.range, zh: "表 \(spec.name) 还需要字段：\(missing.map(\.name).joined(separator: "、"))",
                en: "table `\(spec.name)` also needs the columns \(missing.map(\.name).joined(separator: ", "))",
                hint: "在表头加上这些字段并给每行填值", hintEn: "add them to the header and give each row a value")
            return
        }
        let list = columns.map(quoteIdentifier).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try store.database.prepare("INSERT INTO \(quoteIdentifier(spec.name)) (\(list)) VALUES (\(marks))")
        for (index, row) in table.rows.enumerated() {
            var values: [SQLValue] = []
            for (cell, column) in zip(row, table.columns) {
                guard let value = TestLiteral.storeValue(cell, type: spec.column(column.text)?.type) else {
                    report(
                        cell.range, zh: "表格中只能写常量（数字、百分数、日期、时间、字符串、null）",
                        en: "a table cell must be a constant (a number, percentage, date, time, string or null)")
                    return
                }
                values.append(value)
            }
            guard values.count == table.columns.count else { continue }
            values += fillers.map { $0.value(index + 1) }
            do {
                try statement.run(values)
            } catch let error as SQLiteError {
                report(
                    row.first.map { $0.range.union(row[row.count - 1].range) } ?? table.range,
                    zh: "这一行不符合表 \(spec.name) 的约束：\(error.message)", en: "this row breaks a rule of table `\(spec.name)`: \(error.message)",
                    hint: "对照 docs/data-format.md 检查取值", hintEn: "check the values against docs/data-format.md")
            }
        }
    }

    /// A table outside the canonical schema. Declared by the rules, it is made as declared — its columns'
    /// types, whichever the test's header names, and its period column — and each cell is read as its column's
    /// type (a date stays a day in a `day` column). Undeclared, its columns' types are taken from its first row,
    /// and it has no period column.
    private mutating func createExtra(_ table: TestTable, in store: Store) throws {
        var types: [String: ColumnType] = [:]
        var definitions: [String] = []
        var period: String?
        if let declaration = declared[table.name.text] {
            for column in declaration.columns {
                let type = ColumnType(rawValue: column.type.text) ?? .text
                types[column.name.text] = type
                definitions.append("\(quoteIdentifier(column.name.text)) \(type.sqlType)")
                if column.period { period = column.name.text }
            }
            for column in table.columns where types[column.text] == nil {
                let guess = nearestName(column.text, among: declaration.columns.map(\.name.text))
                report(
                    column.range, zh: "表 \(table.name.text) 的声明中没有字段“\(column.text)”",
                    en: "the declaration of `\(table.name.text)` has no column `\(column.text)`",
                    hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
                return
            }
        } else {
            let first = table.rows.first ?? []
            for (index, column) in table.columns.enumerated() {
                var type = ColumnType.text
                if index < first.count {
                    switch TestLiteral.storeValue(first[index], type: .time) {
                    case .integer?: type = .integer
                    case .real?: type = .real
                    default: type = .text
                    }
                }
                types[column.text] = type
                definitions.append("\(quoteIdentifier(column.text)) \(type.sqlType)")
            }
        }
        try store.database.execute("CREATE TABLE \(quoteIdentifier(table.name.text)) (\(definitions.joined(separator: ", ")))")
        if let period {
            try store.database.prepare("INSERT INTO kaoping_meta(key, value) VALUES (?, ?)").run([
                .text("period_column." + table.name.text), .text(period),
            ])
        }
        let list = table.columns.map { quoteIdentifier($0.text) }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try store.database.prepare("INSERT INTO \(quoteIdentifier(table.name.text)) (\(list)) VALUES (\(marks))")
        for row in table.rows where row.count == table.columns.count {
            var values: [SQLValue] = []
            for (cell, column) in zip(row, table.columns) {
                guard let value = TestLiteral.storeValue(cell, type: types[column.text] ?? .time) else {
                    report(
                        cell.range, zh: "表格中只能写常量（数字、百分数、日期、时间、字符串、null）",
                        en: "a table cell must be a constant (a number, percentage, date, time, string or null)")
                    return
                }
                values.append(value)
            }
            try statement.run(values)
        }
    }
}
