import CSQLite

/// An operational failure reported by SQLite, with the statement and file it concerns.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// SQLite's extended result code.
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The SQL being prepared or run, if any.
    public let sql: String?
    /// The database file, if known.
    public let path: String?

    /// Creates an error from its parts.
    public init(code: Int32, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let path { text += " (database \(path))" }
        if let sql { text += " while running: \(sql.prefix(300))" }
        return text
    }
}
