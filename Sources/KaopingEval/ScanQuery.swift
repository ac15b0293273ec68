import KaopingCheck
import KaopingStore

/// The SELECT that reads a table's needed columns, with LEFT JOINs for columns of related rows.
enum ScanQuery {
    /// `SELECT t0."a", j1."b" FROM "table" t0 LEFT JOIN "items" j1 ON j1."item_code" = t0."item_code" …`
    static func select(table: String, columns: [String], joins: [JoinPlan]) -> String {
        let aliases = JoinAliases(joins)
        let list = columns.map { aliases.reference($0, quote: quoteIdentifier) }
        return "SELECT \(list.joined(separator: ", ")) FROM \(quoteIdentifier(table)) t0" + aliases.clauses(quote: quoteIdentifier)
    }
}
