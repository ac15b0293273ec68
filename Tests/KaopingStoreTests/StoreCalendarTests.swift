import KaopingStore
import Testing

@Suite("The calendar table: load, read back, regional rows")
struct StoreCalendarTests {
    @Test("loadCalendar writes one province-wide row per day; workingCalendar reads the same calendar back")
    func roundTrip() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("calendar.sqlite"))
        let shipped = try ProjectFolder.shippedCalendar()
        try store.loadCalendar(shipped, years: 2023...2025)
        // 365 + 366 + 365 days.
        #expect(try store.database.scalar("SELECT count(*) FROM calendar") == 1096)
        #expect(try store.database.scalar("SELECT count(*) FROM calendar WHERE region IS NOT NULL") == 0)
        #expect(try store.database.scalar("SELECT min(day) || ' ' || max(day) FROM calendar") == "2023-01-01 2025-12-31")
        #expect(try store.database.scalar("SELECT sum(is_workday) FROM calendar WHERE day LIKE '2024-%'") == 251)
        #expect(
            try store.database.query("SELECT day, is_workday FROM calendar WHERE day IN ('2024-02-12', '2024-02-18') ORDER BY day")
                == [["2024-02-12", 0], ["2024-02-18", 1]])

        let loaded = try store.workingCalendar()
        #expect(loaded.firstDay.description == "2023-01-01")
        #expect(loaded.lastDay?.description == "2025-12-31")
        for year in 2023...2025 {
            let start = day("\(year - 1)-12-31")
            let end = day("\(year)-12-31")
            #expect(loaded.workdays(after: start, through: end) == shipped.workdays(after: start, through: end), "\(year)")
        }
        #expect(loaded.workdays(from: chinaTime("2024-09-27", 9), to: chinaTime("2024-10-12", 15)) == 7)
        #expect(try store.calendarRegions() == [])
    }

    @Test("Loading the same years again replaces the rows instead of duplicating them")
    func reload() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("calendar.sqlite"))
        let shipped = try ProjectFolder.shippedCalendar()
        try store.loadCalendar(shipped, years: 2024...2024)
        try store.loadCalendar(shipped, years: 2024...2024)
        #expect(try store.database.scalar("SELECT count(*) FROM calendar") == 366)
    }

    /// 南京市 declares 2024-10-08 (a Tuesday) a rest day and Saturday 2024-10-19 a working day.
    @Test("A regional row overrides the province-wide row for that region only")
    func regionalOverride() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("calendar.sqlite"))
        try store.loadCalendar(try ProjectFolder.shippedCalendar(), years: 2024...2024)
        try store.database.execute(
            """
            INSERT INTO calendar(day, is_workday, region) VALUES ('2024-10-08', 0, '南京市'), ('2024-10-19', 1, '南京市');
            INSERT INTO calendar(day, is_workday, region) VALUES ('2024-03-04', 0, '苏州市');
            """)
        let province = try store.workingCalendar()
        let nanjing = try store.workingCalendar(region: "南京市")
        let wuxi = try store.workingCalendar(region: "无锡市")
        #expect(province.isWorkday(day("2024-10-08")))
        #expect(!nanjing.isWorkday(day("2024-10-08")))
        #expect(!province.isWorkday(day("2024-10-19")))
        #expect(nanjing.isWorkday(day("2024-10-19")))
        #expect(wuxi == province)
        #expect(nanjing.isWorkday(day("2024-03-04")))
        // (9/27, 10/12] has 7 working days province-wide; 南京市 loses 10/8 → 6.
        let from = chinaTime("2024-09-27", 9)
        let to = chinaTime("2024-10-12", 15)
        #expect(province.workdays(from: from, to: to) == 7)
        #expect(nanjing.workdays(from: from, to: to) == 6)
        // 2024 has 251 working days; 南京市 trades one for one: 251 − 1 + 1.
        #expect(nanjing.workdays(after: day("2023-12-31"), through: day("2024-12-31")) == 251)
        #expect(try store.calendarRegions() == ["南京市", "苏州市"])
    }

    @Test("A second row for the same day and region is refused")
    func uniqueDayPerRegion() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("calendar.sqlite"))
        try store.database.execute("INSERT INTO calendar VALUES ('2024-10-08', 0, '南京市'), ('2024-10-08', 1, NULL)")
        #expect(throws: SQLiteError.self) { try store.database.execute("INSERT INTO calendar VALUES ('2024-10-08', 1, '南京市')") }
        #expect(throws: SQLiteError.self) { try store.database.execute("INSERT INTO calendar VALUES ('2024-10-08', 0, NULL)") }
    }

    @Test("An empty calendar table gives the weekly rule")
    func emptyTable() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("calendar.sqlite"))
        let calendar = try store.workingCalendar()
        #expect(calendar == WorkingCalendar())
        #expect(calendar.isWorkday(day("2024-10-01")))
    }
}
