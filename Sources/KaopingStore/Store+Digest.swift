import CSQLite
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

    /// The digest of one table's contents. A canonical table's rows are verified in the same pass: each value is
    /// held to its column's CHECKs (`ColumnRule`) as it is read.
    /// - Throws: `StoreError.brokenRows` (see `verifyRows(of:)`) when one does.
    public func tableDigest(_ table: String) throws -> String {
        var hasher = SHA256()
        let columns = try self.columns(of: table).map(\.name)
        hasher.update(columns.joined(separator: "\u{1F}") + "\n")
        guard !columns.isEmpty else { return hasher.hexDigest() }
        let order = try keyColumns(of: table) ?? columns
        // A canonical table's columns are held to their CHECKs as they are read (`ColumnRule`).
        let spec = CanonicalSchema.table(table)
        let rules = columns.map { name in spec?.column(name).flatMap(ColumnRule.init) }
        let statement = try database.prepare(
            "SELECT \(columns.map(quoteIdentifier).joined(separator: ", ")) FROM \(quoteIdentifier(table)) ORDER BY "
                + order.map(quoteIdentifier).joined(separator: ", "))
        let handle = statement.handle
        var line: [UInt8] = []
        while try statement.step() {
            line.removeAll(keepingCapacity: true)
            for index in 0..<columns.count {
                let column = Int32(index)
                if let rule = rules[index], !rule.admits(handle, column), let spec { try verifyRows(of: spec) }
                switch sqlite3_column_type(handle, column) {
                case SQLITE_NULL: line.append(UInt8(ascii: "n"))
                case SQLITE_INTEGER:
                    line.append(UInt8(ascii: "i"))
                    Self.appendDecimal(sqlite3_column_int64(handle, column), to: &line)
                case SQLITE_FLOAT:
                    line.append(UInt8(ascii: "r"))
                    line += "\(sqlite3_column_double(handle, column))".utf8
                default:
                    let text = sqlite3_column_text(handle, column)
                    let count = text == nil ? 0 : Int(sqlite3_column_bytes(handle, column))
                    line.append(UInt8(ascii: "t"))
                    Self.appendDecimal(Int64(count), to: &line)
                    line.append(UInt8(ascii: ":"))
                    if let text { line.append(contentsOf: UnsafeBufferPointer(start: text, count: count)) }
                }
                line.append(0x1F)
            }
            line.append(0x0A)
            hasher.update(line)
        }
        return hasher.hexDigest()
    }

    /// Appends the decimal digits of `value` (with a minus sign when negative).
    private static func appendDecimal(_ value: Int64, to line: inout [UInt8]) {
        if value < 0 { line.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { line.append(buffer[index]) }
        }
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
