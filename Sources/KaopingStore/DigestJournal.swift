import CSQLite
import Foundation

/// The change a write makes to the row-set digests of the tables it writes (`RowSetDigest`), recorded row by row
/// as SQLite writes them: temporary triggers on this connection call a function that adds each inserted row,
/// subtracts each deleted one, and both for an update — the same lines a full pass reads. Each value is held to
/// its column's CHECKs as it goes by; a table with a value that breaks one is read again whole by the next run.
public final class DigestJournal {
    let database: Database
    /// The tables tracked, by their index in the triggers' calls.
    private(set) var tables: [String] = []
    private(set) var changes: [RowSetDigest] = []
    private var rules: [[ColumnRule?]] = []
    /// The tables, by index, with a written value that breaks a CHECK.
    private(set) var unverified: Set<Int> = []
    /// The tables that did not exist when tracking began (their digest before the write is that of no rows).
    private(set) var created: Set<String> = []
    /// SQLite passes a function at most this many arguments (`SQLITE_MAX_FUNCTION_ARG`, 127 by default); a table
    /// with more columns is not tracked, and read again whole.
    static let maximumColumns = 125

    init(database: Database) throws {
        self.database = database
        let context = Unmanaged.passRetained(self).toOpaque()
        let code = sqlite3_create_function_v2(
            database.handle, "kaoping_row_digest", -1, SQLITE_UTF8, context,
            { context, count, arguments in
                guard let context, let arguments, count >= 2, let pointer = sqlite3_user_data(context) else { return }
                let journal = Unmanaged<DigestJournal>.fromOpaque(pointer).takeUnretainedValue()
                journal.record(Array(UnsafeBufferPointer(start: arguments, count: Int(count))).compactMap { $0 })
                sqlite3_result_null(context)
            }, nil, nil, { pointer in pointer.map { Unmanaged<DigestJournal>.fromOpaque($0).release() } })
        guard code == SQLITE_OK else { throw database.error(code, sql: nil) }
    }

    /// Starts tracking `table` (idempotent): temporary triggers on its inserts, updates and deletes. Call it before
    /// the table is written, and after it is created when the write creates it.
    public func track(_ table: String) throws {
        guard !tables.contains(table) else { return }
        let columns = try Store.columnNames(of: table, in: database)
        guard !columns.isEmpty, columns.count <= Self.maximumColumns else { return }
        let index = tables.count
        let spec = CanonicalSchema.table(table)
        let call = { (row: String, sign: Int) in
            "SELECT kaoping_row_digest(\(index), \(sign), \(columns.map { "\(row).\(quoteIdentifier($0))" }.joined(separator: ", ")));"
        }
        let on = "ON main.\(quoteIdentifier(table)) BEGIN"
        try database.execute(
            """
            CREATE TEMP TRIGGER kaoping_digest_insert_\(index) AFTER INSERT \(on) \(call("NEW", 1)) END;
            CREATE TEMP TRIGGER kaoping_digest_update_\(index) AFTER UPDATE \(on) \(call("OLD", -1)) \(call("NEW", 1)) END;
            CREATE TEMP TRIGGER kaoping_digest_delete_\(index) AFTER DELETE \(on) \(call("OLD", -1)) END;
            """)
        tables.append(table)
        changes.append(RowSetDigest(columns: columns))
        rules.append(columns.map { spec?.column($0).flatMap(ColumnRule.init) })
    }

    /// Notes that `table` is about to be created by the write: its digest before is that of no rows.
    public func creating(_ table: String) {
        created.insert(table)
    }

    /// One trigger call: the table's index, +1 or −1, and the row's values.
    private func record(_ arguments: [OpaquePointer]) {
        let index = Int(sqlite3_value_int64(arguments[0]))
        guard arguments.count >= 2, changes.indices.contains(index) else { return }
        var line: [UInt8] = []
        for (position, value) in arguments.dropFirst(2).enumerated() {
            if position < rules[index].count, let rule = rules[index][position], !rule.admits(value) { unverified.insert(index) }
            RowSetDigest.appendValue(value, to: &line)
        }
        line.append(0x0A)
        if sqlite3_value_int64(arguments[1]) > 0 { changes[index].add(line: line) } else { changes[index].remove(line: line) }
    }

    /// Drops the triggers and the function (the connection goes on without them).
    func close() {
        for index in tables.indices {
            for kind in ["insert", "update", "delete"] {
                try? database.execute("DROP TRIGGER IF EXISTS temp.kaoping_digest_\(kind)_\(index)")
            }
        }
        sqlite3_create_function_v2(database.handle, "kaoping_row_digest", -1, SQLITE_UTF8, nil, nil, nil, nil, nil)
    }

    /// The cache after the write: each tracked table's digest adjusted by its change, or dropped when a value broke a
    /// CHECK or its columns are not those it was summed with; the other tables as they were.
    func apply(to cache: inout DigestCache) {
        for (index, table) in tables.enumerated() {
            let before = cache.tables[table] ?? (created.contains(table) ? RowSetDigest(columns: changes[index].columns) : nil)
            guard var digest = before, digest.columns == changes[index].columns, !unverified.contains(index) else {
                cache.tables[table] = nil
                continue
            }
            digest.merge(changes[index])
            cache.tables[table] = digest
        }
    }
}

extension Store {
    /// Runs `body` in one write transaction and keeps `digests.json` up to date through it: the tables `body` tracks
    /// on the journal (`DigestJournal.track`) have their digests adjusted row by row, the others keep theirs. When
    /// the digests were not current before the write, or another connection committed while it ran, nothing is
    /// adjusted and the next run reads the tables again.
    public func write<T>(_ body: (DigestJournal) throws -> T) throws -> T {
        let before = try stateToken()
        let cache = DigestCache.read(folder: sidecarFolder, token: before)
        let journal = try DigestJournal(database: database)
        defer { journal.close() }
        var version: SQLValue?
        let value = try database.transaction {
            let value = try body(journal)
            // Another connection's commit from here on changes this number (this connection's own do not).
            version = try database.scalar("PRAGMA data_version")
            return value
        }
        guard var cache else { return value }
        let after = try stateToken()
        guard try database.scalar("PRAGMA data_version") == version else { return value }
        journal.apply(to: &cache)
        cache.token = after
        cache.write(folder: sidecarFolder)
        return value
    }

    /// The column names of `table`, in order.
    static func columnNames(of table: String, in database: Database) throws -> [String] {
        try database.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)]).compactMap { $0[0].text }
    }
}
