import Foundation
import KaopingCheck
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// Issue 23, point 5: every statement Kaoping runs in PostgreSQL (a scan's aggregates, and its records that cost points)
/// groups by the center column of the table it scans and
/// joins only small tables, so it runs unchanged on Citus with the event tables distributed by their center column
/// and the small ones as reference tables: each group is one center's rows, all on one shard, and no two distributed
/// tables meet in a join.
@Suite("Statements are shaped for a distributed database")
struct ScaleOutShapeTests {
    /// The tables `docs/postgresql.md` makes Citus reference tables: small, copied to every node.
    static let reference: Set<String> = ["centers", "calendar", "catalog", "items"]

    @Test(
        "Every scan of every shipped rule file groups by its center column and joins only reference tables",
        arguments: SQLDifferentialTests.files + [SQLDifferentialTests.constructs])
    func shaped(file: String) throws {
        #expect(try Self.problems(try RuleLoader.load(path: ShippedRules.path(file))) == [])
    }

    @Test("A rule that reads a review's case joins two distributed tables, and the check says so")
    func reviewsCase() throws {
        let text = """
            assessment "评价所属办件" {
              period 2024-01-01 .. 2024-12-31
              assess centers where kind == "sub_center"
              grades { 合格 >= 60; 不合格 }
            }

            indicator late_reviews "评价在办结后" {
              points 10
              from reviews
              measure rate(rated_at >= case.finished_at)
              score measure
              when empty: zero
            }
            """
        let problems = try Self.problems(RuleLoader.load(name: "case.rules", text: text))
        #expect(
            problems == [
                "reviews joins cases, not a reference table", "reviews's statement reads cases", "reviews's evidence statement reads cases",
            ])
    }

    /// What in the PostgreSQL statements of the rules `loader` read would not run unchanged on Citus, checked
    /// against the demo store's schema: a statement that does not group by its table's center column, a join to a
    /// table that is not a reference table, a distributed table read by another table's statement.
    static func problems(_ loader: RuleLoader) throws -> [String] {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let checked = Checker.check(loader.files, schema: try SchemaCatalog(store: store))
        let plan = try #require(checked.plan, "\(loader.diagnostics + checked.diagnostics)")
        let distributed = Set(try store.tableNames()).subtracting(reference).subtracting(["kaoping_meta"])
        #expect(!plan.scans.isEmpty)
        var problems: [String] = []
        for scan in plan.scans {
            let sql = try SQLCompiler(plan: plan, dialect: .postgresql).gatherSQL(scan)
            if !sql.hasPrefix("SELECT t0.\(quoteIdentifier(scan.centerColumn)) AS center_id, ") || !sql.hasSuffix(" GROUP BY 1, 2") {
                problems.append("\(scan.table)'s statement does not group by \(scan.centerColumn)")
            }
            for join in scan.joins where !reference.contains(join.table) {
                problems.append("\(scan.table) joins \(join.table), not a reference table")
            }
            for table in distributed.sorted() where table != scan.table && sql.contains(quoteIdentifier(table)) {
                problems.append("\(scan.table)'s statement reads \(table)")
            }
            // The records that cost points: numbered within each center, from this table alone.
            guard let evidence = try SQLCompiler(plan: plan, dialect: .postgresql).evidenceRowsSQL(scan, limit: 5) else { continue }
            if !evidence.contains("PARTITION BY owner, center_id ")
                || !evidence.contains("t0.\(quoteIdentifier(scan.centerColumn)) AS center_id")
            {
                problems.append("\(scan.table)'s evidence statement does not number records within a center")
            }
            for table in distributed.sorted() where table != scan.table && evidence.contains(quoteIdentifier(table)) {
                problems.append("\(scan.table)'s evidence statement reads \(table)")
            }
        }
        return problems
    }
}
