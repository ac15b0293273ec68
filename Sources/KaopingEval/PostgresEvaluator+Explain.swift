import KaopingCheck
import KaopingPostgres
import KaopingResults

extension PostgresEvaluator {
    /// What `kaoping explain` shows of one center of a store in PostgreSQL, as `Evaluator.explain` gives it for a
    /// SQLite store: the run's results, and with `all` every record that costs center `code` points under each
    /// indicator, adjustment or veto that names its records (by its id, in key order), picked by the evidence
    /// statement of each table with the center fixed and no limit. Every statement is in one read-only transaction at
    /// REPEATABLE READ, so the records and the scores come from one committed state of the store.
    /// - Throws: `PostgresError` when a statement fails; `SQLUnsupported` for a construct PostgreSQL cannot express.
    public static func explain(plan: Plan, store: PostgresStore, center code: String, all: Bool, rulesSHA256: String) throws -> (
        results: ResultsDocument, records: [String: (records: [EvidenceRecord], count: Int)]
    ) {
        let connection = store.connection
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? connection.execute("ROLLBACK") }
        let evaluator = PostgresEvaluator(plan: plan, store: store)
        let centers = try evaluator.centerTable()
        let results = try evaluator.scoreAll(rulesSHA256: rulesSHA256, centers: centers)
        guard all, let number = (0..<centers.count).first(where: { centers.text($0, "code", in: plan) == code }) else {
            return (results, [:])
        }
        var output: [String: (records: [EvidenceRecord], count: Int)] = [:]
        let owners = plan.evidenceOwners
        for scan in plan.scans {
            let found = try PostgresEvidence(plan: plan, scan: scan, centers: centers).records(on: connection, center: number)
            for (owner, records) in found { output[owners[owner].id] = records[number] }
        }
        return (results, output)
    }
}
