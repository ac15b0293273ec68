import KaopingPostgres
import KaopingStore
import Testing

/// Opening a PostgreSQL store verifies its canonical tables as the SQLite store's do: a table altered since Kaoping
/// made it is refused in one sentence naming the table and what it lacks.
@Suite("PostgreSQL store verification")
struct PostgresVerificationTests {
    @Test(
        "Open refuses a canonical table altered since Kaoping made it",
        arguments: [
            ("ALTER TABLE cases ALTER COLUMN case_no TYPE text COLLATE \"en_US\"", "cases", "collation"),
            ("ALTER TABLE centers ALTER COLUMN name DROP NOT NULL", "centers", "lets column name be NULL"),
            ("ALTER TABLE reviews DROP COLUMN rating", "reviews", "has no column rating"),
            ("ALTER TABLE cases ALTER COLUMN center_id TYPE integer", "cases", "declares column center_id integer, not bigint"),
            ("ALTER TABLE reviews DROP CONSTRAINT reviews_rating_check", "reviews", "lacks the check on column rating"),
            ("ALTER TABLE cases DROP CONSTRAINT cases_case_no_key", "cases", "lets two rows share one case_no"),
            ("DROP TABLE complaints", "complaints", "does not exist"),
        ])
    func refusesAltered(_ change: (sql: String, table: String, problem: String)) throws {
        try TestServer.withDatabase("verification: \(change.problem)") { database in
            _ = try PostgresStore.create(database)
            _ = try PostgresStore.open(database)
            let connection = try PostgresConnection(database)
            // en_US may be missing on a minimal server: any collation other than "C" will do.
            let sql =
                change.sql.contains("en_US")
                ? change.sql.replacingOccurrences(
                    of: "\"en_US\"",
                    with:
                        "\"\(try connection.scalar("SELECT collname FROM pg_collation WHERE collname NOT LIKE 'C%' AND collname NOT IN ('POSIX', 'default') AND collencoding IN (-1, 6) ORDER BY collname LIMIT 1") ?? "ucs_basic")\""
                ) : change.sql
            try connection.execute(sql)
            let error = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            let message = error.map { "\($0)" } ?? ""
            #expect(message.contains("table \(change.table) "), "\(message)")
            #expect(message.contains(change.problem), "\(message)")
            #expect(message.contains("the store was not made by Kaoping, or was altered since"), "\(message)")
        }
    }
}
