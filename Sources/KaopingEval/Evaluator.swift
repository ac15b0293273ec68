import KaopingCheck
import KaopingResults
import KaopingStore

/// Evaluates a plan over a store: every table scanned once, then per center the measures, points,
/// total, grade and rank.
public struct Evaluator {
    let plan: Plan
    let store: Store

    /// Runs `plan` over `store` and returns the results document.
    /// - Parameters:
    ///   - rulesSHA256: the hash of the rule file, recorded for reproducibility.
    ///   - options: threads and chunk size (they never change the result) and a progress callback.
    /// - Throws: `SQLiteError` when the store cannot be read.
    public static func evaluate(plan: Plan, store: Store, rulesSHA256: String, options: EvaluationOptions = EvaluationOptions()) throws
        -> ResultsDocument
    {
        try Evaluator(plan: plan, store: store).run(rulesSHA256: rulesSHA256, options: options)
    }

    /// Evaluates on one committed state of the store: a read transaction on the store's own connection, held
    /// for the whole run, keeps writers out in rollback-journal mode, and the content token (`Store.contentToken`),
    /// read before and after, catches a commit that WAL mode lets through — then the run stops
    /// (`EvaluationError.storeChanged`) rather than return scores and a digest of two different states.
    private func run(rulesSHA256: String, options: EvaluationOptions) throws -> ResultsDocument {
        let before = try store.contentToken()
        try store.database.execute("SAVEPOINT kaoping_run")
        defer { try? store.database.execute("RELEASE kaoping_run") }
        _ = try store.database.scalar("SELECT count(*) FROM sqlite_master")
        let document = try scoreAll(rulesSHA256: rulesSHA256, options: options)
        guard try store.contentToken() == before else { throw EvaluationError.storeChanged(path: store.database.path) }
        return document
    }

    private func scoreAll(rulesSHA256: String, options: EvaluationOptions) throws -> ResultsDocument {
        // Every table the run reads, joined ones included; digested (and a canonical table's rows verified)
        // before the scans, so that a store with broken rows is refused before any work.
        let tables = Set(plan.scans.flatMap { [$0.table] + $0.joins.map(\.table) } + ["centers"] + (plan.usesCalendar ? ["calendar"] : []))
        let dataDigest = try store.dataDigest(tables: tables.sorted(), useCache: options.digestCache)
        let catalog = try SchemaCatalog(store: store)
        let centers = try CenterTable(plan: plan, store: store, catalog: catalog)
        var gathered = Gathered()
        var total = 0
        for scan in plan.scans {
            let (low, high) = try ParallelScanner.rowidBounds(scan.table, in: store)
            total += Int(max(0, high - low + 1))
        }
        let progress = ProgressCounter(total: total, report: options.progress)
        let cache = options.columnCache ? ColumnCache.open(for: store) : nil
        for scan in plan.scans {
            progress.beginScan()
            let output = try ParallelScanner(
                plan: plan, scan: scan, centers: centers, centerTypes: centers.types, options: options, path: store.database.path
            ).run(store: store, cache: cache, progress: progress)
            for (index, accumulators) in output.states where gathered.values[index] == nil {
                gathered.values[index] = accumulators.map { $0.value(plan.aggregates[index]) }
            }
            if let table = output.evidence {
                let reader = EvidenceReader(plan: plan, scan: scan, centers: centers, centerTypes: centers.types, database: store.database)
                gathered.evidence.merge(try reader.records(table)) { first, _ in first }
            }
            gathered.add(scan: scan, quality: output.quality)
        }
        return Evaluator.document(
            plan: plan, centers: centers, gathered: gathered, rulesSHA256: rulesSHA256, dataDigest: dataDigest,
            findings: try FindingsReader.findings(plan: plan, centers: centers, store: store))
    }

    /// Points per category path: the declared ones in order, then any other path the indicators name.
    static func subtotals(_ indicators: [IndicatorResult], members: [(path: String, indices: [Int])]) -> [CategorySubtotal] {
        members.map { category in
            var points = 0.0
            var maxPoints = 0.0
            for index in category.indices {
                points += indicators[index].points
                maxPoints += indicators[index].maxPoints
            }
            return CategorySubtotal(path: category.path, points: points, maxPoints: maxPoints)
        }
    }

    /// Each category path with the indicators under it, worked out once per plan.
    static func categoryMembers(_ plan: Plan) -> [(path: String, indices: [Int])] {
        var paths = plan.categories.map(\.path)
        for indicator in plan.indicators where !indicator.category.isEmpty && !paths.contains(indicator.category) {
            paths.append(indicator.category)
        }
        return paths.map { path in
            (
                path,
                plan.indicators.indices.filter {
                    plan.indicators[$0].category == path || plan.indicators[$0].category.hasPrefix(path + "/")
                }
            )
        }
    }

    /// A bonus or deduction for one center: its points, capped, and whether a bonus's gate holds it back.
    static func adjust(_ adjustment: AdjustmentPlan, base: Double, input: EvaluationInput) -> AdjustmentResult {
        let population = adjustment.population.flatMap { input.aggregates[$0].number }
        let measure = adjustment.measure.evaluate(input).number.flatMap { $0.isFinite ? $0 : nil }
        var step = ScoringStep(rule: "none", raw: nil, points: 0)
        if let measure, population != 0 {
            step = Scoring.step(adjustment.score, measure: measure, maximum: adjustment.maximum)
        }
        let points = step.points
        let gated = adjustment.kind == .bonus && points > 0 && adjustment.gate.map { roundedTwo(base) < $0 } == true
        return AdjustmentResult(
            kind: adjustment.kind.rawValue, id: adjustment.id, title: adjustment.title, measure: measure, points: gated ? 0 : points,
            gated: gated, heldBack: gated ? points : 0, scoring: step)
    }

    /// One indicator's result for one center, before redistribution.
    static func score(_ indicator: IndicatorPlan, input: EvaluationInput) -> IndicatorResult {
        let population = indicator.population.flatMap { input.aggregates[$0].number }.map { Int($0) }
        let numerator = indicator.numerator.flatMap { input.aggregates[$0].number }.map { Int($0) }
        let measure = indicator.measure.evaluate(input).number.flatMap { $0.isFinite ? $0 : nil }
        var result = IndicatorResult(
            id: indicator.id, title: indicator.title, category: indicator.category, status: .ok, population: population,
            numerator: numerator, measure: measure, points: 0, maxPoints: indicator.points,
            scoring: ScoringStep(rule: "none", raw: nil, points: 0))
        if population == 0 || measure == nil {
            switch indicator.emptyPolicy {
            case .notApplicable: result.status = .notApplicable
            case .full: (result.status, result.points) = (.empty, indicator.points)
            case .zero: (result.status, result.points) = (.empty, 0)
            }
            if result.status == .empty { result.scoring = ScoringStep(rule: "policy", raw: nil, points: result.points) }
            return result
        }
        if let population, population < indicator.minimum {
            result.status = .insufficientData
            if let numerator, indicator.fraction { result.interval = Wilson.interval(numerator, of: population) }
            return result
        }
        if let measure {
            let step = Scoring.step(indicator.score, measure: measure, maximum: indicator.points)
            result.points = step.points
            result.scoring = step
        }
        return result
    }
}

/// Why an evaluation stopped.
public enum EvaluationError: Error, CustomStringConvertible {
    /// Another program committed a write to the store while the run read it.
    case storeChanged(path: String)
    /// A PostgreSQL store's calendar lacks days of the years the rules may count working days in
    /// (`SQLCalendarCoverage.problem`).
    case calendarIncomplete(place: String, problem: String)

    public var description: String {
        switch self {
        case .storeChanged(let path):
            return "the store \(path) changed while the run read it (another program wrote to it): nothing was written; "
                + "run again when no program is writing to it"
        case .calendarIncomplete(let place, let problem):
            return "the PostgreSQL store \(place): \(problem) (kaoping calendar import FILE --db CONNECTION-STRING)"
        }
    }
}
