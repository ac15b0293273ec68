import KaopingSyntax

/// The assessment's declared structure: its total, category tree and list sizes.
struct Structure {
    var total: Double?
    var categories: [CategoryPlan] = []
    var listTop = 0
    var listBottom = 0
    var bonusCap: Double?
    var deductionCap: Double?
    /// How many records of each indicator results name (`evidence N`, or `--evidence N`, which wins).
    var evidence = 5
    /// The points of the indicators with fixed `points`, and the weights of the others, added up.
    var fixedPoints = 0.0
    var weights = 0.0

    /// The points of an indicator of `weight`: the weighted indicators share what the declared total leaves
    /// after the indicators with fixed points, in proportion to their weights (0 without a total).
    func points(ofWeight weight: Double) -> Double {
        guard let total, weights > 0 else { return 0 }
        return max(0, total - fixedPoints) * weight / weights
    }
}

extension Checker {
    mutating func checkStructure(_ assessment: AssessmentDeclaration) -> Structure {
        var structure = Structure()
        at("total")
        if let total = assessment.total { structure.total = constantNumber(total) }
        at("category")
        func walk(_ nodes: [CategoryDeclaration], parent: String?, level: Int) {
            var seen: Set<String> = []
            for node in nodes {
                let path = parent.map { $0 + "/" + node.name.value } ?? node.name.value
                if seen.contains(node.name.value) {
                    report(
                        "K0290", node.name.range, zh: "类别“\(node.name.value)”重复", en: "the category `\(node.name.value)` is declared twice")
                }
                seen.insert(node.name.value)
                let points = node.points.flatMap { constantNumber($0) }
                structure.categories.append(CategoryPlan(path: path, points: points, level: level))
                if level >= 2, !node.children.isEmpty {
                    report("K0291", node.children[0].name.range, zh: "类别最多两级（一级、二级指标）", en: "categories have at most two levels")
                }
                walk(node.children, parent: path, level: level + 1)
            }
        }
        walk(assessment.categories, parent: nil, level: 1)
        addUpWeights(into: &structure)
        for (setting, cap, slot) in [
            ("bonuses", assessment.bonusCap, \Structure.bonusCap), ("deductions", assessment.deductionCap, \Structure.deductionCap),
        ] {
            guard let cap else { continue }
            at(setting)
            checkPointsWriting(cap, share: false)
            structure[keyPath: slot] = constantNumber(cap)
        }
        at("evidence")
        if let written = assessment.evidence {
            // (Not a number at all is K0211, from `constantNumber`.)
            if let value = constantNumber(written) {
                if value == value.rounded(), value >= 0, value <= Double(Checker.maximumEvidence) {
                    structure.evidence = Int(value)
                } else {
                    report(
                        "K0215", written.range, zh: "evidence 应为 0 到 \(Checker.maximumEvidence) 的整数（每项指标列出的记录数）",
                        en: "`evidence` must be a whole number from 0 to \(Checker.maximumEvidence) (records listed per indicator)",
                        hint: "例如 evidence 5；写 evidence 0 则不列记录", hintEn: "for example evidence 5; evidence 0 lists none")
                }
            }
        }
        if let override = evidenceOverride { structure.evidence = override }
        namesRecords = structure.evidence > 0
        at("lists")
        if let top = assessment.listTop { structure.listTop = max(0, Int((constantNumber(top) ?? 0).clampedInteger(.towardZero))) }
        if let bottom = assessment.listBottom {
            structure.listBottom = max(0, Int((constantNumber(bottom) ?? 0).clampedInteger(.towardZero)))
        }
        return structure
    }

    /// The category path of an indicator, checked against the declared tree when there is one.
    mutating func categoryPath(_ names: [StringLiteral], structure: Structure) -> String {
        let path = names.map(\.value).joined(separator: "/")
        guard !structure.categories.isEmpty, !names.isEmpty else { return path }
        if !structure.categories.contains(where: { $0.path == path }) {
            let guess = nearestName(path, among: structure.categories.map(\.path))
            report(
                "K0292", names[0].range.union(names[names.count - 1].range), severity: .warning,
                zh: "类别“\(path)”不在 assessment 声明的类别中", en: "the category `\(path)` is not among the assessment's categories",
                hint: guess.map { "是否想写“\($0)”？" } ?? "在 assessment 中用 category 声明它",
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "declare it with `category` in the assessment")
        }
        return path
    }

    /// A key that breaks ties in the total: a category the assessment declares or an indicator names, or an
    /// indicator's id (K0237 otherwise).
    mutating func checkTieBreak(_ tieBreak: TieBreak, structure: Structure) -> TieBreakPlan? {
        var indicatorIDs: [String] = []
        var paths = structure.categories.map(\.path)
        for (_, declaration, _) in declarations {
            guard case .indicator(let indicator) = declaration else { continue }
            indicatorIDs.append(indicator.id.text)
            let path = indicator.category.map(\.value).joined(separator: "/")
            if !path.isEmpty, !paths.contains(path) { paths.append(path) }
        }
        let descending = !tieBreak.ascending
        switch tieBreak.key {
        case .category(let names):
            let path = names.map(\.value).joined(separator: "/")
            if paths.contains(path) { return TieBreakPlan(key: .category(path), descending: descending) }
            let guess = nearestName(path, among: paths)
            report(
                "K0237", names[0].range.union(names[names.count - 1].range),
                zh: "同分时比较的类别“\(path)”不存在", en: "the category `\(path)` that breaks ties does not exist",
                hint: guess.map { "是否想写“\($0)”？" } ?? "写 assessment 中声明的类别，或指标的编号",
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "name a category the assessment declares, or an indicator's id")
        case .indicator(let id):
            if indicatorIDs.contains(id.text) { return TieBreakPlan(key: .indicator(id.text), descending: descending) }
            let guess = nearestName(id.text, among: indicatorIDs)
            report(
                "K0237", id.range, zh: "同分时比较的指标“\(id.text)”不存在", en: "the indicator `\(id.text)` that breaks ties does not exist",
                hint: guess.map { "是否想写“\($0)”？" } ?? "写指标的编号，或用引号写类别名",
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "name an indicator's id, or a category in quotes")
        }
        return nil
    }

    /// The category a deduction is taken from: one the assessment declares (K0269 otherwise), since its points are
    /// what the deduction may use up.
    mutating func deductionCategory(_ names: [StringLiteral], structure: Structure) -> String? {
        let path = names.map(\.value).joined(separator: "/")
        guard structure.categories.contains(where: { $0.path == path }) else {
            let guess = nearestName(path, among: structure.categories.map(\.path))
            report(
                "K0269", names[0].range.union(names[names.count - 1].range),
                zh: "扣分项所属的类别“\(path)”不在 assessment 声明的类别中",
                en: "the category `\(path)` a deduction is taken from is not declared in the assessment",
                hint: guess.map { "是否想写“\($0)”？" } ?? "在 assessment 中用 category 声明它和它的分值",
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "declare it, with its points, with `category` in the assessment")
            return nil
        }
        return path
    }

    /// Adds up the fixed points and the weights of every indicator, before any is checked: a weighted
    /// indicator's points, which its score rule scores out of, depend on them all. (What cannot be read here is
    /// reported when its indicator is checked.)
    mutating func addUpWeights(into structure: inout Structure) {
        for (_, declaration, _) in declarations {
            guard case .indicator(let indicator) = declaration else { continue }
            var scratch = self
            if let points = indicator.points {
                structure.fixedPoints += scratch.constantNumber(points) ?? 0
            } else if let weight = indicator.weight {
                structure.weights += scratch.constantNumber(weight) ?? 0
            }
        }
    }
}

extension Checker {
    /// Warnings when declared points do not add up: the indicators against `total`, each category's
    /// sub-categories and indicators against its points. The indicators' sums are left out unless every
    /// indicator is `complete`ly planned: one with an error has no plan, and a typo must not also make the
    /// points seem not to add up.
    mutating func lintPoints(_ indicators: [IndicatorPlan], complete: Bool, structure: Structure, assessment: AssessmentDeclaration) {
        let sum = indicators.reduce(0) { $0 + $1.points }
        at("total")
        if complete, let total = structure.total, let expression = assessment.total, abs(sum - total) > 1e-9 {
            report(
                "K0293", expression.range, severity: .warning,
                zh: "各指标分值合计 \(Checker.number(sum))，与声明的总分 \(Checker.number(total)) 不符",
                en: "the indicators' points add up to \(Checker.number(sum)), not the declared total \(Checker.number(total))",
                hint: "调整指标分值或 total", hintEn: "adjust the indicators' points or the total")
        }
        // The points of the indicators in each category, its sub-categories' included.
        var inside: [String: Double] = [:]
        for indicator in indicators where !indicator.category.isEmpty {
            var path = Substring(indicator.category)
            while true {
                inside[String(path), default: 0] += indicator.points
                guard let slash = path.lastIndex(of: "/") else { break }
                path = path[..<slash]
            }
        }
        func walk(_ nodes: [CategoryDeclaration], parent: String?) {
            for node in nodes {
                let path = parent.map { $0 + "/" + node.name.value } ?? node.name.value
                defer { walk(node.children, parent: path) }
                guard let expression = node.points, let points = structure.categories.first(where: { $0.path == path })?.points else {
                    continue
                }
                if !node.children.isEmpty {
                    let children = node.children.compactMap { child in
                        structure.categories.first { $0.path == path + "/" + child.name.value }?.points
                    }.reduce(0, +)
                    if abs(children - points) > 1e-9 {
                        report(
                            "K0294", expression.range, severity: .warning,
                            zh: "类别“\(path)”的二级类别分值合计 \(Checker.number(children))，与其分值 \(Checker.number(points)) 不符",
                            en:
                                "the sub-categories of `\(path)` add up to \(Checker.number(children)), not its \(Checker.number(points)) points"
                        )
                    }
                }
                if complete, let members = inside[path], abs(members - points) > 1e-9 {
                    report(
                        "K0294", expression.range, severity: .warning,
                        zh: "类别“\(path)”下各指标分值合计 \(Checker.number(members))，与其分值 \(Checker.number(points)) 不符",
                        en: "the indicators of `\(path)` add up to \(Checker.number(members)), not its \(Checker.number(points)) points")
                }
            }
        }
        at("category")
        walk(assessment.categories, parent: nil)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
