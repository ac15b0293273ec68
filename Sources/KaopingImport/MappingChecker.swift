import KaopingStore
import KaopingSyntax

/// Checks parsed mappings against the canonical schema: tables, columns, codes, time formats, encodings, personal
/// data and the columns a table cannot do without; ids K0510–K0519 (`docs/diagnostics.md`).
public struct MappingChecker {
    let file: MappingFile
    var diagnostics: [Diagnostic] = []

    /// The checked mappings of `file` (those without errors) and the problems found.
    public static func check(_ file: MappingFile) -> (mappings: [Mapping], diagnostics: [Diagnostic]) {
        var checker = MappingChecker(file: file)
        for table in file.tables {
            if let spec = checker.checkTable(table) { checker.declared.append(spec) }
        }
        let mappings = file.mappings.compactMap { checker.check($0) }
        return (mappings, checker.diagnostics)
    }

    /// The extra tables the file declares, checked.
    var declared: [TableSpec] = []

    /// The column types an extra table's columns may have.
    static let columnTypes: [String: ColumnType] = [
        "integer": .integer, "real": .real, "text": .text, "time": .time, "day": .day, "flag": .flag,
    ]

    /// An extra table: not a canonical one, typed columns, a key, a period column that is a time or a day.
    mutating func checkTable(_ declaration: TableDeclaration) -> TableSpec? {
        let errors = diagnostics.count
        let name = declaration.name
        if CanonicalSchema.table(name.text) != nil || name.text.hasPrefix("sqlite_") || name.text.hasPrefix("kaoping_")
            || declared.contains(where: { $0.name == name.text })
        {
            error(
                "K0520", name.range, zh: "表名“\(name.text)”已被占用（标准表、重复声明或 sqlite_/kaoping_ 开头）",
                en: "the table name `\(name.text)` is taken (a canonical table, declared twice, or starting sqlite_/kaoping_)",
                hint: "换一个表名，例如 assessor_scores", hintEn: "choose another name, such as assessor_scores")
        }
        var columns = [
            ColumnSpec("id", .integer, nullable: false, constraint: "PRIMARY KEY", zh: "行号", en: "row number"),
            ColumnSpec("center_id", .integer, nullable: false, constraint: "REFERENCES centers(id)", zh: "单位编号", en: "unit"),
        ]
        for (column, type, required) in declaration.columns {
            if columns.contains(where: { $0.name == column.text }) {
                error(
                    "K0522", column.range, zh: "列 \(column.text) 已有（id、center_id 由 Kaoping 给出）",
                    en: "the column \(column.text) exists already (id and center_id are Kaoping's)")
                continue
            }
            guard let kind = Self.columnTypes[type.text] else {
                unknown("K0521", type, among: Self.columnTypes.keys.sorted(), what: ("列类型", "column type"))
                continue
            }
            let check = kind == .flag ? "CHECK (\(quoteIdentifier(column.text)) IN (0, 1))" : ""
            columns.append(ColumnSpec(column.text, kind, nullable: !required, constraint: check, zh: column.text, en: column.text))
        }
        for column in declaration.key + (declaration.period.map { [$0] } ?? []) where !columns.contains(where: { $0.name == column.text }) {
            unknown("K0522", column, among: columns.map(\.name), what: ("\(name.text) 表的列", "column of \(name.text)"))
        }
        if let period = declaration.period, let spec = columns.first(where: { $0.name == period.text }), spec.type != .time,
            spec.type != .day
        {
            error(
                "K0522", period.range, zh: "考核期列 \(period.text) 应为 time 或 day",
                en: "the period column \(period.text) must be a time or a day")
        }
        if declaration.key.isEmpty {
            error(
                "K0522", name.range, zh: "表 \(name.text) 没有 key：重复导入时据以识别同一行",
                en: "the table \(name.text) has no `key`, which names a row when imported again",
                hint: "例如 key center_id, indicator", hintEn: "for example key center_id, indicator")
        }
        guard diagnostics.count == errors else { return nil }
        let unique = "UNIQUE (" + declaration.key.map { quoteIdentifier($0.text) }.joined(separator: ", ") + ")"
        return TableSpec(
            name: name.text, chinese: declaration.title?.text ?? name.text, english: name.text, columns: columns, constraints: [unique],
            indexes: ["CREATE INDEX \(quoteIdentifier(name.text + "_center")) ON \(quoteIdentifier(name.text))(center_id)"],
            centerColumn: "center_id", periodColumn: declaration.period?.text, since: 1)
    }

    /// The tables an export can fill (the store's own metadata is not one).
    static let tables = CanonicalSchema.tables.filter { $0.centerColumn != nil || $0.name == "centers" || $0.name == "catalog" }

    mutating func error(_ id: String, _ range: SourceRange, zh: String, en: String, hint: String = "", hintEn: String = "") {
        diagnostics.append(Diagnostic(id, .error, file: file.source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
    }

    /// A name that is none of `candidates`, with the nearest one (or the list).
    mutating func unknown(_ id: String, _ name: Name, among candidates: [String], what: (zh: String, en: String)) {
        let guess = nearestName(name.text, among: candidates)
        error(
            id, name.range, zh: "没有叫“\(name.text)”的\(what.zh)", en: "there is no \(what.en) `\(name.text)`",
            hint: guess.map { "是否想写“\($0)”？" } ?? "可用：\(candidates.joined(separator: "、"))",
            hintEn: guess.map { "did you mean `\($0)`?" } ?? "use one of: \(candidates.joined(separator: ", "))")
    }

    mutating func check(_ declaration: MappingDeclaration) -> Mapping? {
        let errors = diagnostics.count
        guard let table = (Self.tables + declared).first(where: { $0.name == declaration.table.text }) else {
            unknown("K0510", declaration.table, among: (Self.tables + declared).map(\.name), what: ("表", "table"))
            return nil
        }
        let encoding = declaration.encoding.flatMap { checkEncoding($0) }
        let defaultTime = declaration.time.flatMap { checkTime($0) } ?? .auto
        var columns: [ColumnMapping] = []
        var seen: [String: Name] = [:]
        for column in declaration.columns {
            guard let spec = table.column(column.target.text) else {
                unknown("K0511", column.target, among: table.columns.map(\.name), what: ("\(table.name) 表的列", "column of \(table.name)"))
                continue
            }
            if let first = seen[spec.name] {
                error(
                    "K0512", column.target.range, zh: "列 \(spec.name) 映射了两次（第一次在第 \(file.source.location(of: first.range.start).line) 行）",
                    en: "column \(spec.name) is mapped twice (first on line \(file.source.location(of: first.range.start).line))",
                    hint: "每个列只映射一次", hintEn: "map each column once")
                continue
            }
            seen[spec.name] = column.target
            if let mapped = checkColumn(column, spec: spec, table: table, defaultTime: defaultTime) { columns.append(mapped) }
        }
        let checked = declaration.personal.map { ($0, checkPersonal($0, table: table)) }
        let personal = checked.compactMap(\.1)
        // A hashed personal column fills its target as a mapped column would, once.
        for (syntax, column) in checked {
            guard let target = column?.hashInto, let name = syntax.target, let column else { continue }
            if let first = seen[target] {
                error(
                    "K0512", name.range, zh: "列 \(target) 映射了两次（第一次在第 \(file.source.location(of: first.range.start).line) 行）",
                    en: "column \(target) is mapped twice (first on line \(file.source.location(of: first.range.start).line))",
                    hint: "每个列只映射一次", hintEn: "map each column once")
                continue
            }
            seen[target] = name
            columns.append(
                ColumnMapping(
                    target: target, type: .text, source: column.source, constant: nil, time: .auto, codes: [:], byCenterCode: false,
                    hashed: true))
        }
        checkSources(declaration)
        // A column that must hold a value and has no default needs a source or a constant (`centers.id` is given
        // by the store).
        for spec in table.columns where !spec.nullable && !spec.constraint.contains("DEFAULT") && seen[spec.name] == nil {
            // A unit's id, and an extra table's row number, are the store's to give.
            if spec.name == "id" && (table.name == "centers" || CanonicalSchema.table(table.name) == nil) { continue }
            error(
                "K0513", declaration.table.range, zh: "\(table.name) 表的必填列 \(spec.name)（\(spec.chinese)）没有映射",
                en: "the required column \(spec.name) of \(table.name) (\(spec.english)) is not mapped",
                hint: "写 \(spec.name) from \"源列名\" 或 \(spec.name) = 常量",
                hintEn: "write \(spec.name) from \"source column\" or \(spec.name) = constant")
        }
        guard diagnostics.count == errors else { return nil }
        return Mapping(
            table: table.name, spec: table, encoding: encoding, columns: columns, personal: personal,
            ignored: declaration.ignored.map(\.text))
    }

    mutating func checkColumn(_ column: ColumnMappingSyntax, spec: ColumnSpec, table: TableSpec, defaultTime: TimeFormat) -> ColumnMapping?
    {
        var time = defaultTime
        if let name = column.time {
            guard spec.type == .time else {
                error(
                    "K0514", name.range, zh: "列 \(spec.name) 不是时间列，不能写 time", en: "column \(spec.name) is not a time, so it takes no `time`"
                )
                return nil
            }
            guard let format = checkTime(name) else { return nil }
            time = format
        }
        var codes: [String: String] = [:]
        for (from, to) in column.codes ?? [] {
            let allowed = spec.type == .flag ? ["0", "1"] : spec.codes
            guard spec.type == .code || spec.type == .flag || spec.type == .integer else {
                error(
                    "K0515", from.range, zh: "列 \(spec.name) 没有代码表，不能写 codes",
                    en: "column \(spec.name) has no code list, so it takes no `codes`")
                return nil
            }
            // An integer column's values are whole numbers (满意度 "非常满意" -> 5); the store's own checks hold their range.
            if spec.type == .integer, Int64(to.text) == nil {
                error(
                    "K0516", to.range, zh: "列 \(spec.name) 的取值应为整数，却是“\(to.text)”",
                    en: "the values of \(spec.name) are whole numbers, not `\(to.text)`")
                continue
            }
            guard spec.type == .integer || allowed.contains(to.text) else {
                unknown("K0516", to, among: allowed, what: ("\(spec.name) 的代码", "code of \(spec.name)"))
                continue
            }
            if codes[from.text] != nil {
                error("K0515", from.range, zh: "源值“\(from.text)”写了两次", en: "the source value `\(from.text)` is given twice")
            }
            codes[from.text] = to.text
        }
        var byCenterCode = false
        if let lookup = column.lookup {
            guard lookup.text == "code", spec.name == table.centerColumn || (table.name == "centers" && spec.name == "parent_id") else {
                error(
                    "K0517", lookup.range, zh: "只有单位列（\(table.centerColumn ?? "center_id")）可以写 by code",
                    en: "only the unit column (\(table.centerColumn ?? "center_id")) takes `by code`",
                    hint: "by code 表示源列是单位代码，导入时换成单位编号", hintEn: "`by code` means the source holds the unit's code, looked up to its id")
                return nil
            }
            byCenterCode = true
        }
        if let constant = column.constant, spec.type == .code, !spec.codes.contains(constant.text) {
            unknown("K0516", constant, among: spec.codes, what: ("\(spec.name) 的代码", "code of \(spec.name)"))
            return nil
        }
        return ColumnMapping(
            target: spec.name, type: spec.type, source: column.source?.text, constant: column.constant?.text, time: time, codes: codes,
            byCenterCode: byCenterCode)
    }

    mutating func checkPersonal(_ personal: PersonalSyntax, table: TableSpec) -> PersonalColumn? {
        guard let action = personal.action else {
            error(
                "K0518", personal.source.range, zh: "个人信息列“\(personal.source.text)”没有写 drop 或 hash",
                en: "the personal column `\(personal.source.text)` says neither `drop` nor `hash`",
                hint: "写 drop（不保存）或 hash into 列名（保存其 HMAC-SHA256，需 --pii-key）",
                hintEn: "write drop (not kept) or hash into COLUMN (its HMAC-SHA256 is kept; needs --pii-key)")
            return nil
        }
        switch action.text {
        case "drop": return PersonalColumn(source: personal.source.text, hashInto: nil)
        case "hash":
            guard let target = personal.target else {
                error("K0518", action.range, zh: "hash 后应为 into 列名", en: "expected `into COLUMN` after `hash`")
                return nil
            }
            guard let spec = table.column(target.text), spec.type == .text else {
                unknown(
                    "K0511", target, among: table.columns.filter { $0.type == .text }.map(\.name),
                    what: ("\(table.name) 表的文本列", "text column of \(table.name)"))
                return nil
            }
            return PersonalColumn(source: personal.source.text, hashInto: spec.name)
        default:
            let guess = nearestName(action.text, among: ["drop", "hash"])
            error(
                "K0518", action.range, zh: "个人信息列只能 drop 或 hash，不能“\(action.text)”",
                en: "a personal column is `drop`ped or `hash`ed, not `\(action.text)`",
                hint: guess.map { "是否想写“\($0)”？" } ?? "写 drop 或 hash into 列名",
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "write drop or hash into COLUMN")
            return nil
        }
    }

    /// A source column is mapped, personal or ignored — one of them, once.
    mutating func checkSources(_ declaration: MappingDeclaration) {
        var uses: [String: Name] = [:]
        let personalOrIgnored = declaration.personal.map(\.source) + declaration.ignored
        for name in personalOrIgnored {
            if let first = uses[name.text] {
                error(
                    "K0519", name.range, zh: "源列“\(name.text)”已在第 \(file.source.location(of: first.range.start).line) 行处理过",
                    en: "the source column `\(name.text)` is already dealt with on line \(file.source.location(of: first.range.start).line)"
                )
            }
            uses[name.text] = name
        }
        for column in declaration.columns {
            guard let source = column.source, let first = uses[source.text] else { continue }
            error(
                "K0519", source.range, zh: "源列“\(source.text)”已在第 \(file.source.location(of: first.range.start).line) 行标为个人信息或忽略，不能再映射",
                en:
                    "the source column `\(source.text)` is marked personal or ignored on line \(file.source.location(of: first.range.start).line), so it cannot be mapped"
            )
        }
    }

    mutating func checkEncoding(_ name: Name) -> TextEncoding? {
        switch name.text.lowercased() {
        case "auto": return nil
        case "utf8", "utf-8": return .utf8
        case "gb18030": return .gb18030
        default:
            unknown("K0508", name, among: ["auto", "utf8", "gb18030"], what: ("编码", "encoding"))
            return nil
        }
    }

    mutating func checkTime(_ name: Name) -> TimeFormat? {
        guard let format = TimeFormat(rawValue: name.text) else {
            unknown("K0508", name, among: TimeFormat.allCases.map(\.rawValue), what: ("时间格式", "time format"))
            return nil
        }
        return format
    }
}

extension MappingChecker {
    /// Parses and checks a mapping file: its mappings, or `nil` when it has any error (a mapping with a mistake in
    /// it is never used), and every problem found.
    public static func load(_ source: SourceFile) -> (mappings: [Mapping]?, diagnostics: [Diagnostic]) {
        let parsed = MappingParser.parse(source)
        let checked = check(parsed.file)
        let diagnostics = parsed.diagnostics + checked.diagnostics
        return (diagnostics.hasErrors ? nil : checked.mappings, diagnostics)
    }
}
