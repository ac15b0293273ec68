extension Store {
    /// A content digest of whole tables: SHA-256 over each table's name, column names and rows, the rows
    /// read in the order of the table's key (`ORDER BY` every column of its primary key or unique key, or
    /// of all its columns), each value written as a type tag and its text. It depends only on the rows'
    /// contents, so `VACUUM`, copying the file or re-inserting the same rows leaves it unchanged.
    public func dataDigest(tables: [String]) throws -> String {
        var hasher = SHA256()
        for table in tables.sorted() {
            let columns = try self.columns(of: table).map(\.name)
            guard !columns.isEmpty else { continue }
            hasher.update("table \(table)\n")
            hasher.update(columns.joined(separator: "\u{1F}") + "\n")
            let order = try keyColumns(of: table) ?? columns
            let list = columns.map(quoteIdentifier).joined(separator: ", ")
            let statement = try database.prepare(
                "SELECT \(list) FROM \(quoteIdentifier(table)) ORDER BY \(order.map(quoteIdentifier).joined(separator: ", "))")
            while try statement.step() {
                for index in 0..<columns.count {
                    switch statement.value(index) {
                    case .null: hasher.update("n")
                    case .integer(let value): hasher.update("i\(value)")
                    case .real(let value): hasher.update("r\(value)")
                    case .text(let value): hasher.update("t\(value.utf8.count):\(value)")
                    }
                    hasher.update([0x1F])
                }
                hasher.update([0x0A])
            }
        }
        return hasher.hexDigest()
    }

    /// The columns of the table's primary key, or of its first unique index, if it has one.
    private func keyColumns(of table: String) throws -> [String]? {
        let primary = try database.query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [.text(table)])
            .compactMap { $0[0].text }
        if !primary.isEmpty { return primary }
        let unique = try database.query(
            "SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND partial = 0 ORDER BY name", [.text(table)]
        ).compactMap { $0[0].text }
        for index in unique {
            let columns = try database.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [.text(index)]).map { $0[0].text }
            if !columns.isEmpty, columns.allSatisfy({ $0 != nil }) { return columns.compactMap { $0 } }
        }
        return nil
    }
}
