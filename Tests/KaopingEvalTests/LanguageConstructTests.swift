import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// Every construct of the complete rule language (issue 4) that the other evaluation tests do not pin, each on
/// a tiny store with its value worked out by hand in a comment.
@Suite("Language constructs, hand-worked")
struct LanguageConstructTests {}

/// An assessment header over 2024 with the usual grades, and `extra` lines inside the block.
private func assessment(_ extra: String = "") -> String {
    """
    assessment "语言构造" {
      period 2024-01-01 .. 2024-12-31
      grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
    \(extra)
    }

    """
}

/// One indicator `m` with 1000 points that scores its measure, so the measure can be read back unclamped
/// (negative measures give 0 points but keep their measure).
private func measuring(from: String, _ measure: String) -> String {
    assessment() + """
        indicator m "计量" {
          category "测试"
          points 1000
          from \(from)
          measure \(measure)
          score measure
        }
        """
}

/// `path points/max` of a category subtotal, six decimals.
private func subtotal(_ category: CategorySubtotal) -> String {
    "\(category.path) \(six(category.points)!)/\(six(category.maxPoints)!)"
}

/// Loads `path` with its includes, checks it against `store` and evaluates it; errors fail the test.
private func evaluateFile(_ path: String, on store: Store, overrides: [String: String] = [:]) throws -> ResultsDocument {
    let loader = try RuleLoader.load(path: path)
    let checked = Checker.check(loader.files, schema: try SchemaCatalog(store: store), overrides: overrides)
    let errors = (loader.diagnostics + checked.diagnostics).filter { $0.severity == .error }
    #expect(errors.map(\.id) == [], "\(errors.map(\.englishMessage))")
    let plan = try #require(checked.plan)
    return try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: String(repeating: "0", count: 64))
}

extension TestStore {
    /// A case with the columns the lookup and string tests read.
    fileprivate func languageCase(
        _ number: String, center: Int64, item: String?, kind: String = "promised", channel: String = "window", status: String = "finished",
        accepted: Int64, finished: Int64?, promised: Int64?
    ) throws {
        try insert(
            "cases",
            [
                "case_no": .text(number), "center_id": .integer(center), "item_code": item.sql, "kind": .text(kind),
                "channel": .text(channel), "accepted_at": .integer(accepted), "finished_at": finished.sql,
                "promised_days": promised.sql, "status": .text(status),
            ])
    }

    /// A center with an optional parent.
    fileprivate func languageCenter(_ id: Int64, _ code: String, name: String, kind: String, level: String, parent: Int64?) throws {
        try insert(
            "centers",
            [
                "id": .integer(id), "code": .text(code), "name": .text(name), "kind": .text(kind), "level": .text(level),
                "region": "南京市", "parent_id": parent.sql,
            ])
    }
}

// MARK: - Structure

extension LanguageConstructTests {
    @Suite("Language: include")
    struct IncludeConstructTests {
        /// main.rules includes shared/defs.rules (which includes params.rules beside it, in shared/) and
        /// shared/params.rules again (read once). The included `limit = 5` is used by main's indicator; the
        /// included indicator is evaluated.
        ///
        /// I1's cases promise 3, 5 and 8 days: local = count(promised ≤ 5) × 10 = 2 × 10 = 20; shared_count =
        /// count() × 5 = 3 × 5 = 15; total 35. With `limit=8`: local = 3 × 10 = 30; total 45.
        @Test("An included parameter and indicator are used; a file included twice is read once; --param reaches an included parameter")
        func includedDefinitions() throws {
            let test = try TestStore(calendar: false)
            let shared = (test.folder as NSString).appendingPathComponent("shared")
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            let main = (test.folder as NSString).appendingPathComponent("main.rules")
            try """
            include "shared/defs.rules"
            include "shared/params.rules"
            \(assessment())
            indicator local "本地指标" {
              category "测试"
              points 50
              from cases
              measure count(where promised_days <= limit)
              score measure * 10
            }
            """.write(toFile: main, atomically: true, encoding: .utf8)
            try """
            # 共用定义
            include "params.rules"
            indicator shared_count "共用指标" {
              category "测试"
              points 50
              from cases
              measure count()
              score measure * 5
            }
            """.write(toFile: (shared as NSString).appendingPathComponent("defs.rules"), atomically: true, encoding: .utf8)
            try "param limit = 5   # 共用参数\n".write(
                toFile: (shared as NSString).appendingPathComponent("params.rules"), atomically: true, encoding: .utf8)

            try test.center(1, "I1")
            for promised in [3, 5, 8] as [Int64] { try test.addCase(1, accepted: at("2024-03-01"), promised: promised) }

            #expect(try RuleLoader.load(path: main).files.count == 3)
            let doc = try evaluateFile(main, on: test.store)
            #expect(try doc.indicator("I1", "local").measure == 2)
            #expect(try doc.indicator("I1", "local").points == 20)
            #expect(try doc.indicator("I1", "shared_count").points == 15)
            #expect(try doc.center("I1").total == 35)
            #expect(doc.assessment.parameters.map { "\($0.name)=\($0.value) \($0.overridden)" } == ["limit=5 false"])

            let overridden = try evaluateFile(main, on: test.store, overrides: ["limit": "8"])
            #expect(try overridden.indicator("I1", "local").points == 30)
            #expect(try overridden.center("I1").total == 45)
            #expect(overridden.assessment.parameters.map { "\($0.name)=\($0.value) \($0.overridden)" } == ["limit=8 true"])
        }

        /// a → b → c → a: the include in c closes the cycle (the two-file cycle is pinned in DiagnosticCoverageTests).
        @Test("A cycle through three files is K0120 at the include in the file that closes it")
        func threeFileCycle() throws {
            let test = try TestStore(calendar: false)
            func write(_ name: String, _ text: String) throws {
                try text.write(toFile: (test.folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            try write("a.rules", "include \"b.rules\"\n")
            try write("b.rules", "include \"c.rules\"\n")
            try write("c.rules", "param x = 1\ninclude \"a.rules\"\n")
            let loader = try RuleLoader.load(path: (test.folder as NSString).appendingPathComponent("a.rules"))
            #expect(loader.diagnostics.map(\.id) == ["K0120"])
            let diagnostic = try #require(loader.diagnostics.first)
            #expect(diagnostic.file.hasSuffix("/c.rules"))
            let source = try #require(loader.sources.first { $0.name == diagnostic.file })
            #expect(source.location(of: diagnostic.range.start).line == 2)
            #expect(loader.files.count == 3)
        }

        /// shared/defs.rules says `include "extra.rules"`: that is shared/extra.rules, which does not exist, even
        /// though an extra.rules sits beside main.rules.
        @Test("An include is resolved from the including file's folder: a file only beside the root is missing (K0121)")
        func missingRelativeToIncludingFile() throws {
            let test = try TestStore(calendar: false)
            let shared = (test.folder as NSString).appendingPathComponent("shared")
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            try "include \"shared/defs.rules\"\n".write(
                toFile: (test.folder as NSString).appendingPathComponent("main.rules"), atomically: true, encoding: .utf8)
            try "param y = 2\n".write(
                toFile: (test.folder as NSString).appendingPathComponent("extra.rules"), atomically: true, encoding: .utf8)
            try "param x = 1\ninclude \"extra.rules\"\n".write(
                toFile: (shared as NSString).appendingPathComponent("defs.rules"), atomically: true, encoding: .utf8)
            let loader = try RuleLoader.load(path: (test.folder as NSString).appendingPathComponent("main.rules"))
            #expect(loader.diagnostics.map(\.id) == ["K0121"])
            #expect(loader.diagnostics.first?.file.hasSuffix("/shared/defs.rules") == true)
            #expect(loader.files.count == 2)
        }
    }
}

extension LanguageConstructTests {
    @Suite("Language: categories, weights and redistribution over category paths")
    struct CategoryConstructTests {
        /// 服务效能 40 { 限时办结 25; 服务便利 15 } and 好差评 60; a (25) in 服务效能/限时办结, b (10) and d (5) in
        /// 服务效能/服务便利, c (60) in 好差评. Each scores `linear { 0% -> 0; 100% -> points }`.
        static let rules = """
            assessment "类别" {
              period 2024-01-01 .. 2024-12-31
              total 100
              category "服务效能" 40 {
                category "限时办结" 25
                category "服务便利" 15
              }
              category "好差评" 60
              grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
            }
            indicator a "按时办结" {
              category "服务效能" / "限时办结"
              points 25
              from cases
              measure rate(status == "finished")
              score linear { 0% -> 0; 100% -> 25 }
              when empty: not_applicable
            }
            indicator b "承诺时限" {
              category "服务效能" / "服务便利"
              points 10
              from cases
              measure rate(promised_days <= 5)
              score linear { 0% -> 0; 100% -> 10 }
              when empty: not_applicable
            }
            indicator d "投诉办结" {
              category "服务效能" / "服务便利"
              points 5
              from complaints
              measure rate(closed_at is not null)
              score linear { 0% -> 0; 100% -> 5 }
              when empty: not_applicable
            }
            indicator c "好评率" {
              category "好差评"
              points 60
              from reviews
              measure rate(rating >= 4)
              score linear { 0% -> 0; 100% -> 60 }
              when empty: not_applicable
            }
            """

        @Test("Declared categories, per-center subtotals, and redistribution within a 二级 path or over the whole assessment")
        func categories() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "T1")
            try test.center(2, "T2")
            try test.center(3, "T3")
            // T1: cases finished/3, finished/10, accepted/5, accepted/8; complaints one closed, one open;
            // ratings 5, 4, 1, 2, 3.
            try test.addCase(1, accepted: at("2024-03-01"), status: "finished", promised: 3)
            try test.addCase(1, accepted: at("2024-03-01"), status: "finished", promised: 10)
            try test.addCase(1, accepted: at("2024-03-01"), status: "accepted", promised: 5)
            try test.addCase(1, accepted: at("2024-03-01"), status: "accepted", promised: 8)
            try test.addComplaint(1, received: at("2024-03-01"), due: nil, closed: at("2024-03-05"))
            try test.addComplaint(1, received: at("2024-03-01"), due: nil, closed: nil)
            for rating in [5, 4, 1, 2, 3] as [Int64] { try test.addReview(1, rating: rating, rated: at("2024-04-01")) }
            // T2: cases finished/3, finished/4; no complaints; ratings 5, 2.
            try test.addCase(2, accepted: at("2024-03-01"), status: "finished", promised: 3)
            try test.addCase(2, accepted: at("2024-03-01"), status: "finished", promised: 4)
            try test.addReview(2, rating: 5, rated: at("2024-04-01"))
            try test.addReview(2, rating: 2, rated: at("2024-04-01"))
            // T3: cases finished/7, accepted/2; no complaints, no reviews.
            try test.addCase(3, accepted: at("2024-03-01"), status: "finished", promised: 7)
            try test.addCase(3, accepted: at("2024-03-01"), status: "accepted", promised: 2)

            let doc = try test.run(CategoryConstructTests.rules)
            #expect(doc.assessment.total == 100)
            #expect(
                doc.assessment.categories.map { "\($0.path) \($0.points ?? -1)" } == [
                    "服务效能 40.0", "服务效能/限时办结 25.0", "服务效能/服务便利 15.0", "好差评 60.0",
                ])
            #expect(try doc.indicator("T1", "a").category == "服务效能/限时办结")

            // T1: a 2/4 → 12.5; b (3, 5 of 3, 10, 5, 8) 2/4 → 5; d 1/2 → 2.5; c 2/5 → 24; total 44.
            let t1 = try doc.center("T1")
            #expect(t1.indicators.map(summary) == ["ok 12.5/25.0", "ok 5.0/10.0", "ok 2.5/5.0", "ok 24.0/60.0"])
            #expect(
                t1.categories.map(subtotal) == [
                    "服务效能 20.0/40.0",  // 12.5 + 5 + 2.5 of 25 + 10 + 5
                    "服务效能/限时办结 12.5/25.0",
                    "服务效能/服务便利 7.5/15.0",  // 5 + 2.5
                    "好差评 24.0/60.0",
                ])
            #expect(six(t1.total) == 44)

            // T2: d is empty: its 5 go to b, the only scored indicator of 服务效能/服务便利: factor (10 + 5) / 10 = 1.5,
            // b = 10 × 1.5 = 15 of 15. a 25; c 1/2 → 30. Total 70.
            let t2 = try doc.center("T2")
            #expect(t2.indicators.map(summary) == ["ok 25.0/25.0", "ok 15.0/15.0", "not_applicable 0.0/0.0", "ok 30.0/60.0"])
            #expect(t2.categories.map(subtotal) == ["服务效能 40.0/40.0", "服务效能/限时办结 25.0/25.0", "服务效能/服务便利 15.0/15.0", "好差评 30.0/60.0"])
            #expect(six(t2.total) == 70)

            // T3: a 1/2 → 12.5; b (7 > 5, 2 ≤ 5) 1/2 → 5; d empty → b × 1.5 = 7.5 of 15. 好差评 has nothing scored:
            // its 60 go over the whole assessment, base 25 + 15 = 40, factor (40 + 60) / 40 = 2.5:
            // a = 12.5 × 2.5 = 31.25 of 62.5, b = 7.5 × 2.5 = 18.75 of 37.5. Total 50.
            let t3 = try doc.center("T3")
            #expect(t3.indicators.map(summary) == ["ok 31.25/62.5", "ok 18.75/37.5", "not_applicable 0.0/0.0", "not_applicable 0.0/0.0"])
            #expect(
                t3.categories.map(subtotal) == [
                    "服务效能 50.0/100.0", "服务效能/限时办结 31.25/62.5", "服务效能/服务便利 18.75/37.5", "好差评 0.0/0.0",
                ])
            #expect(six(t3.total) == 50)
        }

        /// total 100; f has fixed points 40; w1 weight 2 and w2 weight 1 share the 100 − 40 = 60 left:
        /// w1 = 60 × 2/3 = 40, w2 = 60 × 1/3 = 20. Each scores `deduct 10 per 1` on its center's inspections.
        @Test("Weighted indicators share what fixed points leave of the total")
        func weights() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "W1")
            try test.center(2, "W2")
            try test.center(3, "W3")
            try test.addInspection(1, at: at("2024-05-01"), severity: "minor")
            for day in ["2024-05-01", "2024-05-02", "2024-05-03"] { try test.addInspection(3, at: at(day), severity: "minor") }
            let indicator = { (id: String, size: String) in
                """
                indicator \(id) "\(id)" {
                  category "测试"
                  \(size)
                  from inspections
                  measure count()
                  score deduct 10 per 1
                  when empty: full
                }

                """
            }
            let doc = try test.run(
                assessment("  total 100") + indicator("f", "points 40") + indicator("w1", "weight 2") + indicator("w2", "weight 1"))
            #expect(doc.assessment.indicators.map { "\($0.id) \($0.points)" } == ["f 40.0", "w1 40.0", "w2 20.0"])
            // W1, one finding: 40 − 10, 40 − 10, 20 − 10 → total 70.
            #expect(try doc.center("W1").indicators.map(summary) == ["ok 30.0/40.0", "ok 30.0/40.0", "ok 10.0/20.0"])
            #expect(try doc.center("W1").total == 70)
            // W2, nothing found: full points 40 + 40 + 20 = 100.
            #expect(try doc.center("W2").total == 100)
            // W3, three findings: 40 − 30, 40 − 30, 20 − 30 → 0 (deduction capped at the 20 points) → total 20.
            #expect(try doc.center("W3").indicators.map(summary) == ["ok 10.0/40.0", "ok 10.0/40.0", "ok 0.0/20.0"])
            #expect(try doc.center("W3").total == 20)
        }

        /// a (40, minimum 2) and b (60) in one category; b scores 60 − 10 per inspection and is full when empty.
        @Test("minimum N: exactly N rows are scored, N − 1 are insufficient_data and redistributed like not_applicable")
        func minimumBoundary() throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "M1")
            try test.center(2, "M2")
            try test.center(3, "M3")
            try test.addCase(1, accepted: at("2024-03-01"), status: "finished")
            try test.addCase(2, accepted: at("2024-03-01"), status: "finished")
            try test.addCase(2, accepted: at("2024-03-01"), status: "accepted")
            try test.addInspection(2, at: at("2024-05-01"), severity: "minor")
            try test.addInspection(3, at: at("2024-05-01"), severity: "minor")
            try test.addInspection(3, at: at("2024-05-02"), severity: "minor")
            let doc = try test.run(
                assessment() + """
                    indicator a "办结率" {
                      category "效能"
                      points 40
                      from cases
                      measure rate(status == "finished")
                      score linear { 0% -> 0; 100% -> 40 }
                      when empty: not_applicable
                      minimum 2
                    }
                    indicator b "检查" {
                      category "效能"
                      points 60
                      from inspections
                      measure count()
                      score 60 - measure * 10
                      when empty: full
                    }
                    """)
            // M1: 1 case < 2: insufficient; b full 60, factor (60 + 40) / 60 → 100 of 100.
            #expect(try doc.center("M1").indicators.map(summary) == ["insufficient_data 0.0/0.0", "ok 100.0/100.0"])
            #expect(try doc.indicator("M1", "a").population == 1)
            // M2: 2 cases = minimum: scored, 1/2 → 20 of 40; b 60 − 10 = 50; total 70.
            #expect(try doc.center("M2").indicators.map(summary) == ["ok 20.0/40.0", "ok 50.0/60.0"])
            #expect(try doc.center("M2").total == 70)
            // M3: no cases: not_applicable (the empty policy comes first); b 60 − 20 = 40, × 100/60 = 66.666667 of 100.
            #expect(try doc.center("M3").indicators.map(summary) == ["not_applicable 0.0/0.0", "ok 66.666667/100.0"])
        }
    }
}

// MARK: - Expressions, lookups and measures

/// One store for the expression, lookup and measure tables.
///
/// Centers (all region 南京市): P0 南京市政务服务中心 (center, city, no parent); E1 南京市政务服务中心江宁分中心
/// (sub_center, county, parent P0); E2 南京市政务服务中心浦口现场办理点 (onsite_point, county, parent P0);
/// E3 江宁区政务服务分中心 (sub_center, county, no parent); E4 南京市政务服务中心分中心 (sub_center, city, parent P0).
///
/// E1's cases (accepted/finished 2024, China time):
///
/// | case | item_code | kind     | channel | status   | accepted    | finished    | promised |
/// |------|-----------|----------|---------|----------|-------------|-------------|----------|
/// | K1   | 320115-A1 | promised | online  | finished | 03-01 09:00 | 03-03 15:30 | 5        |
/// | K2   | 320115-A2 | promised | window  | finished | 03-01 23:30 | 03-02 00:30 | 10       |
/// | K3   | 320115-X3 | instant  | window  | finished | 03-04 10:00 | 03-04 10:30 | NULL     |
/// | K4   | NOPE      | promised | mobile  | accepted | 03-05 09:00 | NULL        | 3        |
/// | K5   | NULL      | promised | window  | finished | 03-06 09:00 | 03-08 09:00 | 7        |
/// | K6   | 320115-A1 | promised | window  | finished | 03-10 09:00 | 03-17 09:00 | 5        |
///
/// Hours K1 54.5, K2 1, K3 0.5, K5 48, K6 168; calendar days K1 2, K2 1, K3 0, K5 2, K6 7.
/// E4 has one case K7 (no item, promised 1).
///
/// Items (E1): 320115-A1 企业开办 → B001, promised 5; 320115-A2 不动产登记（一般） → B002, promised 10;
/// 320115-X3 医保 → B999 (not in the catalog), promised NULL. Catalog: B001 企业开办, B002 不动产登记.
///
/// Reviews (E1): R1 of K1 rating 5; R2 of K2 rating 2; R3 of GHOST (no such case) rating 4; R4 of no case rating 3.
enum ExpressionStore {
    static func make() throws -> TestStore {
        let test = try TestStore(calendar: false)
        try test.languageCenter(9, "P0", name: "南京市政务服务中心", kind: "center", level: "city", parent: nil)
        try test.languageCenter(1, "E1", name: "南京市政务服务中心江宁分中心", kind: "sub_center", level: "county", parent: 9)
        try test.languageCenter(2, "E2", name: "南京市政务服务中心浦口现场办理点", kind: "onsite_point", level: "county", parent: 9)
        try test.languageCenter(3, "E3", name: "江宁区政务服务分中心", kind: "sub_center", level: "county", parent: nil)
        try test.languageCenter(4, "E4", name: "南京市政务服务中心分中心", kind: "sub_center", level: "city", parent: 9)

        try test.insert("catalog", ["basic_code": "B001", "name": "企业开办", "item_type": "01"])
        try test.insert("catalog", ["basic_code": "B002", "name": "不动产登记", "item_type": "01"])
        try test.insert("items", ["item_code": "320115-A1", "center_id": 1, "basic_code": "B001", "name": "企业开办", "promised_days": 5])
        try test.insert(
            "items", ["item_code": "320115-A2", "center_id": 1, "basic_code": "B002", "name": "不动产登记（一般）", "promised_days": 10])
        try test.insert("items", ["item_code": "320115-X3", "center_id": 1, "basic_code": "B999", "name": "医保", "promised_days": nil])

        try test.languageCase(
            "K1", center: 1, item: "320115-A1", channel: "online", accepted: at("2024-03-01", 9), finished: at("2024-03-03", 15, 30),
            promised: 5)
        try test.languageCase(
            "K2", center: 1, item: "320115-A2", accepted: at("2024-03-01", 23, 30), finished: at("2024-03-02", 0, 30), promised: 10)
        try test.languageCase(
            "K3", center: 1, item: "320115-X3", kind: "instant", accepted: at("2024-03-04", 10), finished: at("2024-03-04", 10, 30),
            promised: nil)
        try test.languageCase(
            "K4", center: 1, item: "NOPE", channel: "mobile", status: "accepted", accepted: at("2024-03-05", 9), finished: nil, promised: 3)
        try test.languageCase("K5", center: 1, item: nil, accepted: at("2024-03-06", 9), finished: at("2024-03-08", 9), promised: 7)
        try test.languageCase("K6", center: 1, item: "320115-A1", accepted: at("2024-03-10", 9), finished: at("2024-03-17", 9), promised: 5)
        try test.languageCase("K7", center: 4, item: nil, accepted: at("2024-03-01", 9), finished: at("2024-03-02", 9), promised: 1)

        for (number, caseNumber, rating) in [("R1", "K1", 5), ("R2", "K2", 2), ("R3", "GHOST", 4), ("R4", nil, 3)]
            as [(String, String?, Int64)]
        {
            try test.insert(
                "reviews",
                [
                    "review_no": .text(number), "case_no": caseNumber.sql, "center_id": 1, "rating": .integer(rating),
                    "channel": "pc", "rated_at": .integer(at("2024-04-01")),
                ])
        }
        return test
    }
}

extension LanguageConstructTests {
    @Suite("Language: expressions, lookups and measures, each on E1's rows")
    struct ExpressionConstructTests {
        static let caseMeasures: [(measure: String, expected: Double, numerator: Int?)] = [
            // case with a subject: promised K1, K2, K4, K5, K6 → 5 × 10; instant K3 → 1: 51.
            (#"sum(case kind { "promised" -> 10; "instant" -> 1; else -> 0 })"#, 51, nil),
            // No else: window rows read NULL and are not counted; K1 online, K4 mobile: 2.
            (#"count(case channel { "online" -> 1; "mobile" -> 1 })"#, 2, nil),
            // Conditions: K1 5 → 2, K2 10 → 3, K3 NULL → else 1, K4 3 → 1, K5 7 → 2, K6 5 → 2: 11.
            ("sum(case { promised_days >= 10 -> 3; promised_days >= 5 -> 2; else -> 1 })", 11, nil),
            // The first arm that holds wins: K2's 10 takes `>= 5 -> 1`, never 100: K1, K2, K5, K6 → 4.
            ("sum(case { promised_days >= 5 -> 1; promised_days >= 10 -> 100; else -> 0 })", 4, nil),
            // Strings: 320115-A… K1, K2, K6; ends with 1 K1, K6; contains -X K3; no A: K3, NOPE (K5's NULL is unknown).
            (#"count(where starts_with(item_code, "320115-A"))"#, 3, nil),
            (#"count(where ends_with(item_code, "1"))"#, 2, nil),
            (#"count(where contains(item_code, "-X"))"#, 1, nil),
            (#"count(where not contains(item_code, "A"))"#, 2, nil),
            // 9 characters × 4 (K1, K2, K3, K6) + 4 (NOPE) = 40.
            ("sum(length(item_code))", 40, nil),
            // hours: 54.5 + 1 + 0.5 + 48 + 168 = 272; the least 0.5.
            ("sum(hours(accepted_at, finished_at))", 272, nil),
            ("min(hours(accepted_at, finished_at))", 0.5, nil),
            // Calendar days: 2 + 1 + 0 + 2 + 7 = 12 (K2 is one day for one hour across midnight).
            ("sum(days(accepted_at, finished_at))", 12, nil),
            // Durations: ≤ 48 hours K2, K3, K5 (exactly 48); ≤ 30 minutes K3 (exactly); > 1 days K1, K5, K6.
            ("count(where finished_at - accepted_at <= 48 hours)", 3, nil),
            ("count(where finished_at - accepted_at <= 30 minutes)", 1, nil),
            ("count(where finished_at - accepted_at > 1 days)", 3, nil),
            // Time + span: K6 finished exactly 7 days later counts with <=, not with <.
            ("count(where finished_at <= accepted_at + 7 days)", 5, nil),
            ("count(where finished_at < accepted_at + 7 days)", 4, nil),
            // Date+time literals: accepted at or after 03-01 23:30: K2–K6; finished exactly 03-17 09:00: K6.
            ("count(where accepted_at >= 2024-03-01T23:30)", 5, nil),
            ("count(where finished_at == 2024-03-17T09:00)", 1, nil),
            // A time against a date compares the day: finished on or before 03-03: K1 (15:30 on 03-03), K2.
            ("count(where finished_at <= 2024-03-03)", 2, nil),
            // promised: 5 + 10 + 3 + 7 + 5 = 30. |30 − 40| = 10; 30/4 = 7.5 → 8; −7.5 → −8 (away from zero);
            // 30/16 = 1.875 → 1.88; 30/7 = 4.2857… → 4.3.
            ("abs(sum(promised_days) - 40)", 10, nil),
            ("round(sum(promised_days) / 4)", 8, nil),
            ("round(0 - sum(promised_days) / 4)", -8, nil),
            ("round(sum(promised_days) / 16, 2)", 1.88, nil),
            ("round(sum(promised_days) / 7, 1)", 4.3, nil),
            // item.promised_days: K1 5, K2 10, K6 5 = 20; K3's item has NULL, K4's NOPE and K5's NULL code find nothing.
            ("sum(item.promised_days)", 20, nil),
            ("count(where item.promised_days is null)", 3, nil),
            // Chained: K1 and K6 → 320115-A1 → B001 企业开办; basic_code is null for K3 (B999 not in the catalog), K4, K5.
            (#"count(where item.catalog.name == "企业开办")"#, 2, nil),
            ("count(where item.catalog.basic_code is null)", 3, nil),
            // The row's center: E1 is county.
            (#"count(where center.level == "county")"#, 6, nil),
            // Distinct non-NULL: 320115-A1, 320115-A2, 320115-X3, NOPE = 4; channels online, window, mobile = 3.
            ("count_distinct(item_code)", 4, nil),
            ("count_distinct(channel)", 3, nil),
            // Sorted promised: 3, 5, 5, 7, 10. Median the 3rd: 5. Finished only (5, 10, 7, 5 → 5, 5, 7, 10): (5 + 7) / 2 = 6.
            ("median(promised_days)", 5, nil),
            (#"median(promised_days where status == "finished")"#, 6, nil),
            // percentile_cont over n = 5: position p × 4. 90%: 3.6 → 7 + 0.6 × (10 − 7) = 8.8; 60%: 2.4 → 5 + 0.4 × 2 = 5.8;
            // 25%: 1.0 → 5; 0% → 3; 100% → 10.
            ("percentile(promised_days, 90%)", 8.8, nil),
            ("percentile(promised_days, 60%)", 5.8, nil),
            ("percentile(promised_days, 25%)", 5, nil),
            ("percentile(promised_days, 0%)", 3, nil),
            ("percentile(promised_days, 100%)", 10, nil),
            // Filtered aggregates: finished (5 + 10 + 7 + 5) / 4 = 6.75; window 10 + 7 + 5 = 22 (K3 NULL).
            (#"avg(promised_days where status == "finished")"#, 6.75, nil),
            (#"sum(promised_days where channel == "window")"#, 22, nil),
            // A ratio of two counts, reported with its numerator: 5 finished of 6.
            (#"ratio(count(where status == "finished"), count())"#, 5.0 / 6.0, 5),
        ]

        @Test("Measures over E1's six cases", arguments: caseMeasures)
        func caseMeasure(measure: String, expected: Double, numerator: Int?) throws {
            let doc = try ExpressionStore.make().run(measuring(from: "cases", measure))
            let result = try doc.indicator("E1", "m")
            #expect(result.status == .ok)
            #expect(result.population == 6)
            #expect(six(result.measure) == six(expected), "\(measure)")
            #expect(result.numerator == numerator)
        }

        @Test(
            "Measures over E1's four reviews (case.…) and three items (catalog.…)",
            arguments: [
                // case.channel: R1 → K1 online; R3 (GHOST) and R4 (no case_no) find nothing and read NULL.
                ("reviews", #"count(where case.channel == "online")"#, 1.0),
                ("reviews", "count(where case.channel is null)", 2),
                // Reviews of finished cases: R1 5 and R2 2 → 3.5.
                ("reviews", #"avg(rating where case.status == "finished")"#, 3.5),
                // catalog.name == name only for 企业开办 (不动产登记（一般） ≠ 不动产登记; B999 finds nothing).
                ("items", "count(where catalog.name == name)", 1),
                ("items", "count(where catalog.basic_code is null)", 1),
                (#"items"#, #"count(where starts_with(catalog.name, "不动产"))"#, 1),
                ("items", #"count(where contains(name, "登记") and ends_with(name, "）"))"#, 1),
                // 企业开办 4 + 不动产登记（一般） 9 + 医保 2 = 15 characters.
                ("items", "sum(length(name))", 15),
            ])
        func lookupMeasure(table: String, measure: String, expected: Double) throws {
            let doc = try ExpressionStore.make().run(measuring(from: table, measure))
            #expect(try doc.indicator("E1", "m").measure == expected, "\(measure)")
        }

        @Test("ratio(a, 0) is NULL: the measure cannot be computed, so the indicator is not applicable")
        func ratioByZero() throws {
            let doc = try ExpressionStore.make().run(
                measuring(from: "cases", #"ratio(count(where status == "rejected"), count(where status == "voided"))"#))
            let result = try doc.indicator("E1", "m")
            #expect(result.measure == nil)
            #expect(result.status == .notApplicable)
        }

        /// `from centers`: each center's population is its own row.
        @Test("From centers: the naming rule of 第五条 as a regex, and parent.name (NULL without a parent)")
        func fromCenters() throws {
            let doc = try ExpressionStore.make().run(
                assessment() + """
                    indicator named "挂牌名称" {
                      category "规范"
                      points 10
                      from centers
                      measure count(where matches(name, "^.+政务服务中心.+(分中心|现场办理点)$"))
                      score measure * 10
                    }
                    indicator under "隶属" {
                      category "规范"
                      points 10
                      from centers
                      measure count(where parent.name == "南京市政务服务中心")
                      score measure
                    }
                    indicator orphan "无上级" {
                      category "规范"
                      points 10
                      from centers
                      measure count(where parent.name is null)
                      score measure
                    }
                    """)
            let rows = doc.centers.sorted { $0.code < $1.code }.map { center in
                "\(center.code) " + center.indicators.map { "\(Int($0.measure ?? -1))" }.joined(separator: " ")
            }
            #expect(
                rows == [
                    "E1 1 1 0",  // …政务服务中心 + 江宁 + 分中心
                    "E2 1 1 0",  // …政务服务中心 + 浦口 + 现场办理点
                    "E3 0 0 1",  // 政务服务分中心: no 政务服务中心 in the name
                    "E4 0 1 0",  // 政务服务中心分中心: nothing between 中心 and 分中心, `.+` needs one character
                    "P0 0 0 1",  // ends with 中心, not 分中心 or 现场办理点
                ])
            #expect(try doc.indicator("E1", "named").points == 10)
        }

        @Test("parent.name in the assess filter keeps only P0's children; center.level reads the case's center")
        func assessByParent() throws {
            let doc = try ExpressionStore.make().run(
                assessment(#"  assess centers where parent.name == "南京市政务服务中心""#) + """
                    indicator m "县级办件" {
                      category "测试"
                      points 1000
                      from cases
                      measure count(where center.level == "county")
                      score measure
                    }
                    """)
            #expect(doc.centers.map(\.code).sorted() == ["E1", "E2", "E4"])
            #expect(try doc.indicator("E1", "m").measure == 6)  // county, six cases
            #expect(try doc.indicator("E4", "m").measure == 0)  // city: K7 does not count
            #expect(try doc.indicator("E4", "m").population == 1)
            #expect(try doc.indicator("E2", "m").status == .notApplicable)  // no cases
        }
    }
}

extension LanguageConstructTests {
    @Suite("Language: working days over the 2024 Spring Festival, parameters as durations, --param")
    struct WorkdayConstructTests {
        /// W1's four cases, all accepted Thu 2024-02-08 10:00; Rules/calendars/2024.txt: 02-09 (Fri) a working day,
        /// 02-10..17 春节 holidays, 02-18 (Sun) 调休上班. So `+ 1 workdays` is 02-09, `+ 2` 02-18, `+ 3` 02-19, `+ 4` 02-20.
        ///
        /// | case | finished    | working days (workdays(a, b)) |
        /// |------|-------------|-------------------------------|
        /// | w1   | 02-19 16:00 | 3                             |
        /// | w2   | 02-20 09:00 | 4                             |
        /// | w3   | 02-18 17:00 | 2                             |
        /// | w4   | 02-09 18:00 | 1 (32 hours after acceptance) |
        static func store() throws -> TestStore {
            let test = try TestStore()
            try test.center(1, "W1")
            for finished in [at("2024-02-19", 16), at("2024-02-20", 9), at("2024-02-18", 17), at("2024-02-09", 18)] {
                try test.addCase(1, accepted: at("2024-02-08", 10), finished: finished, promised: 3)
            }
            return test
        }

        @Test(
            "time + N workdays across the festival, a date + N workdays, and date+time literals",
            arguments: [
                ("count(where finished_at <= accepted_at + 1 workdays)", 1.0),  // 02-09: w4
                ("count(where finished_at <= accepted_at + 2 workdays)", 2),  // 02-18: w3, w4
                ("count(where finished_at <= accepted_at + 3 workdays)", 3),  // 02-19 (any time that day): w1, w3, w4
                ("count(where finished_at <= accepted_at + 4 workdays)", 4),  // 02-20: all
                ("count(where workdays(accepted_at, finished_at) <= 3)", 3),  // the same as + 3 workdays
                ("count(where finished_at <= 2024-02-08 + 2 workdays)", 2),  // 02-18: w3, w4
                ("count(where accepted_at == 2024-02-08T10:00)", 4),
                ("count(where finished_at - 2024-02-08T10:00 <= 32 hours)", 1),  // w4, exactly 32 hours
            ])
        func workdayArithmetic(measure: String, expected: Double) throws {
            let doc = try WorkdayConstructTests.store().run(measuring(from: "cases", measure))
            #expect(try doc.indicator("W1", "m").measure == expected, "\(measure)")
        }

        static let rules =
            assessment() + """
                param limit = 3
                param floor = 50%
                indicator ontime "按时办结" {
                  category "效能"
                  points 10
                  from cases
                  measure rate(finished_at <= accepted_at + limit workdays)
                  score linear { floor -> 0; 100% -> 10 }
                  when empty: not_applicable
                }
                """

        @Test(
            "A parameter as N workdays, overridden with --param and recorded in the results",
            arguments: [
                // limit 3: w1, w3, w4 on time: 3/4 = 75% → 10 × (0.75 − 0.5) / 0.5 = 5.
                ([:], 3, 5.0, ["floor=50% false", "limit=3 false"]),
                // limit 2 (02-18): w3, w4: 2/4 = 50% → 0.
                (["limit": "2"], 2, 0, ["floor=50% false", "limit=2 true"]),
                // limit 2 and floor 25%: 50% → 10 × (0.5 − 0.25) / 0.75 = 3.333333.
                (["limit": "2", "floor": "25%"], 2, 3.333333, ["floor=25% true", "limit=2 true"]),
            ] as [([String: String], Int, Double, [String])])
        func parameterOverride(overrides: [String: String], numerator: Int, points: Double, parameters: [String]) throws {
            let doc = try WorkdayConstructTests.store().run(WorkdayConstructTests.rules, overrides: overrides)
            let result = try doc.indicator("W1", "ontime")
            #expect(result.numerator == numerator)
            #expect(six(result.points) == points)
            #expect(doc.assessment.parameters.map { "\($0.name)=\($0.value) \($0.overridden)" } == parameters)
        }
    }
}

// MARK: - Scoring

extension LanguageConstructTests {
    @Suite("Language: deduct and lognormal scores at several points")
    struct DeductConstructTests {
        /// Each row is one center with one case whose promised_days is `p`; the measure is p, or p / 1000 for a rate.
        static let rules: [(score: String, points: Int, measure: String, expected: [(p: Int64, points: Double)])] = [
            (
                "deduct 2 per 1 max 10", 20, "sum(promised_days)",
                [
                    (0, 20),
                    (3, 14),  // 20 − 2 × 3
                    (5, 10),  // 20 − 10: at the cap
                    (6, 10),  // 12, capped at 10
                    (20, 10),
                ]
            ),
            (
                "deduct 1 per 1% below 100%", 10, "sum(promised_days) / 1000",
                [
                    (1000, 10),  // nothing below 100%
                    (1050, 10),  // above 100%: the quantity is never negative
                    (975, 7.5),  // 2.5 points below: 10 − 2.5
                    (920, 2),  // 10 − 8
                    (900, 0),  // 10 − 10
                    (850, 0),  // 15, capped by default at all 10 points
                ]
            ),
            (
                "deduct 0.5 per 1 above 2 floor 5", 10, "sum(promised_days)",
                [
                    (0, 10),
                    (2, 10),
                    (4, 9),  // 10 − 0.5 × 2
                    (12, 5),  // 10 − 0.5 × 10
                    (20, 5),  // 10 − 9 = 1, raised to the floor 5
                ]
            ),
            (
                "deduct 3 per 2", 20, "sum(promised_days)",
                [
                    (1, 18.5),  // proportional: 3 × 1/2
                    (5, 12.5),  // 20 − 3 × 5/2
                    (20, 0),  // 30, capped at the 20 points
                ]
            ),
            (
                "deduct 2 per 1% above 5% max 6 floor 1", 10, "sum(promised_days) / 100",
                [
                    (5, 10),
                    (7, 6),  // 2 points above × 2 = 4
                    (9, 4),  // 8, capped at 6
                    (50, 4),
                ]
            ),
            (
                "deduct 2 per 1 max 4 floor 3", 5, "sum(promised_days)",
                [
                    (0, 5),
                    (1, 3),  // 5 − 2
                    (3, 3),  // 5 − min(6, 4) = 1, raised to the floor 3
                ]
            ),
            (
                "lognormal { p10 3; median 8 }", 20, "sum(promised_days)",
                [
                    (0, 20),  // a measure ≤ 0 gets all the points
                    (3, 18),  // at p10: 0.9 × 20
                    (8, 10),  // at the median: 0.5 × 20
                ]
            ),
        ]

        @Test("Points per measure", arguments: rules)
        func points(score: String, points: Int, measure: String, expected: [(p: Int64, points: Double)]) throws {
            let test = try TestStore(calendar: false)
            for (index, row) in expected.enumerated() {
                try test.center(Int64(index + 1), "P\(row.p)")
                try test.addCase(Int64(index + 1), accepted: at("2024-03-01"), promised: row.p)
            }
            let doc = try test.run(
                assessment() + """
                    indicator s "评分" {
                      category "测试"
                      points \(points)
                      from cases
                      measure \(measure)
                      score \(score)
                    }
                    """)
            for row in expected {
                let result = try doc.indicator("P\(row.p)", "s")
                #expect(result.status == .ok)
                #expect(six(result.points) == row.points, "\(score), p = \(row.p): \(result.points)")
            }
        }

        /// Between the control points, the share is (1 − erf(x)) / 2 with x = ln(m / 8) × 0.9061938024368232 / −ln(3 / 8):
        /// m = 5: ln 0.625 = −0.4700036, −ln 0.375 = 0.9808293, x = −0.4342391, erf(x) = −0.4608552, share 0.7304276 → 14.60855;
        /// m = 12: ln 1.5 = 0.4054651, x = 0.3746116, erf(x) = 0.4037360, share 0.2981320 → 5.96264.
        /// (A&S 7.1.26 is within 1.5e-7 of erf, so within 3e-6 points.)
        @Test("lognormal between its control points", arguments: [(5 as Int64, 14.60855), (12, 5.96264)])
        func lognormalBetween(p: Int64, points: Double) throws {
            let test = try TestStore(calendar: false)
            try test.center(1, "L")
            try test.addCase(1, accepted: at("2024-03-01"), promised: p)
            let doc = try test.run(
                assessment() + """
                    indicator s "用时" {
                      category "测试"
                      points 20
                      from cases
                      measure sum(promised_days)
                      score lognormal { p10 3; median 8 }
                    }
                    """)
            let earned = try doc.indicator("L", "s").points
            #expect(abs(earned - points) < 1e-4, "\(earned)")
        }
    }
}

// MARK: - Adjustments

extension LanguageConstructTests {
    @Suite("Language: bonus and deduction")
    struct AdjustmentConstructTests {
        /// base = the one case's promised_days / 1000 (100 points). praise: 1.5 per five-star review, max 3, gate 80.
        /// media: 5 per serious inspection, max 10. late: the number of complaints itself (no score), max 2.
        static let rules =
            assessment() + """
                indicator base "基础分" {
                  category "基础"
                  points 100
                  from cases
                  measure sum(promised_days) / 1000
                  score measure
                }
                bonus praise "表扬加分" {
                  from reviews where rating == 5
                  measure count()
                  score measure * 1.5
                  max 3
                  gate 80
                }
                deduction media "媒体曝光" {
                  from inspections where severity == "serious"
                  measure count()
                  score 5 * measure
                  max 10
                }
                deduction late "投诉超期" {
                  from complaints
                  measure count()
                  max 2
                }
                """

        @Test("Caps, the gate on the rounded base, and a total never below 0")
        func adjustments() throws {
            let test = try TestStore(calendar: false)
            let centers: [(code: String, promised: Int64, praise: Int, serious: Int, complaints: Int)] = [
                ("A1", 85_000, 1, 0, 0),
                ("A2", 85_000, 4, 0, 3),
                ("A3", 79_994, 2, 0, 0),
                ("A4", 79_995, 1, 0, 0),
                ("A5", 80_000, 1, 1, 0),
                ("A6", 5_000, 0, 3, 0),
            ]
            for (index, center) in centers.enumerated() {
                let id = Int64(index + 1)
                try test.center(id, center.code)
                try test.addCase(id, accepted: at("2024-03-01"), promised: center.promised)
                try test.addReview(id, rating: 4, rated: at("2024-04-01"))  // never counted: not five stars
                for _ in 0..<center.praise { try test.addReview(id, rating: 5, rated: at("2024-04-01")) }
                for _ in 0..<center.serious { try test.addInspection(id, at: at("2024-05-01"), severity: "serious") }
                try test.addInspection(id, at: at("2024-05-02"), severity: "minor")  // never counted
                for _ in 0..<center.complaints { try test.addComplaint(id, received: at("2024-06-01"), due: nil, closed: nil) }
            }
            let doc = try test.run(AdjustmentConstructTests.rules)
            #expect(
                doc.assessment.adjustments.map { "\($0.kind) \($0.id) \($0.maximum)" } == [
                    "bonus praise 3.0", "deduction media 10.0", "deduction late 2.0",
                ])
            func row(_ code: String) throws -> String {
                let center = try doc.center(code)
                let parts = center.adjustments.map { "\($0.id) \(six($0.points)!)\($0.gated ? " gated" : "")" }
                return "base \(six(center.base)!) | " + parts.joined(separator: ", ") + " | total \(six(center.total)!)"
            }
            // A1: 1 × 1.5 = 1.5, base 85 ≥ 80: 85 + 1.5 = 86.5.
            #expect(try row("A1") == "base 85.0 | praise 1.5, media 0.0, late 0.0 | total 86.5")
            // A2: 4 × 1.5 = 6 capped at 3; 3 complaints capped at 2: 85 + 3 − 2 = 86.
            #expect(try row("A2") == "base 85.0 | praise 3.0, media 0.0, late 2.0 | total 86.0")
            // A3: base 79.994 rounds to 79.99 < 80: the bonus 3 is shown, gated and not added.
            #expect(try row("A3") == "base 79.994 | praise 3.0 gated, media 0.0, late 0.0 | total 79.994")
            // A4: base 79.995 rounds (half away from zero) to 80.00: the gate is reached: 79.995 + 1.5 = 81.495.
            #expect(try row("A4") == "base 79.995 | praise 1.5, media 0.0, late 0.0 | total 81.495")
            // A5: the gate is judged on the base 80 before deductions: 80 + 1.5 − 5 = 76.5 → 合格.
            #expect(try row("A5") == "base 80.0 | praise 1.5, media 5.0, late 0.0 | total 76.5")
            #expect(try doc.center("A5").grade == "合格")
            // A6: 3 × 5 = 15 capped at 10; 5 − 10 = −5, never below 0.
            let a6 = try doc.center("A6")
            #expect(a6.base == 5)
            #expect(a6.adjustments.map(\.points) == [0, 10, 0])
            #expect(a6.total == 0)
        }
    }
}

// MARK: - Ranking and lists

extension LanguageConstructTests {
    @Suite("Language: ranking groups and the 红黑榜")
    struct RankingListConstructTests {
        /// Totals (promised_days / 1000): 南京市 county R1 90, R2 80, R3 80, R4 70, R5 95 (vetoed); city C1 70.
        /// 苏州市 county S1 60, S2 85; city C2 65.
        static func store() throws -> TestStore {
            let test = try TestStore(calendar: false)
            let centers: [(code: String, level: String, region: String, promised: Int64)] = [
                ("R1", "county", "南京市", 90_000), ("R2", "county", "南京市", 80_000), ("R3", "county", "南京市", 80_000),
                ("R4", "county", "南京市", 70_000), ("R5", "county", "南京市", 95_000), ("C1", "city", "南京市", 70_000),
                ("S1", "county", "苏州市", 60_000), ("S2", "county", "苏州市", 85_000), ("C2", "city", "苏州市", 65_000),
            ]
            for (index, center) in centers.enumerated() {
                let id = Int64(index + 1)
                try test.center(id, center.code, level: center.level, region: center.region)
                try test.addCase(id, accepted: at("2024-03-01"), promised: center.promised)
            }
            try test.addInspection(5, at: at("2024-06-01"), severity: "serious")  // R5 vetoed
            return test
        }

        static func rules(within: String, lists: String) -> String {
            """
            assessment "红黑榜" {
              period 2024-01-01 .. 2024-12-31
              grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
              rank by total within \(within)
              lists \(lists)
            }
            indicator base "基础分" {
              category "基础"
              points 100
              from cases
              measure sum(promised_days) / 1000
              score measure
            }
            veto serious "严重违纪" when count(inspections where severity == "serious") > 0 reason "明察暗访发现严重问题"

            """
        }

        @Test("Within region: ties at both edges kept whole, the vetoed best center never on the 红榜")
        func withinRegion() throws {
            let doc = try RankingListConstructTests.store().run(RankingListConstructTests.rules(within: "region", lists: "top 2 bottom 2"))
            #expect(doc.assessment.groupBy == ["region"])
            // 南京市: R1 90 #1; R2, R3 80 #2; C1, R4 70 #4; R5 (95, vetoed) #6. 苏州市: S2 85, C2 65, S1 60.
            #expect(
                doc.centers.map { "\($0.group) \($0.code) #\($0.rank)" } == [
                    "南京市 R1 #1", "南京市 R2 #2", "南京市 R3 #2", "南京市 C1 #4", "南京市 R4 #4", "南京市 R5 #6",
                    "苏州市 S2 #1", "苏州市 C2 #2", "苏州市 S1 #3",
                ])
            #expect(doc.lists.map(\.group) == ["南京市", "苏州市"])
            let nanjing = try #require(doc.lists.first)
            // Top 2: the 2nd is R2 at rank 2, tied with R3: both. R5 ranks last, and being vetoed is never on top.
            #expect(nanjing.top == ["R1", "R2", "R3"])
            // Bottom 2: the 2nd from the bottom is R4 at rank 4, tied with C1: R5, then C1 and R4.
            #expect(nanjing.bottom.first == "R5")
            #expect(Set(nanjing.bottom) == ["R5", "R4", "C1"])
            #expect(nanjing.bottom.count == 3)
            let suzhou = try #require(doc.lists.last)
            #expect(suzhou.top == ["S2", "C2"])
            #expect(suzhou.bottom == ["S1", "C2"])  // worst first
        }

        @Test("A vetoed center is not on the 红榜 even with top 1 and the highest total")
        func vetoedNeverOnTop() throws {
            let doc = try RankingListConstructTests.store().run(RankingListConstructTests.rules(within: "region", lists: "top 1 bottom 1"))
            #expect(doc.lists.map { "\($0.group) \($0.top) \($0.bottom)" } == ["南京市 [\"R1\"] [\"R5\"]", "苏州市 [\"S2\"] [\"S1\"]"])
        }

        @Test("Within two columns, level and region: groups keyed level/region, in level code order then region")
        func withinLevelAndRegion() throws {
            let doc = try RankingListConstructTests.store().run(
                RankingListConstructTests.rules(within: "level, region", lists: "top 2 bottom 2"))
            #expect(doc.assessment.groupBy == ["level", "region"])
            #expect(
                doc.centers.map { "\($0.group) \($0.code) #\($0.rank)" } == [
                    "city/南京市 C1 #1",
                    "city/苏州市 C2 #1",
                    "county/南京市 R1 #1", "county/南京市 R2 #2", "county/南京市 R3 #2", "county/南京市 R4 #4", "county/南京市 R5 #5",
                    "county/苏州市 S2 #1", "county/苏州市 S1 #2",
                ])
            #expect(doc.lists.map(\.group) == ["city/南京市", "city/苏州市", "county/南京市", "county/苏州市"])
            #expect(doc.lists.map(\.top) == [["C1"], ["C2"], ["R1", "R2", "R3"], ["S2", "S1"]])
            // county/南京市 bottom 2: the 2nd from the bottom is R4 (#4): R5, R4.
            #expect(doc.lists.map(\.bottom) == [["C1"], ["C2"], ["R5", "R4"], ["S1", "S2"]])
        }
    }
}
