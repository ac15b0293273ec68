import Foundation

/// The row-set digests of a store's tables, kept beside it in `digests.json` and valid while the store's state
/// token is the one recorded. Format 3: each table's `RowSetDigest` (its columns, rows and sum), so that a write
/// by Kaoping can adjust it (`Store.write(_:)`). A table's entry stands for rows verified against their CHECKs —
/// by the pass that summed them, or by the write's trigger as each row was written. Files of an older format are
/// read as empty.
struct DigestCache: Codable {
    static let currentFormat = 3
    var format = currentFormat
    var token: String
    var tables: [String: RowSetDigest]

    init(token: String, tables: [String: RowSetDigest] = [:]) {
        self.token = token
        self.tables = tables
    }

    static func path(_ folder: String) -> String { folder + "/digests.json" }

    /// The cache in `folder` if it was written for the store's state `token`, else `nil`.
    static func read(folder: String, token: String) -> DigestCache? {
        guard let data = FileManager.default.contents(atPath: path(folder)),
            let cache = try? JSONDecoder().decode(DigestCache.self, from: data), cache.token == token,
            cache.format == currentFormat
        else { return nil }
        return cache
    }

    /// Best effort: a store on a read-only medium simply gets no cache.
    func write(folder: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = Self.path(folder)
        if (try? data.write(to: URL(fileURLWithPath: file + ".partial"))) != nil { rename(file + ".partial", file) }
    }
}
