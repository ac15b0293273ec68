import Foundation

/// A Kaoping store: a SQLite file with the canonical schema, stamped with its application id and version.
public struct Store {
    /// The open connection.
    public let database: Database

    /// How a new store's connection writes to disk.
    public enum Durability: Sendable {
        /// SQLite's defaults: each commit is on the disk (fsync) before it returns, and a crash or power cut
        /// leaves the store as it was before or after a transaction, never in between. Every store anyone keeps.
        case durable
        /// For a store thrown away when its process is done with it (the temporary store of a rule test):
        /// `PRAGMA synchronous = OFF` (no fsync) and `PRAGMA journal_mode = MEMORY` (no journal file). A crash can
        /// leave such a file corrupt, so it is never used for a real store.
        case throwaway
    }

    /// Creates a new, empty store at `path`, replacing nothing: the file must not exist.
    /// - Throws: `SQLiteError` if the file exists or cannot be written.
    /// With `indexes: false` the secondary indexes are left out, for a bulk load that calls `createIndexes()` after.
    /// With `durability: .throwaway` the connection writes without fsync or a journal file: only for temporary
    /// stores, never for a store anyone keeps.
    public static func create(at path: String, indexes: Bool = true, durability: Durability = .durable) throws -> Store {
        if FileManager.default.fileExists(atPath: path) {
            throw SQLiteError(code: 0, message: "a file already exists here", path: path)
        }
        let database = try Database(path: path, mode: .create)
        if durability == .throwaway {
            // Outside any transaction, as SQLite requires, and before the first write.
            try database.execute("PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY")
        }
        try database.transaction {
            for table in CanonicalSchema.tables {
                try database.execute(table.createStatement())
                if indexes { for index in table.indexes { try database.execute(index) } }
            }
            try database.execute("PRAGMA application_id = \(CanonicalSchema.applicationID)")
            try database.execute("PRAGMA user_version = \(CanonicalSchema.version)")
        }
        let store = Store(database: database)
        // A new store's digests are known without reading it: every table is empty. An import into it then keeps
        // them current (`write(_:)`), so the first run after it reads no table just to digest it.
        var empty = DigestCache(token: try store.stateToken())
        for table in CanonicalSchema.tables {
            empty.tables[table.name] = RowSetDigest(columns: try columnNames(of: table.name, in: database))
        }
        empty.write(folder: store.sidecarFolder)
        return store
    }

    /// Opens an existing store, migrating an older schema version in place inside one transaction, and verifies
    /// that its canonical tables have the columns, keys and checks this Kaoping creates (`verifySchema()`).
    /// - Throws: `StoreError` when the file is missing, not a store, newer than this Kaoping or altered;
    ///   `SQLiteError` on I/O failures.
    public static func open(at path: String, readOnly: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        let database: Database
        do {
            database = try Database(path: path, mode: readOnly ? .readOnly : .readWrite)
            _ = try database.scalar("SELECT count(*) FROM sqlite_master")
        } catch let error as SQLiteError {
            throw StoreError.notAStore(path: path, reason: "SQLite cannot read it (\(error.message))")
        }
        let applicationID = try database.scalar("PRAGMA application_id")?.integer ?? 0
        let version = Int(try database.scalar("PRAGMA user_version")?.integer ?? 0)
        guard applicationID == Int64(CanonicalSchema.applicationID) else {
            let reason =
                applicationID == 0
                ? "it is a SQLite database without Kaoping's mark (PRAGMA application_id)"
                : "it is marked as another application's file (application_id \(applicationID))"
            throw StoreError.notAStore(path: path, reason: reason)
        }
        if version > CanonicalSchema.version {
            throw StoreError.newerVersion(path: path, found: version, supported: CanonicalSchema.version)
        }
        let store = Store(database: database)
        if version < CanonicalSchema.version {
            if readOnly {
                return try open(at: path, readOnly: false).reopenedReadOnly()
            }
            try Migration.migrate(database, from: version)
        }
        try store.verifySchema()
        return store
    }

    /// Creates every secondary index of the canonical schema that does not exist yet.
    public func createIndexes() throws {
        for table in CanonicalSchema.tables {
            for index in table.indexes {
                try database.execute(index.replacingOccurrences(of: " INDEX ", with: " INDEX IF NOT EXISTS "))
            }
        }
    }

    private func reopenedReadOnly() throws -> Store {
        Store(database: try Database(path: database.path, mode: .readOnly))
    }

    /// The schema version the file is stamped with.
    public var version: Int {
        get throws { Int(try database.scalar("PRAGMA user_version")?.integer ?? 0) }
    }

    /// The names of every table in the store, canonical and extra, sorted.
    public func tableNames() throws -> [String] {
        try database.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .compactMap { $0.first?.text }
    }

    /// The columns of a table as SQLite declares them: name, declared type and NOT NULL.
    public func columns(of table: String) throws -> [(name: String, declaredType: String, notNull: Bool)] {
        try database.query("SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid", [.text(table)]).map {
            ($0[0].text ?? "", $0[1].text ?? "", $0[2].integer == 1)
        }
    }
}
