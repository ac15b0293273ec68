import Foundation
import Testing

@testable import KaopingStore

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

        // The store's years, and the built-in calendars for the others (2020–2022 and 2026).
        let loaded = try store.workingCalendar()
        #expect(loaded.firstDay.description == "2020-01-01")
        #expect(loaded.lastDay?.description == "2026-12-31")
        #expect(loaded.announcedYears == Set(2020...2026))
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

    @Test("An empty calendar table gives the calendars built into Kaoping, 2020–2026, and no other year")
    func emptyTable() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("calendar.sqlite"))
        let calendar = try store.workingCalendar()
        #expect(calendar == WorkingCalendar(files: CalendarFile.builtIn))
        #expect(!calendar.isWorkday(day("2024-10-01")))
        #expect(calendar.announcedYears == Set(2020...2026))
        #expect(!calendar.announces(year: 2027))
    }

    @Test("A year the store has rows of is the store's, even where the built-in calendar says otherwise")
    func storeYearsFirst() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("calendar.sqlite"))
        // A province that kept 2024-10-07 (a built-in holiday) a working day: its own 2024 rows say so.
        var days: [CivilDay: Bool] = [:]
        for entry in try ProjectFolder.shippedCalendar(year: 2024).entries { days[entry.day] = entry.isWorkday }
        days[day("2024-10-07")] = true
        try store.loadCalendar(WorkingCalendar(overrides: days), years: 2024...2024)
        let calendar = try store.workingCalendar()
        #expect(calendar.isWorkday(day("2024-10-07")))
        #expect(!calendar.isWorkday(day("2025-10-07")))  // 2025 is the built-in one
        // Regional rows of a year without province-wide rows go over the built-in calendar of that year.
        try store.database.execute("INSERT INTO calendar VALUES ('2025-10-08', 1, '南京市')")
        let nanjing = try store.workingCalendar(region: "南京市")
        #expect(nanjing.isWorkday(day("2025-10-08")))
        #expect(!nanjing.isWorkday(day("2025-10-06")))
    }

    @Test("The built-in calendars are the files of Rules/calendars, each parsed, one per year (run Rules/embed.sh after editing)")
    func builtInMatchesFiles() throws {
        let folder = ProjectFolder.calendars
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(CalendarFile.builtIn.count == names.count)
        #expect(CalendarFile.builtIn.map(\.year) == names.map { Int($0.dropLast(4)) ?? 0 })
        let files = try Store.calendarFiles(in: folder)
        #expect(CalendarFile.builtIn.map(\.entries) == files.map(\.entries))
        let texts = try names.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        #expect(CalendarFile.builtInTexts.map(\.text) == texts, "run Rules/embed.sh")
    }
}
