import Foundation
import KaopingImport
import KaopingPostgres
import KaopingStore

/// The store `kaoping import` and `kaoping calendar import` write: a SQLite file (created when missing), or a store
/// in PostgreSQL named by a connection string (created in an empty database or schema, an older one migrated).
enum ImportDestination {
    case sqlite(Store, Importer)
    case postgresql(PostgresImporter)

    /// Opens or creates the store `db` names, with the importer that writes it.
    /// With `keysByUnit`, a store in PostgreSQL is created, or changed, with `cases` and `reviews` keyed by unit
    /// (`PostgresStore.keyByUnit()`, for Citus).
    init(db: String, personalDataKey: PersonalDataKey? = nil, quiet: Bool = true, keysByUnit: Bool = false) throws {
        let progress: (@Sendable (Int, Double) -> Void)? = quiet ? nil : ProgressBar.shared.report(rows:fraction:)
        if AssessedStore.isConnectionString(db) {
            var importer = PostgresImporter(store: try PostgresImporter.openOrCreate(db, keysByUnit: keysByUnit))
            importer.personalDataKey = personalDataKey
            importer.progress = progress
            self = .postgresql(importer)
        } else {
            let store = FileManager.default.fileExists(atPath: db) ? try Store.open(at: db) : try Store.create(at: db)
            var importer = Importer(store: store)
            importer.personalDataKey = personalDataKey
            importer.progress = progress
            self = .sqlite(store, importer)
        }
    }

    /// Imports one file by its mapping (`Importer.importCSV`, `PostgresImporter.importCSV`).
    func importCSV(_ path: String, mapping: Mapping) throws -> ImportSummary {
        switch self {
        case .sqlite(_, let importer): return try importer.importCSV(path, mapping: mapping)
        case .postgresql(let importer): return try importer.importCSV(path, mapping: mapping)
        }
    }

    /// Replaces the calendar rows of `years`, the province's or `region`'s.
    func loadCalendar(_ calendar: WorkingCalendar, years: ClosedRange<Int>, region: String?) throws {
        switch self {
        case .sqlite(let store, _): try store.loadCalendar(calendar, years: years, region: region)
        case .postgresql(let importer): try importer.loadCalendar(calendar, years: years, region: region)
        }
    }
}
