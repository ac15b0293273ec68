import KaopingStore
import KaopingSyntax

/// Checks a parsed rule file against a schema and turns it into a `Plan`, reporting every problem it finds.
public struct Checker {
    let files: [RuleFile]
    /// The index in `files` of the file whose declaration is being checked (diagnostics name it).
    var fileIndex = 0
    /// The store's schema (or the canonical one), with the rule files' `table` declarations.
    var schema: SchemaCatalog
    /// Every problem found, added by `add` only.
    private(set) var diagnostics: [Diagnostic] = []
    /// How many of `diagnostics` are errors.
    private(set) var errorCount = 0
    var parameters: [String: ParameterEntry] = [:]
    /// The `define`d names, and those being expanded now (to find one that uses itself).
    var definitions: [String: DefinitionEntry] = [:]
    var expanding: Set<String> = []
    /// The aggregates planned, in the order they were met, and the index of each: indicators that compute the
    /// same aggregate over the same rows share it (and its accumulator in the evaluator).
    var aggregates: [AggregatePlan] = []
    var aggregateIndices: [AggregatePlan: Int] = [:]
    /// What a record of each aggregate shows, by aggregate index (see `EvidencePlan`).
    var evidenceLabels: [Int: [EvidenceLabel]] = [:]
    var scanColumns: [String: [String]] = [:]
    var centerColumns = ["id", "code", "name", "kind", "level", "region"]
    var usesCalendar = false
    /// The regular expressions of `matches` compiled so far (`nil`: not valid), each compiled once however
    /// many rules use it.
    var regexes: [String: RegexPattern?] = [:]
    /// `--evidence N` from the command line, which wins over the assessment's `evidence N`.
    var evidenceOverride: Int?
    /// Whether results name records at all (`evidence N` above 0), known once the assessment is checked.
    var namesRecords = true
    /// The most records of one indicator results may name per center.
    public static let maximumEvidence = 1000
    /// Set while checking a declaration whose `from` names no usable table (already reported).
    var sourceFailed = false
    /// Set while checking the score rule of a measure that is a fraction (see `Checker+Units.swift`).
    var scoringFraction = false
    /// The declarations to check, a variant's read onto its base.
    let merge: VariantMerge

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
    public static func check(_ file: RuleFile, schema: SchemaCatalog, overrides: [String: String] = [:], evidence: Int? = nil) -> (
        plan: Plan?, diagnostics: [Diagnostic]
    ) {
        check([file], schema: schema, overrides: overrides, evidence: evidence)
    }

    /// Checks a root file and the files it includes (root first, as `RuleLoader` returns them). Declarations
    /// parsed with an error are not checked; the others are, so one run reports every mistake it can.
    /// - Parameter evidence: `--evidence N`, which wins over the assessment's `evidence N` (0...`maximumEvidence`).
    public static func check(_ files: [RuleFile], schema: SchemaCatalog, overrides: [String: String] = [:], evidence: Int? = nil) -> (
        plan: Plan?, diagnostics: [Diagnostic]
    ) {
        guard !files.isEmpty else { return (nil, []) }
        var checker = Checker(files: files, schema: schema)
        checker.evidenceOverride = evidence
        let plan = checker.run(overrides: overrides)
        let sorted = sortedByPosition(checker.diagnostics, files: files)
        // A file with parse errors has no plan: what could not be read is missing from it.
        return (sorted.hasErrors || checker.hasParseErrors ? nil : plan, sorted)
    }

    /// The diagnostics in the order of the files, then of their positions, then of their ids (then as found).
    private static func sortedByPosition(_ diagnostics: [Diagnostic], files: [RuleFile]) -> [Diagnostic] {
        let order = Dictionary(files.enumerated().map { ($1.source.name, $0) }, uniquingKeysWith: { first, _ in first })
        // The same problem found twice (in a definition used twice) is reported once.
        var seen: Set<Diagnostic> = []
        let diagnostics = diagnostics.filter { seen.insert($0).inserted }
        return diagnostics.enumerated().sorted { lhs, rhs in
            let left = (order[lhs.element.file] ?? 0, lhs.element.range.start)
            let right = (order[rhs.element.file] ?? 0, rhs.element.range.start)
            if left != right { return left < right }
            if lhs.element.id != rhs.element.id { return lhs.element.id < rhs.element.id }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    init(files: [RuleFile], schema: SchemaCatalog) {
        self.files = files
        self.schema = schema
        merge = VariantMerge(files: files)
    }

    init(file: RuleFile, schema: SchemaCatalog) {
        self.init(files: [file], schema: schema)
    }

    /// Every declaration of every file, with its file's index in `files` and whether it was parsed with an error
    /// in it (see `RuleFile.damaged`), in the order they were written; a variant's base with the variant's changes
    /// (see `VariantMerge`).
    var declarations: [(file: Int, declaration: Declaration, damaged: Bool)] { merge.items }

    /// Whether a file had errors when it was parsed: then what is missing may be what could not be read, and
    /// the lints that need the whole file (no assessment, unused parameters) wait for it.
    var hasParseErrors: Bool { files.contains(where: \.hasParseErrors) }

    /// The file whose declaration is being checked.
    var file: RuleFile { files[fileIndex] }

    mutating func report(
        _ id: String, _ range: SourceRange, severity: Diagnostic.Severity = .error, zh: String, en: String, hint: String = "",
        hintEn: String = ""
    ) {
        add(Diagnostic(id, severity, file: files[fileIndex].source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
    }

    /// Runs `body` and forgets whatever it reports: for checking again, to type its parts, an expression that
    /// was already checked (and reported) as a whole.
    mutating func quietly<T>(_ body: (inout Checker) -> T) -> T {
        let (saved, errors) = (diagnostics, errorCount)
        defer { (diagnostics, errorCount) = (saved, errors) }
        return body(&self)
    }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }

    private mutating func run(overrides: [String: String]) -> Plan? {
        merge.problems.forEach { add($0) }
        checkTextLengths()
        for (extraFile, extra) in merge.extraAssessments {
            fileIndex = extraFile
            report("K0202", extra.title.range, zh: "一个规则文件只能有一个 assessment 声明", en: "a rule file has only one `assessment` declaration")
        }
        guard let (assessmentFile, assessment, assessmentDamaged) = merge.assessment else {
            guard !hasParseErrors else { return nil }
            report(
                "K0201", .at(0), zh: "规则文件缺少 assessment 声明", en: "the rule file has no `assessment` declaration",
                hint: "在文件开头写 assessment \"考核名称\" { period …; grades { … } }",
                hintEn: "start the file with assessment \"title\" { period …; grades { … } }")
            return nil
        }
        checkParameters(overrides: overrides)
        gatherDefinitions()
        schema = declareTables(in: schema)
        fileIndex = assessmentFile
        at("period")
        let (start, end) = checkPeriod(assessment, damaged: assessmentDamaged)
        at("assess")
        let assessFilter = assessment.assessFilter.map { checkCondition($0, in: .centers) }
        at("rank")
        let rankWithin = assessment.rankWithin.compactMap { name -> String? in
            guard centerColumnSlot(name.text) != nil else {
                reportUnknownColumn(name, table: "centers")
                return nil
            }
            return name.text
        }
        at("grades")
        let grades = checkGrades(assessment, damaged: assessmentDamaged)
        let structure = checkStructure(assessment)
        let scored = checkScored(structure: structure, grades: grades)
        at("rank")
        let tieBreaks = assessment.tieBreaks.compactMap { checkTieBreak($0, structure: structure) }
        let indicators = scored.indicators
        lintPoints(indicators, complete: scored.failedIndicators == 0, structure: structure, assessment: assessment)
        reportUnusedParameters()
        reportUnusedDefinitions()
        let figures = checkFigures(tables: Set(scanColumns.keys).union(aggregates.map(\.table)))
        let tableAggregates = Dictionary(grouping: aggregates.indices) { aggregates[$0].table }
        let scanned = Set(scanColumns.keys).union(tableAggregates.keys)
        let scans = scanned.sorted().compactMap { table -> TableScan? in
            guard let spec = schema.table(table), let centerColumn = spec.centerColumn else { return nil }
            var columns = scanColumns[table] ?? []
            let ordered = (CanonicalSchema.orderedTimes[table] ?? []).flatMap { [$0.earlier, $0.later] }.filter { spec.type(of: $0) != nil }
            for required in [centerColumn] + (spec.periodColumn.map { [$0] } ?? []) + ordered where !columns.contains(required) {
                columns.append(required)
            }
            let key = indicators.compactMap(\.evidence).first { aggregates[$0.aggregate].table == table }?.key
            let keySlot = key.flatMap { columns.firstIndex(of: $0) }
            let read = Set(
                (tableAggregates[table] ?? []).flatMap { [aggregates[$0].filter, aggregates[$0].argument] }.flatMap { $0?.slots ?? [] })
            return TableScan(
                table: table, centerColumn: centerColumn, periodColumn: spec.periodColumn, columns: columns,
                joins: joins(table: table, columns: columns),
                columnTypes: columns.map { $0 == "rowid" ? .integer : columnType(table: table, path: $0) },
                aggregates: tableAggregates[table] ?? [], keySlot: keySlot,
                keyIsRead: keySlot.map { read.contains($0) || [centerColumn, spec.periodColumn].contains(columns[$0]) } ?? false)
        }
        let notice = checkNotice()
        let parameterValues = parameters.keys.sorted().compactMap { name in
            parameters[name].map { ParameterValue(name: name, value: $0.value, display: $0.display, overridden: $0.overridden) }
        }
        return Plan(
            title: assessment.title.value, periodStart: start, periodEnd: end, assessFilter: assessFilter,
            centerColumns: centerColumns, centerJoins: joins(table: "centers", columns: centerColumns), rankWithin: rankWithin,
            tieBreaks: tieBreaks,
            grades: grades, parameters: parameterValues,
            aggregates: aggregates, scans: scans, indicators: indicators, vetoes: scored.vetoes, gradeLimits: scored.gradeLimits,
            adjustments: scored.adjustments,
            total: structure.total, categories: structure.categories, listTop: structure.listTop,
            listBottom: structure.listBottom, bonusCap: structure.bonusCap, deductionCap: structure.deductionCap,
            usesCalendar: usesCalendar,
            evidenceLimit: structure.evidence, notice: notice, figures: figures
        )
    }

    /// Reports what follows in the file where the assessment's `setting` was written (a variant's or its base's).
    mutating func at(_ setting: String) {
        if let file = merge.settingFiles[setting] { fileIndex = file }
    }

    /// The period's first and last day numbers; a period missing from an assessment parsed with an error is
    /// not reported again (it may be what could not be read).
    private mutating func checkPeriod(_ assessment: AssessmentDeclaration, damaged: Bool) -> (Int, Int) {
        guard let period = assessment.period else {
            if damaged { return (0, 0) }
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

    private mutating func checkGrades(_ assessment: AssessmentDeclaration, damaged: Bool) -> [GradePlan] {
        guard !assessment.grades.isEmpty else {
            if damaged { return [] }
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
            checkPointsWriting(threshold, share: false)
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

    /// The number `expression` comes to, written where a constant is meant (or points, `in: .points`).
    mutating func constantNumber(_ expression: Expression, in context: ExpressionContext = .constant) -> Double? {
        let typed = checkExpression(expression, in: context)
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
