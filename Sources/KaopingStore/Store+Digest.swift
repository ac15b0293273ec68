import Foundation

extension Store {
    /// A content digest of whole tables: SHA-256 over the lines `NAME DIGEST` of each table in name order,
    /// where a table's digest is SHA-256 over its column names and its rows read in the order of the
    /// table's key (`ORDER BY` its primary key, or its first unique key, or all its columns), each value
    /// written as a type tag and its text. It depends only on the rows' contents, so `VACUUM`, copying the
    /// file or re-inserting the same rows leave it unchanged.
    ///
    /// Table digests are kept in `digests.json` in the store's sidecar folder, tied to `stateToken()`: a
    /// digest is recomputed only when the store has been written since (by Kaoping or anything else).
    /// `useCache: false` (`--no-cache`) neither reads nor writes `digests.json`: every table is read.
    ///
    /// A canonical table's rows are verified against its CHECKs as its digest is taken (`tableDigest(_:)`), so a
    /// digest in `digests.json` stands for rows that keep them.
    /// - Throws: `StoreError.brokenRows` when a canonical table holds a row that breaks a CHECK.
    public func dataDigest(tables: [String], useCache: Bool = true) throws -> String {
        let token = try stateToken()
        var cache = useCache ? DigestCache.read(folder: sidecarFolder, token: token) : DigestCache(token: token, digests: [:])
        var hasher = SHA256()
        var changed = false
        for table in tables.sorted() {
            let digest: String
            if let known = cache.digests[table] {
                digest = known
            } else {
                digest = try tableDigest(table)
                cache.digests[table] = digest
                changed = true
            }
            hasher.update("\(table) \(digest)\n")
        }
        if changed && useCache { cache.write(folder: sidecarFolder) }
        return hasher.hexDigest()
    }

    /// The digest of one table's contents. A canonical table's rows are verified in the same pass: each row
    /// also reads whether it breaks one of the table's CHECKs.
    /// - Throws: `StoreError.brokenRows` (see `verifyRows(of:)`) when one does.
    public func tableDigest(_ table: String) throws -> String {
        var hasher = SHA256()
        let columns = try self.columns(of: table).map(\.name)
        hasher.update(columns.joined(separator: "\u{1F}") + "\n")
        guard !columns.isEmpty else { return hasher.hexDigest() }
        let order = try keyColumns(of: table) ?? columns
        let spec = CanonicalSchema.table(table)
        let breaks = spec.map { $0.columns.compactMap(Self.breaks) } ?? []
        let list = (columns.map(quoteIdentifier) + (breaks.isEmpty ? [] : [breaks.joined(separator: " OR ")]))
            .joined(separator: ", ")
        let statement = try database.prepare(
            "SELECT \(list) FROM \(quoteIdentifier(table)) ORDER BY \(order.map(quoteIdentifier).joined(separator: ", "))")
        var line: [UInt8] = []
        while try statement.step() {
            if let spec, !breaks.isEmpty, statement.value(columns.count) != .integer(0) { try verifyRows(of: spec) }
            line.removeAll(keepingCapacity: true)
            for index in 0..<columns.count {
                switch statement.value(index) {
                case .null: line.append(UInt8(ascii: "n"))
                case .integer(let value): line.append(UInt8(ascii: "i")); line += String(value).utf8
                case .real(let value): line.append(UInt8(ascii: "r")); line += "\(value)".utf8
                case .text(let value):
                    line.append(UInt8(ascii: "t")); line += String(value.utf8.count).utf8; line.append(UInt8(ascii: ":"));
                    line += value.utf8
                }
                line.append(0x1F)
            }
            line.append(0x0A)
            hasher.update(line)
        }
        return hasher.hexDigest()
    }

    /// The columns of the table's primary key, or of its first unique index, if it has one.
    private func keyColumns(of table: String) throws -> [String]? {
        let primary = try database.query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [.text(table)])
            .compactMap { $0[0].text }
        if !primary.isEmpty { return primary }
        let unique = try database.query(
            "SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND partial = 0 ORDER BY name", [.text(table)]
        ).compactMap { $0[0].text }
        for index in unique {
            let columns = try database.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(index)]).map { $0[0].text }
            if !columns.isEmpty, columns.allSatisfy({ $0 != nil }) { return columns.compactMap { $0 } }
        }
        return nil
    }
}

/// Table digests remembered beside a store, valid while the store's state token is unchanged.
/// Version 2: a canonical table's digest is written only after its rows were verified (a file without `format`,
/// written before, is read as empty).
struct DigestCache: Codable {
    static let currentFormat = 2
    var format = currentFormat
    var token: String
    var digests: [String: String]

    init(token: String, digests: [String: String]) {
        self.token = token
        self.digests = digests
    }

    static func read(folder: String, token: String) -> DigestCache {
        let path = folder + "/digests.json"
        guard let data = FileManager.default.contents(atPath: path),
            let cache = try? JSONDecoder().decode(DigestCache.self, from: data), cache.token == token,
            cache.format == currentFormat
        else { return DigestCache(token: token, digests: [:]) }
        return cache
    }

    /// Best effort: a store on a read-only medium simply gets no cache.
    func write(folder: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/digests.json"
        if (try? data.write(to: URL(fileURLWithPath: path + ".partial"))) != nil { rename(path + ".partial", path) }
    }
}
