import KaopingResults
import Testing

/// Ranking groups by level, ties on the rounded total, and a veto. Each center's total is its one case's
/// promised_days / 1000 (`score measure` with 100 points), so totals like 84.995 can be set exactly.
@Suite("Evaluation: grades, ties, groups and vetoes")
struct RankingTests {
    static let rules = """
        assessment "排名" {
          period 2024-01-01 .. 2024-12-31
          grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
          rank by total within level
        }
        indicator base "基础分" {
          category "基础"
          points 100
          from cases
          measure sum(promised_days) / 1000
          score measure
        }
        veto serious "严重违纪" {
          when count(inspections where severity == "serious") > 0
          reason "明察暗访发现严重问题"
        }
        """

    static func store() throws -> TestStore {
        let test = try TestStore(calendar: false)
        let centers: [(id: Int64, code: String, level: String, promised: Int64?)] = [
            (1, "P1", "province", nil),  // no case: not applicable, total 0
            (2, "C1", "city", 60_000),
            (3, "C2", "city", 59_994),
            (4, "K1", "county", 90_000),
            (5, "K2", "county", 85_004),
            (6, "K3", "county", 84_995),
            (7, "K8", "county", 85_000),
            (8, "K4", "county", 70_000),
            (9, "K5", "county", 95_000),
            (10, "K6", "county", 50_000),
        ]
        for center in centers {
            try test.center(center.id, center.code, level: center.level)
            if let promised = center.promised { try test.addCase(center.id, accepted: at("2024-03-01"), promised: promised) }
        }
        try test.addInspection(9, at: at("2024-06-01"), severity: "serious")  // K5 vetoed
        try test.addInspection(10, at: at("2024-03-01"), severity: "serious")  // K6 vetoed
        try test.addInspection(10, at: at("2024-03-02"), severity: "minor")
        try test.addInspection(4, at: at("2023-12-31", 12), severity: "serious")  // K1: outside the period, not vetoed
        try test.addInspection(4, at: at("2024-07-01"), severity: "general")  // K1: not serious
        return test
    }

    @Test("Groups in level order, competition ranks on rounded totals, vetoed centers last with the lowest grade")
    func ranking() throws {
        let doc = try RankingTests.store().run(RankingTests.rules)
        let rows = doc.centers.map { center in
            "\(center.group) \(center.code) \(six(center.total)!) \(center.grade) #\(center.rank)\(center.veto == nil ? "" : " veto")"
        }
        #expect(
            rows == [
                // Groups follow the level codes province, city, county (not the alphabet).
                "province P1 0.0 不合格 #1",
                "city C1 60.0 合格 #1",
                "city C2 59.994 不合格 #2",  // 59.99 < 60
                "county K1 90.0 优秀 #1",  // its serious finding is from 2023, outside the period
                // 85.004 → 85.00, 84.995 → 85.00 (half away from zero) and 85.0 tie: all rank 2, in code order.
                "county K2 85.004 良好 #2",
                "county K3 84.995 良好 #2",
                "county K8 85.0 良好 #2",
                "county K4 70.0 合格 #5",  // the next rank skips to 5
                // Vetoed: totals kept (95 is the county's best), lowest grade, after every other county center.
                "county K5 95.0 不合格 #6 veto",
                "county K6 50.0 不合格 #7 veto",
            ])
        let veto = try #require(try doc.center("K5").veto)
        #expect(veto.id == "serious")
        #expect(veto.title == "严重违纪")
        #expect(veto.reason == "明察暗访发现严重问题")
        #expect(doc.assessment.groupBy == ["level"])
    }

    @Test("A veto that counts a whole table, `count(inspections) > 0`, fires on any finding in the period")
    func vetoOnWholeTable() throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "V1")
        try test.center(2, "V2")
        try test.addCase(1, accepted: at("2024-03-01"), promised: 90_000)
        try test.addCase(2, accepted: at("2024-03-01"), promised: 80_000)
        try test.addInspection(1, at: at("2024-05-01"), severity: "minor")
        let rules = RankingTests.rules.replacingOccurrences(
            of: "count(inspections where severity == \"serious\") > 0", with: "count(inspections) > 0")
        let doc = try test.run(rules)
        // V1 (90, one finding) is vetoed and ranks after V2 (80) with the lowest grade.
        #expect(doc.centers.map { "\($0.code) \($0.grade) #\($0.rank) \($0.veto?.id ?? "-")" } == ["V2 良好 #1 -", "V1 不合格 #2 serious"])
    }

    @Test("Without `rank by … within` every center is in the group `all`")
    func oneGroup() throws {
        let rules = RankingTests.rules.replacingOccurrences(of: "  rank by total within level\n", with: "")
        let doc = try RankingTests.store().run(rules)
        #expect(Set(doc.centers.map(\.group)) == ["all"])
        // K5 (95, vetoed) and K6 (50, vetoed) now rank after all eight others.
        #expect(doc.centers.map(\.code) == ["K1", "K2", "K3", "K8", "K4", "C1", "C2", "P1", "K5", "K6"])
        #expect(doc.centers.map(\.rank) == [1, 2, 2, 2, 5, 6, 7, 8, 9, 10])
    }

    @Test(
        "Grades are judged on the total rounded to two decimals, half away from zero",
        arguments: [
            (90_000, "优秀"),
            // 89.995 is stored as 89.99500000000000045…; × 100 = 8999.5 → 9000 → 90.00.
            (89_995, "优秀"),
            (89_994, "良好"),  // 89.99
            (80_000, "良好"),
            // 79.995 → 7999.5 → 8000 → 80.00.
            (79_995, "良好"),
            (79_994, "合格"),
            // 59.995 is stored as 59.99499999999999744…, but × 100 rounds to 5999.5 → 6000 → 60.00, as published.
            (59_995, "合格"),
            (59_994, "不合格"),
        ] as [(Int64, String)])
    func gradeBoundaries(promised: Int64, grade: String) throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-03-01"), promised: promised)
        let doc = try test.run(RankingTests.rules)
        #expect(try doc.center("C1").grade == grade)
    }

    @Test(
        "roundedTwo: half away from zero on the product × 100",
        arguments: [(89.995, 90.0), (89.994, 89.99), (84.995, 85.0), (59.995, 60.0), (85.004, 85.0), (0.005, 0.01), (100.0, 100.0)])
    func roundedTwoValues(value: Double, expected: Double) {
        #expect(roundedTwo(value) == expected)
    }
}

/// `rank by total, then "效能", then timeliness ascending`: ties in the rounded total are broken by a category's
/// points, then an indicator's (lower first here); what is still equal shares a rank (同分同名次).
@Suite("Evaluation: tie-breaks")
struct TieBreakTests {
    @Test("Equal totals ranked by the category, then by the indicator ascending; equal on all keys share a rank")
    func tieBreaks() throws {
        let test = try TestStore(calendar: false)
        // Each center: (cases' promised days → 效能's points, minor findings → 规范's points: 50 − 10 each).
        let centers: [(code: String, promised: Int64, findings: Int)] = [
            ("T1", 40, 1),  // 效能 40, 规范 40: total 80
            ("T2", 30, 0),  // 效能 30, 规范 50: total 80
            ("T3", 40, 1),  // as T1
            ("T4", 50, 3),  // 效能 50, 规范 20: total 70
            ("T5", 20, 0),  // total 70, 效能 20
        ]
        for (index, center) in centers.enumerated() {
            let id = Int64(index + 1)
            try test.center(id, center.code)
            try test.addCase(id, accepted: at("2024-03-01"), promised: center.promised)
            for day in 0..<center.findings { try test.addInspection(id, at: at("2024-05-01") + Int64(day) * 86_400, severity: "minor") }
        }
        let doc = try test.run(
            """
            assessment "同分" {
              period 2024-01-01 .. 2024-12-31
              total 100
              category "效能" 50
              category "规范" 50
              grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
              rank by total, then "效能", then conduct ascending
            }
            indicator speed "效能" {
              category "效能"
              points 50
              from cases
              measure sum(promised_days)
              score measure
            }
            indicator conduct "规范" {
              category "规范"
              points 50
              from inspections
              measure count()
              score deduct 10 per 1
              when empty: full
            }
            """)
        #expect(doc.centers.map { "\($0.code) #\($0.rank)" } == ["T1 #1", "T3 #1", "T2 #3", "T4 #4", "T5 #5"])
        #expect(
            doc.assessment.tieBreaks == [
                .init(kind: "category", key: "效能", order: "descending"), .init(kind: "indicator", key: "conduct", order: "ascending"),
            ])
    }
}

/// `limit … when … at most 良好` (不得评为优秀) and `limit … downgrade 1` (降一个等次): each judged from the grade the
/// total earns, the worst winning, recorded per center with the grade before; a veto still gives the lowest.
@Suite("Evaluation: grade limits")
struct GradeLimitTests {
    @Test("at most 良好 and downgrade 1, alone and together, and under a veto")
    func limits() throws {
        let test = try TestStore(calendar: false)
        // Each center: promised days (the total), complaints (at most 良好 when any), general findings (downgrade 1 when
        // two or more), a serious finding (veto).
        let centers: [(code: String, promised: Int64, complaints: Int, findings: Int, serious: Bool)] = [
            ("L1", 95, 0, 0, false),  // 优秀
            ("L2", 95, 1, 0, false),  // 优秀 → at most 良好
            ("L3", 95, 0, 2, false),  // 优秀 → 良好
            ("L4", 85, 1, 2, false),  // 良好: at most 良好 keeps it, downgrade 1 makes it 合格
            ("L5", 65, 0, 2, false),  // 合格 → 不合格
            ("L6", 95, 1, 0, true),  // vetoed: 不合格
        ]
        for (index, center) in centers.enumerated() {
            let id = Int64(index + 1)
            try test.center(id, center.code)
            try test.addCase(id, accepted: at("2024-03-01"), promised: center.promised)
            for day in 0..<center.complaints {
                try test.addComplaint(id, received: at("2024-04-01") + Int64(day) * 86_400, due: nil, closed: nil)
            }
            for day in 0..<center.findings { try test.addInspection(id, at: at("2024-05-01") + Int64(day) * 86_400, severity: "general") }
            if center.serious { try test.addInspection(id, at: at("2024-06-01"), severity: "serious") }
        }
        let doc = try test.run(
            """
            assessment "等次限制" {
              period 2024-01-01 .. 2024-12-31
              grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
            }
            indicator base "基础分" {
              points 100
              from cases
              measure sum(promised_days)
              score measure
            }
            limit complained "被投诉" when count(complaints) > 0 at most 良好 reason "被投诉的不得评为优秀"
            limit findings "多次被发现问题" {
              when count(inspections where severity == "general") >= 2
              downgrade 1
            }
            veto serious "严重违纪" when count(inspections where severity == "serious") > 0
            """)
        #expect(doc.centers.map { "\($0.code) \($0.grade)" } == ["L1 优秀", "L2 良好", "L3 良好", "L4 合格", "L5 不合格", "L6 不合格"])
        let l4 = try doc.center("L4")
        #expect(
            l4.gradeLimits == [
                GradeLimitResult(id: "complained", title: "被投诉", reason: "被投诉的不得评为优秀", effect: "at most 良好", gradeBefore: "良好"),
                GradeLimitResult(id: "findings", title: "多次被发现问题", reason: "多次被发现问题", effect: "downgrade 1", gradeBefore: "良好"),
            ])
        #expect(try doc.center("L1").gradeLimits == [])
        // A limit does not move the rank: ranks follow the total.
        #expect(try doc.center("L2").rank == 1)
        #expect(doc.assessment.gradeLimits?.map(\.effect) == ["at most 良好", "downgrade 1"])
        let text = doc.json.text
        #expect(text.contains("\"grade_limits\": [\n        {\n          \"id\": \"complained\""))
    }
}
