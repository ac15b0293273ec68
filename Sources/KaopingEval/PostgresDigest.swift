import KaopingPostgres
import KaopingStore

/// The data digest of a store in PostgreSQL, by the definition a SQLite store's has (`Store.dataDigest`, see
/// docs/results-format.md): each table's rows hashed as the same lines (`RowSetDigest.add(values:)`), so the same
/// rows give the same digest in both. Integers (`bigint`, `smallint`) hash as integers, `double precision` as reals
/// (PostgreSQL sends the shortest text that reads back as the same double), text as text.
struct PostgresDigest {
    let store: PostgresStore

    /// Rows fetched per round trip from the cursor that reads a table.
    static let batch = 20_000

    /// SHA-256 over each table's name and row-set digest, one line per table in name order. Must run inside a
    /// transaction (the cursor lives in it).
    func dataDigest(tables: [String]) throws -> String {
        var hasher = SHA256()
        for table in tables.sorted() {
            hasher.update("\(table) \(try rowSet(of: table).hexDigest)\n")
        }
        return hasher.hexDigest()
    }

    /// One table's rows summed, read through a cursor in batches.
    func rowSet(of table: String) throws -> RowSetDigest {
        let columns = try store.columns(of: table)
        var digest = RowSetDigest(columns: columns.map(\.name))
        guard !columns.isEmpty else { return digest }
        let kinds = columns.map { column -> Character in
            let type = column.declaredType
            if type.contains("int") { return "i" }
            return type == "double precision" || type == "real" ? "r" : "t"
        }
        let connection = store.connection
        let list = columns.map { quoteIdentifier($0.name) }.joined(separator: ", ")
        try connection.execute("DECLARE kaoping_digest NO SCROLL CURSOR FOR SELECT \(list) FROM \(quoteIdentifier(table))")
        defer { try? connection.execute("CLOSE kaoping_digest") }
        while true {
            let rows = try connection.query("FETCH \(PostgresDigest.batch) FROM kaoping_digest")
            for row in rows {
                digest.add(
                    values: row.indices.map { index in
                        guard let text = row[index] else { return .null }
                        switch kinds[index] {
                        case "i": return Int64(text).map(SQLValue.integer) ?? .text(text)
                        case "r": return Double(text).map(SQLValue.real) ?? .text(text)
                        default: return .text(text)
                        }
                    })
            }
            if rows.count < PostgresDigest.batch { break }
        }
        return digest
    }
}
