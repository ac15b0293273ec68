import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

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
