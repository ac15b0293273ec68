import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// The store is what it claims (issue 19, point 3): a canonical table that lacks a key or a CHECK is refused by
/// name when the store is opened; rows that break a canonical CHECK (written with the checks off) stop the run
/// naming a row; an extra table's value not of its declared type leaves its row out, counted in `data_quality`.
@Suite("A store is what it claims")
struct StoreIntegrityTests {
    /// Replaces canonical table `name` by the statement `edit` makes of its canonical one, keeping its rows.
    static func rebuild(_ test: TestStore, _ name: String, _ edit: (String) -> String) throws {
        let table = try #require(CanonicalSchema.table(name))
        let altered = edit(table.createStatement())
        #expect(altered != table.createStatement(), "the edit changed nothing")
        try test.store.database.execute("ALTER TABLE \(name) RENAME TO old_\(name); \(altered)")
        let columns = try test.store.columns(of: name).map(\.name).joined(separator: ", ")
        try test.store.database.execute("INSERT INTO \(name) (\(columns)) SELECT \(columns) FROM old_\(name); DROP TABLE old_\(name)")
    }

    /// The error opening the store gives, as its sentence.
    static func refusal(_ test: TestStore) -> String {
        do {
            _ = try Store.open(at: test.path)
            return "opened"
        } catch {
            return "\(error)"
        }
    }

    @Test("centers without its primary key, holding one id twice, is refused by name on open")
    func centersWithoutKey() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try Self.rebuild(test, "centers") { $0.replacingOccurrences(of: " PRIMARY KEY", with: "") }
        try test.store.database.execute(
            "INSERT INTO centers (id, code, name, kind, level, region) VALUES (1, 'C1b', '又一单位', 'sub_center', 'county', '南京市')")
        #expect(
            Self.refusal(test)
                == "\(test.path): 表 centers 缺少主键 id：此库不是由 Kaoping 建立或已被修改 (table centers has no primary key id: the store was not made by Kaoping, or was altered since)"
        )
    }

    @Test(
        "A table written by another tool: each missing key, check, type or column is refused, naming the table and what it lacks",
        arguments: [
            ("reviews", "CHECK (rating BETWEEN 1 AND 5)", "", "表 reviews 的列 rating 缺少检查约束 CHECK (rating BETWEEN 1 AND 5)"),
            ("cases", "\"case_no\" TEXT NOT NULL UNIQUE", "\"case_no\" TEXT NOT NULL", "表 cases 的列 case_no 缺少唯一约束 UNIQUE"),
            ("cases", "\"promised_days\" INTEGER", "\"promised_days\" TEXT", "表 cases 的列 promised_days 声明为 TEXT 而非 INTEGER"),
            (
                "cases", " CHECK (\"accepted_at\" IS NULL OR (typeof(\"accepted_at\") = 'integer'))", "",
                "表 cases 的列 accepted_at 缺少检查约束 CHECK (\"accepted_at\""
            ),
            ("integrations", "PRIMARY KEY (center_id, system)", "UNIQUE (center_id, system)", "表 integrations 缺少主键 center_id, system"),
            ("reviews", "\"rated_at\" INTEGER NOT NULL", "\"rated_at\" INTEGER", "表 reviews 的列 rated_at 缺少 NOT NULL 约束"),
            (
                "complaints", ",\n    \"substantiated\" INTEGER NOT NULL DEFAULT 0 CHECK (\"substantiated\" IN (0, 1))", "",
                "表 complaints 缺少列 substantiated"
            ),
        ])
    func alteredTables(table: String, written: String, instead: String, expected: String) throws {
        let test = try TestStore()
        try Self.rebuild(test, table) { $0.replacingOccurrences(of: written, with: instead) }
        let refusal = Self.refusal(test)
        #expect(refusal.hasPrefix("\(test.path): \(expected)"), "\(refusal)")
        #expect(refusal.contains("此库不是由 Kaoping 建立或已被修改"))
    }

    @Test("A missing canonical table and a missing unique calendar index are refused too")
    func missingTableAndIndex() throws {
        let test = try TestStore()
        try test.store.database.execute("DROP INDEX calendar_day")
        #expect(Self.refusal(test).hasPrefix("\(test.path): 表 calendar 缺少唯一索引 calendar_day"))
        try test.store.database.execute("DROP TABLE complaints")
        #expect(Self.refusal(test).hasPrefix("\(test.path): 表 complaints 不存在"))
    }

    static let rules = """
        assessment "T" {
          period 2024-01-01 .. 2024-12-31
          grades { 合格 >= 60; 不合格 }
        }
        indicator ontime "按时办结" {
          points 50
          from cases where status == "finished"
          measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
          score linear { 0% -> 0; 100% -> 50 }
          when empty: zero
        }
        indicator good "好评率" {
          points 50
          from reviews
          measure rate(rating >= 4)
          score linear { 0% -> 0; 100% -> 50 }
          when empty: zero
        }
        """

    @Test(
        "Rows written with the checks off stop the run, naming the table, a row, its value and the check it breaks",
        arguments: [
            ("reviews", "rating", SQLValue.text("x'01'"), "rating = X'01'"),
            ("reviews", "rating", SQLValue.integer(99), "rating = 99（CHECK (rating BETWEEN 1 AND 5)）"),
            ("cases", "promised_days", SQLValue.text("20天"), "promised_days = '20天'"),
            ("cases", "accepted_at", SQLValue.text("2024-03-04 10:00"), "accepted_at = '2024-03-04 10:00'"),
            ("cases", "finished_at", SQLValue.text("2024-03-05"), "finished_at = '2024-03-05'"),
            ("cases", "status", SQLValue.text("done"), "status = 'done'"),
        ])
    func brokenRows(table: String, column: String, value: SQLValue, shown: String) throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-03-04"), finished: at("2024-03-05"), promised: 3)
        try test.addReview(1, rating: 5, rated: at("2024-03-04"))
        try test.store.database.execute("PRAGMA ignore_check_constraints = ON")
        if value == .text("x'01'") {
            try test.store.database.execute("UPDATE \(table) SET \(column) = x'01'")
        } else {
            try test.store.database.prepare("UPDATE \(table) SET \(column) = ?").run([value])
        }
        try test.store.database.execute("PRAGMA ignore_check_constraints = OFF")
        let error = #expect(throws: StoreError.self) { try test.run(Self.rules) }
        let sentence = error.map { "\($0)" } ?? ""
        #expect(sentence.contains("表 \(table) 有 1 行违反约束，如 "), "\(sentence)")
        #expect(sentence.contains(shown), "\(sentence)")
        #expect(sentence.contains("此库在约束检查关闭时写入或已被修改"))
    }

    @Test("A digest remembered before the rows were broken is not trusted: the broken rows change the store's state")
    func rememberedDigest() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-03-04"), finished: at("2024-03-05"), promised: 3)
        try test.addReview(1, rating: 5, rated: at("2024-03-04"))
        _ = try test.run(Self.rules)
        try test.store.database.execute("PRAGMA ignore_check_constraints = ON; UPDATE reviews SET rating = 99")
        #expect(throws: StoreError.self) { try test.run(Self.rules) }
    }

    static let extraRules = """
        assessment "T" {
          period 2024-01-01 .. 2024-12-31
          grades { 合格 >= 60; 不合格 }
        }
        table findings "发现的问题" {
          center_id integer
          found_at time period
          quantity integer
          share real
          settled flag
          due day
        }
        indicator n "问题" {
          points 10
          from findings
          measure count()
          score measure
        }
        indicator q "数量" {
          points 10
          from findings
          measure sum(quantity * share) + count(where settled and due > 2024-01-01)
          score measure
        }
        """

    @Test("An extra table: a value not of its declared type leaves its row out with its reason, natively and in SQL")
    func extraTableTypes() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.store.database.execute(
            "CREATE TABLE findings (center_id INTEGER, found_at INTEGER, quantity INTEGER, share REAL, settled INTEGER, due TEXT)")
        let time = at("2024-03-04")
        let rows: [[SQLValue]] = [
            [1, .integer(time), 2, .real(0.5), 1, "2024-03-05"],  // good
            [1, .integer(time), 3, .real(1), 0, nil],  // good
            [1, .integer(time), "三个", .real(1), 0, nil],  // quantity is text
            [1, .integer(time), .real(2.5), "一半", 0, nil],  // share is text
            [1, .integer(time), 1, .real(1), 2, nil],  // settled is 2
            [1, .integer(time), 1, .real(1), "yes", nil],  // settled is text
            [1, .integer(time), 1, .real(1), 1, "2024-02-30"],  // no such day
            [1, .integer(time), 1, .real(1), 1, .integer(20240305)],  // a day as a number
            [1, "2024-03-04", 1, .real(1), 0, nil],  // found_at is text
            ["C1", .integer(time), 1, .real(1), 0, nil],  // center_id is text
            [1, .integer(time), 7, .real(1), 0, nil],  // quantity becomes a BLOB below
        ]
        let insert = try test.store.database.prepare("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?)")
        for row in rows { try insert.run(row) }
        try test.store.database.execute("UPDATE findings SET quantity = x'00' WHERE quantity = 7")
        let document = try test.run(Self.extraRules)
        #expect(
            document.dataQuality == [
                DataQualityEntry(table: "findings", reason: "center_id is not an integer", rows: 1),
                DataQualityEntry(table: "findings", reason: "due is not a date", rows: 2),
                DataQualityEntry(table: "findings", reason: "found_at is not a time", rows: 1),
                DataQualityEntry(table: "findings", reason: "quantity is not an integer", rows: 2),
                DataQualityEntry(table: "findings", reason: "settled is not 0 or 1", rows: 2),
                DataQualityEntry(table: "findings", reason: "share is not a number", rows: 1),
            ])
        let center = try document.center("C1")
        #expect(center.indicators.map(\.measure) == [2, 5])
        // The SQL of the same plan leaves the same rows out; so does a run that reads the column cache.
        let parsed = Parser.parse(SourceFile(name: "extra.rules", text: Self.extraRules))
        let plan = try #require(Checker.check(parsed.file, schema: try SchemaCatalog(store: test.store)).plan)
        let cached = EvaluationOptions(columnCache: true)
        let cold = try Evaluator.evaluate(plan: plan, store: test.store, rulesSHA256: "", options: cached)
        let warm = try Evaluator.evaluate(plan: plan, store: test.store, rulesSHA256: "", options: cached)
        #expect(cold.dataQuality == document.dataQuality)
        #expect(warm.dataQuality == document.dataQuality)
        #expect(warm.centers.map(\.total) == document.centers.map(\.total))
        let statement = try test.store.database.prepare(try SQLCompiler(plan: plan, dialect: .sqlite).compile())
        var measures: [String: Double] = [:]
        while try statement.step() { measures[statement.text(1) ?? ""] = statement.value(4).double }
        #expect(measures == ["n": 2, "q": 5])
    }
}
