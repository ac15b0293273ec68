import KaopingCheck
import KaopingStore

extension SQLCompiler {
    /// One SELECT listing every record that costs an assessed center points under each indicator that names its
    /// records (`EvidencePlan`), all of them: `center_code`, `indicator`, `record` (the natural key as text) and
    /// `record_number` (an integer key, or NULL for a text key), in the order results name them — by center, by
    /// indicator, then by key (an indicator's keys are all numbers, by value, or all text, by its bytes).
    /// - Throws: `SQLUnsupported` as `compile()` does.
    public func compileEvidence() throws -> String {
        var selects: [String] = []
        for owner in plan.evidenceOwners {
            guard let evidence = owner.evidence else { continue }
            let aggregate = plan.aggregates[evidence.aggregate]
            guard let scan = plan.scans.first(where: { $0.table == aggregate.table }) else { continue }
            let key = "t0.\(quoteIdentifier(evidence.key))"
            let isNumber = scan.keySlot.map { scan.columnTypes[$0] != .text } ?? true
            let text = dialect == .sqlite ? "TEXT" : "text"
            let integer = dialect == .sqlite ? "INTEGER" : "bigint"
            selects.append(
                "SELECT a.\(quoteIdentifier("c1")) AS center_code, \(quoteLiteral(owner.id)) AS indicator, "
                    + "CAST(\(key) AS \(text))\(byteOrder) AS record, \(isNumber ? "CAST(\(key) AS \(integer))" : "CAST(NULL AS \(integer))") AS record_number"
                    + (try rowsSQL(
                        scan, join: assessedJoin(scan), conditions: try evidenceConditions(evidence, scan: scan).map { "(\($0))" })))
        }
        guard !selects.isEmpty else {
            return "SELECT NULL AS center_code, NULL AS indicator, NULL AS record, NULL AS record_number WHERE 1 = 0"
        }
        return "WITH " + (try assessedCTE()) + "\n" + selects.joined(separator: "\nUNION ALL\n")
            + "\nORDER BY center_code, indicator, record_number, record"
    }

    /// The records of every evidence owner of `scan` (`Plan.evidenceOwners` whose aggregate the scan feeds), in one
    /// statement that reads the table once: `owner` (the owner's index in `Plan.evidenceOwners`), `center_id`,
    /// `record_count` (the center's records under that owner), `record_rank` (1 for the first by key), then the
    /// scan's columns (`TableScan.columns`, joined ones included) of each record, by owner, center and key.
    ///
    /// Each center's first `limit` records under each owner (with `limit` 0, its first, for its count), or every
    /// one with `limit` `nil`; only `center`'s with `center`. Keys are ordered as the native scan orders them:
    /// numbers by value, text by its bytes. `nil` when no evidence owner reads the scan.
    /// - Throws: `SQLUnsupported` as `compile()` does.
    public func evidenceRowsSQL(_ scan: TableScan, limit: Int?, center: Int64? = nil) throws -> String? {
        let owners = plan.evidenceOwners.indices.compactMap { index -> (index: Int, evidence: EvidencePlan)? in
            guard let evidence = plan.evidenceOwners[index].evidence, scan.aggregates.contains(evidence.aggregate) else { return nil }
            return (index, evidence)
        }
        guard let key = owners.first?.evidence.key else { return nil }
        let aliases = JoinAliases(scan.joins)
        let centerColumn = "t0.\(quoteIdentifier(scan.centerColumn))"
        var columns = ["\(centerColumn) AS center_id", "t0.\(quoteIdentifier(key)) AS record_key"]
        columns += scan.columns.indices.map { "\(aliases.reference(scan.columns[$0], quote: quoteIdentifier)) AS v\($0)" }
        for (position, owner) in owners.enumerated() {
            let condition = try evidenceConditions(owner.evidence, scan: scan).map { "(\($0))" }.joined(separator: " AND ")
            columns.append("(\(condition)) AS e\(position)")
        }
        // OFFSET 0 keeps PostgreSQL from folding the admitted rows into `hits` and so working each condition out twice
        // (once to pick the row, once for its column): a count of working days is a subquery per row.
        let admitted =
            "SELECT \(columns.joined(separator: ", "))"
            + (try rowsSQL(scan, join: assessedJoin(scan), conditions: center.map { ["\(centerColumn) = \($0)"] } ?? []))
            + (dialect == .postgresql ? " OFFSET 0" : "")
        let rows = "hits AS (SELECT * FROM (\(admitted)) h WHERE \(owners.indices.map { "e\($0)" }.joined(separator: " OR ")))"
        let values = scan.columns.indices.map { "v\($0)" }.joined(separator: ", ")
        // Each owner's records from the one reading of the table (a CTE read more than once is computed once).
        let owned = owners.enumerated().map { position, owner in
            "SELECT \(owner.index) AS owner, center_id, record_key, \(values) FROM hits WHERE e\(position)"
        }
        let isText = scan.keySlot.map { scan.columnTypes[$0] == .text } ?? false
        let ranked =
            "ranked AS (SELECT owner, center_id, \(values), "
            + "row_number() OVER (PARTITION BY owner, center_id ORDER BY record_key\(isText ? byteOrder : "")) AS record_rank, "
            + "count(*) OVER (PARTITION BY owner, center_id) AS record_count FROM ("
            + owned.joined(separator: " UNION ALL ") + ") o)"
        return "WITH " + (try assessedCTE()) + ",\n" + rows + ",\n" + ranked
            + "\nSELECT owner, center_id, record_count, record_rank, \(values) FROM ranked"
            + (limit.map { " WHERE record_rank <= \(max($0, 1))" } ?? "") + "\nORDER BY owner, center_id, record_rank"
    }

    /// The conditions that pick, among the rows a scan admits, those that cost points under `evidence`: the
    /// aggregate's filter, then the rows a `rate` fails, a `rate` or `count` counts, or a `sum`'s values other than 0.
    func evidenceConditions(_ evidence: EvidencePlan, scan: TableScan) throws -> [String] {
        let aggregate = plan.aggregates[evidence.aggregate]
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
        return conditions
    }

    /// The join that keeps a scan's rows of assessed centers (`assessedCTE`).
    private func assessedJoin(_ scan: TableScan) -> String {
        " JOIN assessed a ON a.\(quoteIdentifier("c0")) = t0.\(quoteIdentifier(scan.centerColumn))"
    }

    /// Text in byte order, as SQLite's BINARY collation and the native scan order it.
    private var byteOrder: String { dialect == .postgresql ? " COLLATE \"C\"" : "" }
}
