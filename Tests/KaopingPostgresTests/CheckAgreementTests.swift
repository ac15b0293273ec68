import KaopingPostgres
import KaopingStore
import Testing

/// On every canonical column and every probe value, PostgreSQL accepts what SQLite's CHECKs accept and refuses
/// what they refuse. A probe is stored in SQLite first (its affinity decides what it becomes, as in
/// `ColumnRuleTests`); PostgreSQL is then sent that stored value as text, as Kaoping sends every value (COPY and
/// parameters), and keeps it or refuses it by its type and its CHECK.
@Suite("PostgreSQL CHECKs agree with SQLite's")
struct CheckAgreementTests {
    /// The probes of `ColumnRuleTests`, and text that a type's input might read differently from SQLite's affinity.
    static let probes =
        [
            "0", "1", "-1", "2", "5", "6", "99", "9223372036854775807", "-9223372036854775808", "2.5", "1.0", "1e300", "'abc'",
            "''", "'12'", "'1x'", "'123456'", "'12345a'", "'2024-01-01'", "'2024-13-01'", "'2024-1-01'", "'2024-01-01 '",
            "x'01'", "x'323032342d30312d3031'", "x'3132'", "x'313233343536'", "'sub_center'", "'pc'", "'promised'", "'finished'",
            "'connected'", "'serious'", "'city'", "NULL",
        ] + [
            "' 12'", "'3.0'", "'+5'", "'1e3'", "'-0'", "'00'", "'９９'", "'2024-02-30'", "'2024-01-41'", "'2024-21-01'",
            "'2024-01-01' || char(10)",
            "'123456' || char(10)", "char(10) || '12'", "'Sub_Center'", "'sub_center '", "32767", "32768", "-32769",
            "'1.5e1'", "'0.0'", "'０１'",
        ]

    @Test("Every canonical column, every probe: PostgreSQL keeps a value exactly when SQLite's CHECKs admit it")
    func agree() throws {
        try TestServer.withDatabase("CHECKs agree") { database in
            let postgres = try PostgresConnection(database)
            let sqlite = try Database(path: ":memory:", mode: .create)
            try sqlite.execute("PRAGMA ignore_check_constraints = ON")
            var compared = 0
            for table in CanonicalSchema.tables {
                for column in table.columns {
                    let name = quoteIdentifier(column.name)
                    let sqliteDefinition = column.definition.replacingOccurrences(of: " REFERENCES centers(id)", with: "")
                    try sqlite.execute("DROP TABLE IF EXISTS probe; CREATE TABLE probe (\(sqliteDefinition))")
                    let postgresDefinition = try PostgresSchema.definition(of: column, in: table.name)
                        .replacingOccurrences(of: " REFERENCES \"centers\" (\"id\")", with: "")
                    try postgres.execute("DROP TABLE IF EXISTS probe; CREATE TABLE probe (\(postgresDefinition))")
                    let conditions = column.checks.map { "coalesce(\($0.dropFirst("CHECK ".count)), 1)" }
                    let admitted = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
                    for probe in CheckAgreementTests.probes {
                        try sqlite.execute("DELETE FROM probe")
                        // A value SQLite cannot store there at all (text in an INTEGER PRIMARY KEY, NULL in a NOT NULL
                        // column) is no value a store can hold.
                        guard (try? sqlite.execute("INSERT INTO probe VALUES (\(probe))")) != nil else { continue }
                        let row = try sqlite.query("SELECT typeof(\(name)), CAST(\(name) AS TEXT), \(admitted) FROM probe")[0]
                        // PostgreSQL is sent text, never a BLOB.
                        if row[0] == .text("blob") { continue }
                        let sqliteAdmits = row[2] != .integer(0)
                        try postgres.execute("DELETE FROM probe")
                        var postgresAdmits = true
                        do {
                            _ = try postgres.query("INSERT INTO probe VALUES ($1)", [row[1].text])
                        } catch let error as PostgresError {
                            postgresAdmits = false
                            // Refused by its CHECK, its type's input, its type's range, NOT NULL, or as text with U+0000.
                            let expected = ["23514", "22P02", "22003", "23502", nil]
                            #expect(expected.contains(error.sqlState), "\(table.name).\(column.name) = \(probe): \(error)")
                        }
                        #expect(
                            postgresAdmits == sqliteAdmits,
                            "\(table.name).\(column.name) = \(probe) (stored by SQLite as \(row[0]) \(row[1])): SQLite \(sqliteAdmits), PostgreSQL \(postgresAdmits)"
                        )
                        compared += 1
                    }
                }
            }
            #expect(compared > 2000)
            print("PostgreSQL and SQLite CHECKs compared on \(compared) column values")
        }
    }
}
