import Foundation
import KaopingPostgres
import KaopingStore

/// A PostgreSQL store as an import's target. Each good row is first written to an empty copy of its table in a
/// local SQLite file — the same CHECKs, so a row SQLite's store would refuse is refused here with the same words —
/// and when the file has been read, the staged rows are sent with one `COPY … FROM STDIN` into a temporary table
/// and upserted from there by the natural key in one statement, counting what was inserted and updated. All of it
/// runs inside the import's one transaction (`PostgresImporter`). The staging file lives on disk, so memory stays
/// flat in the file's size.
struct PostgresImportTarget: ImportTarget {
    let connection: PostgresConnection
    let table: TableSpec
    /// The target columns, in `mapping.columns` order.
    let columns: [String]
    let key: [String]
    /// The unit and number columns when the store keys the table by unit (`PostgresStore.keyByUnit()`): rows are
    /// then upserted by (unit, number), after a number the store holds under another unit is taken from there.
    let unitKey: (number: String, unit: String)?
    let staging: Database
    let stagingPath: String
    let insert: Statement
    /// Whether the import numbers the table's `id` (a unit's, an extra table's: left out of the mapping), as SQLite
    /// numbers its rowid: a new key takes the next number above the table's largest, in the order of the file.
    let numbersID: Bool
    /// Whether the table is an extra one, whose `rowid` (`PostgresSchema.rowidColumn`) is its `id`, as in SQLite.
    let isExtra: Bool
    /// For `centers`: the position of `code`, the codes the store has, and the id the next new unit takes.
    let unitCode: Int?
    let knownUnits: Set<String>
    var nextUnit: Int64
    var staged = 0

    init(
        connection: PostgresConnection, table: TableSpec, columns: [String], key: [String], keyedByUnit: Bool, centerIDs: [String: Int64]
    ) throws {
        self.connection = connection
        self.table = table
        self.columns = columns
        self.key = key
        unitKey = keyedByUnit ? PostgresStore.unitKey(of: table) : nil
        isExtra = CanonicalSchema.table(table.name) == nil
        numbersID = !columns.contains("id") && table.column("id")?.constraint.contains("PRIMARY KEY") == true
        unitCode = table.name == "centers" ? columns.firstIndex(of: "code") : nil
        knownUnits = Set(centerIDs.keys)
        nextUnit = (centerIDs.values.max() ?? 0) + 1
        stagingPath = (NSTemporaryDirectory() as NSString).appendingPathComponent("kaoping-import-\(UUID().uuidString).sqlite")
        staging = try Database(path: stagingPath, mode: .create)
        // A scratch file, removed after: no journal, no syncing, one transaction never committed.
        try staging.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try staging.execute(table.createStatement())
        try staging.execute("BEGIN")
        insert = try staging.prepare(
            "INSERT INTO \(quoteIdentifier(table.name)) (\(columns.map(quoteIdentifier).joined(separator: ", "))) "
                + "VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
    }

    /// Removes the staging file.
    func close() {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: stagingPath + suffix) }
    }

    func missing(_ values: Set<SQLValue>, table: String, key: String) throws -> Set<SQLValue> {
        let texts = values.compactMap(\.text)
        guard !texts.isEmpty else { return [] }
        let found = try connection.query(
            "SELECT \(quoteIdentifier(key)) FROM \(quoteIdentifier(table)) WHERE \(quoteIdentifier(key)) = ANY($1::text[])",
            [Self.textArray(texts)])
        return values.subtracting(found.compactMap { $0.first ?? nil }.map(SQLValue.text))
    }

    mutating func write(_ values: [SQLValue]) throws -> ImportOutcome {
        try insert.run(values)
        staged += 1
        guard let unitCode, case .text(let code) = values[unitCode], !knownUnits.contains(code) else { return .staged(unit: nil) }
        nextUnit += 1
        return .staged(unit: nextUnit - 1)
    }

    mutating func finish(_ summary: inout ImportSummary) throws {
        guard staged > 0 else { return }
        let name = quoteIdentifier(table.name)
        let sent = (numbersID ? ["id"] : []) + columns
        let definitions = try sent.map { column -> String in
            guard let spec = table.column(column) else {
                throw PostgresError(
                    action: "importing into \(table.name)", location: connection.location, message: "the table has no column \(column)")
            }
            return "\(quoteIdentifier(column)) \(PostgresSchema.type(of: spec))"
        }
        try connection.execute("DROP TABLE IF EXISTS pg_temp.kaoping_import_rows")
        try connection.execute(
            "CREATE TEMP TABLE kaoping_import_rows (kaoping_line bigint, \(definitions.joined(separator: ", "))) ON COMMIT DROP")
        let rows = try staging.prepare(
            "SELECT rowid, \(columns.map(quoteIdentifier).joined(separator: ", ")) FROM \(name) ORDER BY rowid")
        var failure: Error?
        let numbersID = numbersID
        let sequence = AnySequence {
            AnyIterator { () -> [String?]? in
                do {
                    guard try rows.step() else { return nil }
                } catch {
                    failure = error
                    return nil
                }
                let values = (0..<rows.columnCount).map { Self.copyText(rows.value($0)) }
                return numbersID ? [values[0], nil] + values.dropFirst() : values
            }
        }
        try connection.copy(into: "kaoping_import_rows", columns: ["kaoping_line"] + sent, rows: sequence)
        if let failure { throw failure }
        var moved = 0
        if let unitKey, columns.contains(unitKey.unit) {
            // Keyed by unit, a number stays unique across the province: a case (or review) the store holds under
            // another unit leaves it, and the file's row takes its place below. SQLite's upsert by number updates
            // the row's unit instead; either way the store ends with one row, counted as updated.
            let number = quoteIdentifier(unitKey.number)
            let unit = quoteIdentifier(unitKey.unit)
            moved =
                Int(
                    try connection.scalar(
                        "WITH moved AS (DELETE FROM \(name) t USING kaoping_import_rows s WHERE t.\(number) = s.\(number) "
                            + "AND t.\(unit) <> s.\(unit) RETURNING 1) SELECT count(*) FROM moved") ?? "") ?? 0
        }
        let keyList = ((unitKey.map { [$0.unit] } ?? []) + key).map(quoteIdentifier).joined(separator: ", ")
        if numbersID {
            // A key the store has keeps its id; each new one takes the next number, in the order of the file.
            let match = key.map { "t.\(quoteIdentifier($0)) = s.\(quoteIdentifier($0))" }.joined(separator: " AND ")
            try connection.execute("UPDATE kaoping_import_rows s SET id = t.id FROM \(name) t WHERE \(match)")
            try connection.execute(
                "WITH n AS (SELECT kaoping_line, row_number() OVER (ORDER BY kaoping_line) AS r FROM kaoping_import_rows WHERE id IS NULL), "
                    + "m AS (SELECT coalesce(max(id), 0) AS base FROM \(name)) "
                    + "UPDATE kaoping_import_rows s SET id = m.base + n.r FROM n, m WHERE s.kaoping_line = n.kaoping_line")
        }
        let targets = (isExtra && numbersID ? [PostgresSchema.rowidColumn] : []) + sent
        let selected = (isExtra && numbersID ? ["id"] : []) + sent.map(quoteIdentifier)
        // Keyed by unit, the unit is part of the conflict's key and is not set again (Citus refuses to set the
        // column it spreads a table by, even to the same value).
        let others = columns.filter { !key.contains($0) && $0 != unitKey?.unit }.map(quoteIdentifier)
        let conflict =
            others.isEmpty
            ? "DO NOTHING"
            : "DO UPDATE SET \(others.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")) "
                + "WHERE (\(others.map { "\(name).\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(others.map { "EXCLUDED.\($0)" }.joined(separator: ", ")))"
        // xmax is 0 in a row version an INSERT made, and not in one an ON CONFLICT … UPDATE made.
        let counts = try connection.query(
            "WITH written AS (INSERT INTO \(name) (\(targets.map(quoteIdentifier).joined(separator: ", "))) "
                + "SELECT \(selected.joined(separator: ", ")) FROM kaoping_import_rows ORDER BY kaoping_line "
                + "ON CONFLICT (\(keyList)) \(conflict) RETURNING (xmax = 0) AS inserted) "
                + "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written")
        let inserted = (Int(counts.first?[0] ?? "") ?? 0) - moved
        let updated = (Int(counts.first?[1] ?? "") ?? 0) + moved
        summary.inserted += inserted
        summary.updated += updated
        summary.unchanged += staged - inserted - updated
        try connection.execute("DROP TABLE IF EXISTS pg_temp.kaoping_import_rows")
    }

    /// A value as COPY's text reads it back as the same value (a real as the shortest text that is the same double).
    static func copyText(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        case .real(let number): return "\(number)"
        case .text(let text): return text
        }
    }

    /// A PostgreSQL array literal of texts: `{"a","b"}`, quotes and backslashes escaped.
    static func textArray(_ texts: [String]) -> String {
        "{"
            + texts.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
