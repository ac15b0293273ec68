import CSQLite
import Dispatch
import Foundation

extension Store {
    /// A content digest of whole tables: SHA-256 over the lines `NAME DIGEST` of each table in name order, where a
    /// table's digest is that of its set of rows (`RowSetDigest`). It depends only on the rows' contents, so
    /// `VACUUM`, copying the file or re-inserting the same rows leave it unchanged.
    ///
    /// Table digests are kept in `digests.json` in the store's sidecar folder, tied to `stateToken()`. A write made
    /// through `write(_:)` (an import) adjusts them as it writes; after any other write the tables are read again,
    /// on every core. `useCache: false` (`--no-cache`) neither reads nor writes `digests.json`: every table is read.
    ///
    /// A canonical table's rows are verified against its CHECKs as its digest is taken, so a digest in
    /// `digests.json` stands for rows that keep them.
    /// - Throws: `StoreError.brokenRows` when a canonical table holds a row that breaks a CHECK.
    public func dataDigest(tables: [String], useCache: Bool = true) throws -> String {
        let token = try stateToken()
        var cache = (useCache ? DigestCache.read(folder: sidecarFolder, token: token) : nil) ?? DigestCache(token: token)
        var hasher = SHA256()
        var changed = false
        for table in tables.sorted() {
            let digest: RowSetDigest
            if let known = cache.tables[table] {
                digest = known
            } else {
                digest = try rowSet(of: table)
                cache.tables[table] = digest
                changed = true
            }
            hasher.update("\(table) \(digest.hexDigest)\n")
        }
        // Written only when no one wrote the store while it was read.
        if changed && useCache, try stateToken() == token { cache.write(folder: sidecarFolder) }
        return hasher.hexDigest()
    }

    /// The digest of one table's contents (`RowSetDigest.hexDigest`).
    public func tableDigest(_ table: String) throws -> String {
        try rowSet(of: table).hexDigest
    }

    /// One table's rows summed: by rowid ranges on every core, each on its own read-only connection, when the
    /// table has rowids and this connection is not writing (other connections would not see its rows); else on
    /// this connection. A canonical table's values are held to their column's CHECKs (`ColumnRule`) as they are read.
    /// - Throws: `StoreError.brokenRows` (see `verifyRows(of:)`) when one breaks them.
    public func rowSet(of table: String) throws -> RowSetDigest {
        let columns = try self.columns(of: table).map(\.name)
        guard !columns.isEmpty else { return RowSetDigest(columns: columns) }
        let spec = CanonicalSchema.table(table)
        let pass = DigestPass(table: table, columns: columns, rules: columns.map { spec?.column($0).flatMap(ColumnRule.init) })
        let range = try? database.query("SELECT min(rowid), max(rowid) FROM \(quoteIdentifier(table))").first
        let writing = sqlite3_txn_state(database.handle, "main") == SQLITE_TXN_WRITE
        let result: DigestPass.Part
        if let range, case .integer(let low) = range[0], case .integer(let high) = range[1], !writing, database.path != ":memory:" {
            result = try pass.parallel(path: database.path, low: low, high: high)
        } else {
            result = try pass.read(database, from: nil, through: nil)
        }
        if result.broken, let spec { try verifyRows(of: spec) }
        return result.digest
    }
}

/// Sums a table's rows, over rowid ranges on several connections or whole on one.
struct DigestPass: Sendable {
    let table: String
    let columns: [String]
    let rules: [ColumnRule?]
    /// Rowids per part: small enough to share the work evenly, large enough that a part's statement is cheap.
    static let partRows: Int64 = 262_144
    static let maxParts = 1_024

    struct Part {
        var digest: RowSetDigest
        /// Whether a value broke its column's CHECK.
        var broken = false
    }

    /// The table read in parts of `partRows` rowids (wider when its rowids are spread far apart: at most `maxParts`
    /// parts), one connection per core.
    func parallel(path: String, low: Int64, high: Int64) throws -> Part {
        let span = UInt64(bitPattern: high &- low)
        let width = max(UInt64(Self.partRows), span / UInt64(Self.maxParts) + 1)
        let parts = Int(span / width) + 1
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, parts))
        let results = PartResults(columns: columns)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let database = try Database(path: path, mode: .readOnly)
                var part = worker
                while part < parts, !results.failed {
                    let first = low &+ Int64(bitPattern: UInt64(part) &* width)
                    let last = part == parts - 1 ? high : first &+ Int64(bitPattern: width - 1)
                    results.add(try read(database, from: first, through: last))
                    part += workers
                }
            } catch {
                results.fail(error)
            }
        }
        return try results.total()
    }

    /// The rows with `from <= rowid <= through` (all of them when `nil`) read on `database`.
    func read(_ database: Database, from: Int64?, through: Int64?) throws -> Part {
        let list = columns.map(quoteIdentifier).joined(separator: ", ")
        let statement = try database.prepare(
            "SELECT \(list) FROM \(quoteIdentifier(table))" + (from == nil ? "" : " WHERE rowid BETWEEN ? AND ?"))
        if let from, let through { try statement.bind([.integer(from), .integer(through)]) }
        let handle = statement.handle
        var part = Part(digest: RowSetDigest(columns: columns))
        var line: [UInt8] = []
        while try statement.step() {
            line.removeAll(keepingCapacity: true)
            for index in 0..<columns.count {
                guard let value = sqlite3_column_value(handle, Int32(index)) else { continue }
                if let rule = rules[index], !rule.admits(value) { part.broken = true }
                RowSetDigest.appendValue(value, to: &line)
            }
            line.append(0x0A)
            part.digest.add(line: line)
        }
        return part
    }
}

/// The parts of a parallel pass, added up as they arrive (their order does not matter), and the first error.
private final class PartResults: @unchecked Sendable {
    private let lock = NSLock()
    private var part: DigestPass.Part
    private var error: Error?

    init(columns: [String]) {
        part = DigestPass.Part(digest: RowSetDigest(columns: columns))
    }

    var failed: Bool { lock.withLock { error != nil } }

    func add(_ other: DigestPass.Part) {
        lock.withLock {
            part.digest.merge(other.digest)
            part.broken = part.broken || other.broken
        }
    }

    func fail(_ error: Error) {
        lock.withLock { self.error = self.error ?? error }
    }

    func total() throws -> DigestPass.Part {
        try lock.withLock {
            if let error { throw error }
            return part
        }
    }
}
