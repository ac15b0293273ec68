import Foundation
import KaopingStore

/// One file read through once by its mapping, whatever store it goes to: each record converted and checked
/// (`RowConverter`), its reference looked up, its key held against the rows before it in the file, and handed to
/// an `ImportTarget`; a bad record goes to `NAME.rejects.csv` with its line and reason, and the counts to
/// `NAME.import.json`. The SQLite and the PostgreSQL import share it, so they reject the same records for the same
/// reasons.
struct ImportPass {
    let path: String
    let mapping: Mapping
    var reader: any RecordReader
    /// The header's names (a JSON Lines file: the mapping's source columns, sorted).
    let names: [String]
    let positions: [String: Int]
    /// The positions of personal columns, left out of a rejected record's text.
    let personal: Set<Int>
    /// The table's natural key (`Importer.key(of:)`).
    let key: [String]
    /// The target columns, in `mapping.columns` order: the order of every converted row.
    let columns: [String]
    var summary: ImportSummary
    var rejects: RejectsFile
    /// Told every 10,000 records how many were read and what share of the file.
    var progress: (@Sendable (_ rows: Int, _ fraction: Double) -> Void)?

    /// How many records are read ahead, so that their references are looked up together.
    static let block = 10_000

    /// Opens `path` and checks its header against `mapping`; `nil` for a CSV file without even a header (nothing
    /// to import).
    /// - Throws: `Importer.HeaderProblem` when the header and the mapping disagree or the mapping lacks the key;
    ///   `ImportError` when the file cannot be read.
    init?(path: String, mapping: Mapping) throws {
        let table = mapping.spec
        let names: [String]
        if Importer.isJSONLines(path) {
            names = mapping.sourceColumns.sorted()
            reader = try JSONLinesReader(path: path, names: names)
        } else {
            var csv = try CSVReader(path: path, encoding: mapping.encoding)
            guard let header = try csv.next() else { return nil }
            names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            try Importer.checkHeader(names, mapping: mapping, path: path)
            reader = csv
        }
        self.path = path
        self.mapping = mapping
        self.names = names
        positions = Dictionary(names.enumerated().map { ($1, $0) }) { first, _ in first }
        personal = Set(mapping.personal.compactMap { [positions] in positions[$0.source] })
        key = Importer.key(of: table)
        columns = mapping.columns.map(\.target)
        guard key.allSatisfy(columns.contains) else {
            throw Importer.HeaderProblem(
                description: "映射没有给出 \(table.name) 的键 \(key.joined(separator: ", ")) (the mapping does not fill the key)")
        }
        summary = ImportSummary(
            file: path, table: table.name, encoding: reader.encoding.rawValue, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0)
        rejects = RejectsFile(path: Importer.sibling(path, "rejects.csv"), encoding: reader.encoding)
    }

    /// The summary of a file with no header: nothing read.
    static func empty(_ path: String, mapping: Mapping) throws -> ImportSummary {
        let encoding = try CSVReader(path: path, encoding: mapping.encoding).encoding
        return ImportSummary(
            file: path, table: mapping.table, encoding: encoding.rawValue, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0)
    }

    /// Reads every record into `target`. The keys met so far, each with its line, are kept in a temporary table of
    /// `scratch` rather than in memory: memory stays flat in the file's size.
    /// - Parameter centerIDs: every unit's id by its code, as the store has them.
    mutating func run(
        into target: inout some ImportTarget, scratch: Database, centerIDs: [String: Int64], personalDataKey: PersonalDataKey?
    ) throws {
        let table = mapping.spec
        var converter = RowConverter(
            mapping: mapping, table: table, positions: positions, centerIDs: centerIDs, personalDataKey: personalDataKey)
        // A unit inserted by this file is found by the rows after it (a parent written before its children).
        let unitCode = table.name == "centers" ? columns.firstIndex(of: "code") : nil
        let references = (Importer.references[table.name] ?? []).compactMap { reference -> (position: Int, table: String, key: String)? in
            columns.firstIndex(of: reference.column).map { ($0, reference.table, reference.key) }
        }
        let keyPositions = key.compactMap { columns.firstIndex(of: $0) }
        let keyColumns = key.indices.map { "k\($0)" }
        try scratch.execute("DROP TABLE IF EXISTS temp.kaoping_import_keys")
        try scratch.execute(
            "CREATE TEMP TABLE kaoping_import_keys (\(keyColumns.joined(separator: ", ")), line INTEGER, PRIMARY KEY (\(keyColumns.joined(separator: ", "))))"
        )
        defer { try? scratch.execute("DROP TABLE IF EXISTS temp.kaoping_import_keys") }
        let remember = try scratch.prepare(
            "INSERT INTO temp.kaoping_import_keys VALUES (\((keyColumns + ["line"]).map { _ in "?" }.joined(separator: ", "))) ON CONFLICT DO NOTHING"
        )
        let earlier = try scratch.prepare(
            "SELECT line FROM temp.kaoping_import_keys WHERE \(keyColumns.map { "\($0) IS ?" }.joined(separator: " AND "))")
        let size = max(1, (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 1)
        var block: [CSVRecord] = []
        block.reserveCapacity(Self.block)
        repeat {
            block.removeAll(keepingCapacity: true)
            while block.count < Self.block, let record = try reader.next() {
                block.append(record)
                summary.read += 1
                if summary.read % 10_000 == 0 { progress?(summary.read, min(1, Double(reader.offset) / Double(size))) }
            }
            // A block's rows are converted ahead only when they name other rows (reviews, which insert no unit), so
            // that their references are looked up together; a unit's rows are converted one by one, after the
            // units before them are in.
            var converted: [Result<[SQLValue], Rejection>?] = []
            var missing: [Int: Set<SQLValue>] = [:]
            if !references.isEmpty {
                converted = block.map { record in
                    record.problem == nil && record.fields.count == names.count ? converter.convert(record.fields) : nil
                }
                for reference in references {
                    let wanted = Set(converted.compactMap { try? $0?.get()[reference.position] }.filter { $0 != .null })
                    missing[reference.position] = try target.missing(wanted, table: reference.table, key: reference.key)
                }
            }
            for (index, record) in block.enumerated() {
                func reject(_ reason: String) throws { try self.reject(record, reason) }
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
                switch converted.isEmpty ? converter.convert(record.fields) : converted[index] ?? converter.convert(record.fields) {
                case .success(let row): values = row
                case .failure(let rejection):
                    try reject(rejection.reason)
                    continue
                }
                if let reference = references.first(where: { missing[$0.position]?.contains(values[$0.position]) ?? false }) {
                    let value = values[reference.position].text ?? ""
                    try reject(
                        "\(columns[reference.position])“\(value)”在 \(reference.table).\(reference.key) 中不存在 (no row of \(reference.table).\(reference.key) is \(value))"
                    )
                    continue
                }
                let keyValues = keyPositions.map { values[$0] }
                try remember.run(keyValues + [.integer(Int64(record.line))])
                if scratch.changes == 0 {
                    try earlier.bind(keyValues)
                    let first = try earlier.step() ? earlier.int64(0) : 0
                    try reject("键 \(key.joined(separator: ", ")) 与第 \(first) 行相同 (the same key as line \(first))")
                    continue
                }
                let outcome: ImportOutcome
                do { outcome = try target.write(values) } catch let error as SQLiteError {
                    try reject("数据库拒收：\(error.message) (the store refuses the row)")
                    continue
                }
                switch outcome {
                case .inserted(let rowid):
                    summary.inserted += 1
                    if let unitCode, case .text(let code) = values[unitCode] { converter.addUnit(code: code, id: rowid) }
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                case .staged(let unit):
                    if let unitCode, let unit, case .text(let code) = values[unitCode] { converter.addUnit(code: code, id: unit) }
                }
            }
        } while block.count == Self.block
        try target.finish(&summary)
    }

    /// Counts `record` as rejected and writes it to the rejects file with `reason`.
    mutating func reject(_ record: CSVRecord, _ reason: String) throws {
        summary.rejected += 1
        try rejects.add(line: record.line, reason: reason, text: Importer.shown(record, personal: personal, width: names.count))
    }

    /// Writes the rejects file (when a record was rejected) and `NAME.import.json`; the summary.
    mutating func close() throws -> ImportSummary {
        if summary.rejected > 0 { summary.rejects = try rejects.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(summary).write(to: URL(fileURLWithPath: Importer.sibling(path, "import.json")))
        return summary
    }
}
