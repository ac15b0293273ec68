import KaopingStore

/// Brings an older PostgreSQL store up to the current schema version, inside one transaction, by the rule of the
/// SQLite store's `Migration`: each version only adds, so migrating from version N creates the tables introduced
/// after N and adds the columns introduced after N, with their defaults, then marks the new version.
///
/// The transaction first locks `kaoping_meta` and reads the version again, so two processes opening the same old
/// store one after the other migrate it once.
enum PostgresMigration {
    static func migrate(_ store: PostgresStore, from version: Int) throws {
        let connection = store.connection
        guard version >= 1 else {
            throw StoreError.migrationFailed(path: store.place, from: version, reason: "version \(version) predates any Kaoping store")
        }
        do {
            try connection.transaction {
                try connection.execute("LOCK TABLE \(quoteIdentifier(store.schema)).kaoping_meta IN SHARE ROW EXCLUSIVE MODE")
                let current = try store.markedVersion()
                guard current < CanonicalSchema.version else { return }
                for table in CanonicalSchema.tables {
                    if table.since > current {
                        try connection.execute(try PostgresSchema.createStatement(table))
                        for index in try PostgresSchema.indexStatements(of: table) { try connection.execute(index) }
                        continue
                    }
                    for column in table.columns where column.since > current {
                        try connection.execute(
                            "ALTER TABLE \(quoteIdentifier(table.name)) ADD COLUMN \(try PostgresSchema.definition(of: column, in: table.name))"
                        )
                    }
                }
                try connection.execute(PostgresSchema.markStatement())
            }
        } catch let error as PostgresError {
            throw StoreError.migrationFailed(path: store.place, from: version, reason: error.message)
        }
    }
}
