import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// The SQLite dialect of `kaoping sql`, run by SQLite through Kaoping's own connection (which registers the
/// `regexp` function behind `REGEXP`), agrees with the native evaluator for every center and indicator of every
/// shipped rule file on the demo store: counts exactly, measures within 1e-12 relative (issues 8 and 23).
@Suite("SQL and the native evaluator agree", .serialized)
struct SQLDifferentialTests {
    /// Every shipped rule file, and the benchmark's.
    static let files = ShippedRules.ruleFiles + ["Benchmarks/six.rules"]
    /// The constructs no shipped rule file uses: median, percentile, working days added by a row's count.
    static let constructs = "Tests/Fixtures/sql-constructs.rules"

    @Test("Every center and indicator of every shipped rule file on the demo store", arguments: files)
    func agree(file: String) throws {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let compared = try SQLDifferentialTests.compare(file, store: store)
        #expect(compared > 1_000)
    }

    @Test("A region's own calendar counts for its centers' working days, the province's for the others")
    func regionalCalendar() throws {
        let store = try Store.open(at: try RegionalCalendarStore.path.get(), readOnly: true)
        #expect(try store.calendarRegions() == [RegionalCalendarStore.region])
        for file in ["Rules/jiangsu-2024.rules", SQLDifferentialTests.constructs] {
            #expect(try SQLDifferentialTests.compare(file, store: store) > 1_000)
        }
    }

    @Test("Median, percentile and working days added by a row's count, on the demo store")
    func constructs() throws {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        #expect(try SQLDifferentialTests.compare(SQLDifferentialTests.constructs, store: store) > 1_000)
    }

    @Test("kaoping sql checks that the store's calendar table covers the years around the period")
    func calendarCoverage() throws {
        let demo = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        #expect(try SQLCalendarCoverage(store: demo, reach: 2023...2025).problem == nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try Store.create(at: folder.appendingPathComponent("e.sqlite").path)
        let coverage = try SQLCalendarCoverage(store: empty, reach: 2023...2025)
        #expect(coverage.gaps.map(\.year) == [2023, 2024, 2025])
        #expect(coverage.problem?.contains("2023 (0 of 365 days), 2024 (0 of 366 days) and 2025 (0 of 365 days)") == true)
    }

    /// Runs the SQLite statement of `file` on `store` and the native evaluator, and compares every row; returns
    /// the number of center–indicator pairs compared.
    static func compare(_ file: String, store: Store) throws -> Int {
        let loader = try RuleLoader.load(path: ShippedRules.path(file))
        let plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
        let native = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "")
        let sql = try SQLCompiler(plan: plan, dialect: .sqlite).compile()
        var rows: [String: [SQLValue]] = [:]
        let statement = try store.database.prepare(sql)
        while try statement.step() {
            rows["\(statement.text(0) ?? "")/\(statement.text(1) ?? "")"] = (2..<5).map { statement.value($0) }
        }
        #expect(rows.count == native.centers.count * plan.indicators.count, "\(file)")
        var compared = 0
        for center in native.centers {
            #expect(center.indicators.count == plan.indicators.count, "\(file) \(center.code)")
            for indicator in center.indicators {
                let row = try #require(rows["\(center.code)/\(indicator.id)"], "\(file) \(center.code) \(indicator.id)")
                #expect(row[0].integer.map(Int.init) == indicator.population, "\(file) \(center.code) \(indicator.id) population")
                #expect(row[1].integer.map(Int.init) == indicator.numerator, "\(file) \(center.code) \(indicator.id) numerator")
                let sqlMeasure = row[2].double
                switch (sqlMeasure, indicator.measure) {
                case (nil, nil): break
                case (let a?, let b?):
                    #expect(abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)), "\(file) \(center.code) \(indicator.id): SQL \(a), native \(b)")
                default:
                    Issue.record(
                        "\(file) \(center.code) \(indicator.id): SQL \(String(describing: sqlMeasure)), native \(String(describing: indicator.measure))"
                    )
                }
                compared += 1
            }
        }
        return compared
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
