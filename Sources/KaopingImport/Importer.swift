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
        var reader: any RecordReader
        let names: [String]
        if Self.isJSONLines(path) {
            names = mapping.sourceColumns.sorted()
            reader = try JSONLinesReader(path: path, names: names)
        } else {
            var csv = try CSVReader(path: path, encoding: mapping.encoding)
            guard let header = try csv.next() else {
                return ImportSummary(
                    file: path, table: table.name, encoding: csv.encoding.rawValue, read: 0, inserted: 0, updated: 0, unchanged: 0,
                    rejected: 0)
            }
            names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            try Self.checkHeader(names, mapping: mapping, path: path)
            reader = csv
        }
        let positions = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
        let personal = Set(mapping.personal.compactMap { positions[$0.source] })
        let key = Self.key(of: table)
        let columns = mapping.columns.map(\.target)
        guard key.allSatisfy(columns.contains) else {
            throw HeaderProblem(description: "映射没有给出 \(table.name) 的键 \(key.joined(separator: ", ")) (the mapping does not fill the key)")
        }
        let centerIDs = try Dictionary(
            store.database.query("SELECT code, id FROM centers").compactMap { row -> (String, Int64)? in
                guard case .text(let code) = row[0], case .integer(let id) = row[1] else { return nil }
                return (code, id)
            }
        ) { first, _ in first }
        var converter = RowConverter(
            mapping: mapping, table: table, positions: positions, centerIDs: centerIDs, personalDataKey: personalDataKey)
        // A unit inserted by this file is found by the rows after it (a parent written before its children).
        let unitCode = table.name == "centers" ? columns.firstIndex(of: "code") : nil
        var summary = ImportSummary(
            file: path, table: table.name, encoding: reader.encoding.rawValue, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0)
        var rejects = RejectsFile(path: Self.sibling(path, "rejects.csv"), encoding: reader.encoding)
        let keyPositions = key.compactMap { columns.firstIndex(of: $0) }
        let quoted = columns.map(quoteIdentifier)
        // One statement per row: a new key inserts; a key whose row differs updates it; the same row changes nothing
        // (SQLite then reports no change). An insert moves the last inserted rowid; an update does not.
        let others = quoted.filter { !key.map(quoteIdentifier).contains($0) }
        let differs = others.map { "\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        let upsertSQL =
            "INSERT INTO \(quoteIdentifier(table.name)) (\(quoted.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            + " ON CONFLICT (\(key.map(quoteIdentifier).joined(separator: ", ")))"
            + (others.isEmpty
                ? " DO NOTHING" : " DO UPDATE SET \(others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")) WHERE \(differs)")
        // One transaction; the digests of the tables written follow it row by row (`Store.write`).
        try store.write { journal in
            try journal.track("kaoping_meta")
            if try store.columns(of: table.name).isEmpty { journal.creating(table.name) }
            try ensureTable(table, path: path)
            try journal.track(table.name)
            let upsert = try store.database.prepare(upsertSQL)
            let references = try (Self.references[table.name] ?? []).compactMap { reference -> (Int, String, Statement)? in
                guard let position = columns.firstIndex(of: reference.column) else { return nil }
                let lookup = try store.database.prepare(
                    "SELECT 1 FROM \(quoteIdentifier(reference.table)) WHERE \(quoteIdentifier(reference.key)) = ?")
                return (position, "\(reference.table).\(reference.key)", lookup)
            }
            // The keys met so far, each with its line, in a temporary table rather than in memory: memory stays flat
            // in the file's size (SQLite keeps a temporary table on disk past its cache).
            let keyColumns = key.indices.map { "k\($0)" }
            try store.database.execute("DROP TABLE IF EXISTS temp.kaoping_import_keys")
            try store.database.execute(
                "CREATE TEMP TABLE kaoping_import_keys (\(keyColumns.joined(separator: ", ")), line INTEGER, PRIMARY KEY (\(keyColumns.joined(separator: ", "))))"
            )
            defer { try? store.database.execute("DROP TABLE IF EXISTS temp.kaoping_import_keys") }
            let remember = try store.database.prepare(
                "INSERT INTO temp.kaoping_import_keys VALUES (\((keyColumns + ["line"]).map { _ in "?" }.joined(separator: ", "))) ON CONFLICT DO NOTHING"
            )
            let earlier = try store.database.prepare(
                "SELECT line FROM temp.kaoping_import_keys WHERE \(keyColumns.map { "\($0) IS ?" }.joined(separator: " AND "))")
            let size = max(1, (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 1)
            while let record = try reader.next() {
                summary.read += 1
                if summary.read % 10_000 == 0 { progress?(summary.read, min(1, Double(reader.offset) / Double(size))) }
                let reject = { (reason: String) throws in
                    summary.rejected += 1
                    try rejects.add(line: record.line, reason: reason, text: Self.shown(record, personal: personal, width: names.count))
                }
                if let problem = record.problem {
                    try reject(problem)
                    continue
                }
                guard record.fields.count == names.count else {
                    try reject(
                        "有 \(record.fields.count) 个字段，表头有 \(names.count) 个 (\(record.fields.count) fields, the header has \(names.count))")
                    continue
                }
                let values: [SQLValue]
                switch converter.convert(record.fields) {
                case .success(let converted): values = converted
                case .failure(let rejection):
                    try reject(rejection.reason)
                    continue
                }
                if let missing = try references.first(where: { position, _, lookup in
                    guard values[position] != .null else { return false }
                    try lookup.bind([values[position]])
                    return try !lookup.step()
                }) {
                    try reject(
                        "\(columns[missing.0])“\(values[missing.0].text ?? "")”在 \(missing.1) 中不存在 (no row of \(missing.1) is \(values[missing.0].text ?? ""))"
                    )
                    continue
                }
                let keyValues = keyPositions.map { values[$0] }
                try remember.run(keyValues + [.integer(Int64(record.line))])
                if store.database.changes == 0 {
                    try earlier.bind(keyValues)
                    let first = try earlier.step() ? earlier.int64(0) : 0
                    try reject("键 \(key.joined(separator: ", ")) 与第 \(first) 行相同 (the same key as line \(first))")
                    continue
                }
                do {
                    store.database.lastInsertRowID = Int64.min
                    try upsert.run(values)
                    if store.database.changes == 0 {
                        summary.unchanged += 1
                    } else if store.database.lastInsertRowID != Int64.min {
                        summary.inserted += 1
                        if let unitCode, case .text(let code) = values[unitCode] {
                            converter.centerIDs[code] = store.database.lastInsertRowID
                        }
                    } else {
                        summary.updated += 1
                    }
                } catch let error as SQLiteError {
                    try reject("数据库拒收：\(error.message) (the store refuses the row)")
                }
            }
        }
        if summary.rejected > 0 { summary.rejects = try rejects.close() }
        let report = Self.sibling(path, "import.json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(summary).write(to: URL(fileURLWithPath: report))
        return summary
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
        } else if existing.map(\.name) != table.columns.map(\.name) {
            throw HeaderProblem(
                description: "\(path)：数据库中已有表 \(table.name)，其列（\(existing.map(\.name).joined(separator: ", "))）与映射文件声明的不同 "
                    + "(the store's table \(table.name) has other columns than the mapping file declares)")
        }
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
