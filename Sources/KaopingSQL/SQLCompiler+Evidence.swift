import KaopingCheck
import KaopingStore

extension SQLCompiler {
    /// One SELECT listing every record that costs an assessed center points under each indicator that names its
    /// records (`EvidencePlan`), all of them: `center_code`, `indicator`, `record` (the natural key as text) and
    /// `record_number` (an integer key, or NULL for a text key), in the order results name them — by center, by
    /// indicator, then by key (an indicator's keys are all numbers, by value, or all text, by its bytes).
    /// - Throws: `SQLUnsupported` as `compile()` does, and for an extra table's rowid key in PostgreSQL.
    public func compileEvidence() throws -> String {
        // Text keys in byte order, as SQLite's BINARY collation and the native scan order them.
        let collate = dialect == .postgresql ? " COLLATE \"C\"" : ""
        var selects: [String] = []
        for owner in plan.evidenceOwners {
            guard let evidence = owner.evidence else { continue }
            let aggregate = plan.aggregates[evidence.aggregate]
            guard let scan = plan.scans.first(where: { $0.table == aggregate.table }) else { continue }
            if dialect == .postgresql && evidence.key == "rowid" {
                throw SQLUnsupported(construct: "the records of \(aggregate.table) (an extra table named by its rowid)", dialect: dialect)
            }
            let row = RowContext.scan(scan)
            var conditions = [try aggregate.filter.map { try truth($0, row: row) } ?? "1 = 1"]
            let no = dialect == .sqlite ? "0" : "FALSE"
            switch (evidence.rows, aggregate.function) {
            case (.failing, _):
                conditions.append("NOT coalesce(\(try aggregate.argument.map { try truth($0, row: row) } ?? "1 = 1"), \(no))")
            case (.counted, .rate):
                conditions.append("coalesce(\(try aggregate.argument.map { try truth($0, row: row) } ?? "1 = 1"), \(no))")
            case (.counted, .sum):
                let value = try aggregate.argument.map { try self.value($0, row: row) } ?? "NULL"
                conditions.append("(\(value)) IS NOT NULL AND (\(value)) <> 0")
            default: break
            }
            let key = "t0.\(quoteIdentifier(evidence.key))"
            let isNumber = scan.keySlot.map { scan.columnTypes[$0] != .text } ?? true
            let text = dialect == .sqlite ? "TEXT" : "text"
            let integer = dialect == .sqlite ? "INTEGER" : "bigint"
            selects.append(
                "SELECT a.\(quoteIdentifier("c1")) AS center_code, \(quoteLiteral(owner.id)) AS indicator, "
                    + "CAST(\(key) AS \(text))\(collate) AS record, \(isNumber ? "CAST(\(key) AS \(integer))" : "CAST(NULL AS \(integer))") AS record_number"
                    + (try rowsSQL(
                        scan, join: " JOIN assessed a ON a.\(quoteIdentifier("c0")) = t0.\(quoteIdentifier(scan.centerColumn))",
                        conditions: conditions.map { "(\($0))" })))
        }
        guard !selects.isEmpty else {
            return "SELECT NULL AS center_code, NULL AS indicator, NULL AS record, NULL AS record_number WHERE 1 = 0"
        }
        return "WITH " + (try assessedCTE()) + "\n" + selects.joined(separator: "\nUNION ALL\n")
            + "\nORDER BY center_code, indicator, record_number, record"
    }
}
