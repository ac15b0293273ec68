import KaopingCheck
import KaopingPostgres
import KaopingResults
import KaopingSQL
import KaopingStore

/// Evaluates a plan over a store in PostgreSQL: the database computes, one statement per table scanned, every
/// aggregate per center with the rows left out and the period coverage (`PostgresGatherer`); Kaoping reads the
/// centers and their calendars, and scores, redistributes, grades and ranks with the native path's own code
/// (`Evaluator.document`); the records that cost points are picked in the database too (`PostgresEvidence`).
public struct PostgresEvaluator {
    let plan: Plan
    let store: PostgresStore

    /// Runs `plan` over `store` and returns the results document, every statement in one read-only transaction
    /// at REPEATABLE READ, so all of them see one committed state of the store.
    /// - Throws: `PostgresError` when a statement fails; `SQLUnsupported` for a construct PostgreSQL cannot express;
    ///   `EvaluationError.calendarIncomplete` when the rules count working days in a year the calendar lacks.
    public static func evaluate(plan: Plan, store: PostgresStore, rulesSHA256: String) throws -> ResultsDocument {
        let connection = store.connection
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { try? connection.execute("ROLLBACK") }
        let evaluator = PostgresEvaluator(plan: plan, store: store)
        return try evaluator.scoreAll(rulesSHA256: rulesSHA256, centers: try evaluator.centerTable())
    }

    /// The schema of the store, typed as a SQLite store's is (`SchemaCatalog(store:)`), for checking rules.
    public static func catalog(_ store: PostgresStore) throws -> SchemaCatalog {
        var periodColumns: [String: String] = [:]
        for row in try store.connection.query("SELECT key, value FROM kaoping_meta WHERE key LIKE 'period\\_column.%'") {
            guard let key = row[0], let value = row[1] else { continue }
            periodColumns[String(key.dropFirst("period_column.".count))] = value
        }
        let tables = try store.tableNames().map { name in
            (name: name, columns: try store.columns(of: name).map { (name: $0.name, declaredType: $0.declaredType) })
        }
        return SchemaCatalog(tables: tables, periodColumns: periodColumns)
    }

    /// The results document of `centers` (`centerTable()`), within the caller's transaction.
    func scoreAll(rulesSHA256: String, centers: CenterTable) throws -> ResultsDocument {
        let tables = Set(plan.scans.flatMap { [$0.table] + $0.joins.map(\.table) } + ["centers"] + (plan.usesCalendar ? ["calendar"] : []))
        let dataDigest = try PostgresDigest(store: store).dataDigest(tables: tables.sorted())
        var gathered = Gathered()
        for scan in plan.scans {
            let (values, quality) = try PostgresGatherer(plan: plan, scan: scan, centers: centers).gather(on: store.connection)
            gathered.values.merge(values) { first, _ in first }
            let evidence = try PostgresEvidence(plan: plan, scan: scan, centers: centers).records(on: store.connection)
            gathered.evidence.merge(evidence) { first, _ in first }
            gathered.add(scan: scan, quality: quality)
        }
        var document = Evaluator.document(
            plan: plan, centers: centers, gathered: gathered, rulesSHA256: rulesSHA256, dataDigest: dataDigest,
            findings: try findings(centers))
        let connection = store.connection
        document.assessment.dataSource = Assessment.DataSource(
            kind: "postgresql", host: connection.host, port: connection.port, database: connection.database)
        return document
    }

    /// The assessed centers, in `id` order, with each one's working calendar.
    func centerTable() throws -> CenterTable {
        let types = CenterTable.types(plan: plan, catalog: try PostgresEvaluator.catalog(store))
        let query = ScanQuery.select(table: "centers", columns: plan.centerColumns, joins: plan.centerJoins) + " ORDER BY t0.id"
        let rows = try store.connection.query(query).map { row in
            types.indices.map { PostgresEvaluator.decode(row[$0], types[$0]) }
        }
        var province = WorkingCalendar()
        var regional: [String: WorkingCalendar] = [:]
        if plan.usesCalendar {
            // The statements count working days from the calendar rows alone; the native path would take a year
            // without rows from the built-in calendars, so such a store would be scored otherwise: refused.
            let coverage = try SQLCalendarCoverage(postgres: store, reach: SQLCalendarCoverage.reach(of: plan))
            if let problem = coverage.problem { throw EvaluationError.calendarIncomplete(place: store.place, problem: problem) }
            province = try PostgresEvaluator.workingCalendar(store)
            let regions = try store.connection.query(
                "SELECT DISTINCT region FROM calendar WHERE region IS NOT NULL ORDER BY region"
            ).compactMap { $0[0] }
            for region in regions { regional[region] = try PostgresEvaluator.workingCalendar(store, region: region) }
        }
        return CenterTable(plan: plan, types: types, rows: rows, province: province, regional: regional)
    }

    /// The working calendar of `region` (the province's when `nil`), as `Store.workingCalendar(region:)` gives it.
    public static func workingCalendar(_ store: PostgresStore, region: String? = nil) throws -> WorkingCalendar {
        let rows = try store.connection.query(
            "SELECT day, is_workday, region FROM calendar WHERE region IS NULL OR region = $1 ORDER BY region IS NOT NULL, day", [region])
        return WorkingCalendar.fromRows(rows.map { (day: $0[0] ?? "", isWorkday: $0[1] == "1", regional: $0[2] != nil) })
    }

    /// The inspection findings of the assessed units in the period, as `FindingsReader` reads them from SQLite.
    private func findings(_ centers: CenterTable) throws -> [Finding]? {
        guard plan.scans.contains(where: { $0.table == "inspections" }) else { return nil }
        let start = CivilDay(number: plan.periodStart).startInstant
        let end = CivilDay(number: plan.periodEnd + 1).startInstant
        let rows = try store.connection.query(
            """
            SELECT id, center_id, inspected_at, mode, inspector_level, category, severity, description, due_at, rectified_at
            FROM inspections WHERE inspected_at >= $1 AND inspected_at < $2 ORDER BY inspected_at, id
            """, [String(start), String(end)])
        let time = { (text: String?) -> String? in text.flatMap { Int64($0) }.map(CivilDay.chinaTime) }
        return rows.compactMap { row in
            guard let id = row[1].flatMap({ Int64($0) }), let number = centers.numberByID[id] else { return nil }
            return Finding(
                id: Int(row[0] ?? "") ?? 0, center: centers.text(number, "code", in: plan), inspectedAt: time(row[2]) ?? "",
                mode: row[3] ?? "", inspectorLevel: row[4] ?? "", category: row[5] ?? "", severity: row[6] ?? "",
                description: row[7], dueAt: time(row[8]), rectifiedAt: time(row[9]))
        }
    }

    /// A value PostgreSQL sent as text, read as the logical type `type` (as `decode` reads a SQLite column).
    static func decode(_ text: String?, _ type: ValueType) -> Value {
        guard let text else { return .null }
        switch type {
        case .integer, .time, .flag: return Int64(text).map(Value.integer) ?? .null
        case .real: return Double(text).map(Value.real) ?? .null
        case .day: return CivilDay(text).map { .integer(Int64($0.number)) } ?? .null
        default: return .text(text)
        }
    }
}
