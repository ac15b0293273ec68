/// Brings an older store up to the current schema version, in place and inside one transaction.
///
/// Each version adds tables and columns (never removes or renames them), so migrating from version N means
/// creating the tables introduced after N and adding the columns introduced after N, with their defaults.
enum Migration {
    static func migrate(_ database: Database, from version: Int) throws {
        guard version >= 1 else {
            throw StoreError.migrationFailed(path: database.path, from: version, reason: "version \(version) predates any Kaoping store")
        }
        do {
            try database.transaction {
                for table in CanonicalSchema.tables {
                    if table.since > version {
                        try database.execute(table.createStatement())
                        for index in table.indexes { try database.execute(index) }
                        continue
                    }
                    for column in table.columns where column.since > version {
                        try database.execute("ALTER TABLE \(quoteIdentifier(table.name)) ADD COLUMN \(column.definition)")
                    }
                }
                try database.execute("PRAGMA user_version = \(CanonicalSchema.version)")
            }
        } catch let error as SQLiteError {
            throw StoreError.migrationFailed(path: database.path, from: version, reason: error.message)
        }
    }
}
