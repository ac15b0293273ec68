import KaopingCheck
import KaopingResults
import KaopingStore

extension Evaluator {
    /// The results document from what the scans gathered, the same whichever engine gathered it (the native scans
    /// or PostgreSQL): per center the measures, points, redistribution, adjustments, vetoes, then grades and ranks.
    static func document(
        plan: Plan, centers: CenterTable, gathered: Gathered, rulesSHA256: String, dataDigest: String, findings: [Finding]?
    ) -> ResultsDocument {
        var results: [CenterResult] = []
        var figures: [String: Overview.Figures] = [:]
        let members = Evaluator.categoryMembers(plan)
        let groups = Redistribution.groups(plan)
        for number in 0..<centers.count {
            let aggregates = plan.aggregates.indices.map { index in
                gathered.values[index]?[number] ?? .null
            }
            var input = EvaluationInput(calendar: centers.calendars[number])
            input.center = centers.rows[number]
            input.aggregates = aggregates
            var scored = plan.indicators.map { Evaluator.score($0, input: input) }
            for (owner, found) in gathered.evidence where owner < scored.count {
                (scored[owner].evidence, scored[owner].evidenceCount) = (found[number].records, found[number].count)
            }
            let indicators = Redistribution.apply(scored, groups: groups)
            let base = indicators.reduce(0) { $0 + $1.points }
            var categories = Evaluator.subtotals(indicators, members: members)
            var adjusted = plan.adjustments.map { Evaluator.adjust($0, base: base, input: input) }
            for (owner, found) in gathered.evidence where owner >= scored.count && owner < scored.count + adjusted.count {
                let index = owner - scored.count
                (adjusted[index].evidence, adjusted[index].evidenceCount) = (found[number].records, found[number].count)
            }
            let adjustments = Adjustments.apply(adjusted, plans: plan.adjustments, plan: plan, categories: &categories)
            let change = Adjustments.change(adjustments)
            let veto = plan.vetoes.first { $0.condition.evaluate(input).isTrue }
            if !plan.figures.isEmpty {
                figures[centers.text(number, "code", in: plan)] = Overview.Figures(
                    Dictionary(plan.figures.map { ($0.name, Int($0.value.evaluate(input).number ?? 0)) }) { first, _ in first })
            }
            let limits = plan.gradeLimits.filter { $0.condition.evaluate(input).isTrue }.map { limit in
                GradeLimitResult(
                    id: limit.id, title: limit.title, reason: limit.reason, effect: Ranking.describe(limit.effect), gradeBefore: "")
            }
            let group = plan.rankWithin.isEmpty ? "all" : plan.rankWithin.map { centers.text(number, $0, in: plan) }.joined(separator: "/")
            results.append(
                CenterResult(
                    code: centers.text(number, "code", in: plan), name: centers.text(number, "name", in: plan),
                    kind: centers.text(number, "kind", in: plan), level: centers.text(number, "level", in: plan),
                    region: centers.text(number, "region", in: plan), group: group, indicators: indicators,
                    categories: categories, base: base, adjustments: adjustments, total: max(0, base + change),
                    grade: "", rank: 0,
                    veto: veto.map { veto in
                        var result = VetoResult(id: veto.id, title: veto.title, reason: veto.reason)
                        let owner = plan.indicators.count + plan.adjustments.count + (plan.vetoes.firstIndex { $0.id == veto.id } ?? 0)
                        if let found = gathered.evidence[owner] {
                            (result.evidence, result.evidenceCount) = (found[number].records, found[number].count)
                        }
                        return result
                    }, gradeLimits: limits))
        }
        var assessment = Assessment(
            title: plan.title,
            period: .init(start: CivilDay(number: plan.periodStart).description, end: CivilDay(number: plan.periodEnd).description),
            rulesSHA256: rulesSHA256, dataDigest: dataDigest,
            parameters: plan.parameters.map { .init(name: $0.name, value: $0.display, overridden: $0.overridden) },
            engineVersion: engineVersion, groupBy: plan.rankWithin,
            grades: plan.grades.map { .init(name: $0.name, minimum: $0.minimum) },
            indicators: plan.indicators.map {
                .init(id: $0.id, title: $0.title, category: $0.category, points: $0.points, fraction: $0.fraction)
            },
            vetoes: plan.vetoes.map { .init(id: $0.id, title: $0.title) }, total: plan.total,
            categories: plan.categories.map { .init(path: $0.path, points: $0.points) },
            adjustments: plan.adjustments.map {
                .init(
                    kind: $0.kind.rawValue, id: $0.id, title: $0.title, maximum: $0.maximum, category: $0.category, fraction: $0.fraction)
            }, bonusCap: plan.bonusCap, deductionCap: plan.deductionCap)
        assessment.gradeLimits = plan.gradeLimits.map { .init(id: $0.id, title: $0.title, effect: Ranking.describe($0.effect)) }
        assessment.tieBreaks = plan.tieBreaks.map { tieBreak in
            switch tieBreak.key {
            case .category(let path): return .init(kind: "category", key: path, order: tieBreak.descending ? "descending" : "ascending")
            case .indicator(let id): return .init(kind: "indicator", key: id, order: tieBreak.descending ? "descending" : "ascending")
            }
        }
        let ranked = Ranking.rank(results, plan: plan)
        var document = ResultsDocument(
            assessment: assessment, centers: ranked, lists: Ranking.lists(ranked, top: plan.listTop, bottom: plan.listBottom),
            dataQuality: gathered.quality, dataCoverage: gathered.coverage)
        document.notice = plan.notice.map { Notice($0.values) }
        document.overview = Overview(centers: ranked, grades: plan.grades.map(\.name), figures: figures)
        document.overview?.findings = findings
        return document
    }
}
