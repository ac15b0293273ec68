import Foundation
import KaopingPostgres
import KaopingStore

/// A SQLite store copied into a new store in a PostgreSQL database of its own, for the tests that run an assessment
/// in PostgreSQL. When no server answers (or `KAOPING_PG=off`), the tests print that they were skipped and why.
enum PostgresDemoStore {
    /// `nil` when a server answers libpq's defaults (the `PG*` environment), otherwise why not.
    static let unavailable: String? = {
        if ProcessInfo.processInfo.environment["KAOPING_PG"] == "off" { return "KAOPING_PG=off" }
        do {
            try PostgresConnection("").execute("SELECT 1")
            return nil
        } catch {
            return "no PostgreSQL server answers (\(error))"
        }
    }()

    /// Runs `body` with the connection string (`dbname=…`) of a database created for it, holding a new store with
    /// every canonical table of the SQLite store at `path` (centers first, in the canonical schema's order), loaded
    /// with COPY; the database is dropped after. Prints why and returns without calling `body` when no server answers.
    static func withCopy(of path: String, test: String, _ body: (String) throws -> Void) throws {
        if let unavailable {
            print("PostgreSQL test “\(test)” skipped: \(unavailable)")
            return
        }
        let name = "kaoping_eval_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection("")
        try admin.execute("CREATE DATABASE \(name)")
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let connectionString = "dbname=\(name)"
        let source = try Store.open(at: path, readOnly: true)
        let target = try PostgresStore.create(connectionString)
        let present = Set(try source.tableNames())
        for table in CanonicalSchema.tables where table.name != "kaoping_meta" && present.contains(table.name) {
            try copy(table.name, from: source, to: target.connection)
        }
        try body(connectionString)
    }

    /// Copies one table's rows, every column, each value as the text PostgreSQL reads back as the same value.
    static func copy(_ table: String, from source: Store, to connection: PostgresConnection) throws {
        let columns = try source.columns(of: table).map(\.name)
        let statement = try source.database.prepare(
            "SELECT \(columns.map(quoteIdentifier).joined(separator: ", ")) FROM \(quoteIdentifier(table)) ORDER BY rowid")
        var rows: [[String?]] = []
        while try statement.step() {
            rows.append(
                columns.indices.map { index in
                    switch statement.value(index) {
                    case .null: return nil
                    case .integer(let value): return String(value)
                    case .real(let value): return "\(value)"
                    case .text(let value): return value
                    }
                })
        }
        try connection.copy(into: table, columns: columns, rows: rows)
    }
}
