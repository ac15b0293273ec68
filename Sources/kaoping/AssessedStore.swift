import Foundation
import KaopingCheck
import KaopingEval
import KaopingPostgres
import KaopingResults
import KaopingStore

/// The store `--db` names: a Kaoping SQLite file, or a store in PostgreSQL given by a libpq connection string
/// (`postgresql://…`, `postgres://…`, or `key=value` pairs with `host=`, `dbname=` or `service=`).
enum AssessedStore {
    case sqlite(Store)
    case postgresql(PostgresStore)

    /// Opens the store `db` names, read-only for a SQLite file.
    init(_ db: String) throws {
        if AssessedStore.isConnectionString(db) {
            self = .postgresql(try PostgresStore.open(db))
        } else {
            self = .sqlite(try Store.open(at: db, readOnly: true))
        }
    }

    /// Whether `db` is a PostgreSQL connection string rather than a path.
    static func isConnectionString(_ db: String) -> Bool {
        if db.hasPrefix("postgresql://") || db.hasPrefix("postgres://") { return true }
        return db.range(of: #"(^|\s)(host|hostaddr|dbname|service)\s*="#, options: .regularExpression) != nil
    }

    /// The schema rules are checked against.
    func catalog() throws -> SchemaCatalog {
        switch self {
        case .sqlite(let store): return try SchemaCatalog(store: store)
        case .postgresql(let store): return try PostgresEvaluator.catalog(store)
        }
    }

    /// Evaluates `plan`: on all cores for a SQLite file, in the database for PostgreSQL (where `options` gives no
    /// threads, cache or progress).
    func evaluate(_ plan: Plan, rulesSHA256: String, options: EvaluationOptions) throws -> ResultsDocument {
        switch self {
        case .sqlite(let store): return try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: rulesSHA256, options: options)
        case .postgresql(let store): return try PostgresEvaluator.evaluate(plan: plan, store: store, rulesSHA256: rulesSHA256)
        }
    }

    /// What `kaoping explain` shows of the center `code`: the run's results, and with `all` every record that costs it
    /// points, by indicator id (`Evaluator.explain`, `PostgresEvaluator.explain`), from one state of the store.
    func explain(_ plan: Plan, center code: String, all: Bool, rulesSHA256: String, options: EvaluationOptions) throws -> (
        results: ResultsDocument, records: [String: (records: [EvidenceRecord], count: Int)]
    ) {
        switch self {
        case .sqlite(let store):
            return try Evaluator.explain(plan: plan, store: store, center: code, all: all, rulesSHA256: rulesSHA256, options: options)
        case .postgresql(let store):
            return try PostgresEvaluator.explain(plan: plan, store: store, center: code, all: all, rulesSHA256: rulesSHA256)
        }
    }

    /// Every unit's code and name, by code (in byte order in both engines).
    func units() throws -> [(code: String?, name: String?)] {
        switch self {
        case .sqlite(let store):
            return try store.database.query("SELECT code, name FROM centers ORDER BY code").map { ($0[0].text, $0[1].text) }
        case .postgresql(let store):
            return try store.connection.query("SELECT code, name FROM centers ORDER BY code COLLATE \"C\"").map { ($0[0], $0[1]) }
        }
    }

    /// The province-wide working calendar.
    func workingCalendar() throws -> WorkingCalendar {
        switch self {
        case .sqlite(let store): return try store.workingCalendar()
        case .postgresql(let store): return try PostgresEvaluator.workingCalendar(store)
        }
    }

    /// How each scanned table's rows fall against the period, counted by the store (`check --db`).
    func coverage(_ plan: Plan) throws -> [TableCoverage] {
        guard case .postgresql(let store) = self else {
            guard case .sqlite(let store) = self else { return [] }
            return try PeriodCoverage.measure(plan: plan, store: store)
        }
        let start = CivilDay(number: plan.periodStart)
        let end = CivilDay(number: plan.periodEnd + 1)
        let catalog = try catalog()
        return try plan.scans.compactMap { scan -> TableCoverage? in
            guard let column = scan.periodColumn else { return nil }
            let days = catalog.type(of: column, in: scan.table) == .day
            let (low, high) = days ? ("'\(start)'", "'\(end)'") : (String(start.startInstant), String(end.startInstant))
            let quoted = quoteIdentifier(column)
            let row = try store.connection.query(
                "SELECT count(\(quoted)), count(CASE WHEN \(quoted) < \(low) THEN 1 END), count(CASE WHEN \(quoted) >= \(high) THEN 1 END), "
                    + "min(\(quoted)), max(\(quoted)) FROM \(quoteIdentifier(scan.table))")
            guard let values = row.first else { return nil }
            func day(_ text: String?) -> CivilDay? {
                days ? text.flatMap { CivilDay($0) } : text.flatMap { Int64($0) }.map { CivilDay(instant: $0) }
            }
            let count = { (index: Int) in Int(values[index] ?? "") ?? 0 }
            return TableCoverage(
                table: scan.table, column: column, rows: count(0), before: count(1), after: count(2), first: day(values[3]),
                last: day(values[4]))
        }
    }
}
