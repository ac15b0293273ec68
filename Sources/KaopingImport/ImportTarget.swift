import KaopingStore

/// Where an import's good rows go: a SQLite store, written row by row (`SQLiteImportTarget`), or a PostgreSQL store,
/// staged and loaded at the end (`PostgresImportTarget`). Every record is read, converted and checked by the same
/// code (`ImportPass`) whichever it is, so the rejects and the counts are the same.
protocol ImportTarget {
    /// The values among `values` that no row of `table` has in its column `key` (a review's case missing from
    /// `cases`), asked once per block of records.
    mutating func missing(_ values: Set<SQLValue>, table: String, key: String) throws -> Set<SQLValue>

    /// Writes one converted row (in `mapping.columns` order), or throws the `SQLiteError` with which SQLite refuses
    /// it (a CHECK, NOT NULL), the row then rejected with SQLite's words.
    mutating func write(_ values: [SQLValue]) throws -> ImportOutcome

    /// Called once every record was read: a target that stages rows writes them now, counting them into `summary`.
    mutating func finish(_ summary: inout ImportSummary) throws
}

/// What writing one row did.
enum ImportOutcome: Equatable {
    /// A new key: the row is in, with this rowid (a new unit's id, found by the rows after it).
    case inserted(rowid: Int64)
    case updated
    case unchanged
    /// Kept to be written at the end (counted then); `unit` is the id a new unit will have.
    case staged(unit: Int64?)
}
