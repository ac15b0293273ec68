import KaopingCheck
import KaopingResults
import KaopingStore

extension Evaluator {
    /// What `kaoping explain` shows of one center: the run's results, and with `all` every record that costs the
    /// center points under each indicator or adjustment that names its records (by its id, in key order), read through each
    /// table's center index rather than a scan of the table. Both read one committed state of the store.
    /// - Throws: `EvaluationError.storeChanged` when another program wrote the store meanwhile; `SQLiteError`.
    public static func explain(
        plan: Plan, store: Store, center code: String, all: Bool, rulesSHA256: String, options: EvaluationOptions = EvaluationOptions()
    ) throws -> (results: ResultsDocument, records: [String: (records: [EvidenceRecord], count: Int)]) {
        let before = try store.contentToken()
        try store.database.execute("SAVEPOINT kaoping_explain")
        defer { try? store.database.execute("RELEASE kaoping_explain") }
        let results = try evaluate(plan: plan, store: store, rulesSHA256: rulesSHA256, options: options)
        let records = all ? try allEvidence(plan: plan, store: store, center: code) : [:]
        guard try store.contentToken() == before else { throw EvaluationError.storeChanged(path: store.database.path) }
        return (results, records)
    }

    /// Every record that costs center `code` points, by indicator id.
    private static func allEvidence(plan: Plan, store: Store, center code: String) throws -> [String: (
        records: [EvidenceRecord], count: Int
    )] {
        var plan = plan
        plan.evidenceLimit = Int.max
        let centers = try CenterTable(plan: plan, store: store, catalog: try SchemaCatalog(store: store))
        guard let number = (0..<centers.count).first(where: { centers.text($0, "code", in: plan) == code }) else { return [:] }
        var output: [String: (records: [EvidenceRecord], count: Int)] = [:]
        for scan in plan.scans where !MorselReader.evidence(plan, scan).isEmpty {
            var scanner = ParallelScanner(
                plan: plan, scan: scan, centers: centers, centerTypes: centers.types, options: EvaluationOptions(threads: 1),
                path: store.database.path)
            scanner.center = centers.id(number)
            let scanned = try scanner.run(store: store, cache: nil, progress: ProgressCounter(total: 0, report: nil))
            guard let table = scanned.evidence else { continue }
            let reader = EvidenceReader(plan: plan, scan: scan, centers: centers, centerTypes: centers.types, database: store.database)
            let owners = plan.evidenceOwners
            for (owner, found) in try reader.records(table) { output[owners[owner].id] = found[number] }
        }
        return output
    }
}
