import KaopingStore

/// The canonical schema in PostgreSQL's DDL, generated from the one definition in code that SQLite's DDL comes
/// from (`CanonicalSchema.tables`): the same tables, columns, keys, defaults, CHECKs and indexes.
///
/// Types: `integer` and `time` (Unix seconds) are `bigint`; `real` is `double precision`; `flag` is `smallint`;
/// `text`, `code` and `day` are `text COLLATE "C"`. A day stays `YYYY-MM-DD` text, not `date`, because the
/// evaluator's SQL compares `calendar.day` with the text of an instant's day (`SQLDialect.dayText`) and a `date`
/// has no comparison with text; and the "C" collation orders and compares text byte by byte, as SQLite does, so
/// `ORDER BY`, `<` and `min()` on text give SQLite's answers whatever the server's locale.
///
/// CHECKs: a code's list, a flag's `IN (0, 1)`, a day's shape and every CHECK written in a column's `constraint`
/// (`x >= N`, `x BETWEEN N AND M`, `x GLOB '[0-9]…'`) become the same conditions in PostgreSQL, patterns as
/// regular expressions. SQLite's `typeof(x) = 'integer'` has no counterpart: a `bigint` column holds nothing else.
public enum PostgresSchema {
    /// The `kaoping_meta` key whose value marks the schema as a Kaoping store.
    public static let applicationKey = "application"
    /// The mark: "KPNG", as SQLite's `PRAGMA application_id` (0x4B504E47).
    public static let applicationMark = "KPNG"
    /// The `kaoping_meta` key whose value is the schema version (SQLite's `PRAGMA user_version`).
    public static let versionKey = "schema_version"

    /// The PostgreSQL type of a column.
    public static func type(of column: ColumnSpec) -> String {
        switch column.type {
        case .integer, .time: return "bigint"
        case .real: return "double precision"
        case .flag: return "smallint"
        case .text, .code, .day: return "text COLLATE \"C\""
        }
    }

    /// The column's definition in a CREATE TABLE or ALTER TABLE … ADD COLUMN statement.
    /// - Throws: `PostgresError` when its `constraint` holds a form this translation does not know.
    public static func definition(of column: ColumnSpec, in table: String) throws -> String {
        let parts = try ConstraintParts(column, table: table)
        var words = [quoteIdentifier(column.name), type(of: column)]
        if !column.nullable { words.append("NOT NULL") }
        words += parts.clauses
        if let check = check(of: column, written: parts.written) { words.append(check) }
        return words.joined(separator: " ")
    }

    /// The column's CHECK, `nil` when it has none: the conditions of its type and code list, and of the CHECK
    /// written in its `constraint`.
    /// - Throws: `PostgresError` when its `constraint` holds a form this translation does not know.
    public static func check(of column: ColumnSpec, in table: String) throws -> String? {
        check(of: column, written: try ConstraintParts(column, table: table).written)
    }

    /// The CREATE TABLE statement, with the columns that exist at `version`.
    public static func createStatement(_ table: TableSpec, version: Int = CanonicalSchema.version) throws -> String {
        let columns = try table.columns.filter { $0.since <= version }.map { try definition(of: $0, in: table.name) }
        let constraints = try table.constraints.map { try tableConstraint($0, table: table.name) }
        return "CREATE TABLE \(quoteIdentifier(table.name)) (\n    " + (columns + constraints).joined(separator: ",\n    ") + "\n)"
    }

    /// The table's indexes (`TableSpec.indexes`, written for SQLite) as PostgreSQL statements.
    public static func indexStatements(of table: TableSpec, ifNotExists: Bool = false) throws -> [String] {
        try table.indexes.map { try index($0, table: table.name, ifNotExists: ifNotExists) }
    }

    /// Every statement that creates the schema at `version`, indexes included, the mark excluded.
    public static func statements(version: Int = CanonicalSchema.version) throws -> [String] {
        try CanonicalSchema.tables.filter { $0.since <= version }.flatMap { table in
            [try createStatement(table, version: version)] + (try indexStatements(of: table))
        }
    }

    /// The statement that marks the schema as a Kaoping store of `version`: two rows of `kaoping_meta`.
    public static func markStatement(version: Int = CanonicalSchema.version) -> String {
        "INSERT INTO \(quoteIdentifier("kaoping_meta")) (\(quoteIdentifier("key")), \(quoteIdentifier("value"))) VALUES "
            + "(\(quoteLiteral(applicationKey)), \(quoteLiteral(applicationMark))), (\(quoteLiteral(versionKey)), '\(version)') "
            + "ON CONFLICT (\(quoteIdentifier("key"))) DO UPDATE SET \(quoteIdentifier("value")) = EXCLUDED.\(quoteIdentifier("value"))"
    }

    private static func check(of column: ColumnSpec, written: ConstraintParts.Check?) -> String? {
        let name = quoteIdentifier(column.name)
        var conditions: [String] = []
        switch column.type {
        case .code: conditions.append("\(name) IN (\(column.codes.map(quoteLiteral).joined(separator: ", ")))")
        case .flag: conditions.append("\(name) IN (0, 1)")
        case .day: conditions.append("\(name) ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'")
        case .integer, .time, .real, .text: break
        }
        switch written {
        case .atLeast(let low)?: conditions.append("\(name) >= \(low)")
        case .between(let low, let high)?: conditions.append("\(name) BETWEEN \(low) AND \(high)")
        case .digits(let count)?: conditions.append("\(name) ~ '^[0-9]{\(count)}$'")
        case nil: break
        }
        guard !conditions.isEmpty else { return nil }
        let test = conditions.joined(separator: " AND ")
        return column.nullable ? "CHECK (\(name) IS NULL OR (\(test)))" : "CHECK (\(test))"
    }

    /// `PRIMARY KEY (a, b)` or `UNIQUE (a, b)`.
    private static func tableConstraint(_ constraint: String, table: String) throws -> String {
        for keyword in ["PRIMARY KEY", "UNIQUE"] where constraint.hasPrefix(keyword + " (") && constraint.hasSuffix(")") {
            let names = constraint.dropFirst(keyword.count + 2).dropLast().split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if names.allSatisfy(isIdentifier) { return "\(keyword) (\(names.map(quoteIdentifier).joined(separator: ", ")))" }
        }
        throw untranslatable("table \(table)", "its constraint “\(constraint)”")
    }

    /// `CREATE [UNIQUE] INDEX name ON table(element, …)`: columns quoted, expressions in parentheses.
    private static func index(_ statement: String, table: String, ifNotExists: Bool) throws -> String {
        let unique = statement.hasPrefix("CREATE UNIQUE INDEX ")
        let rest = statement.dropFirst(unique ? "CREATE UNIQUE INDEX ".count : "CREATE INDEX ".count)
        let words = rest.split(separator: " ", maxSplits: 2)
        guard statement.hasPrefix("CREATE ") && statement.hasSuffix(")"), words.count == 3, words[1] == "ON",
            isIdentifier(String(words[0])), let open = words[2].firstIndex(of: "("), String(words[2][..<open]) == table
        else { throw untranslatable("table \(table)", "its index “\(statement)”") }
        var elements: [String] = []
        var depth = 0
        var current = ""
        for character in words[2][words[2].index(after: open)...].dropLast() {
            if character == "," && depth == 0 {
                elements.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            current.append(character)
        }
        elements.append(current.trimmingCharacters(in: .whitespaces))
        let translated = elements.map { isIdentifier($0) ? quoteIdentifier($0) : "(\($0))" }
        return "CREATE \(unique ? "UNIQUE " : "")INDEX \(ifNotExists ? "IF NOT EXISTS " : "")\(quoteIdentifier(String(words[0]))) ON "
            + "\(quoteIdentifier(table)) (\(translated.joined(separator: ", ")))"
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    static func untranslatable(_ place: String, _ what: String) -> PostgresError {
        PostgresError(
            action: "translating the schema of \(place)", location: "",
            message: "\(what) is not a form Kaoping translates for PostgreSQL (PRIMARY KEY, UNIQUE, REFERENCES t(c), DEFAULT, "
                + "CHECK (x >= N), CHECK (x BETWEEN N AND M), CHECK (x GLOB '[0-9]…'), CREATE [UNIQUE] INDEX n ON t(…))")
    }
}
