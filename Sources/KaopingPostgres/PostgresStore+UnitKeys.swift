import KaopingStore

/// Keys by unit: the form of a store a scale-out database (Citus) can spread over its machines by unit.
///
/// Kaoping makes `cases` unique by `case_no` and `reviews` by `review_no` — national numbers, unique across the
/// province. Citus keeps a unique key of a table it spreads by `center_id` only when the key includes `center_id`,
/// so before those two tables can be distributed their keys must be `(center_id, case_no)` and
/// `(center_id, review_no)` (with a plain index on the number alone, for lookups by number). Both forms are
/// Kaoping's: verification accepts either, and `kaoping import` writes either so that a number stays unique across
/// the province (`PostgresImportTarget`: a case now reported by another unit is moved, not duplicated).
extension PostgresStore {
    /// The tables that take keys by unit: the large ones, which a scale-out database spreads by their unit column.
    public static let unitKeyedTables = ["cases", "reviews"]

    /// The number column of a table that takes keys by unit (`case_no`, `review_no`) and its unit column; `nil`
    /// for any other table.
    public static func unitKey(of table: TableSpec) -> (number: String, unit: String)? {
        guard unitKeyedTables.contains(table.name), let number = table.uniqueColumns.first, let unit = table.centerColumn else {
            return nil
        }
        return (number, unit)
    }

    /// Whether `table` is keyed by unit in this store: unique by (unit, number) and no longer by its number alone.
    public func isKeyedByUnit(_ table: TableSpec) throws -> Bool {
        guard let key = Self.unitKey(of: table) else { return false }
        let unique = try uniqueIndexes(of: table.name)
        return unique.contains { $0.columns == [key.unit, key.number] } && !unique.contains { $0.columns == [key.number] }
    }

    /// Gives every table of `unitKeyedTables` keys by unit, in one transaction (or inside the caller's): adds the
    /// unique key (unit, number) and an index on the number, then drops the unique key on the number alone. Rows
    /// are kept: a number unique across the province is unique within its unit.
    /// - Returns: the names of the tables changed (none when the store is keyed by unit already).
    /// - Throws: `PostgresError` when the server refuses a statement (then nothing changed).
    @discardableResult
    public func keyByUnit() throws -> [String] {
        try connection.transaction {
            var changed: [String] = []
            for name in Self.unitKeyedTables {
                guard let table = CanonicalSchema.table(name), let key = Self.unitKey(of: table) else { continue }
                let unique = try uniqueIndexes(of: name)
                let national = unique.filter { $0.columns == [key.number] }
                guard !national.isEmpty else { continue }
                let quoted = quoteIdentifier(name)
                if !unique.contains(where: { $0.columns == [key.unit, key.number] }) {
                    try connection.execute(
                        "ALTER TABLE \(quoted) ADD CONSTRAINT \(quoteIdentifier("\(name)_\(key.unit)_\(key.number)_key")) "
                            + "UNIQUE (\(quoteIdentifier(key.unit)), \(quoteIdentifier(key.number)))")
                }
                try connection.execute(
                    "CREATE INDEX IF NOT EXISTS \(quoteIdentifier("\(name)_\(key.number)")) ON \(quoted) (\(quoteIdentifier(key.number)))")
                for index in national {
                    if let constraint = index.constraint {
                        try connection.execute("ALTER TABLE \(quoted) DROP CONSTRAINT \(quoteIdentifier(constraint))")
                    } else {
                        try connection.execute("DROP INDEX \(quoteIdentifier(schema)).\(quoteIdentifier(index.name))")
                    }
                }
                changed.append(name)
            }
            return changed
        }
    }

    /// The unique indexes of a table of the store's schema (primary key included) that are on columns only: each
    /// one's name, its columns in order, and the constraint it backs, if any.
    func uniqueIndexes(of table: String) throws -> [(name: String, columns: [String], constraint: String?)] {
        try indexes(of: table).filter { $0.isUnique && !$0.hasExpressions }.map { ($0.name, $0.columns, $0.constraint) }
    }
}
