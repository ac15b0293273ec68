import KaopingCheck
import KaopingResults
import KaopingStore

/// Reads the inspection findings of the assessed units in the period, for the 通报's 三、存在问题 (issue 21): a
/// table of hundreds or thousands of rows, read in one query, in time order. Only when the rules read
/// `inspections` (else the 通报 states none).
enum FindingsReader {
    static func findings(plan: Plan, centers: CenterTable, store: Store) throws -> [Finding]? {
        guard plan.scans.contains(where: { $0.table == "inspections" }) else { return nil }
        let start = CivilDay(number: plan.periodStart).startInstant
        let end = CivilDay(number: plan.periodEnd + 1).startInstant
        let statement = try store.database.prepare(
            """
            SELECT id, center_id, inspected_at, mode, inspector_level, category, severity, description, due_at, rectified_at
            FROM inspections WHERE inspected_at >= ? AND inspected_at < ? ORDER BY inspected_at, id
            """)
        try statement.bind([.integer(start), .integer(end)])
        var findings: [Finding] = []
        let time = { (index: Int) -> String? in statement.isNull(index) ? nil : CivilDay.chinaTime(statement.int64(index)) }
        while try statement.step() {
            guard let number = centers.numberByID[statement.int64(1)] else { continue }
            findings.append(
                Finding(
                    id: Int(statement.int64(0)), center: centers.text(number, "code", in: plan), inspectedAt: time(2) ?? "",
                    mode: statement.text(3) ?? "", inspectorLevel: statement.text(4) ?? "", category: statement.text(5) ?? "",
                    severity: statement.text(6) ?? "", description: statement.text(7), dueAt: time(8), rectifiedAt: time(9)))
        }
        return findings
    }
}
