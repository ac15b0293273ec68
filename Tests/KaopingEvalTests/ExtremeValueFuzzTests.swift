import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// Every numeric, flag and time column of every table of the canonical schema that rules read per center,
/// holding each extreme value its CHECKs let in, and every column of an extra table (which has none) holding
/// each, read by sums, averages, maxima and day arithmetic: the run ends, natively and in SQL, with finite
/// points (issue 19, point 4). (A value a canonical CHECK refuses stops the run instead: `StoreIntegrityTests`.)
@Suite("Extreme values in every column: no trap")
struct ExtremeValueFuzzTests {
    static let extremes: [SQLValue] = [
        .integer(Int64.max), .integer(Int64.min), .real(.infinity), .real(-.infinity), .real(1e300), .real(-1e300),
        .integer(0), .integer(-1),
    ]

    /// The extra table: no CHECKs, so every extreme value gets in; declared so that `settled` is a flag.
    static let extraTable = (
        name: "extremes", center: "center_id",
        columns: [
            ColumnSpec("center_id", .integer, zh: "单位", en: "unit"), ColumnSpec("happened_at", .time, zh: "时间", en: "time"),
            ColumnSpec("amount", .real, zh: "金额", en: "amount"), ColumnSpec("quantity", .integer, zh: "数量", en: "quantity"),
            ColumnSpec("settled", .flag, zh: "已结", en: "settled"),
        ]
    )

    @Test("Each extreme value in each numeric, flag and time column of each per-center table, canonical and extra")
    func fuzz() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        let extra = Self.extraTable
        try test.store.database.execute(
            "CREATE TABLE extremes (" + extra.columns.map { "\($0.name) \($0.type.sqlType)" }.joined(separator: ", ") + ")")
        let tables =
            CanonicalSchema.tables.filter { $0.centerColumn != nil && $0.name != "centers" }.map {
                (name: $0.name, center: $0.centerColumn ?? "", columns: $0.columns)
            } + [extra]
        var serial: Int64 = 100
        var indicators: [String] = []
        var inserted = 0
        for table in tables {
            // (An integer primary key `id` is the rowid: its extremes are the test below.)
            let targets = table.columns.filter {
                [.integer, .real, .flag, .time].contains($0.type) && $0.name != table.center && $0.name != "id"
            }
            for target in targets {
                for extreme in Self.extremes {
                    // Each row a center of its own (some tables hold one row per center and system).
                    serial += 1
                    let rowCenter = serial
                    try test.center(rowCenter, "C\(rowCenter)")
                    var values: [(String, SQLValue)] = []
                    for column in table.columns {
                        serial += 1
                        let value: SQLValue
                        if column.name == target.name {
                            value = extreme
                        } else if column.name == table.center {
                            value = .integer(rowCenter)
                        } else {
                            switch column.type {
                            case .integer: value = .integer(serial)
                            case .real: value = .real(1.5)
                            case .flag: value = .integer(0)
                            case .time: value = .integer(at("2024-03-04"))
                            case .day: value = .text("2024-03-04")
                            case .code: value = .text(column.codes.first ?? "x")
                            case .text: value = .text("T\(serial)")
                            }
                        }
                        values.append((column.name, value))
                    }
                    let sql =
                        "INSERT INTO \(table.name) (\(values.map(\.0).joined(separator: ", "))) VALUES (\(values.map { _ in "?" }.joined(separator: ", ")))"
                    // A value the table's CHECKs refuse (a real in a time column, a negative count) cannot be in a
                    // store Kaoping reads.
                    if (try? test.store.database.prepare(sql).run(values.map(\.1))) != nil { inserted += 1 }
                }
                let measure =
                    target.type == .time
                    ? "count(where days(\(target.name), \(target.name)) == 0 and workdays(\(target.name), \(target.name)) == 0 and \(target.name) > 2024-01-01)"
                    : "sum(\(target.name) * 2 + 1) + avg(\(target.name)) + max(\(target.name))"
                indicators.append(
                    """
                    indicator \(table.name)_\(target.name) "\(table.name).\(target.name)" {
                      points 1
                      from \(table.name)
                      measure \(measure)
                      score measure
                      when empty: zero
                    }
                    """)
            }
        }
        #expect(indicators.count >= 20)
        #expect(inserted > 90)
        let rules =
            """
            assessment "T" {
              period 2024-01-01 .. 2024-12-31
              grades { 合格 >= 60; 不合格 }
            }
            table extremes "极值" {

            """ + extra.columns.map { "  \($0.name) \($0.type.rawValue)\n" }.joined() + "}\n" + indicators.joined(separator: "\n")
        let document = try test.run(rules)
        #expect(document.centers.count > 100)
        for center in document.centers {
            #expect(center.indicators.count == indicators.count)
            #expect(center.indicators.allSatisfy { $0.points.isFinite }, "\(center.code)")
            #expect(center.total.isFinite)
        }
        #expect(document.dataQuality.contains(DataQualityEntry(table: "extremes", reason: "happened_at outside 1970–2100", rows: 6)))
        #expect(document.dataQuality.contains(DataQualityEntry(table: "extremes", reason: "settled is not 0 or 1", rows: 7)))
        // The SQL of the same plan runs to its end too.
        let parsed = Parser.parse(SourceFile(name: "fuzz.rules", text: rules))
        let plan = try #require(Checker.check(parsed.file, schema: try SchemaCatalog(store: test.store)).plan)
        let statement = try test.store.database.prepare(try SQLCompiler(plan: plan, dialect: .sqlite).compile())
        var rows = 0
        while try statement.step() { rows += 1 }
        #expect(rows > 0)
    }

    @Test("Ids (rowids) from Int64.min to Int64.max: the run stops with one sentence naming the table, no trap")
    func sparseRowids() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addComplaint(1, received: at("2024-03-04"), due: nil, closed: nil)
        try test.store.database.execute("UPDATE complaints SET id = 9223372036854775807")
        try test.addComplaint(1, received: at("2024-03-05"), due: nil, closed: nil)
        try test.store.database.execute("UPDATE complaints SET id = -9223372036854775808 WHERE id <> 9223372036854775807")
        let rules = """
            assessment "T" {
              period 2024-01-01 .. 2024-12-31
              grades { 合格 >= 60; 不合格 }
            }
            indicator n "投诉" {
              points 10
              from complaints
              measure count()
              score measure
            }
            """
        let parsed = Parser.parse(SourceFile(name: "s.rules", text: rules))
        let plan = try #require(Checker.check(parsed.file, schema: try SchemaCatalog(store: test.store)).plan)
        #expect(throws: ScanError.self) { try Evaluator.evaluate(plan: plan, store: test.store, rulesSHA256: "") }
        do {
            _ = try Evaluator.evaluate(plan: plan, store: test.store, rulesSHA256: "")
        } catch {
            #expect(
                "\(error)".hasPrefix(
                    "table complaints has rowids (its integer primary key) from -9223372036854775808 to 9223372036854775807"))
        }
    }
}
