/// An operational failure of PostgreSQL or of libpq: what Kaoping was doing, where, and the server's or libpq's
/// reason, with the SQLSTATE and the server's detail and context when it sent them.
///
/// No field ever holds a password: `location` is `host:port/database` or a redacted connection string, and every
/// message libpq gives is scrubbed of the connection string's password before it is kept here.
public struct PostgresError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What Kaoping was doing: "connecting", "running a statement", "copying rows into cases".
    public let action: String
    /// Where: `host:port/database`, or the redacted connection string while there is no connection yet; empty for
    /// a failure before any server is involved (a schema definition that cannot be translated).
    public let location: String
    /// Why: the server's primary message, or libpq's.
    public let message: String
    /// The five-character SQLSTATE the server sent (`23514` a CHECK failed, `22P02` a value of the wrong form…).
    public let sqlState: String?
    /// The server's detail (for a CHECK, the failing row).
    public let detail: String?
    /// The server's hint.
    public let hint: String?
    /// The server's context: for COPY, the line and column, as in `COPY cases, line 3, column center_id: "x"`.
    public let context: String?
    /// The statement, if one was being run.
    public let sql: String?

    /// Creates an error from its parts.
    public init(
        action: String, location: String, message: String, sqlState: String? = nil, detail: String? = nil, hint: String? = nil,
        context: String? = nil, sql: String? = nil
    ) {
        self.action = action
        self.location = location
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.context = context
        self.sql = sql
    }

    public var description: String {
        var text = location.isEmpty ? "PostgreSQL, \(action): \(message)" : "PostgreSQL at \(location), \(action): \(message)"
        if let detail { text += " (\(detail))" }
        if let context { text += " [\(context)]" }
        if let hint { text += "; hint: \(hint)" }
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        if let sql { text += " while running: \(sql.prefix(300))" }
        return text
    }
}
