extension Store {
    /// Verifies that every canonical table is as this Kaoping creates it: its columns with their declared
    /// types and NOT NULL, its primary key, its unique keys and unique indexes, and every CHECK its columns carry
    /// (found in the table's `CREATE TABLE` text, spaces aside). A store written by another tool, or altered since,
    /// is refused by the first thing it lacks, table by table in creation order.
    /// - Throws: `StoreError.altered` naming the table and what it lacks.
    func verifySchema() throws {
        var statements: [String: String] = [:]
        for row in try database.query("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL") {
            if let name = row[0].text { statements[name] = row[1].text ?? "" }
        }
        for table in CanonicalSchema.tables {
            func altered(_ zh: String, _ en: String) -> StoreError {
                .altered(path: database.path, table: table.name, problem: (zh, en))
            }
            func altered(_ alteration: StoreError.Alteration) -> StoreError {
                .altered(path: database.path, table: table.name, problem: alteration.words)
            }
            guard let statement = statements[table.name] else { throw altered(.missingTable) }
            let info = try database.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", [.text(table.name)])
            let primaryKey = info.filter { ($0[3].integer ?? 0) > 0 }.sorted { ($0[3].integer ?? 0) < ($1[3].integer ?? 0) }
                .compactMap { $0[0].text }
            if primaryKey != table.primaryKey { throw altered(.primaryKey(found: primaryKey, expected: table.primaryKey)) }
            let declared = Dictionary(info.compactMap { row in row[0].text.map { ($0, row) } }) { first, _ in first }
            for column in table.columns {
                guard let row = declared[column.name] else { throw altered(.missingColumn(column.name)) }
                let type = (row[1].text ?? "").uppercased()
                if type != column.type.sqlType {
                    throw altered(
                        "的列 \(column.name) 声明为 \(type.isEmpty ? "无类型" : type) 而非 \(column.type.sqlType)",
                        "declares column \(column.name) \(type.isEmpty ? "without a type" : type), not \(column.type.sqlType)")
                }
                if !column.nullable && row[2].integer != 1 {
                    throw altered(.nullable(column.name))
                }
            }
            let unique = try uniqueKeys(of: table.name)
            for column in table.uniqueColumns where !unique.contains([column]) {
                throw altered(.notUnique(column))
            }
            for index in table.uniqueIndexes where statements[index.name].map(Self.withoutSpaces) != Self.withoutSpaces(index.statement) {
                throw altered(.missingUniqueIndex(index.name))
            }
            let text = Self.withoutSpaces(statement)
            for column in table.columns {
                for check in column.checks where !text.contains(Self.withoutSpaces(check)) {
                    throw altered("的列 \(column.name) 缺少检查约束 \(check)", "lacks the check \(check) on column \(column.name)")
                }
            }
        }
    }

    /// Verifies that no row of canonical table `table` breaks a CHECK of its columns, as a store written with
    /// `PRAGMA ignore_check_constraints` on, or by a tool that turned them off, can hold. One pass over the table.
    /// - Throws: `StoreError.brokenRows` with the count and the first such row by the table's key.
    func verifyRows(of table: TableSpec) throws {
        let broken = table.columns.compactMap { column in Self.breaks(column).map { (column, $0) } }
        guard !broken.isEmpty else { return }
        let any = broken.map { "(\($0.1))" }.joined(separator: " OR ")
        let rows = Int(try database.scalar("SELECT count(*) FROM \(quoteIdentifier(table.name)) WHERE \(any)")?.integer ?? 0)
        guard rows > 0 else { return }
        let key = quoteIdentifier(table.primaryKey.first ?? table.uniqueColumns.first ?? "rowid")
        for (column, _) in broken {
            for check in column.checks {
                let example = try database.query(
                    "SELECT quote(\(key)), quote(\(quoteIdentifier(column.name))) FROM \(quoteIdentifier(table.name))"
                        + " WHERE NOT coalesce(\(check.dropFirst("CHECK ".count)), 1) ORDER BY \(key) LIMIT 1")
                guard let first = example.first else { continue }
                throw StoreError.brokenRows(
                    path: database.path, table: table.name, rows: rows,
                    example: .init(
                        key: "\(table.primaryKey.first ?? table.uniqueColumns.first ?? "rowid") = \(first[0].text ?? "NULL")",
                        column: column.name, value: first[1].text ?? "NULL", check: check))
            }
        }
    }

    /// The SQL condition true for a row that breaks one of `column`'s CHECKs (a CHECK fails when false, not NULL).
    static func breaks(_ column: ColumnSpec) -> String? {
        let checks = column.checks.map { "coalesce(\($0.dropFirst("CHECK ".count)), 1)" }
        return checks.isEmpty ? nil : "NOT (\(checks.joined(separator: " AND ")))"
    }

    /// The column lists of the table's unique indexes (its UNIQUE and PRIMARY KEY constraints among them).
    private func uniqueKeys(of table: String) throws -> Set<[String]> {
        var keys: Set<[String]> = []
        for row in try database.query("SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND partial = 0", [.text(table)]) {
            guard let index = row[0].text else { continue }
            let columns = try database.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(index)])
            keys.insert(columns.map { $0[0].text ?? "" })
        }
        return keys
    }

    private static func withoutSpaces(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
