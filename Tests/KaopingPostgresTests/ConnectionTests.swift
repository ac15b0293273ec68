import KaopingPostgres
import Testing

/// Statements, parameters, transactions and their errors, against the local server.
@Suite("PostgreSQL connection")
struct ConnectionTests {
    @Test("Parameters and results are text, NULL is nil, UTF-8 both ways")
    func queryText() throws {
        try TestServer.withDatabase("query text") { database in
            let connection = try PostgresConnection(database)
            #expect(connection.serverVersion >= 100_000)
            let rows = try connection.query("SELECT $1::bigint + 1, $2::text, $3::text, length($2)", ["41", "南京市 \"quoted\" 'x'", nil])
            #expect(rows == [["42", "南京市 \"quoted\" 'x'", nil, "16"]])
            #expect(try connection.query("SELECT 1 WHERE false").isEmpty)
            #expect(try connection.scalar("SELECT NULL") == nil)
        }
    }

    @Test("A failed statement throws the server's reason, its SQLSTATE, where and the statement; the connection goes on")
    func statementError() throws {
        try TestServer.withDatabase("statement error") { database in
            let connection = try PostgresConnection(database)
            try connection.execute("CREATE TABLE t (x bigint CHECK (x >= 0)); INSERT INTO t VALUES (1)")
            do {
                try connection.execute("INSERT INTO t VALUES (-5)")
                Issue.record("a CHECK did not hold")
            } catch let error as PostgresError {
                #expect(error.sqlState == "23514")
                #expect(error.message.contains("violates check constraint \"t_x_check\""))
                #expect(error.detail?.contains("-5") == true)
                #expect(error.location == connection.location)
                #expect(error.description.contains("INSERT INTO t VALUES (-5)"))
            }
            #expect(throws: PostgresError.self) { try connection.query("SELECT nope FROM t") }
            #expect(try connection.scalar("SELECT count(*) FROM t") == "1")
            let nul = #expect(throws: PostgresError.self) { try connection.query("SELECT $1::text", ["a\u{0}b"]) }
            #expect(nul?.message.contains("U+0000") == true)
        }
    }

    @Test("A transaction commits when its body returns, rolls back when it throws; an inner one is a savepoint")
    func transactions() throws {
        struct Planned: Error {}
        try TestServer.withDatabase("transactions") { database in
            let connection = try PostgresConnection(database)
            try connection.execute("CREATE TABLE t (x bigint PRIMARY KEY)")
            try connection.transaction { try connection.execute("INSERT INTO t VALUES (1)") }
            #expect(throws: Planned.self) {
                try connection.transaction {
                    try connection.execute("INSERT INTO t VALUES (2)")
                    throw Planned()
                }
            }
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (3)")
                try? connection.transaction {
                    try connection.execute("INSERT INTO t VALUES (4)")
                    try connection.execute("INSERT INTO t VALUES (1)")  // a duplicate key: this savepoint only
                }
                try connection.execute("INSERT INTO t VALUES (5)")
            }
            #expect(try connection.query("SELECT x FROM t ORDER BY x").map { $0[0] } == ["1", "3", "5"])
            // A failed statement whose error the body swallows: the server aborted the transaction, so it is refused.
            let aborted = #expect(throws: PostgresError.self) {
                try connection.transaction {
                    try connection.execute("INSERT INTO t VALUES (6)")
                    try? connection.execute("INSERT INTO t VALUES (1)")
                }
            }
            #expect(aborted?.message.contains("rolled back") == true)
            #expect(try connection.scalar("SELECT count(*) FROM t") == "3")
        }
    }
}
