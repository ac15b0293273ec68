import KaopingResults
import Testing

/// `workdays(a, b)` counts working days in (day(a), day(b)] on the store's calendar (Rules/calendars/2024.txt):
/// 2024-02-10..17 春节 holidays, 2024-02-18 (Sunday) a swapped working day, 2024-02-09 (Friday) a working day;
/// 2024-04-28 (Sunday) and 05-11 (Saturday) swapped working days around 05-01..05 劳动节;
/// 2024-09-29 (Sunday) a swapped working day before 10-01..07 国庆节.
@Suite("Evaluation: working days and the period filter")
struct WorkdayAndPeriodTests {
    static let longest =
        header + """
            indicator days "用时" {
              category "效能"
              points 100
              from cases
              measure max(workdays(accepted_at, finished_at))
              score measure
            }
            """

    @Test(
        "Working days between acceptance and finish, across holidays and swapped days",
        arguments: [
            // Thu 02-08 → Mon 02-19: 02-09 (Fri), 02-18 (swapped Sunday), 02-19 = 3; 02-10..17 are holidays.
            (at("2024-02-08", 9), at("2024-02-19", 10), 3),
            // 00:30 on 02-09 China time is 16:30 on 02-08 UTC; the day is 02-09, so only 02-18 and 02-19 count.
            (at("2024-02-09", 0, 30), at("2024-02-19", 10), 2),
            // Fri 03-01 → Mon 03-04: the weekend does not count.
            (at("2024-03-01", 16), at("2024-03-04", 9), 1),
            // Sun 09-29 (swapped) → Tue 10-08: 09-30 and 10-08; 10-01..07 are holidays.
            (at("2024-09-29", 9), at("2024-10-08", 9), 2),
            // Tue 04-30 → Sat 05-11: 05-06..10 (5) and 05-11 (swapped Saturday); 05-01..05 are holidays.
            (at("2024-04-30", 9), at("2024-05-11", 9), 6),
            // Finished the same day: none.
            (at("2024-05-06", 9), at("2024-05-06", 17), 0),
        ])
    func workdays(accepted: Int64, finished: Int64, expected: Double) throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: accepted, finished: finished, promised: 5)
        let doc = try test.run(WorkdayAndPeriodTests.longest)
        #expect(try doc.indicator("C1", "days").measure == expected)
    }

    @Test("Without calendar rows the calendar built into Kaoping applies: Thu 02-08 → Mon 02-19 is 3, as with the rows")
    func builtInCalendarWithoutRows() throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19"), promised: 5)
        #expect(try test.run(WorkdayAndPeriodTests.longest).indicator("C1", "days").measure == 3)
    }

    @Test("A center's region calendar overrides the province's: 南京市 resting on 02-19 leaves 02-09 and 02-18 = 2")
    func regionalCalendar() throws {
        let test = try TestStore()
        try test.center(1, "NJ", region: "南京市")
        try test.center(2, "SZ", region: "苏州市")
        try test.insert("calendar", ["day": "2024-02-19", "is_workday": 0, "region": "南京市"])
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19"), promised: 5)
        try test.addCase(2, accepted: at("2024-02-08"), finished: at("2024-02-19"), promised: 5)
        let doc = try test.run(WorkdayAndPeriodTests.longest)
        #expect(try doc.indicator("NJ", "days").measure == 2)
        #expect(try doc.indicator("SZ", "days").measure == 3)
    }

    /// Every case below was accepted Thu 02-08 and finished Mon 02-19: 3 working days.
    @Test("Timeliness as the shipped rules write it: 3 days against promised 3 is on time, against 2 late, against 2 with 1 paused on time")
    func timeliness() throws {
        let test = try TestStore()
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19"), promised: 3)  // 3 ≤ 3: on time
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19"), promised: 2)  // 3 > 2: late
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19"), promised: 2, paused: 1)  // 3 − 1 ≤ 2: on time
        try test.addCase(1, accepted: at("2024-02-08"), finished: nil, status: "accepted", promised: 2)  // not in the population
        try test.addCase(1, accepted: at("2024-02-08"), finished: at("2024-02-19"), kind: "instant", promised: 0)  // not in the population
        let doc = try test.run(
            header + """
                indicator timeliness "按时办结率" {
                  category "服务效能"
                  points 30
                  from cases where status == "finished" and kind == "promised"
                  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
                  score linear { 50% -> 0; 100% -> 30 }
                }
                """)
        let result = try doc.indicator("C1", "timeliness")
        #expect(result.population == 3)
        #expect(result.numerator == 2)
        #expect(result.measure == 2.0 / 3.0)
        // 30 × (2/3 − 1/2) / (1 − 1/2) = 30 × 1/3 = 10.
        #expect(six(result.points) == 10)
    }

    /// Rows at 23:59:59 on 2023-12-31 and 00:00:00 on 2025-01-01 (China time) fall outside 2024; rows at
    /// 00:00:00 on 2024-01-01 and 23:59:59 on 2024-12-31 fall inside, so each table counts 2.
    @Test(
        "Each event table is filtered by its documented time column, on China-time days",
        arguments: [("cases", "accepted_at"), ("reviews", "rated_at"), ("inspections", "inspected_at"), ("complaints", "received_at")])
    func periodFilter(table: String, column: String) throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "C1")
        for time in [at("2023-12-31", 23, 59, 59), at("2024-01-01", 0), at("2024-12-31", 23, 59, 59), at("2025-01-01", 0)] {
            switch table {
            case "cases": try test.addCase(1, accepted: time, promised: 1)
            case "reviews": try test.addReview(1, rating: 5, rated: time)
            case "inspections": try test.addInspection(1, at: time, severity: "minor")
            default: try test.addComplaint(1, received: time, due: nil, closed: nil)
            }
        }
        let doc = try test.run(
            header + """
                indicator n "条数" {
                  category "测试"
                  points 100
                  from \(table) where \(column) is not null
                  measure count()
                  score measure
                }
                """)
        #expect(try doc.indicator("C1", "n").population == 2)
        #expect(try doc.indicator("C1", "n").measure == 2)
    }

    @Test(
        "Cases are filtered by accepted_at, not finished_at: accepted 2024-12-30 finished 2025 counts, accepted 2023 finished 2024 does not"
    )
    func casesByAcceptance() throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "C1")
        try test.addCase(1, accepted: at("2024-12-30"), finished: at("2025-01-03"), promised: 7)
        try test.addCase(1, accepted: at("2023-12-28"), finished: at("2024-01-03"), promised: 9)
        let doc = try test.run(
            header + """
                indicator n "承诺时限" {
                  category "测试"
                  points 100
                  from cases
                  measure sum(promised_days)
                  score measure
                }
                """)
        #expect(try doc.indicator("C1", "n").population == 1)
        #expect(try doc.indicator("C1", "n").measure == 7)
    }

    @Test("A state table (integrations) is not filtered by the period: both rows count whatever their times")
    func stateTableUnfiltered() throws {
        let test = try TestStore(calendar: false)
        try test.center(1, "C1")
        try test.addIntegration(1, system: "platform", status: "connected", connected: at("2019-05-01"))
        try test.addIntegration(1, system: "monitoring", status: "faulty", connected: at("2025-05-01"))
        let doc = try test.run(
            header + """
                indicator n "对接" {
                  category "测试"
                  points 100
                  from integrations
                  measure rate(status == "connected")
                  score linear { 0% -> 0; 100% -> 100 }
                }
                """)
        #expect(try doc.indicator("C1", "n").population == 2)
        #expect(try doc.indicator("C1", "n").measure == 0.5)  // 1 of 2
    }
}
