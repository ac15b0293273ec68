/// Why a file could not be used as a Kaoping store.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// There is no file at the path.
    case missing(path: String)
    /// The file is not a Kaoping store (another SQLite database, or not SQLite at all).
    case notAStore(path: String, reason: String)
    /// The store was written by a newer Kaoping.
    case newerVersion(path: String, found: Int, supported: Int)
    /// A migration step failed; the store was left unchanged.
    case migrationFailed(path: String, from: Int, reason: String)
    /// A canonical table lacks a table, column, key or check this Kaoping creates: written by another tool,
    /// or altered since. `problem` says what, in Chinese and English.
    case altered(path: String, table: String, problem: (zh: String, en: String))
    /// Rows of a canonical table break its CHECK constraints (written with `ignore_check_constraints` on):
    /// how many, and the first by the table's key.
    case brokenRows(path: String, table: String, rows: Int, example: BrokenRow)

    /// The first row of a table that breaks a constraint: its key, the column, its value (SQL-quoted) and the CHECK.
    public struct BrokenRow: Sendable, Equatable {
        public let key: String
        public let column: String
        public let value: String
        public let check: String
    }

    public static func == (lhs: StoreError, rhs: StoreError) -> Bool { lhs.description == rhs.description }

    public var description: String {
        switch self {
        case .missing(let path):
            return "no store at \(path) (`kaoping demo` creates a demo store)"
        case .notAStore(let path, let reason):
            return "\(path) is not a Kaoping store: \(reason)"
        case .newerVersion(let path, let found, let supported):
            return "\(path) has schema version \(found), newer than this Kaoping supports (\(supported)); upgrade Kaoping"
        case .migrationFailed(let path, let from, let reason):
            return "could not migrate \(path) from schema version \(from): \(reason); the file was left unchanged"
        case .altered(let path, let table, let problem):
            return
                "\(path): 表 \(table) \(problem.zh)：此库不是由 Kaoping 建立或已被修改 (table \(table) \(problem.en): the store was not made by Kaoping, or was altered since)"
        case .brokenRows(let path, let table, let rows, let example):
            let row = "\(example.key) 的 \(example.column) = \(example.value)"
            let rowEnglish = "\(example.column) = \(example.value) where \(example.key)"
            return "\(path): 表 \(table) 有 \(rows) 行违反约束，如 \(row)（\(example.check)）：此库在约束检查关闭时写入或已被修改"
                + " (\(rows) row(s) of table \(table) break its constraints, e.g. \(rowEnglish) (\(example.check)): the store was"
                + " written with its checks off, or altered since); correct those rows and run again"
        }
    }
}
