import KaopingStore

/// A Kaoping store in PostgreSQL: the canonical schema (`PostgresSchema`) in one schema of a database, marked by
/// the rows `application` = `KPNG` and `schema_version` of its `kaoping_meta` table.
///
/// The store lives in the connection's current schema: the first schema of its `search_path` that exists
/// (`public` unless the connection string says otherwise, e.g. `options=-csearch_path=kaoping_2024`).
public struct PostgresStore {
    /// The open connection.
    public let connection: PostgresConnection
    /// The schema the store lives in.
    public let schema: String

    /// Creates the canonical schema in an empty database or schema: every table (with its indexes unless
    /// `indexes` is false, for a bulk load that calls `createIndexes()` after) and the version mark, in one
    /// transaction; with `keysByUnit`, `cases` and `reviews` keyed by unit (`keyByUnit()`), for Citus.
    /// - Throws: `PostgresError` when the schema already holds tables, views or sequences, or the server refuses a
    ///   statement (then nothing was created).
    public static func create(_ connectionString: String, indexes: Bool = true, keysByUnit: Bool = false) throws -> PostgresStore {
        let connection = try PostgresConnection(connectionString)
        let schema = try currentSchema(connection)
        let existing = try connection.query(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') ORDER BY c.relname COLLATE \"C\"",
            [schema]
        ).compactMap { $0.first ?? nil }
        guard existing.isEmpty else {
            let names = existing.prefix(5).joined(separator: ", ") + (existing.count > 5 ? ", …" : "")
            throw PostgresError(
                action: "creating a Kaoping store", location: connection.location,
                message: "schema \(schema) already holds \(existing.count) table(s) or other relation(s) (\(names)); "
                    + "Kaoping creates a store only in an empty database or schema")
        }
        let store = PostgresStore(connection: connection, schema: schema)
        try connection.transaction {
            for table in CanonicalSchema.tables {
                try connection.execute(try PostgresSchema.createStatement(table))
                if indexes { for index in try PostgresSchema.indexStatements(of: table) { try connection.execute(index) } }
            }
            try connection.execute(PostgresSchema.markStatement())
            if keysByUnit { try store.keyByUnit() }
        }
        return store
    }

    /// Opens the store in the connection's schema, migrating an older schema version in one transaction.
    /// - Throws: `StoreError.notAStore` when the schema has no Kaoping mark, `.newerVersion` when it was made by a
    ///   newer Kaoping, `.migrationFailed` when a migration step was refused (nothing changed), `.altered` when a canonical table is
    ///   not as Kaoping makes it (`verifySchema()`), each naming
    ///   `host:port/database` (and the schema, when it is not `public`); `PostgresError` when the server cannot be
    ///   reached or a query fails.
    public static func open(_ connectionString: String) throws -> PostgresStore {
        let connection = try PostgresConnection(connectionString)
        let schema = try currentSchema(connection)
        let store = PostgresStore(connection: connection, schema: schema)
        let version = try store.markedVersion()
        if version > CanonicalSchema.version {
            throw StoreError.newerVersion(path: store.place, found: version, supported: CanonicalSchema.version)
        }
        if version < CanonicalSchema.version { try PostgresMigration.migrate(store, from: version) }
        try store.verifySchema()
        return store
    }

    /// Where the store is, for messages: `host:port/database`, with the schema when it is not `public`.
    public var place: String {
        schema == "public" ? connection.location : "\(connection.location) (schema \(schema))"
    }

    /// The schema version the store is marked with.
    public var version: Int {
        get throws { try markedVersion() }
    }

    /// Creates every index of the canonical schema that does not exist yet.
    public func createIndexes() throws {
        for table in CanonicalSchema.tables {
            for index in try PostgresSchema.indexStatements(of: table, ifNotExists: true) { try connection.execute(index) }
        }
    }

    /// The names of every table in the store's schema, canonical and extra, sorted by their bytes.
    public func tableNames() throws -> [String] {
        try connection.query(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE \"C\"", [schema]
        ).compactMap { $0.first ?? nil }
    }

    /// The columns of a table of the store's schema, in order: name, PostgreSQL type (`bigint`, `smallint`,
    /// `text`, `double precision`) and NOT NULL. Empty when there is no such table. An extra table's `rowid`
    /// identity (`PostgresSchema.rowidColumn`) is not among them, as SQLite's rowid is not.
    public func columns(of table: String) throws -> [(name: String, declaredType: String, notNull: Bool)] {
        try connection.query(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND a.attname <> '\(PostgresSchema.rowidColumn)' "
                + "ORDER BY a.attnum", [schema, table]
        ).map { ($0[0] ?? "", $0[1] ?? "", $0[2] == "t") }
    }

    /// The version in the mark, after checking the mark is Kaoping's.
    func markedVersion() throws -> Int {
        guard try tableNames().contains("kaoping_meta") else {
            throw StoreError.notAStore(path: place, reason: "schema \(schema) has no table kaoping_meta, where Kaoping marks its stores")
        }
        let rows = try connection.query(
            "SELECT key, value FROM \(quoteIdentifier(schema)).kaoping_meta WHERE key IN ($1, $2)",
            [PostgresSchema.applicationKey, PostgresSchema.versionKey])
        let mark = Dictionary(rows.compactMap { row in row[0].map { ($0, row[1] ?? "") } }, uniquingKeysWith: { first, _ in first })
        guard let application = mark[PostgresSchema.applicationKey] else {
            throw StoreError.notAStore(
                path: place, reason: "its kaoping_meta has no row \(PostgresSchema.applicationKey) = \(PostgresSchema.applicationMark)")
        }
        guard application == PostgresSchema.applicationMark else {
            throw StoreError.notAStore(
                path: place, reason: "its kaoping_meta marks it as another application's (application = \(application))")
        }
        guard let text = mark[PostgresSchema.versionKey], let version = Int(text) else {
            throw StoreError.notAStore(
                path: place,
                reason:
                    "its kaoping_meta has no whole-number \(PostgresSchema.versionKey) (found \(mark[PostgresSchema.versionKey] ?? "none"))"
            )
        }
        return version
    }

    private static func currentSchema(_ connection: PostgresConnection) throws -> String {
        guard let schema = try connection.scalar("SELECT current_schema()") else {
            throw PostgresError(
                action: "finding the store's schema", location: connection.location,
                message: "no schema of the connection's search_path exists (current_schema() is NULL); create it, or set search_path")
        }
        return schema
    }
}
