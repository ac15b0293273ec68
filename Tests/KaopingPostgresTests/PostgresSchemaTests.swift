import KaopingPostgres
import KaopingStore
import Testing

@testable import KaopingStore

/// The PostgreSQL DDL comes from the canonical schema's one definition, and its CHECKs give SQLite's answers.
@Suite("PostgreSQL schema")
struct PostgresSchemaTests {
    @Test("Every canonical table, column, constraint and index translates; the DDL reads as expected")
    func translates() throws {
        #expect(try PostgresSchema.statements().count == CanonicalSchema.tables.count + CanonicalSchema.tables.flatMap(\.indexes).count)
        let centers = try #require(CanonicalSchema.table("centers"))
        let statement = try PostgresSchema.createStatement(centers)
        #expect(statement.contains("\"id\" bigint NOT NULL PRIMARY KEY"))
        #expect(statement.contains("\"code\" text COLLATE \"C\" NOT NULL UNIQUE"))
        #expect(statement.contains("\"kind\" text COLLATE \"C\" NOT NULL CHECK (\"kind\" IN ('center', 'sub_center', 'onsite_point'))"))
        #expect(
            statement.contains(
                "\"division_code\" text COLLATE \"C\" CHECK (\"division_code\" IS NULL OR (\"division_code\" ~ '^[0-9]{6}$'))"))
        #expect(statement.contains("\"parent_id\" bigint REFERENCES \"centers\" (\"id\")"))
        #expect(try PostgresSchema.createStatement(centers, version: 1).contains("division_code") == false)
        let definition = { (table: String, column: String) in
            try PostgresSchema.definition(of: try #require(CanonicalSchema.table(table)?.column(column)), in: table)
        }
        #expect(try definition("reviews", "rating") == "\"rating\" bigint NOT NULL CHECK (\"rating\" BETWEEN 1 AND 5)")
        #expect(
            try definition("integrations", "sync_failures") == "\"sync_failures\" bigint NOT NULL DEFAULT 0 CHECK (\"sync_failures\" >= 0)")
        #expect(try definition("cases", "one_thing") == "\"one_thing\" smallint NOT NULL DEFAULT 0 CHECK (\"one_thing\" IN (0, 1))")
        #expect(try definition("cases", "accepted_at") == "\"accepted_at\" bigint")
        #expect(
            try definition("calendar", "day") == "\"day\" text COLLATE \"C\" NOT NULL CHECK (\"day\" ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$')")
        #expect(
            try PostgresSchema.indexStatements(of: try #require(CanonicalSchema.table("calendar")))
                == ["CREATE UNIQUE INDEX \"calendar_day\" ON \"calendar\" (\"day\", (coalesce(region, '')))"])
        #expect(
            try PostgresSchema.createStatement(try #require(CanonicalSchema.table("integrations"))).hasSuffix(
                "PRIMARY KEY (\"center_id\", \"system\")\n)"))
    }

    @Test("A constraint of a form it does not know is refused, never dropped")
    func refusesUnknownForms() {
        let odd = [
            ColumnSpec("x", .integer, constraint: "CHECK (x > 0)", zh: "", en: ""),
            ColumnSpec("x", .integer, constraint: "CHECK (x >= 0 AND x < 9)", zh: "", en: ""),
            ColumnSpec("x", .text, constraint: "CHECK (x GLOB '[A-Z]*')", zh: "", en: ""),
            ColumnSpec("x", .text, constraint: "COLLATE NOCASE", zh: "", en: ""),
            ColumnSpec("x", .text, constraint: "CHECK (x >= 0)", zh: "", en: ""),
            ColumnSpec("x", .integer, constraint: "CHECK (y >= 0)", zh: "", en: ""),
        ]
        for column in odd {
            let error = #expect(throws: PostgresError.self, "\(column.constraint)") { try PostgresSchema.definition(of: column, in: "t") }
            #expect(error?.description.contains("table t, column x") == true)
        }
    }

    @Test("The bounds and digit counts read for PostgreSQL are the ones ColumnRule reads for SQLite")
    func readsAsColumnRule() throws {
        for table in CanonicalSchema.tables {
            for column in table.columns where column.constraint.contains("CHECK") {
                let check = try #require(try PostgresSchema.check(of: column, in: table.name))
                if let bounds = ColumnRule.bounds(in: column.constraint) {
                    let text =
                        bounds.upperBound == Int64.max ? ">= \(bounds.lowerBound)" : "BETWEEN \(bounds.lowerBound) AND \(bounds.upperBound)"
                    #expect(check.contains(text), "\(table.name).\(column.name): \(check)")
                }
                if let digits = ColumnRule.digits(in: column.constraint) {
                    #expect(check.contains("'^[0-9]{\(digits)}$'"), "\(table.name).\(column.name): \(check)")
                }
            }
        }
    }
}
