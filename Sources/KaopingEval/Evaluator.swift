import KaopingCheck
import KaopingResults
import KaopingStore

/// Evaluates a plan over a store: every table scanned once, then per center the measures, points,
/// total, grade and rank.
public struct Evaluator {
    let plan: Plan
    let store: Store

    /// Runs `plan` over `store` and returns the results document.
    /// - Parameter rulesSHA256: the hash of the rule file, recorded for reproducibility.
    /// - Throws: `SQLiteError` when the store cannot be read.
    public static func evaluate(plan: Plan, store: Store, rulesSHA256: String) throws -> ResultsDocument {
        try Evaluator(plan: plan, store: store).run(rulesSHA256: rulesSHA256)
    }

    private func run(rulesSHA256: String) throws -> ResultsDocument {
        let catalog = try SchemaCatalog(store: store)
        let centers = try CenterTable(plan: plan, store: store, catalog: catalog)
        var states: [Int: [Accumulator]] = [:]
        for scan in plan.scans {
            let scanned = try TableScanner(plan: plan, scan: scan).run(store: store, centers: centers)
            states.merge(scanned) { first, _ in first }
        }
        var results: [CenterResult] = []
        for number in 0..<centers.count {
            let aggregates = plan.aggregates.indices.map { index in
                states[index]?[number].value(plan.aggregates[index].function) ?? .null
            }
            var input = EvaluationInput(calendar: centers.calendars[number])
            input.center = centers.rows[number]
            input.aggregates = aggregates
            let indicators = Redistribution.apply(plan.indicators.map { score($0, input: input) }, plan: plan)
            let veto = plan.vetoes.first { $0.condition.evaluate(input).isTrue }
            let group = plan.rankWithin.isEmpty ? "all" : plan.rankWithin.map { centers.text(number, $0, in: plan) }.joined(separator: "/")
            results.append(CenterResult(
                code: centers.text(number, "code", in: plan), name: centers.text(number, "name", in: plan),
                kind: centers.text(number, "kind", in: plan), level: centers.text(number, "level", in: plan),
                region: centers.text(number, "region", in: plan), group: group, indicators: indicators,
                total: indicators.reduce(0) { $0 + $1.points }, grade: "", rank: 0,
                veto: veto.map { VetoResult(id: $0.id, title: $0.title, reason: $0.reason) }))
        }
        let tables = Set(plan.scans.map(\.table) + ["centers"] + (plan.usesCalendar ? ["calendar"] : [])).sorted()
        let assessment = Assessment(
            title: plan.title,
            period: .init(start: CivilDay(number: plan.periodStart).description, end: CivilDay(number: plan.periodEnd).description),
            rulesSHA256: rulesSHA256, dataDigest: try store.dataDigest(tables: tables),
            parameters: plan.parameters.map { .init(name: $0.name, value: $0.display, overridden: $0.overridden) },
            engineVersion: engineVersion, groupBy: plan.rankWithin,
            grades: plan.grades.map { .init(name: $0.name, minimum: $0.minimum) },
            indicators: plan.indicators.map { .init(id: $0.id, title: $0.title, category: $0.category, points: $0.points) },
            vetoes: plan.vetoes.map { .init(id: $0.id, title: $0.title) })
        return ResultsDocument(assessment: assessment, centers: Ranking.rank(results, plan: plan))
    }

    /// One indicator's result for one center, before redistribution.
    private func score(_ indicator: IndicatorPlan, input: EvaluationInput) -> IndicatorResult {
        let population = indicator.population.flatMap { input.aggregates[$0].number }.map { Int($0) }
        let numerator = indicator.numerator.flatMap { input.aggregates[$0].number }.map { Int($0) }
        let measure = indicator.measure.evaluate(input).number.flatMap { $0.isFinite ? $0 : nil }
        var result = IndicatorResult(
            id: indicator.id, title: indicator.title, category: indicator.category, status: .ok, population: population,
            numerator: numerator, measure: measure, points: 0, maxPoints: indicator.points)
        if population == 0 || measure == nil {
            switch indicator.emptyPolicy {
            case .notApplicable: result.status = .notApplicable
            case .full: result.points = indicator.points
            case .zero: result.points = 0
            }
            return result
        }
        if let population, population < indicator.minimum {
            result.status = .insufficientData
            return result
        }
        if let measure {
            result.points = Scoring.points(indicator.score, measure: measure, maximum: indicator.points)
        }
        return result
    }
}
