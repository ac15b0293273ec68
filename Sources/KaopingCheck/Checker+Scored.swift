import KaopingSyntax

/// The declarations that score: indicators, vetoes and adjustments, checked in the order they are written.
extension Checker {
    /// The plans made from the indicators, vetoes and adjustments.
    struct Scored {
        var indicators: [IndicatorPlan] = []
        var vetoes: [VetoPlan] = []
        var adjustments: [AdjustmentPlan] = []
        var gradeLimits: [GradeLimitPlan] = []
        /// How many indicators have errors that keep them out of the plan (and their points out of its sums).
        var failedIndicators = 0
    }

    /// Checks every indicator, veto, grade limit and adjustment parsed without an error, and that no two of them share an id.
    mutating func checkScored(structure: Structure, grades: [GradePlan]) -> Scored {
        var scored = Scored()
        var idFiles: [String: Int] = [:]
        for (declarationFile, declaration, damaged) in declarations {
            fileIndex = declarationFile
            let id: Name
            switch declaration {
            case .indicator(let indicator):
                id = indicator.id
                // (One parsed with an error is not checked, and has no plan: it counts as failed.)
                if !damaged, let plan = checkIndicator(indicator, structure: structure) {
                    scored.indicators.append(plan)
                } else {
                    scored.failedIndicators += 1
                }
            case .veto(let veto):
                id = veto.id
                if !damaged, let plan = checkVeto(veto) { scored.vetoes.append(plan) }
            case .limit(let limit):
                id = limit.id
                if !damaged, let plan = checkLimit(limit, grades: grades) { scored.gradeLimits.append(plan) }
            case .adjustment(let adjustment):
                id = adjustment.id
                if !damaged, let plan = checkAdjustment(adjustment, structure: structure) { scored.adjustments.append(plan) }
            default:
                continue
            }
            if let first = idFiles[id.text] {
                if files[first].isBase, !file.isBase, let kind = VariantMerge.kind(of: declaration) {
                    report(
                        "K0203", id.range, zh: "基础规则中已有编号“\(id.text)”", en: "the base already has the id `\(id.text)`",
                        hint: "要改写它，写 replace \(kind) \(id.text) …；要新增，换一个编号",
                        hintEn: "to change it, write replace \(kind) \(id.text) …; to add one, choose another id")
                } else {
                    report(
                        "K0203", id.range, zh: "编号“\(id.text)”重复", en: "the id `\(id.text)` is used twice",
                        hint: "每个指标、加扣分项和否决项的编号必须唯一", hintEn: "every indicator, adjustment and veto needs its own id")
                }
            } else {
                idFiles[id.text] = fileIndex
            }
        }
        return scored
    }
}
