import Foundation
import KaopingPostgres
import KaopingStore

/// Imports one export into a store in PostgreSQL (`kaoping import --db postgresql://…`) as `Importer` does into a
/// SQLite store: the same header check, the same conversion and checks of each record, the same rejects file and
/// summary (`ImportPass`); the good rows are loaded with `COPY … FROM STDIN` and upserted by the table's natural key
/// (`PostgresImportTarget`), all in one transaction: stopped at any moment, the store is as it was.
public struct PostgresImporter {
    let store: PostgresStore
    /// Told every 10,000 records how many were read and what share of the file (for a progress bar).
    public var progress: (@Sendable (_ rows: Int, _ fraction: Double) -> Void)?
    /// The key personal columns are hashed with (`--pii-key`); a mapping that hashes one needs it.
    public var personalDataKey: PersonalDataKey?

    public init(store: PostgresStore) {
        self.store = store
    }

    /// Opens the store the connection string names, migrating an older one, or creates it when the connection's
    /// schema is empty (`kaoping import` and `kaoping calendar import` on a new database), keyed by unit when
    /// `keysByUnit` (`PostgresStore.keyByUnit()`, which changes an existing store in place).
    /// - Throws: `PostgresError` when the server cannot be reached; `StoreError` as `PostgresStore.open` throws it
    ///   when the schema holds tables but no Kaoping store.
    public static func openOrCreate(_ connectionString: String, keysByUnit: Bool = false) throws -> PostgresStore {
        let connection = try PostgresConnection(connectionString)
        let relations = try connection.scalar(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')")
        guard relations == "0" else {
            let store = try PostgresStore.open(connectionString)
            if keysByUnit { try store.keyByUnit() }
            return store
        }
        return try PostgresStore.create(connectionString, keysByUnit: keysByUnit)
    }

    /// Imports the CSV (or JSON Lines) file at `path` into `mapping.table`.
    /// - Throws: `Importer.HeaderProblem` (nothing written) when the header or the store's table does not fit the
    ///   mapping; `ImportError`; `PostgresError` when the server refuses a statement (then nothing was written).
    public func importCSV(_ path: String, mapping: Mapping) throws -> ImportSummary {
        let table = mapping.spec
        if mapping.needsKey && personalDataKey == nil { throw ImportError.keyMissing(table: table.name) }
        guard var pass = try ImportPass(path: path, mapping: mapping) else { return try ImportPass.empty(path, mapping: mapping) }
        pass.progress = progress
        let connection = store.connection
        try connection.transaction {
            try ensureTable(table, path: path)
            // Writers of the table wait for this import (the ids it numbers are above the largest it saw).
            try connection.execute("LOCK TABLE \(quoteIdentifier(table.name)) IN SHARE ROW EXCLUSIVE MODE")
            let centerIDs = try Dictionary(
                connection.query("SELECT code, id FROM centers").compactMap { row -> (String, Int64)? in
                    guard let code = row[0], let id = row[1].flatMap({ Int64($0) }) else { return nil }
                    return (code, id)
                }
            ) { first, _ in first }
            var target = try PostgresImportTarget(
                connection: connection, table: table, columns: pass.columns, key: pass.key,
                keyedByUnit: try store.isKeyedByUnit(table), centerIDs: centerIDs)
            defer { target.close() }
            try pass.run(into: &target, scratch: target.staging, centerIDs: centerIDs, personalDataKey: personalDataKey)
        }
        return try pass.close()
    }

    /// An extra table the store lacks is created — with its key, the unit index and its period column noted in
    /// `kaoping_meta` (as `kaoping run` reads it), as in a SQLite store — inside the import's transaction; one it
    /// has must have the columns declared.
    func ensureTable(_ table: TableSpec, path: String) throws {
        guard CanonicalSchema.table(table.name) == nil else { return }
        let existing = try store.columns(of: table.name)
        if existing.isEmpty {
            try store.connection.execute(try PostgresSchema.createExtraStatement(table))
            for index in try PostgresSchema.indexStatements(of: table) { try store.connection.execute(index) }
            if let period = table.periodColumn {
                _ = try store.connection.query(
                    "INSERT INTO kaoping_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    ["period_column.\(table.name)", period])
            }
        } else {
            try Importer.requireColumns(existing.map(\.name), of: table, path: path)
        }
    }

    /// Writes one row per day of `years` into `calendar` — province-wide, or for `region` — replacing those days'
    /// rows (of the province, or of that region), in one transaction, as `Store.loadCalendar` does in SQLite.
    public func loadCalendar(_ calendar: WorkingCalendar, years: ClosedRange<Int>, region: String? = nil) throws {
        guard let first = CivilDay(year: years.lowerBound, month: 1, day: 1),
            let last = CivilDay(year: years.upperBound, month: 12, day: 31)
        else { return }
        let connection = store.connection
        try connection.transaction {
            _ = try connection.query(
                "DELETE FROM calendar WHERE region IS NOT DISTINCT FROM $1 AND day BETWEEN $2 AND $3",
                [region, first.description, last.description])
            let days = (first.number...last.number).lazy.map { number -> [String?] in
                let day = CivilDay(number: number)
                return [day.description, calendar.isWorkday(day) ? "1" : "0", region]
            }
            try connection.copy(into: "calendar", columns: ["day", "is_workday", "region"], rows: days)
        }
    }
}
