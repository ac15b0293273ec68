import KaopingStore

/// The tables and columns a rule file may name, with their types: read from a store, or the canonical schema.
public struct SchemaCatalog: Sendable, Equatable {
    /// One table as rule files see it.
    public struct Table: Sendable, Equatable {
        public let name: String
        /// Column names in store order, with their types.
        public let columns: [(name: String, type: ValueType)]
        /// The column that ties a row to a center (`center_id`, or `id` for `centers`), if any.
        public let centerColumn: String?
        /// The time column an assessment period filters on, if any.
        public let periodColumn: String?
        /// Each column's type by name (the first column of a name, should there be two).
        private let types: [String: ValueType]

        init(name: String, columns: [(name: String, type: ValueType)], centerColumn: String?, periodColumn: String?) {
            self.name = name
            self.columns = columns
            self.centerColumn = centerColumn
            self.periodColumn = periodColumn
            self.types = Dictionary(columns.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        }

        /// The type of a column, if the table has it.
        public func type(of column: String) -> ValueType? {
            types[column]
        }

        public static func == (lhs: Table, rhs: Table) -> Bool {
            lhs.name == rhs.name && lhs.centerColumn == rhs.centerColumn && lhs.periodColumn == rhs.periodColumn
                && lhs.columns.elementsEqual(rhs.columns) { $0 == $1 }
        }
    }

    public let tables: [Table]
    /// Whether the tables are a store's (`init(store:)`): a table a rule file declares must then be among them.
    public let isStore: Bool
    /// Each table's index in `tables` by name (the first table of a name, should there be two).
    private let indices: [String: Int]

    /// Looks up a table.
    public func table(_ name: String) -> Table? {
        index(of: name).map { tables[$0] }
    }

    /// The type of a column of a table, if there are both.
    public func type(of column: String, in table: String) -> ValueType? {
        guard let index = index(of: table) else { return nil }
        return tables[index].type(of: column)
    }

    /// A table's index in `tables`.
    private func index(of name: String) -> Int? {
        indices[name]
    }

    /// The canonical schema, for checking a rule file without a store.
    public static let canonical = SchemaCatalog(
        tables: CanonicalSchema.tables.filter { $0.name != "kaoping_meta" }.map { spec in
            Table(
                name: spec.name, columns: spec.columns.map { ($0.name, ValueType($0.type)) }, centerColumn: spec.centerColumn,
                periodColumn: spec.periodColumn)
        })

    /// The schema of an open store: canonical tables with their canonical types, extra tables typed from
    /// their declarations (an `INTEGER` column named `…_at` is a time; `center_id` ties rows to centers; the
    /// period column of an extra table is the one named by the `kaoping_meta` key `period_column.TABLE`).
    public init(store: Store) throws {
        var tables: [Table] = []
        var periodColumns: [String: String] = [:]
        if try store.tableNames().contains("kaoping_meta") {
            for row in try store.database.query("SELECT key, value FROM kaoping_meta WHERE key LIKE 'period_column.%'") {
                guard let key = row[0].text, let value = row[1].text else { continue }
                periodColumns[String(key.dropFirst("period_column.".count))] = value
            }
        }
        for name in try store.tableNames() where name != "kaoping_meta" {
            let spec = CanonicalSchema.table(name)
            let columns = try store.columns(of: name).map { column -> (name: String, type: ValueType) in
                if let canonical = spec?.column(column.name) { return (column.name, ValueType(canonical.type)) }
                return (column.name, SchemaCatalog.inferType(name: column.name, declared: column.declaredType))
            }
            let centerColumn = spec?.centerColumn ?? (columns.contains { $0.name == "center_id" } ? "center_id" : nil)
            let extraPeriod = periodColumns[name].flatMap { column in columns.first { $0.name == column && $0.type == .time }?.name }
            tables.append(Table(name: name, columns: columns, centerColumn: centerColumn, periodColumn: spec?.periodColumn ?? extraPeriod))
        }
        self.init(tables: tables, isStore: true)
    }

    public init(tables: [Table], isStore: Bool = false) {
        self.tables = tables
        self.isStore = isStore
        self.indices = Dictionary(tables.indices.map { (tables[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (lhs: SchemaCatalog, rhs: SchemaCatalog) -> Bool {
        lhs.tables == rhs.tables
    }

    static func inferType(name: String, declared: String) -> ValueType {
        let type = declared.uppercased()
        if type.contains("INT") { return name.hasSuffix("_at") ? .time : .integer }
        if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") || type.contains("NUM") || type.contains("DEC") {
            return .real
        }
        if type == "DATE" { return .day }
        if type.contains("BOOL") { return .flag }
        return .text
    }
}
