import KaopingStore

extension PostgresStore {
    /// Verifies that every canonical table is as this Kaoping creates it in PostgreSQL, as the SQLite store's
    /// `verifySchema()` does: its columns with their types (text in the "C" collation, which orders as SQLite does)
    /// and NOT NULL, its primary key, its unique keys and unique indexes, and a validated CHECK on every column that
    /// has one — `cases` and `reviews` unique by their number, or by their unit and number (keys by unit,
    /// `keyByUnit()`). PostgreSQL enforces a validated CHECK on every row, so rows need no second look. A store written
    /// by another tool, or altered since, is refused by the first thing it lacks, table by table in creation order.
    /// - Throws: `StoreError.altered` naming the table and what it lacks; `PostgresError` when a query fails.
    public func verifySchema() throws {
        let columnRows = try connection.query(
            """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, coalesce(co.collname, '')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            """, [schema])
        var columns: [String: [String: (type: String, notNull: Bool, collation: String)]] = [:]
        for row in columnRows {
            guard let table = row[0], let column = row[1] else { continue }
            columns[table, default: [:]][column] = (row[2] ?? "", row[3] == "t", row[4] ?? "")
        }
        let indexRows = try indexes()
        // The columns each validated CHECK constrains, by table.
        let checkRows = try connection.query(
            """
            SELECT t.relname, a.attname FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (k.conkey)
            WHERE n.nspname = $1 AND k.contype = 'c' AND k.convalidated
            """, [schema])
        var checked: Set<[String]> = []
        for row in checkRows { if let table = row[0], let column = row[1] { checked.insert([table, column]) } }
        for table in CanonicalSchema.tables {
            func altered(_ zh: String, _ en: String) -> StoreError {
                .altered(path: place, table: table.name, problem: (zh, en))
            }
            func altered(_ alteration: StoreError.Alteration) -> StoreError {
                .altered(path: place, table: table.name, problem: alteration.words)
            }
            guard let declared = columns[table.name] else { throw altered(.missingTable) }
            let indexes = indexRows.filter { $0.table == table.name }
            let primaryKey = indexes.first { $0.isPrimary }?.columns ?? []
            if primaryKey != table.primaryKey { throw altered(.primaryKey(found: primaryKey, expected: table.primaryKey)) }
            for column in table.columns {
                guard let found = declared[column.name] else { throw altered(.missingColumn(column.name)) }
                let type = PostgresSchema.type(of: column)
                let baseType = type.hasPrefix("text") ? "text" : type
                if found.type != baseType {
                    throw altered(
                        "的列 \(column.name) 的类型是 \(found.type) 而非 \(baseType)",
                        "declares column \(column.name) \(found.type), not \(baseType)")
                }
                if baseType == "text" && found.collation != "C" {
                    throw altered(
                        "的列 \(column.name) 的排序规则是 \(found.collation) 而非 \"C\"（按字节排序，与 SQLite 相同）",
                        "gives column \(column.name) the collation \(found.collation), not \"C\" (byte order, as SQLite's)")
                }
                if !column.nullable && !found.notNull {
                    throw altered(.nullable(column.name))
                }
                if try PostgresSchema.check(of: column, in: table.name) != nil && !checked.contains([table.name, column.name]) {
                    throw altered("的列 \(column.name) 缺少检查约束 CHECK", "lacks the check on column \(column.name)")
                }
            }
            let unique = Set(indexes.filter { $0.isUnique && !$0.hasExpressions }.map { $0.columns.joined(separator: ",") })
            // A large table keyed by unit (`keyByUnit()`) is unique by its unit and number instead.
            let byUnit = Self.unitKey(of: table).map { "\($0.unit),\($0.number)" }
            for column in table.uniqueColumns where !unique.contains(column) && byUnit.map({ !unique.contains($0) }) ?? true {
                throw altered(.notUnique(column))
            }
            for index in table.uniqueIndexes where !indexes.contains(where: { $0.name == index.name && $0.isUnique }) {
                throw altered(.missingUniqueIndex(index.name))
            }
        }
    }
}
