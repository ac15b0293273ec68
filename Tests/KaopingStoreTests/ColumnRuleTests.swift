import KaopingStore
import Testing

/// `ColumnRule` is the Swift mirror of the canonical columns' CHECKs: on every canonical column and every probe
/// value, as SQLite stores it (after the column's affinity), the rule and SQLite's own CHECK give the same answer.
@Suite("Column rules mirror the CHECKs")
struct ColumnRuleTests {
    static let probes = [
        "0", "1", "-1", "2", "5", "6", "99", "9223372036854775807", "-9223372036854775808", "2.5", "1.0", "1e300", "'abc'", "''",
        "'12'", "'1x'", "'123456'", "'12345a'", "'2024-01-01'", "'2024-13-01'", "'2024-1-01'", "'2024-01-01 '", "x'01'",
        "x'323032342d30312d3031'", "x'3132'", "x'313233343536'", "'sub_center'", "'pc'", "'promised'", "'finished'", "'connected'",
        "'serious'", "'city'", "NULL",
    ]

    @Test("Every canonical column, every probe: the rule admits what the CHECKs admit")
    func agrees() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.file("probe.sqlite"), mode: .create)
        var compared = 0
        for table in CanonicalSchema.tables {
            for column in table.columns {
                // A one-column table with the column's definition, written with its checks off.
                let definition = column.definition.replacingOccurrences(of: " REFERENCES centers(id)", with: "")
                try database.execute("DROP TABLE IF EXISTS probe; CREATE TABLE probe (\(definition))")
                try database.execute("PRAGMA ignore_check_constraints = ON")
                let rule = ColumnRule(column)
                if column.checks.isEmpty { #expect(rule == nil, "\(table.name).\(column.name)") }
                for probe in Self.probes {
                    try database.execute("DELETE FROM probe")
                    // (A value SQLite cannot store there at all — text in an INTEGER PRIMARY KEY, NULL in a NOT NULL
                    // column — is no value a store can hold.)
                    guard (try? database.execute("INSERT INTO probe VALUES (\(probe))")) != nil else { continue }
                    let conditions = column.checks.map { "coalesce(\($0.dropFirst("CHECK ".count)), 1)" }
                    let sql = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
                    let statement = try database.prepare("SELECT \(quoteIdentifier(column.name)), \(sql) FROM probe")
                    _ = try statement.step()
                    let sqlite = statement.value(1) != .integer(0)
                    let mirrored = rule?.admits(statement.handle, 0) ?? true
                    #expect(mirrored == sqlite, "\(table.name).\(column.name) = \(probe): SQLite \(sqlite), rule \(mirrored)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1500)
    }

    @Test("Each CHECK written in a column's constraint is a form the rule reads: a bound or a pattern of digits")
    func understood() {
        for table in CanonicalSchema.tables {
            for column in table.columns where column.constraint.contains("CHECK") {
                let rule = ColumnRule(column)
                #expect(rule != nil, "\(table.name).\(column.name)")
            }
        }
    }
}
