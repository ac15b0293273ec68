import Foundation
import KaopingStore
import Testing

/// `kaoping calendar import` (issue 22, point 7): a year's announcement into a store, province-wide or for one
/// region, replacing that year's rows; a mistake named at its line.
@Suite("kaoping calendar import")
struct CalendarImportTests {
    @Test("A province's year and a region's own: each replaces only its rows; the region's days win for its units")
    func importYear() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("office.sqlite").path
        let province = try CommandLineTests.kaoping(["calendar", "import", "Rules/calendars/2025.txt", "--db", store])
        #expect(province.status == 0, "\(province.stderr)")
        let regional = folder.appendingPathComponent("苏州-2025.txt").path
        try CommandLineTests.write("year 2025\nholiday 2025-07-01 本地纪念日\n", to: regional)
        let region = try CommandLineTests.kaoping(["calendar", "import", regional, "--db", store, "--region", "苏州市"])
        #expect(region.status == 0, "\(region.stderr)")
        #expect(region.stdout.contains("calendar 2025（苏州市） — 1 holidays"))
        let opened = try Store.open(at: store, readOnly: true)
        #expect(try opened.database.scalar("SELECT count(*) FROM calendar WHERE region IS NULL") == .integer(365))
        #expect(try opened.database.scalar("SELECT count(*) FROM calendar WHERE region = '苏州市'") == .integer(365))
        let day = try #require(CivilDay("2025-07-01"))
        #expect(try opened.workingCalendar(region: "苏州市").isWorkday(day) == false)
        #expect(try opened.workingCalendar().isWorkday(day) == true)
        // Again: the same rows, not twice as many.
        #expect(try CommandLineTests.kaoping(["calendar", "import", regional, "--db", store, "--region", "苏州市"]).status == 0)
        #expect(try Store.open(at: store, readOnly: true).database.scalar("SELECT count(*) FROM calendar") == .integer(730))
        try CommandLineTests.write("year 2025\nholiday 2025-02-30 不存在\n", to: regional)
        let broken = try CommandLineTests.kaoping(["calendar", "import", regional, "--db", store])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("苏州-2025.txt:2:"), "\(broken.stderr)")
    }
}
