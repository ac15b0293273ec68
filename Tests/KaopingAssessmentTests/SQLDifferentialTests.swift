import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// The SQLite dialect of `kaoping sql`, run by SQLite, agrees with the native evaluator for every center and
/// indicator of the shipped rules on the demo store: counts exactly, measures within 1e-12 relative (issue 8).
@Suite("SQL and the native evaluator agree", .serialized)
struct SQLDifferentialTests {
    @Test(
        "Every center and indicator, shipped rules on the demo store",
        arguments: ["Rules/jiangsu-2024.rules", "Rules/examples/yinchuan-branch-halls.rules"])
    func agree(file: String) throws {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let loader = try RuleLoader.load(path: ShippedRules.path(file))
        var plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
        // SQLite has no regular expressions: the one indicator that needs one (the naming rule) is compared
        // in the PostgreSQL dialect only.
        plan.indicators.removeAll { $0.id == "naming" }
        let native = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "")
        let sql = try SQLCompiler(plan: plan, dialect: .sqlite).compile()
        var rows: [String: [SQLValue]] = [:]
        let statement = try store.database.prepare(sql)
        while try statement.step() {
            rows["\(statement.text(0) ?? "")/\(statement.text(1) ?? "")"] = (2..<5).map { statement.value($0) }
        }
        #expect(rows.count == native.centers.count * plan.indicators.count)
        var compared = 0
        for center in native.centers {
            for indicator in center.indicators {
                let row = try #require(rows["\(center.code)/\(indicator.id)"])
                #expect(row[0].integer.map(Int.init) == indicator.population, "\(center.code) \(indicator.id) population")
                #expect(row[1].integer.map(Int.init) == indicator.numerator, "\(center.code) \(indicator.id) numerator")
                let sqlMeasure = row[2].double
                switch (sqlMeasure, indicator.measure) {
                case (nil, nil): break
                case (let a?, let b?):
                    #expect(abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)), "\(center.code) \(indicator.id): SQL \(a), native \(b)")
                default:
                    Issue.record(
                        "\(center.code) \(indicator.id): SQL \(String(describing: sqlMeasure)), native \(String(describing: indicator.measure))"
                    )
                }
                compared += 1
            }
        }
        #expect(compared > 5_000)
    }

    @Test("Nothing from a rule file reaches the SQL unquoted: a name with quotes stays one literal")
    func quoting() throws {
        let text = """
            assessment "注入" {
              period 2024-01-01 .. 2024-12-31
              grades { 合格 >= 60; 不合格 }
            }
            indicator x "x" {
              points 100
              from cases where status == "x'); DROP TABLE cases; --"
              measure count()
              score measure
              when empty: zero
            }
            """
        let parsed = Parser.parse(SourceFile(name: "q.rules", text: text))
        let plan = try #require(Checker.check(parsed.file, schema: .canonical).plan)
        let sql = try SQLCompiler(plan: plan, dialect: .sqlite).compile()
        #expect(sql.contains("'x''); DROP TABLE cases; --'"))
        // Run against a store: the statement reads, and the table is still there.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.create(at: folder.appendingPathComponent("q.sqlite").path)
        _ = try store.database.query(sql)
        #expect(try store.tableNames().contains("cases"))
    }
}
