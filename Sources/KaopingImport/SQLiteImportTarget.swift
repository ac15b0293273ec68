import KaopingStore

/// A SQLite store as an import's target: each row upserted by its natural key as it is read, inside the import's
/// one transaction (`Importer`).
struct SQLiteImportTarget: ImportTarget {
    let database: Database
    let upsert: Statement
    /// `SELECT 1 FROM table WHERE key = ?` by referenced table and key.
    var lookups: [String: Statement] = [:]

    /// Prepares the upsert of `columns` into `table` by `key`: a new key inserts; a key whose row differs updates
    /// it; the same row changes nothing (SQLite then reports no change). An insert moves the last inserted rowid; an
    /// update does not.
    init(database: Database, table: String, columns: [String], key: [String]) throws {
        self.database = database
        let quoted = columns.map(quoteIdentifier)
        let others = quoted.filter { !key.map(quoteIdentifier).contains($0) }
        let differs = others.map { "\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        upsert = try database.prepare(
            "INSERT INTO \(quoteIdentifier(table)) (\(quoted.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
                + " ON CONFLICT (\(key.map(quoteIdentifier).joined(separator: ", ")))"
                + (others.isEmpty
                    ? " DO NOTHING" : " DO UPDATE SET \(others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")) WHERE \(differs)"))
    }

    mutating func missing(_ values: Set<SQLValue>, table: String, key: String) throws -> Set<SQLValue> {
        let name = "\(table).\(key)"
        let lookup = try lookups[name] ?? database.prepare("SELECT 1 FROM \(quoteIdentifier(table)) WHERE \(quoteIdentifier(key)) = ?")
        lookups[name] = lookup
        return try values.filter { value in
            try lookup.bind([value])
            return try !lookup.step()
        }
    }

    func write(_ values: [SQLValue]) throws -> ImportOutcome {
        database.lastInsertRowID = Int64.min
        try upsert.run(values)
        if database.changes == 0 { return .unchanged }
        return database.lastInsertRowID != Int64.min ? .inserted(rowid: database.lastInsertRowID) : .updated
    }

    func finish(_ summary: inout ImportSummary) throws {}
}
