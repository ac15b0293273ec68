/// The SQL aliases of a scan's tables: `t0` for the table scanned, `j1`, `j2`… for its joins in order.
/// Shared by the evaluator's scans and the SQL compiler, so both name columns the same way.
public struct JoinAliases: Sendable {
    private let joins: [JoinPlan]
    private let aliases: [String: String]

    public init(_ joins: [JoinPlan]) {
        self.joins = joins
        var aliases = ["": "t0"]
        for (index, join) in joins.enumerated() { aliases[join.path] = "j\(index + 1)" }
        self.aliases = aliases
    }

    /// `alias."column"` for a column path such as `status` or `item.catalog.name`.
    public func reference(_ path: String, quote: (String) -> String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        let prefix = parts.dropLast().joined(separator: ".")
        return "\(aliases[prefix] ?? "t0").\(quote(parts.last ?? path))"
    }

    /// ` LEFT JOIN "items" j1 ON j1."item_code" = t0."item_code" …`, parents before children.
    public func clauses(quote: (String) -> String) -> String {
        joins.map { join in
            let alias = aliases[join.path] ?? "t0"
            let parent = aliases[join.fromPath] ?? "t0"
            return " LEFT JOIN \(quote(join.table)) \(alias) ON \(alias).\(quote(join.key)) = \(parent).\(quote(join.fromColumn))"
        }.joined()
    }
}
