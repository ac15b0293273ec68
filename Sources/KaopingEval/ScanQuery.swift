import KaopingCheck
import KaopingStore

/// The SELECT that reads a table's needed columns, with LEFT JOINs for columns of related rows.
enum ScanQuery {
    /// `SELECT t0."a", j1."b" FROM "table" t0 LEFT JOIN "items" j1 ON j1."item_code" = t0."item_code" …`
    static func select(table: String, columns: [String], joins: [JoinPlan]) -> String {
        var aliases = ["": "t0"]
        for (index, join) in joins.enumerated() { aliases[join.path] = "j\(index + 1)" }
        let list = columns.map { column -> String in
            let parts = column.split(separator: ".").map(String.init)
            let path = parts.dropLast().joined(separator: ".")
            return "\(aliases[path] ?? "t0").\(quoteIdentifier(parts.last ?? column))"
        }
        var sql = "SELECT \(list.joined(separator: ", ")) FROM \(quoteIdentifier(table)) t0"
        for join in joins {
            let alias = aliases[join.path] ?? "t0"
            let parent = aliases[join.fromPath] ?? "t0"
            sql +=
                " LEFT JOIN \(quoteIdentifier(join.table)) \(alias) ON \(alias).\(quoteIdentifier(join.key)) = \(parent).\(quoteIdentifier(join.fromColumn))"
        }
        return sql
    }
}
