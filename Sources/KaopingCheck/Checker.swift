import KaopingStore
import KaopingSyntax

/// Checks a parsed rule file against a schema and turns it into a `Plan`, reporting every problem it finds.
public struct Checker {
    let files: [RuleFile]
    /// The index in `files` of the file whose declaration is being checked (diagnostics name it).
    var fileIndex = 0
    /// The store's schema (or the canonical one), with the rule files' `table` declarations.
    var schema: SchemaCatalog {
        didSet { rowColumns = ("", []) }
    }
    /// The columns of one table already resolved, by name (see `rowColumn`).
    var rowColumns: (table: String, names: [(name: String, typed: Typed)]) = ("", [])
    /// Every problem found, added by `add` only.
    private(set) var diagnostics: [Diagnostic] = []
    /// How many of `diagnostics` are errors (counted as they are added: a file with many errors must not
    /// recount them all for each declaration).
    private(set) var errorCount = 0
    var parameters: [String: ParameterEntry] = [:]
    var aggregates: [AggregatePlan] = []
    /// The fingerprints of each aggregate (see `Fingerprint`), and the index of the one before it with the same
    /// fingerprint (-1: none), in the order of `aggregates`.
    var aggregateFingerprints: [(fingerprints: AggregateFingerprints, earlier: Int)] = []
    /// The index of the last aggregate with each fingerprint (a file with many indicators has many aggregates).
    var aggregatesByFingerprint = FingerprintTable()
    var scanColumns: [String: [String]] = [:]
    var centerColumns = ["id", "code", "name", "kind", "level", "region"]
    var usesCalendar = false
    /// The regular expressions of `matches` compiled so far (`nil`: not valid), each compiled once however
    /// many rules use it.
    var regexes: [String: RegexPattern?] = [:]
    /// Set while checking a declaration whose `from` names no usable table (already reported).
    var sourceFailed = false
    /// Where each indicator body checked without a diagnostic has its plan (its position in `order`), and
    /// what each `from`, `where` and `measure` checked without one came to (see `Checker+Repeats.swift`).
    var repeatedBodies = RepeatedTexts<Int>()
    var repeatedStatements = RepeatedTexts<SourceAndMeasure>()
    /// What each condition on the rows of a table checked without a diagnostic came to, with the table: apart
    /// for populations' filters and for the conditions of aggregates (`RowConditionKind`), which stop being
    /// remembered each on its own (a file whose filters all differ may count one condition in every rate).
    var repeatedConditions = [RepeatedTexts<RowCondition>](repeating: RepeatedTexts(), count: 2)
    /// Whether repeated bodies, statements and conditions take what the first came to (off only to test that
    /// this changes nothing).
    var remembersRepeats = true
    /// How many pieces to check the indicators in (see `Checker+Pieces.swift`); `nil`: several per core for a
    /// large file, else one.
    var pieces: Int?

    struct ParameterEntry {
        var value: Value
        var type: ValueType
        var display: String
        var overridden: Bool
        var declaration: ParameterDeclaration
        var used = false
    }

    /// Checks `file`; the plan is `nil` when there are errors.
    /// - Parameter overrides: parameter values from the command line, as rule-language literals (`15`, `90%`).
    public static func check(_ file: RuleFile, schema: SchemaCatalog, overrides: [String: String] = [:]) -> (
        plan: Plan?, diagnostics: [Diagnostic]
    ) {
        check([file], schema: schema, overrides: overrides)
    }

    /// Checks a root file and the files it includes (root first, as `RuleLoader` returns them).
    public static func check(_ files: [RuleFile], schema: SchemaCatalog, overrides: [String: String] = [:]) -> (
        plan: Plan?, diagnostics: [Diagnostic]
    ) {
        check(files, schema: schema, overrides: overrides, pieces: nil)
    }

    /// Checks in `pieces` pieces (`nil`: as many as the file and the machine are worth), each repeated
    /// indicator body, statement and condition once or (`remembersRepeats` off) every time.
    static func check(
        _ files: [RuleFile], schema: SchemaCatalog, overrides: [String: String], pieces: Int?, remembersRepeats: Bool = true
    ) -> (plan: Plan?, diagnostics: [Diagnostic]) {
        guard !files.isEmpty else { return (nil, []) }
        var checker = Checker(files: files, schema: schema)
        checker.pieces = pieces
        checker.remembersRepeats = remembersRepeats
        let plan = checker.run(overrides: overrides)
        let sorted = sortedByPosition(checker.takeDiagnostics(), files: files)
        return (sorted.hasErrors ? nil : plan, sorted)
    }

    /// The diagnostics, leaving none: the caller holds the only reference to them.
    private mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    /// The diagnostics in the order of the files, then of their positions, then of their ids. (A file with many
    /// mistakes has many: their order is worked out on integers, then each diagnostic is moved, not copied, to
    /// its place.)
    private static func sortedByPosition(_ diagnostics: consuming [Diagnostic], files: [RuleFile]) -> [Diagnostic] {
        let order = Dictionary(files.enumerated().map { ($1.source.name, $0) }, uniquingKeysWith: { first, _ in first })
        var fileOrder: (name: String, order: Int) = ("", 0)
        let keys = diagnostics.indices.map { index in
            let diagnostic = diagnostics[index]
            if diagnostic.file != fileOrder.name { fileOrder = (diagnostic.file, order[diagnostic.file] ?? 0) }
            return (file: fileOrder.order, start: diagnostic.range.start, index: index)
        }
        // `sources[place]`: the index of the diagnostic that goes to `place`.
        let sources = keys.sorted { lhs, rhs in
            if (lhs.file, lhs.start) != (rhs.file, rhs.start) { return (lhs.file, lhs.start) < (rhs.file, rhs.start) }
            let (left, right) = (diagnostics[lhs.index].id, diagnostics[rhs.index].id)
            return left != right ? left < right : lhs.index < rhs.index
        }.map(\.index)
        // Each cycle of the permutation is followed once, swapping along it.
        var sorted = consume diagnostics
        sorted.withUnsafeMutableBufferPointer { buffer in
            var placed = [Bool](repeating: false, count: buffer.count)
            for start in buffer.indices where !placed[start] {
                var place = start
                placed[place] = true
                while sources[place] != start {
                    buffer.swapAt(place, sources[place])
                    place = sources[place]
                    placed[place] = true
                }
            }
        }
        return sorted
    }

    init(files: [RuleFile], schema: SchemaCatalog) {
        self.files = files
        self.schema = schema
        var order: [(file: Int, index: Int)] = []
        order.reserveCapacity(files.reduce(0) { $0 + $1.declarations.count })
        var setup: [(file: Int, declaration: Declaration)] = []
        for file in files.indices {
            for (index, declaration) in files[file].declarations.enumerated() {
                order.append((file, index))
                switch declaration {
                case .indicator, .veto, .adjustment: continue
                default: setup.append((file, declaration))
                }
            }
        }
        self.order = order
        self.setup = setup
    }

    init(file: RuleFile, schema: SchemaCatalog) {
        self.init(files: [file], schema: schema)
    }

    /// Where every declaration of every file is: its file's index in `files` and its own there. (Positions, not
    /// the declarations themselves: a large file has many, and a list of positions is made without touching them.)
    let order: [(file: Int, index: Int)]
    /// The declarations other than indicators, vetoes and adjustments, with their files' indices: the
    /// assessment, parameters and tables, read before the rest, and includes and tests.
    let setup: [(file: Int, declaration: Declaration)]

    /// The file whose declaration is being checked.
    var file: RuleFile { files[fileIndex] }

    mutating func report(
        _ id: String, _ range: SourceRange, severity: Diagnostic.Severity = .error, zh: String, en: String, hint: String = "",
        hintEn: String = ""
    ) {
        add(Diagnostic(id, severity, file: files[fileIndex].source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }

    private mutating func run(overrides: [String: String]) -> Plan? {
        let assessments = setup.compactMap { item -> (Int, AssessmentDeclaration)? in
            if case .assessment(let value) = item.declaration { return (item.file, value) }
            return nil
        }
        guard let (assessmentFile, assessment) = assessments.first else {
            report(
                "K0201", .at(0), zh: "规则文件缺少 assessment 声明", en: "the rule file has no `assessment` declaration",
                hint: "在文件开头写 assessment \"考核名称\" { period …; grades { … } }",
                hintEn: "start the file with assessment \"title\" { period …; grades { … } }")
            return nil
        }
        for (extraFile, extra) in assessments.dropFirst() {
            fileIndex = extraFile
            report("K0202", extra.title.range, zh: "一个规则文件只能有一个 assessment 声明", en: "a rule file has only one `assessment` declaration")
        }
        checkParameters(overrides: overrides)
        schema = declareTables(in: schema)
        fileIndex = assessmentFile
        let (start, end) = checkPeriod(assessment)
        let assessFilter = assessment.assessFilter.map { checkCondition($0, in: .centers) }
        let rankWithin = assessment.rankWithin.compactMap { name -> String? in
            guard centerColumnSlot(name.text) != nil else {
                reportUnknownColumn(name, table: "centers")
                return nil
            }
            return name.text
        }
        let grades = checkGrades(assessment)
        let structure = checkStructure(assessment)
        var scored = checkScored(structure: structure)
        checkUnique(scored.ids)
        let (vetoes, adjustments) = (scored.vetoes, scored.adjustments)
        fileIndex = assessmentFile
        var indicators = scored.indicators
        scored.indicators = []
        resolveWeights(&indicators, structure: structure)
        lintPoints(indicators, complete: scored.failedIndicators == 0, structure: structure, assessment: assessment)
        reportUnusedParameters()
        // The aggregates of each table: a file reads few tables and may plan many aggregates, each table found
        // in a short list rather than hashed for each.
        var tableAggregates: [(table: String, indices: [Int])] = []
        for index in aggregates.indices {
            let table = aggregates[index].table
            if let slot = tableAggregates.firstIndex(where: { $0.table == table }) {
                tableAggregates[slot].indices.append(index)
            } else {
                tableAggregates.append((table, [index]))
            }
        }
        let scanned = Set(scanColumns.keys).union(tableAggregates.map(\.table))
        let scans = scanned.sorted().compactMap { table -> TableScan? in
            guard let spec = schema.table(table), let centerColumn = spec.centerColumn else { return nil }
            var columns = scanColumns[table] ?? []
            let ordered = (CanonicalSchema.orderedTimes[table] ?? []).flatMap { [$0.earlier, $0.later] }.filter { spec.type(of: $0) != nil }
            for required in [centerColumn] + (spec.periodColumn.map { [$0] } ?? []) + ordered where !columns.contains(required) {
                columns.append(required)
            }
            return TableScan(
                table: table, centerColumn: centerColumn, periodColumn: spec.periodColumn, columns: columns,
                joins: joins(table: table, columns: columns), columnTypes: columns.map { columnType(table: table, path: $0) },
                aggregates: tableAggregates.first { $0.table == table }?.indices ?? [])
        }
        let parameterValues = parameters.keys.sorted().compactMap { name in
            parameters[name].map { ParameterValue(name: name, value: $0.value, display: $0.display, overridden: $0.overridden) }
        }
        return Plan(
            title: assessment.title.value, periodStart: start, periodEnd: end, assessFilter: assessFilter,
            centerColumns: centerColumns, centerJoins: joins(table: "centers", columns: centerColumns), rankWithin: rankWithin,
            grades: grades, parameters: parameterValues,
            aggregates: aggregates, scans: scans, indicators: indicators, vetoes: vetoes, adjustments: adjustments,
            total: structure.total, categories: structure.categories, listTop: structure.listTop,
            listBottom: structure.listBottom, usesCalendar: usesCalendar)
    }

    /// Reports each indicator, adjustment or veto whose id an earlier one has. A file may have a great many:
    /// the ids are found in a table keyed by the hashes the pieces worked out (open addressing, each slot the
    /// index of the first id of its hash and bytes), not hashed again.
    private mutating func checkUnique(_ ids: [(position: Int, hash: UInt64, id: Name)]) {
        var capacity = 16
        while capacity < 2 * ids.count { capacity *= 2 }
        var slots = [Int](repeating: -1, count: capacity)
        for index in ids.indices {
            let (position, hash, id) = ids[index]
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0, ids[slots[slot]].hash != hash || !UTF8Key.equal(ids[slots[slot]].id.text, id.text) {
                slot = (slot + 1) & (capacity - 1)
            }
            guard slots[slot] >= 0 else {
                slots[slot] = index
                continue
            }
            fileIndex = order[position].file
            report(
                "K0203", id.range, zh: .joined("编号“", id.text, "”重复"), en: .joined("the id `", id.text, "` is used twice"),
                hint: "每个指标、加扣分项和否决项的编号必须唯一", hintEn: "every indicator, adjustment and veto needs its own id")
        }
    }

    /// FNV-1a of an id's bytes, for `checkUnique`.
    static func idHash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private mutating func checkPeriod(_ assessment: AssessmentDeclaration) -> (Int, Int) {
        guard let period = assessment.period else {
            report(
                "K0204", assessment.title.range, zh: "考核缺少 period（考核期）", en: "the assessment has no `period`",
                hint: "例如 period 2024-01-01 .. 2024-12-31", hintEn: "for example period 2024-01-01 .. 2024-12-31")
            return (0, 0)
        }
        let start = constantDay(period.start)
        let end = constantDay(period.end)
        if let start, let end, end < start {
            report(
                "K0205", period.start.range.union(period.end.range), zh: "考核期的结束日期早于开始日期",
                en: "the period ends before it starts", hint: "交换两个日期", hintEn: "swap the two dates")
        }
        return (start ?? 0, end ?? 0)
    }

    private mutating func constantDay(_ expression: Expression) -> Int? {
        let typed = checkExpression(expression, in: .constant)
        guard typed.type == .day || typed.type == .unknown else {
            report("K0206", expression.range, zh: "这里应为日期（如 2024-01-01）", en: "expected a date such as 2024-01-01")
            return nil
        }
        guard case .constant(.integer(let day)) = typed.expression else { return nil }
        return Int(day)
    }

    private mutating func checkGrades(_ assessment: AssessmentDeclaration) -> [GradePlan] {
        guard !assessment.grades.isEmpty else {
            report(
                "K0207", assessment.title.range, zh: "考核缺少 grades（等次）", en: "the assessment has no `grades`",
                hint: "例如 grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }",
                hintEn: "for example grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }")
            return []
        }
        var plans: [GradePlan] = []
        for (index, band) in assessment.grades.enumerated() {
            let isLast = index == assessment.grades.count - 1
            guard let threshold = band.threshold else {
                if !isLast {
                    report(
                        "K0208", band.name.range, zh: "只有最后一个等次可以不写分数线", en: "only the last grade may omit its threshold",
                        hint: "写成 \(band.name.text) >= 分数", hintEn: "write \(band.name.text) >= score")
                }
                plans.append(GradePlan(name: band.name.text, minimum: nil))
                continue
            }
            let minimum = constantNumber(threshold)
            if let minimum, let previous = plans.last?.minimum, minimum >= previous {
                report(
                    "K0209", threshold.range, zh: "等次分数线应从高到低排列", en: "grade thresholds must go from high to low",
                    hint: "把较高的等次写在前面", hintEn: "list the higher grades first")
            }
            plans.append(GradePlan(name: band.name.text, minimum: minimum))
            if isLast {
                report(
                    "K0210", band.name.range, zh: "最后一个等次应不写分数线，以容纳其余所有单位",
                    en: "the last grade should have no threshold so that it takes every remaining unit",
                    hint: "例如最后写 不合格", hintEn: "for example end with 不合格")
            }
        }
        return plans
    }

    mutating func constantNumber(_ expression: Expression) -> Double? {
        // A number written as such, as most are (points, control points, bounds), is read as it is.
        switch expression.kind {
        case .number(let value, _), .percent(let value):
            if value.isFinite { return value }
        default:
            break
        }
        let typed = checkExpression(expression, in: .constant)
        if typed.type == .unknown { return nil }
        guard typed.type.isNumeric, typed.expression.isConstant,
            let number = typed.expression.evaluateConstant().number, number.isFinite
        else {
            report(
                "K0211", expression.range, zh: "这里应为数值", en: "expected a number",
                hint: "写一个数字、百分数或数值参数", hintEn: "write a number, a percentage or a numeric parameter")
            return nil
        }
        return number
    }
}
