import KaopingStore
import KaopingSyntax

extension Checker {
    /// Reads every `param` declaration, then applies the command line's overrides.
    mutating func checkParameters(overrides: [String: String]) {
        for (declarationFile, declaration, damaged) in declarations {
            guard case .parameter(let parameter) = declaration else { continue }
            fileIndex = declarationFile
            if damaged {
                // Known, but of unknown value: its uses are not reported as unknown names.
                parameters[parameter.name.text] =
                    parameters[parameter.name.text]
                    ?? ParameterEntry(
                        value: .null, type: .unknown, display: file.source.text(parameter.value.range), overridden: false,
                        declaration: parameter, used: true)
                continue
            }
            if parameters[parameter.name.text] != nil {
                report(
                    "K0250", parameter.name.range, zh: "参数“\(parameter.name.text)”重复定义",
                    en: "the parameter `\(parameter.name.text)` is defined twice")
                continue
            }
            let typed = checkExpression(parameter.value, in: .constant)
            guard let value = constantValue(typed.expression), typed.type != .null else {
                report(
                    "K0251", parameter.value.range, zh: "参数的值应为常量（数字、百分数、日期或字符串）",
                    en: "a parameter's value must be a constant (a number, percentage, date or string)")
                // Known, but of unknown type: its uses are not reported again.
                parameters[parameter.name.text] = ParameterEntry(
                    value: .null, type: .unknown, display: file.source.text(parameter.value.range), overridden: false,
                    declaration: parameter, used: true)
                continue
            }
            parameters[parameter.name.text] = ParameterEntry(
                value: value, type: typed.type, display: file.source.text(parameter.value.range), overridden: false, declaration: parameter)
        }
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            applyOverride(name, text)
        }
    }

    /// A problem with a `--param` given on the command line: it has no place in a rule file.
    mutating func reportCommandLine(_ id: String, zh: String, en: String, hint: String = "", hintEn: String = "") {
        add(Diagnostic(id, .error, file: "--param", range: .at(0), zh: zh, en: en, hint: hint, hintEn: hintEn))
    }

    /// The value of an expression that reads no column, aggregate or measure (`-2`, `15 * 2`), if it has one.
    func constantValue(_ expression: TypedExpression) -> Value? {
        if case .constant(let value) = expression { return value }
        guard expression.isConstant else { return nil }
        let value = expression.evaluateConstant()
        return value.isNull ? nil : value
    }

    /// Marks the parameters that `expressions` name as used, for expressions left unchecked after an error
    /// (a `from` naming no table): the error must not also make them seem unused.
    mutating func markParametersUsed(in expressions: [Expression]) {
        for expression in expressions {
            expression.walk { node in
                if case .name(let name) = node.kind { parameters[name]?.used = true }
            }
        }
    }

    mutating func reportUnusedParameters() {
        // A use may be in what could not be parsed.
        guard !hasParseErrors else { return }
        for (name, entry) in parameters.sorted(by: { $0.key < $1.key }) where !entry.used {
            report(
                "K0255", entry.declaration.name.range, severity: .warning, zh: "参数“\(name)”没有被使用",
                en: "the parameter `\(name)` is never used",
                hint: "删除它，或在规则中引用它", hintEn: "remove it or use it in a rule")
        }
    }

    /// The table of a `from`, checked; `nil` (reported) when it is unknown or has no center key.
    mutating func sourceTable(_ source: Name?) -> String? {
        var table: String?
        if let source {
            if let spec = schema.table(source.text) {
                if spec.centerColumn == nil {
                    report(
                        "K0246", source.range, zh: "表 \(source.text) 没有 center_id 字段，不能按单位考核",
                        en: "table `\(source.text)` has no `center_id` column, so it cannot be assessed per center")
                } else {
                    table = source.text
                }
            } else {
                let guess = nearestName(source.text, among: schema.tables.map(\.name))
                report(
                    "K0232", source.range, zh: "数据中没有表“\(source.text)”", en: "the data has no table `\(source.text)`",
                    hint: guess.map { "是否想写“\($0)”？" } ?? "", hintEn: guess.map { "did you mean `\($0)`?" } ?? "")
            }
        }
        return table
    }

    /// The `from … where …` of an indicator or adjustment: its table, its population filter and the count of
    /// its population. A `from` naming no usable table is reported once, and later aggregates stay quiet.
    mutating func checkPopulation(_ source: Name?, _ where: Expression?) -> (
        table: String?, filter: TypedExpression?, population: Int?
    ) {
        let table = sourceTable(source)
        sourceFailed = source != nil && table == nil
        if sourceFailed, let `where` { markParametersUsed(in: [`where`]) }
        let filter = table.flatMap { table in `where`.map { checkCondition($0, in: .row(table)) } }
        let population = table.map { addAggregate(.count, table: $0, filter: filter, argument: nil) }
        return (table, filter, population)
    }

    /// A measure: an expression over the population's aggregates, which must be a number.
    mutating func checkMeasure(_ expression: Expression, table: String?, filter: TypedExpression?) -> Typed {
        let measure = checkExpression(expression, in: .center(table: table, filter: filter))
        if !measure.type.isNumeric {
            report(
                "K0261", expression.range, zh: "measure 应为数值，却是\(measure.type.label.zh)",
                en: "a measure must be a number, found \(measure.type.label.en)")
        }
        return measure
    }

    mutating func checkIndicator(_ indicator: IndicatorDeclaration, structure: Structure) -> IndicatorPlan? {
        let errorsBefore = errorCount
        defer { sourceFailed = false }
        guard let measureExpression = indicator.measure else {
            _ = checkPopulation(indicator.source, indicator.filter)
            report(
                "K0260", indicator.id.range, zh: "指标“\(indicator.id.text)”缺少 measure（计量）",
                en: "the indicator `\(indicator.id.text)` has no `measure`",
                hint: "例如 measure rate(finished_at is not null)", hintEn: "for example measure rate(finished_at is not null)")
            return nil
        }
        let (table, filter, population) = checkPopulation(indicator.source, indicator.filter)
        let measure = checkMeasure(measureExpression, table: table, filter: filter)
        let numerator = numeratorAggregate(of: measure.expression)
        var points = 0.0
        var weight: Double?
        var owner = ScoreOwner.indicator
        if let pointsExpression = indicator.points {
            let errors = errorCount
            checkPointsWriting(pointsExpression, share: false)
            points = constantNumber(pointsExpression) ?? 0
            if errorCount != errors { owner = .unknownFull }
            if points < 0 {
                report("K0262", pointsExpression.range, zh: "分值不能为负", en: "points cannot be negative")
            }
            if let weightExpression = indicator.weight {
                report("K0266", weightExpression.range, zh: "points 与 weight 只能写一个", en: "give either `points` or `weight`, not both")
            }
        } else if let weightExpression = indicator.weight {
            weight = constantNumber(weightExpression)
            points = weight.map { structure.points(ofWeight: $0) } ?? 0
            owner = .weightedIndicator
            if structure.total == nil {
                report(
                    "K0267", weightExpression.range, zh: "使用 weight 时 assessment 必须声明 total（总分）",
                    en: "with `weight`, the assessment must declare its `total`", hint: "在 assessment 中写 total 100",
                    hintEn: "write total 100 in the assessment")
            }
        } else {
            report(
                "K0263", indicator.id.range, zh: "指标“\(indicator.id.text)”缺少 points（分值）",
                en: "the indicator `\(indicator.id.text)` has no `points`",
                hint: "例如 points 25", hintEn: "for example points 25")
        }
        guard let scoreRule = indicator.score else {
            report(
                "K0264", indicator.id.range, zh: "指标“\(indicator.id.text)”缺少 score（评分规则）",
                en: "the indicator `\(indicator.id.text)` has no `score`",
                hint: "例如 score linear { 90% -> 0; 100% -> 25 }", hintEn: "for example score linear { 90% -> 0; 100% -> 25 }")
            return nil
        }
        let score = checkScore(scoreRule, full: points, fraction: isFraction(measure.expression), owner: owner)
        var policy = IndicatorPlan.EmptyPolicy.notApplicable
        if indicator.emptyPolicy == nil, table != nil, measureExpression.mentions(function: "rate") {
            report(
                "K0296", measureExpression.range, severity: .warning,
                zh: "比率指标“\(indicator.id.text)”没有写明空样本如何处理（默认不适用）",
                en: "the rate `\(indicator.id.text)` does not say what an empty population means (the default is not_applicable)",
                hint: "加一行 when empty: not_applicable、full 或 zero", hintEn: "add a line when empty: not_applicable, full or zero")
        }
        if let name = indicator.emptyPolicy {
            if let value = IndicatorPlan.EmptyPolicy(rawValue: name.text) {
                policy = value
            } else {
                let guess = nearestName(name.text, among: ["not_applicable", "full", "zero"])
                report(
                    "K0265", name.range, zh: "无法识别的空样本处理方式“\(name.text)”", en: "unknown empty-population policy `\(name.text)`",
                    hint: "可选 not_applicable、full、zero" + (guess.map { "；是否想写“\($0)”？" } ?? ""),
                    hintEn: "choose not_applicable, full or zero" + (guess.map { "; did you mean `\($0)`?" } ?? ""))
            }
        }
        var minimum = 0
        if let minimumExpression = indicator.minimum, let value = constantNumber(minimumExpression) {
            minimum = max(0, Int(value.clampedInteger(.up)))
        }
        let category = categoryPath(indicator.category, structure: structure)
        guard errorCount == errorsBefore else { return nil }
        return IndicatorPlan(
            id: indicator.id.text, title: indicator.title.value, category: category, points: points, weight: weight,
            population: population, numerator: numerator, measure: measure.expression, score: score, emptyPolicy: policy,
            minimum: minimum, evidence: structure.evidence > 0 ? evidencePlan(measure: measure.expression, score: score) : nil,
            fraction: isFraction(measure.expression))
    }

    /// The count reported as `numerator`: the rows meeting a `rate`'s condition, or the top of a ratio of counts.
    mutating func numeratorAggregate(of measure: TypedExpression) -> Int? {
        switch measure {
        case .aggregate(let index) where aggregates[index].function == .rate:
            let rate = aggregates[index]
            let condition = rate.argument ?? .constant(.boolean(true))
            return addAggregate(.count, table: rate.table, filter: rate.filter.map { .and($0, condition) } ?? condition, argument: nil)
        case .arithmetic("/", .aggregate(let top), .aggregate(let bottom))
        where aggregates[top].function == .count && aggregates[bottom].function == .count:
            return top
        case .function("ratio", let arguments) where arguments.count == 2:
            if case .aggregate(let top) = arguments[0], case .aggregate(let bottom) = arguments[1],
                aggregates[top].function == .count, aggregates[bottom].function == .count
            {
                return top
            }
            return nil
        default:
            return nil
        }
    }

    mutating func checkAdjustment(_ adjustment: AdjustmentDeclaration, structure: Structure) -> AdjustmentPlan? {
        let errorsBefore = errorCount
        let (table, filter, population) = checkPopulation(adjustment.source, adjustment.filter)
        defer { sourceFailed = false }
        guard let measureExpression = adjustment.measure else {
            report(
                "K0260", adjustment.id.range, zh: "“\(adjustment.id.text)”缺少 measure（计量）", en: "`\(adjustment.id.text)` has no `measure`")
            return nil
        }
        let measure = checkMeasure(measureExpression, table: table, filter: filter)
        guard let maximumExpression = adjustment.maximum, let maximum = constantNumber(maximumExpression) else {
            if adjustment.maximum == nil {
                report(
                    "K0268", adjustment.id.range, zh: "“\(adjustment.id.text)”缺少 max（加扣分上限）",
                    en: "`\(adjustment.id.text)` has no `max` (its cap)",
                    hint: "例如 max 5", hintEn: "for example max 5")
            }
            return nil
        }
        let capErrors = errorCount
        checkPointsWriting(maximumExpression, share: false)
        let owner: ScoreOwner = errorCount == capErrors ? .adjustment : .unknownFull
        let score =
            adjustment.score.map { checkScore($0, full: maximum, fraction: isFraction(measure.expression), owner: owner) }
            ?? .expression(.measure, text: "measure")
        if let gate = adjustment.gate { checkPointsWriting(gate, share: false) }
        let gate = adjustment.gate.flatMap { constantNumber($0) }
        let category = adjustment.category.isEmpty ? nil : deductionCategory(adjustment.category, structure: structure)
        guard errorCount == errorsBefore else { return nil }
        return AdjustmentPlan(
            kind: adjustment.kind == "bonus" ? .bonus : .deduction, id: adjustment.id.text, title: adjustment.title.value,
            population: population, measure: measure.expression, score: score, maximum: maximum, gate: gate, category: category,
            fraction: isFraction(measure.expression),
            evidence: structure.evidence > 0 ? evidencePlan(measure: measure.expression, score: score) : nil)
    }

    mutating func checkVeto(_ veto: VetoDeclaration) -> VetoPlan? {
        guard let condition = veto.condition else {
            report(
                "K0280", veto.id.range, zh: "否决项“\(veto.id.text)”缺少 when 条件", en: "the veto `\(veto.id.text)` has no `when` condition",
                hint: "例如 when count(inspections where severity == \"serious\") > 0",
                hintEn: "for example when count(inspections where severity == \"serious\") > 0")
            return nil
        }
        let errorsBefore = errorCount
        let typed = checkCondition(condition, in: .center(table: nil, filter: nil))
        guard errorCount == errorsBefore else { return nil }
        return VetoPlan(
            id: veto.id.text, title: veto.title.value, reason: veto.reason?.value ?? veto.title.value, condition: typed,
            evidence: namesRecords ? vetoEvidence(typed) : nil)
    }
}
