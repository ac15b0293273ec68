import KaopingSyntax

extension Checker {
    /// The declarations `files` (a root file and those it reads) come to: a variant's read onto its base.
    public static func declarations(of files: [RuleFile]) -> [Declaration] {
        VariantMerge(files: files).items.map(\.declaration)
    }
}

/// A variant (`extends "jiangsu-2024.rules"`) read onto its base: the declarations the checker checks, with the
/// base's indicators, adjustments, vetoes and grade limits replaced or removed by id, its parameters and definitions
/// given anew, and the variant's additions after them.
struct VariantMerge {
    typealias Item = (file: Int, declaration: Declaration, damaged: Bool)

    /// The declarations to check, in order: the base's (as changed), then the variant's own.
    var items: [Item] = []
    /// The assessment: the variant's settings where it writes them, else the base's.
    var assessment: (file: Int, declaration: AssessmentDeclaration, damaged: Bool)?
    /// The file each assessment setting was written in (by its keyword: `period`, `grades`, `rank`, …).
    var settingFiles: [String: Int] = [:]
    /// Assessments beyond the one a file may have (K0202).
    var extraAssessments: [(file: Int, declaration: AssessmentDeclaration)] = []
    /// `replace` and `remove` that name nothing in the base, or stand in a file with no base (K0213).
    var problems: [Diagnostic] = []

    /// The kind of declaration a `replace` or `remove` keyword names, and the name of each kind for messages.
    static func kind(of declaration: Declaration) -> String? {
        switch declaration {
        case .indicator: return "indicator"
        case .adjustment(let adjustment): return adjustment.kind
        case .veto: return "veto"
        case .limit: return "limit"
        default: return nil
        }
    }

    static func id(of declaration: Declaration) -> Name? {
        switch declaration {
        case .indicator(let value): return value.id
        case .adjustment(let value): return value.id
        case .veto(let value): return value.id
        case .limit(let value): return value.id
        default: return nil
        }
    }

    static func name(of declaration: Declaration) -> Name? {
        switch declaration {
        case .parameter(let value): return value.name
        case .definition(let value): return value.name
        default: return nil
        }
    }

    init(files: [RuleFile]) {
        let all = files.indices.flatMap { file in
            files[file].declarations.indices.map {
                (file: file, declaration: files[file].declarations[$0], damaged: files[file].damaged.contains($0))
            }
        }
        let base = all.filter { files[$0.file].isBase }
        let variant = all.filter { !files[$0.file].isBase }
        let baseKinds = Dictionary(
            base.compactMap { item in VariantMerge.id(of: item.declaration).map { ($0.text, VariantMerge.kind(of: item.declaration) ?? "") }
            },
            uniquingKeysWith: { first, _ in first })
        // What the variant replaces and removes, by id (the first of each; one naming a declaration of another
        // kind changes nothing, and is reported below).
        var replaced: [String: Item] = [:]
        var removed: Set<String> = []
        var given: Set<String> = []
        for item in variant {
            switch item.declaration {
            case .replace(let declaration, _):
                if let id = VariantMerge.id(of: declaration), baseKinds[id.text] == VariantMerge.kind(of: declaration),
                    replaced[id.text] == nil
                {
                    replaced[id.text] = (item.file, declaration, item.damaged)
                }
            case .remove(let kind, let id, _): if baseKinds[id.text] == kind { removed.insert(id.text) }
            default: if let name = VariantMerge.name(of: item.declaration) { given.insert(name.text) }
            }
        }
        for item in base {
            if let id = VariantMerge.id(of: item.declaration)?.text {
                if removed.contains(id) { continue }
                if let replacement = replaced[id] {
                    items.append(replacement)
                    continue
                }
            }
            if let name = VariantMerge.name(of: item.declaration), given.contains(name.text) { continue }
            if case .test = item.declaration { continue }
            items.append(item)
        }
        let hasBase = !base.isEmpty
        for item in variant {
            switch item.declaration {
            case .replace(let declaration, _):
                if let id = VariantMerge.id(of: declaration), let kind = VariantMerge.kind(of: declaration) {
                    check(kind: kind, id: id, file: files[item.file], hasBase: hasBase, baseKinds: baseKinds, verb: "replace")
                }
            case .remove(let kind, let id, _):
                check(kind: kind, id: id, file: files[item.file], hasBase: hasBase, baseKinds: baseKinds, verb: "remove")
            default: items.append(item)
            }
        }
        mergeAssessments(base: base, variant: variant)
    }

    /// What a `replace` or `remove` keyword names, in Chinese and in English with its article.
    static func describe(_ kind: String) -> (zh: String, en: String) {
        switch kind {
        case "indicator": return ("指标", "an indicator")
        case "bonus": return ("加分项", "a bonus")
        case "deduction": return ("扣分项", "a deduction")
        case "veto": return ("否决项", "a veto")
        default: return ("等次限制", "a grade limit")
        }
    }

    /// K0213 unless the base has a declaration of `kind` with `id`.
    private mutating func check(kind: String, id: Name, file: RuleFile, hasBase: Bool, baseKinds: [String: String], verb: String) {
        func problem(_ zh: String, _ en: String, hint: String, hintEn: String) {
            problems.append(
                Diagnostic("K0213", .error, file: file.source.name, range: id.range, zh: zh, en: en, hint: hint, hintEn: hintEn))
        }
        let action = verb == "replace" ? "替换" : "删除"
        guard hasBase else {
            problem(
                "本文件没有基础文件，无从\(action)“\(id.text)”", "`\(verb)` needs a base, and this file extends none",
                hint: "在文件开头写 extends \"基础规则.rules\"；或直接声明它", hintEn: "start the file with extends \"base.rules\", or declare it directly")
            return
        }
        guard let found = baseKinds[id.text] else {
            let guess = nearestName(id.text, among: baseKinds.filter { $0.value == kind }.keys.sorted())
            problem(
                "基础规则中没有编号为“\(id.text)”的\(VariantMerge.describe(kind).zh)，无从\(action)",
                "the base has no \(kind) `\(id.text)` to \(verb)",
                hint: guess.map { "是否想写“\($0)”？" } ?? "要新增就直接声明它，不写 \(verb)",
                hintEn: guess.map { "did you mean `\($0)`?" } ?? "to add one, declare it without `\(verb)`")
            return
        }
        if found != kind {
            problem(
                "基础规则中的“\(id.text)”是\(VariantMerge.describe(found).zh)，不是\(VariantMerge.describe(kind).zh)",
                "`\(id.text)` in the base is \(VariantMerge.describe(found).en), not \(VariantMerge.describe(kind).en)",
                hint: "写 \(verb) \(found) \(id.text)", hintEn: "write \(verb) \(found) \(id.text)")
        }
    }

    /// The assessment: the base's, with each setting the variant writes (its whole line or block) in place of the
    /// base's, and the variant's title.
    private mutating func mergeAssessments(base: [Item], variant: [Item]) {
        func assessments(_ items: [Item]) -> [(file: Int, declaration: AssessmentDeclaration, damaged: Bool)] {
            items.compactMap { item in
                if case .assessment(let value) = item.declaration { return (item.file, value, item.damaged) }
                return nil
            }
        }
        let own = assessments(variant)
        let inherited = assessments(base)
        extraAssessments = (Array(own.dropFirst()) + Array(inherited.dropFirst())).map { ($0.file, $0.declaration) }
        guard let first = own.first ?? inherited.first else { return }
        var merged = first
        for setting in AssessmentDeclaration.settings { settingFiles[setting] = first.file }
        if let base = inherited.first, let variant = own.first {
            var declaration = base.declaration
            declaration.title = variant.declaration.title
            declaration.range = variant.declaration.range
            let written = variant.declaration.written
            for setting in AssessmentDeclaration.settings {
                guard written.contains(setting) else {
                    if base.declaration.written.contains(setting) { settingFiles[setting] = base.file }
                    continue
                }
                let changes = variant.declaration
                switch setting {
                case "period": declaration.period = changes.period
                case "assess": declaration.assessFilter = changes.assessFilter
                case "grades": declaration.grades = changes.grades
                case "rank": (declaration.rankWithin, declaration.tieBreaks) = (changes.rankWithin, changes.tieBreaks)
                case "total": declaration.total = changes.total
                case "category": declaration.categories = changes.categories
                case "lists": (declaration.listTop, declaration.listBottom) = (changes.listTop, changes.listBottom)
                case "bonuses": declaration.bonusCap = changes.bonusCap
                case "evidence": declaration.evidence = changes.evidence
                default: declaration.deductionCap = changes.deductionCap
                }
            }
            declaration.written = base.declaration.written.union(written)
            merged = (variant.file, declaration, base.damaged || variant.damaged)
        }
        assessment = merged
    }
}
