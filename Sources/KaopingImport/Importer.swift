import Foundation
import KaopingStore

/// What one file's import did: every record read is inserted, updated, unchanged or rejected — the four add up
/// (`NAME.import.json`).
public struct ImportSummary: Sendable, Equatable, Codable {
    public var file: String
    public var table: String
    public var encoding: String
    public var read: Int
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    public var rejected: Int
    /// The rejects file beside the input (`NAME.rejects.csv`), when a record was rejected.
    public var rejects: String?
}

/// Imports one export into a store by its mapping (issue 22): the header checked against the mapping, each record
/// converted and checked (`RowConverter`), duplicate keys within the file and rows the store refuses rejected —
/// to `NAME.rejects.csv` with the line, the reason and the text — and the good rows upserted by the table's natural
/// key, all in one transaction: killed at any moment, the store is as it was.
public struct Importer {
    let store: Store
    /// Told every 10,000 records how many were read and what share of the file (for a progress bar).
    public var progress: (@Sendable (_ rows: Int, _ fraction: Double) -> Void)?
    /// The key personal columns are hashed with (`--pii-key`); a mapping that hashes one needs it.
    public var personalDataKey: PersonalDataKey?

    public init(store: Store) {
        self.store = store
    }

    /// A problem with the file as a whole (its header), found before anything is written.
    public struct HeaderProblem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The rows a table's rows must name, beyond their unit: a review's case (when it names one) is in `cases`.
    static let references: [String: [(column: String, table: String, key: String)]] = [
        "reviews": [("case_no", "cases", "case_no")]
    ]

    /// The columns that name a table's row: its unique column (`code`, `case_no`, `review_no`), else its primary key.
    static func key(of table: TableSpec) -> [String] {
        if let unique = table.columns.first(where: { $0.constraint.contains("UNIQUE") }) { return [unique.name] }
        for constraint in table.constraints where constraint.hasPrefix("UNIQUE (") {
            return constraint.dropFirst("UNIQUE (".count).dropLast().split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        let primary = table.columns.filter { $0.constraint.contains("PRIMARY KEY") }.map(\.name)
        if !primary.isEmpty { return primary }
        for constraint in table.constraints where constraint.hasPrefix("PRIMARY KEY (") {
            return constraint.dropFirst("PRIMARY KEY (".count).dropLast().split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        return []
    }

    /// Whether `path` is a JSON Lines file (`.jsonl`, `.ndjson`), read as such rather than as CSV.
    public static func isJSONLines(_ path: String) -> Bool {
        ["jsonl", "ndjson"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Imports the CSV at `path` into `mapping.table` (a JSON Lines file when its name ends `.jsonl` or `.ndjson`:
    /// its objects' keys are the source columns, and a key the mapping does not name rejects its line).
    public func importCSV(_ path: String, mapping: Mapping) throws -> ImportSummary {
        let table = mapping.spec
        if mapping.needsKey && personalDataKey == nil { throw ImportError.keyMissing(table: table.name) }
        guard var pass = try ImportPass(path: path, mapping: mapping) else { return try ImportPass.empty(path, mapping: mapping) }
        pass.progress = progress
        let centerIDs = try Dictionary(
            store.database.query("SELECT code, id FROM centers").compactMap { row -> (String, Int64)? in
                guard case .text(let code) = row[0], case .integer(let id) = row[1] else { return nil }
                return (code, id)
            }
        ) { first, _ in first }
        // One transaction; the digests of the tables written follow it row by row (`Store.write`).
        try store.write { journal in
            try journal.track("kaoping_meta")
            if try store.columns(of: table.name).isEmpty { journal.creating(table.name) }
            try ensureTable(table, path: path)
            try journal.track(table.name)
            var target = try SQLiteImportTarget(database: store.database, table: table.name, columns: pass.columns, key: pass.key)
            try pass.run(into: &target, scratch: store.database, centerIDs: centerIDs, personalDataKey: personalDataKey)
        }
        return try pass.close()
    }

    /// An extra table the store lacks is created — with its key, the unit index and its period column noted in
    /// `kaoping_meta` (as `kaoping run` reads it) — inside the import's transaction; one it has must have the columns
    /// declared.
    func ensureTable(_ table: TableSpec, path: String) throws {
        guard CanonicalSchema.table(table.name) == nil else { return }
        let existing = try store.columns(of: table.name)
        if existing.isEmpty {
            try store.database.execute(table.createStatement())
            for index in table.indexes { try store.database.execute(index) }
            if let period = table.periodColumn {
                try store.database.prepare("INSERT OR REPLACE INTO kaoping_meta(key, value) VALUES (?, ?)")
                    .run([.text("period_column.\(table.name)"), .text(period)])
            }
        } else {
            try Self.requireColumns(existing.map(\.name), of: table, path: path)
        }
    }

    /// An extra table the store has must have the columns the mapping file declares, in its order.
    static func requireColumns(_ existing: [String], of table: TableSpec, path: String) throws {
        guard existing != table.columns.map(\.name) else { return }
        throw HeaderProblem(
            description: "\(path)：数据库中已有表 \(table.name)，其列（\(existing.joined(separator: ", "))）与映射文件声明的不同 "
                + "(the store's table \(table.name) has other columns than the mapping file declares)")
    }

    /// A rejected record's text as the rejects file shows it: with its personal fields left out (personal data is
    /// written nowhere); a record whose fields cannot be told apart is not shown at all when the file has personal
    /// columns — its line in the input finds it.
    static func shown(_ record: CSVRecord, personal: Set<Int>, width: Int) -> String {
        guard !personal.isEmpty else { return record.text }
        guard record.problem == nil, record.fields.count == width else {
            return "（原文含个人信息列，未写出；见输入文件第 \(record.line) 行） (not shown: the file has personal columns; see line \(record.line) of the input)"
        }
        return record.fields.enumerated().map { index, field in
            personal.contains(index)
                ? "（已略去）"
                : field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? RejectsFile.quoted(field) : field
        }.joined(separator: ",")
    }

    /// Every column of the export is named by the mapping, and every column the mapping reads is in the export.
    static func checkHeader(_ names: [String], mapping: Mapping, path: String) throws {
        let known = mapping.sourceColumns
        let unnamed = names.filter { !known.contains($0) }
        let missing = mapping.columns.compactMap(\.source).filter { !names.contains($0) }
        guard unnamed.isEmpty && missing.isEmpty else {
            var parts: [String] = []
            if !unnamed.isEmpty {
                parts.append(
                    "表头中的列 \(unnamed.map { "“\($0)”" }.joined(separator: "、")) 映射中没有写（映射、personal 或 ignore） "
                        + "(the header's columns \(unnamed.joined(separator: ", ")) are not in the mapping: map them, mark them personal, or ignore them)"
                )
            }
            if !missing.isEmpty {
                parts.append(
                    "映射读取的列 \(missing.map { "“\($0)”" }.joined(separator: "、")) 不在表头中 (the mapping reads \(missing.joined(separator: ", ")), which the header lacks)"
                )
            }
            throw HeaderProblem(description: "\(path)：" + parts.joined(separator: "；"))
        }
    }

    /// `NAME.EXTENSION` beside `path` (`cases.csv` → `cases.rejects.csv`).
    static func sibling(_ path: String, _ suffix: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = name.contains(".") ? String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)]) : name
        return ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(stem + "." + suffix)
    }
}
