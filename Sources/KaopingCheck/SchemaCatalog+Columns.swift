import KaopingStore

/// The schema of a store held elsewhere than in SQLite (PostgreSQL), from its tables' columns as the server
/// declares them: typed as `init(store:)` types a SQLite store's.
extension SchemaCatalog {
    /// - Parameters:
    ///   - tables: each table (but `kaoping_meta`) with its columns and their declared types, in column order.
    ///   - periodColumns: an extra table's period column, by table (the `kaoping_meta` keys `period_column.TABLE`).
    public init(tables: [(name: String, columns: [(name: String, declaredType: String)])], periodColumns: [String: String]) {
        let typed = tables.filter { $0.name != "kaoping_meta" }.map { table -> Table in
            let spec = CanonicalSchema.table(table.name)
            let columns = table.columns.map { column -> (name: String, type: ValueType) in
                if let canonical = spec?.column(column.name) { return (column.name, ValueType(canonical.type)) }
                return (column.name, SchemaCatalog.inferType(name: column.name, declared: column.declaredType))
            }
            let centerColumn = spec?.centerColumn ?? (columns.contains { $0.name == "center_id" } ? "center_id" : nil)
            let extraPeriod = periodColumns[table.name].flatMap { column in
                columns.first { $0.name == column && $0.type == .time }?.name
            }
            return Table(
                name: table.name, columns: columns, centerColumn: centerColumn, periodColumn: spec?.periodColumn ?? extraPeriod)
        }
        self.init(tables: typed, isStore: true)
    }
}
