import CLibPQ
import Foundation

/// An open connection to a PostgreSQL server through libpq. The one reference type of the PostgreSQL store: it
/// owns a resource with a lifetime (the `PGconn`, closed when the connection goes away).
///
/// The connection string is libpq's own, so credentials follow libpq's conventions: a URI
/// (`postgresql://user@host:port/db?sslmode=verify-full`), `service=NAME` (a `pg_service.conf` entry), `key=value`
/// pairs, or a bare database name, with the password from `PGPASSWORD`, `~/.pgpass` or the service file rather
/// than written in the string. No error ever shows the string's password.
public final class PostgresConnection {
    /// Where the connection is, for messages and stamps: `host:port/database` (the host may be a socket folder).
    public let location: String
    /// The parts of `location`: the server's host (or socket folder), its port and the database.
    public let host: String
    public let port: String
    public let database: String
    let handle: OpaquePointer
    /// The password of the connection string, as written and as read, scrubbed from every message.
    let secrets: [String]
    /// How many `transaction` calls are open (an inner one is a savepoint).
    private var depth = 0

    /// Connects with a libpq connection string (an empty string: libpq's defaults and the `PG*` environment). The
    /// client encoding is UTF-8 whatever the string or the environment says.
    /// - Throws: `PostgresError` naming the redacted connection string, when libpq cannot read the string or the
    ///   server cannot be reached or refuses the login.
    public init(_ connectionString: String) throws {
        let shown = connectionString.isEmpty ? "libpq's default server (PGHOST, PGPORT, …)" : ConnectionString.redacted(connectionString)
        let secrets = ConnectionString.secrets(connectionString)
        if let reason = ConnectionString.unreadable(connectionString) {
            throw PostgresError(action: "connecting", location: shown, message: reason)
        }
        // The string is expanded in place of `dbname`; later keywords override what it says.
        let keywords = ["dbname", "client_encoding", "fallback_application_name"]
        let values = [connectionString, "UTF8", "kaoping"]
        let pointer = withCStrings(keywords + [nil]) { keywordPointers in
            withCStrings(values + [nil]) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let pointer else {
            throw PostgresError(action: "connecting", location: shown, message: "libpq ran out of memory")
        }
        guard PQstatus(pointer) == CONNECTION_OK else {
            let message =
                ConnectionString.misread(connectionString)
                ? "could not connect; \(ConnectionString.misreadReason)"
                : PostgresConnection.plain(ConnectionString.scrub(String(cString: PQerrorMessage(pointer)), secrets: secrets))
            PQfinish(pointer)
            throw PostgresError(action: "connecting", location: shown, message: message)
        }
        // Notices (`DROP … IF EXISTS` skipping, a ROLLBACK outside a transaction) are not Kaoping's output.
        PQsetNoticeProcessor(pointer, { _, _ in }, nil)
        let host = PQhost(pointer).map { String(cString: $0) } ?? ""
        let port = PQport(pointer).map { String(cString: $0) } ?? ""
        let database = PQdb(pointer).map { String(cString: $0) } ?? ""
        self.host = ConnectionString.scrub(host, secrets: secrets)
        self.port = ConnectionString.scrub(port, secrets: secrets)
        self.database = ConnectionString.scrub(database, secrets: secrets)
        self.location = ConnectionString.scrub("\(host):\(port)/\(database)", secrets: secrets)
        self.handle = pointer
        self.secrets = secrets
    }

    deinit {
        PQfinish(handle)
    }

    /// The connection string with its password, in a URI or in `key=value` form, replaced by `***`: safe to show.
    public static func redacted(_ connectionString: String) -> String {
        ConnectionString.redacted(connectionString)
    }

    /// The server's version as a number: 150018 for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs one or more statements (separated by `;`) that return no rows, or whose rows are not wanted.
    /// - Throws: `PostgresError` with the server's reason when a statement fails; the statements after it do not run.
    public func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, accepting: [PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY], action: "running a statement", sql: sql)
    }

    /// Runs one statement with text parameters (`$1`, `$2`, … ; `nil` is NULL) and returns its rows as text, NULL
    /// as `nil`. Each parameter takes the type the statement gives it, as if written as a quoted literal there.
    /// - Throws: `PostgresError` when the statement fails, or a parameter holds U+0000 (PostgreSQL text cannot).
    public func query(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        if let index = parameters.firstIndex(where: { $0?.utf8.contains(0) ?? false }) {
            throw PostgresError(
                action: "running a statement", location: location,
                message: "parameter $\(index + 1) holds the character U+0000, which PostgreSQL text cannot store", sql: sql)
        }
        let result = withCStrings(parameters) { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, accepting: [PGRES_TUPLES_OK, PGRES_COMMAND_OK], action: "running a statement", sql: sql)
        let rows = Int(PQntuples(result))
        let fields = Int(PQnfields(result))
        return (0..<rows).map { row in
            (0..<fields).map { field in
                PQgetisnull(result, Int32(row), Int32(field)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(field)))
            }
        }
    }

    /// Runs one statement and returns the first column of its first row (`nil` when there is no row or it is NULL).
    public func scalar(_ sql: String, _ parameters: [String?] = []) throws -> String? {
        try query(sql, parameters).first?.first ?? nil
    }

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws. Inside another
    /// `transaction` it is a savepoint, released or rolled back to.
    /// - Throws: what `body` throws; `PostgresError` when the transaction cannot begin or commit, or when a statement
    ///   in it failed and `body` went on regardless (PostgreSQL then refuses the rest, and it is rolled back).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = depth > 0 ? "kaoping_savepoint_\(depth)" : nil
        let rollback = savepoint.map { "ROLLBACK TO SAVEPOINT \($0); RELEASE SAVEPOINT \($0)" } ?? "ROLLBACK"
        try execute(savepoint.map { "SAVEPOINT \($0)" } ?? "BEGIN")
        depth += 1
        let value: T
        do {
            value = try body()
        } catch {
            depth -= 1
            try? execute(rollback)
            throw error
        }
        depth -= 1
        if PQtransactionStatus(handle) == PQTRANS_INERROR {
            try? execute(rollback)
            throw PostgresError(
                action: "committing a transaction", location: location,
                message: "a statement in it failed, so PostgreSQL aborted it; it was rolled back")
        }
        do {
            try execute(savepoint.map { "RELEASE SAVEPOINT \($0)" } ?? "COMMIT")
        } catch {
            try? execute(rollback)
            throw error
        }
        return value
    }

    /// Throws the server's or libpq's error unless `result` has one of the expected statuses.
    func check(_ result: OpaquePointer?, accepting expected: [ExecStatusType], action: String, sql: String?) throws {
        guard let result else {
            throw PostgresError(action: action, location: location, message: libpqMessage(), sql: sql)
        }
        let status = PQresultStatus(result)
        if expected.contains(status) { return }
        if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
            finishUnexpectedCopy(status)
            throw PostgresError(
                action: action, location: location, message: "the statement started a COPY; use copy(into:columns:rows:)", sql: sql)
        }
        throw error(result, action: action, sql: sql)
    }

    /// The error a failed result carries, with the server's fields.
    func error(_ result: OpaquePointer, action: String, sql: String?) -> PostgresError {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { scrub(String(cString: $0)) }
        }
        let whole = String(cString: PQresultErrorMessage(result))
        let message = field("M") ?? (whole.isEmpty ? libpqMessage() : scrub(PostgresConnection.plain(whole)))
        return PostgresError(
            action: action, location: location, message: message, sqlState: field("C"), detail: field("D"), hint: field("H"),
            context: field("W").map(PostgresConnection.plain), sql: sql)
    }

    /// libpq's message about the connection, scrubbed and on one line.
    func libpqMessage() -> String {
        let text = PostgresConnection.plain(scrub(String(cString: PQerrorMessage(handle))))
        return text.isEmpty ? "libpq gave no reason" : text
    }

    func scrub(_ message: String) -> String {
        ConnectionString.scrub(message, secrets: secrets)
    }

    /// A message on one line, without libpq's trailing newline.
    static func plain(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Ends a COPY nobody asked for and reads the results that follow it, so the connection is usable again.
    private func finishUnexpectedCopy(_ status: ExecStatusType) {
        if status == PGRES_COPY_IN || status == PGRES_COPY_BOTH { _ = PQputCopyEnd(handle, "not expected by Kaoping") }
        if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(handle, &buffer, 0) > 0 { PQfreemem(buffer) }
        }
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}

/// Calls `body` with C strings of `strings` (`nil` stays a null pointer), valid only during the call.
func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> R) rethrows -> R {
    let copies = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return try body(copies.map { $0.map { UnsafePointer($0) } })
}
