import KaopingStore
import Testing

@Suite("CivilDay: days in China time")
struct CivilDayTests {
    /// Day numbers worked out by hand: 1970→2000 is 30 years with 7 leap days (1972 … 1996), so 2000-01-01 is
    /// 10957 and 2000-03-01 is 10957 + 31 + 29 = 11017; 1970→2024 is 54 years with 13 leap days (1972 … 2020),
    /// so 2024-01-01 is 19723 and 2024-02-29 is 19723 + 31 + 28 = 19782; 1900→1970 is 70 years with 17 leap
    /// days (1904 … 1968; 1900 is not leap), so 1900-01-01 is −25567. Weekdays: 1 = Monday … 7 = Sunday.
    @Test(
        "Text, day number and weekday agree",
        arguments: [
            ("1970-01-01", 0, 4),
            ("1969-12-31", -1, 3),
            ("1900-01-01", -25_567, 1),
            ("2000-01-01", 10_957, 6),
            ("2000-03-01", 11_017, 3),
            ("2024-01-01", 19_723, 1),
            ("2024-02-29", 19_782, 4),
            ("2024-03-01", 19_783, 5),
            ("2024-12-31", 20_088, 2),
        ])
    func knownDays(text: String, number: Int, weekday: Int) throws {
        let parsed = try #require(CivilDay(text))
        #expect(parsed.number == number)
        #expect(parsed.weekday == weekday)
        #expect(parsed.isWeekend == (weekday >= 6))
        #expect(CivilDay(number: number).description == text)
        let parts = parsed.components
        #expect(CivilDay(year: parts.year, month: parts.month, day: parts.day) == parsed)
    }

    @Test("Components of a leap day and of a day before 1970")
    func components() {
        let leap = CivilDay(number: 19_782).components
        #expect(leap.year == 2024 && leap.month == 2 && leap.day == 29)
        let old = CivilDay(number: -25_567).components
        #expect(old.year == 1900 && old.month == 1 && old.day == 1)
    }

    /// 2024-02-09 00:00 UTC is 19762 × 86400 = 1707436800. 15:59:59 UTC later is 23:59:59 in China, still the 9th;
    /// one second later is midnight of the 10th in China although it is still the 9th in UTC.
    @Test("The day of an instant changes at China midnight, 16:00 UTC")
    func chinaMidnight() {
        #expect(CivilDay(instant: 1_707_494_399).description == "2024-02-09")
        #expect(CivilDay(instant: 1_707_494_400).description == "2024-02-10")
        #expect(CivilDay(instant: 1_707_436_800).description == "2024-02-09")
        #expect(CivilDay(instant: 1_707_436_800 - 28_801).description == "2024-02-08")
        #expect(day("2024-02-10").startInstant == 1_707_494_400)
        // Before the epoch: 1970-01-01 00:00 China time is −28800; a second earlier is 1969-12-31.
        #expect(CivilDay(instant: -28_800).number == 0)
        #expect(CivilDay(instant: -28_801).number == -1)
        #expect(CivilDay(instant: -28_800 - 86_400).number == -1)
        #expect(CivilDay(instant: -28_801 - 86_400).number == -2)
    }

    @Test(
        "Texts that are not a real YYYY-MM-DD day are refused",
        arguments: [
            "2024-02-30", "2023-02-29", "1900-02-29", "2024-2-01", "2024-02-1", "abcd-ef-gh", "2024-13-01", "2024-00-10",
            "2024-01-00", "2024/01/01", " 2024-01-01", "2024-01-01 ", "20240101", "", "+024-01-01", "２０２４-01-01",
        ])
    func invalid(text: String) {
        #expect(CivilDay(text) == nil)
    }

    @Test("Leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CivilDay.isLeap(2024))
        #expect(CivilDay.isLeap(2000))
        #expect(!CivilDay.isLeap(1900))
        #expect(!CivilDay.isLeap(2023))
        #expect(CivilDay("2000-02-29") != nil)
        #expect(CivilDay.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDay.daysIn(month: 4, year: 2024) == 30)
    }

    @Test("Adding days and ordering")
    func arithmetic() {
        #expect(day("2024-02-28").adding(days: 2).description == "2024-03-01")
        #expect(day("2023-02-28").adding(days: 1).description == "2023-03-01")
        #expect(day("2024-01-01").adding(days: -1).description == "2023-12-31")
        #expect(day("2024-01-01") < day("2024-01-02"))
        #expect(day("1969-12-31") < day("1970-01-01"))
    }
}
