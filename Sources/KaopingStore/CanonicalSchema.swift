import Foundation

/// One column of a canonical table, with its meaning for users and its constraint for SQLite.
public struct ColumnSpec: Sendable, Equatable {
    /// The column's name: an English word that rule files use.
    public let name: String
    /// The logical type.
    public let type: ColumnType
    /// Whether the column may hold NULL.
    public let nullable: Bool
    /// The allowed codes, for `code` columns.
    public let codes: [String]
    /// Extra SQL after the type: a key, a default or a CHECK beyond the code list.
    public let constraint: String
    /// The meaning in Chinese.
    public let chinese: String
    /// The meaning in English.
    public let english: String
    /// The unit or format of a value, where it has one.
    public let unit: String
    /// The GB/T 39046-2020 data element it corresponds to, where one exists.
    public let standard: String
    /// The schema version that introduced the column.
    public let since: Int

    /// Creates a column specification.
    public init(
        _ name: String, _ type: ColumnType, nullable: Bool = true, codes: [String] = [], constraint: String = "",
        zh chinese: String, en english: String, unit: String = "", gbt standard: String = "", since: Int = 1
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.codes = codes
        self.constraint = constraint
        self.chinese = chinese
        self.english = english
        self.unit = unit
        self.standard = standard
        self.since = since
    }

    /// The column definition in a CREATE TABLE statement.
    public var definition: String {
        var parts = [quoteIdentifier(name), type.sqlType]
        if !nullable { parts.append("NOT NULL") }
        if !constraint.isEmpty { parts.append(constraint) }
        if let typeCheck { parts.append(typeCheck) }
        return parts.joined(separator: " ")
    }

    /// Every CHECK constraint of the column, as `definition` writes it (`CHECK (…)`): the one written in
    /// `constraint`, then the one its type or code list calls for.
    public var checks: [String] {
        let written = constraint.range(of: "CHECK (").map { String(constraint[$0.lowerBound...]) }
        return [written, typeCheck].compactMap { $0 }
    }

    /// The CHECK the column's type calls for: its code list, 0 or 1, an integer, a `YYYY-MM-DD` text.
    private var typeCheck: String? {
        let column = quoteIdentifier(name)
        let test: String
        switch type {
        case .code: test = "\(column) IN (\(codes.map(quoteLiteral).joined(separator: ", ")))"
        case .flag: test = "\(column) IN (0, 1)"
        case .time, .integer: test = "typeof(\(column)) = 'integer'"
        case .day: test = "\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
        case .real, .text: return nil
        }
        return nullable ? "CHECK (\(column) IS NULL OR (\(test)))" : "CHECK (\(test))"
    }
}

/// One canonical table: its columns, its keys and how an assessment period selects its rows.
public struct TableSpec: Sendable, Equatable {
    /// The table's name.
    public let name: String
    /// What the table holds, in Chinese.
    public let chinese: String
    /// What the table holds, in English.
    public let english: String
    /// The columns, in order.
    public let columns: [ColumnSpec]
    /// Table constraints (composite keys, foreign keys).
    public let constraints: [String]
    /// Extra indexes, as `CREATE INDEX` statements.
    public let indexes: [String]
    /// The column that ties a row to an assessed center, if any.
    public let centerColumn: String?
    /// The time column an assessment period filters on, if rows are events in time.
    public let periodColumn: String?
    /// The schema version that introduced the table.
    public let since: Int

    /// Creates a table specification (for an extra table a mapping declares; the canonical ones are below).
    public init(
        name: String, chinese: String, english: String, columns: [ColumnSpec], constraints: [String], indexes: [String],
        centerColumn: String?, periodColumn: String?, since: Int
    ) {
        self.name = name
        self.chinese = chinese
        self.english = english
        self.columns = columns
        self.constraints = constraints
        self.indexes = indexes
        self.centerColumn = centerColumn
        self.periodColumn = periodColumn
        self.since = since
    }

    /// Looks up a column by name.
    public func column(_ name: String) -> ColumnSpec? {
        columns.first { $0.name == name }
    }

    /// The columns of the primary key: a column's `PRIMARY KEY`, or the table's `PRIMARY KEY (…)`.
    public var primaryKey: [String] {
        if let column = columns.first(where: { $0.constraint.contains("PRIMARY KEY") }) { return [column.name] }
        guard let key = constraints.first(where: { $0.hasPrefix("PRIMARY KEY (") }) else { return [] }
        return key.dropFirst("PRIMARY KEY (".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The columns that are each a unique key of their own (`UNIQUE`).
    public var uniqueColumns: [String] {
        columns.filter { $0.constraint.contains("UNIQUE") }.map(\.name)
    }

    /// The unique indexes among `indexes`: each one's name and statement.
    public var uniqueIndexes: [(name: String, statement: String)] {
        indexes.compactMap { statement in
            guard statement.hasPrefix("CREATE UNIQUE INDEX "),
                let name = statement.dropFirst("CREATE UNIQUE INDEX ".count).split(separator: " ").first
            else { return nil }
            return (String(name), statement)
        }
    }

    /// The CREATE TABLE statement, with the columns that exist at `version`.
    public func createStatement(version: Int = CanonicalSchema.version) -> String {
        let lines = columns.filter { $0.since <= version }.map(\.definition) + constraints
        return "CREATE TABLE \(quoteIdentifier(name)) (\n    " + lines.joined(separator: ",\n    ") + "\n)"
    }
}

/// The canonical schema of a Kaoping store (documented in `docs/data-format.md`).
public enum CanonicalSchema {
    /// The current schema version, stored in `PRAGMA user_version`.
    public static let version = 3
    /// The SQLite application id that marks a file as a Kaoping store (`PRAGMA application_id`): "KPNG".
    public static let applicationID: Int32 = 0x4B50_4E47

    /// The canonical tables, in creation order.
    public static let tables: [TableSpec] = [
        centers, integrations, catalog, items, cases, reviews, inspections, complaints, calendar, metadata,
    ]

    /// Looks up a canonical table by name.
    public static func table(_ name: String) -> TableSpec? {
        tables.first { $0.name == name }
    }

    /// Every statement that creates the schema at `version`.
    public static func statements(version: Int = version) -> [String] {
        tables.filter { $0.since <= version }.flatMap { table in
            [table.createStatement(version: version)] + table.indexes
        }
    }
}

/// Quotes a SQL identifier with double quotes.
public func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Quotes a SQL string literal with single quotes.
public func quoteLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}
