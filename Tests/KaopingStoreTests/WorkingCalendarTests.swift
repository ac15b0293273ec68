import KaopingStore
import Testing

/// The working calendar of the shipped announcements, Rules/calendars/2020.txt … 2026.txt.
@Suite("WorkingCalendar over Rules/calendars")
struct WorkingCalendarTests {
    let calendar: WorkingCalendar

    init() throws {
        calendar = try ProjectFolder.shippedCalendar()
    }

    /// Working days in a year = weekdays − announced holidays on weekdays + swapped working days on weekends.
    /// 2023: 260 weekdays (starts on a Sunday, 365 days) − 18 (1/2; 1/23–27; 4/5; 5/1–3; 6/22–23; 9/29, 10/2–6) + 7 = 249.
    /// 2024: 262 weekdays (starts on a Monday, 366 days) − 19 (1/1; 2/12–16; 4/4–5; 5/1–3; 6/10; 9/16–17; 10/1–4, 10/7) + 8 = 251.
    /// 2025: 261 weekdays (starts on a Wednesday, 365 days) − 18 (1/1; 1/28–31, 2/3–4; 4/4; 5/1–2, 5/5; 6/2; 10/1–3, 10/6–8) + 5 = 248.
    @Test("Working days per year", arguments: [(2023, 249), (2024, 251), (2025, 248)])
    func yearTotals(year: Int, expected: Int) throws {
        let lastOfPreviousYear = try #require(CivilDay(year: year - 1, month: 12, day: 31))
        let lastOfYear = try #require(CivilDay(year: year, month: 12, day: 31))
        #expect(calendar.workdays(after: lastOfPreviousYear, through: lastOfYear) == expected)
    }

    @Test(
        "Swapped Sundays and Saturdays work; holiday Mondays rest",
        arguments: [
            ("2024-02-04", true),  // Sunday, 春节调休上班
            ("2024-02-18", true),  // Sunday, 春节调休上班
            ("2024-02-12", false),  // Monday, 春节
            ("2024-02-09", true),  // Friday, 除夕: the 2024 notice keeps it a working day
            ("2024-02-10", false),  // Saturday, 春节
            ("2024-09-29", true),  // Sunday, 国庆节调休上班
            ("2024-10-12", true),  // Saturday, 国庆节调休上班
            ("2024-10-07", false),  // Monday, 国庆节
            ("2024-10-08", true),  // Tuesday, back to work
            ("2024-10-13", false),  // Sunday, an ordinary weekend
            ("2024-03-04", true),  // Monday, an ordinary weekday
            ("2023-01-29", true),  // Sunday, 2023 春节调休上班
            ("2022-12-31", false),  // Saturday, 2023 元旦 announced in the 2023 file
            ("2025-01-28", false),  // Tuesday, 2025 春节 (starts on 除夕 since 2025)
            ("2026-01-04", true),  // Sunday, 2026 元旦调休上班
        ])
    func specificDays(text: String, isWorkday: Bool) {
        #expect(calendar.isWorkday(day(text)) == isWorkday)
    }

    /// Spring Festival 2024: accepted Friday 2/9, finished Monday 2/19. The count runs over (2/9, 2/19]:
    /// 2/10–2/17 are the holiday (0), Sunday 2/18 is a swapped working day (1), Monday 2/19 (1) → 2.
    /// Accepted Thursday 2/1, finished Tuesday 2/20: Fri 2/2 (1), Sat 2/3 (0), Sun 2/4 swapped (1), 2/5–2/9 (5),
    /// 2/10–2/17 (0), 2/18 (1), 2/19 (1), 2/20 (1) → 10.
    /// National Day 2024: accepted Friday 9/27, finished Tuesday 10/8: Sat 9/28 (0), Sun 9/29 swapped (1), Mon 9/30 (1),
    /// 10/1–10/7 (0), Tue 10/8 (1) → 3. Through Saturday 10/12 (swapped): + 10/9, 10/10, 10/11, 10/12 → 7.
    @Test(
        "Working days between two instants across the 2024 holidays",
        arguments: [
            (chinaTime("2024-02-09", 10), chinaTime("2024-02-19", 16), 2),
            (chinaTime("2024-02-01", 9, 30), chinaTime("2024-02-20", 11), 10),
            (chinaTime("2024-02-09", 17), chinaTime("2024-02-17", 12), 0),
            (chinaTime("2024-09-27", 9), chinaTime("2024-10-08", 9), 3),
            (chinaTime("2024-09-27", 9), chinaTime("2024-10-12", 15), 7),
            (chinaTime("2024-09-30", 16), chinaTime("2024-10-07", 16), 0),
        ])
    func acrossHolidays(from: Int64, to: Int64, expected: Int) {
        #expect(calendar.workdays(from: from, to: to) == expected)
    }

    @Test("The count starts on the day after the first instant")
    func startsTheDayAfter() {
        // Same day, morning to evening: no working day has passed.
        #expect(calendar.workdays(from: chinaTime("2024-03-04", 9), to: chinaTime("2024-03-04", 17)) == 0)
        // Monday 23:59:59 to Tuesday 00:00:00 in China (15:59:59 → 16:00:00 UTC): Tuesday counts.
        #expect(calendar.workdays(from: 1_709_567_999, to: 1_709_568_000) == 1)
        // Monday to Monday a week later: Tue–Fri and the next Monday.
        #expect(calendar.workdays(from: chinaTime("2024-03-04", 9), to: chinaTime("2024-03-11", 9)) == 5)
        // Accepted on a Saturday: the first day counted is Sunday (rest), then Monday.
        #expect(calendar.workdays(after: day("2024-03-09"), through: day("2024-03-11")) == 1)
    }

    @Test("Reversed instants give the negative count")
    func reversed() {
        #expect(calendar.workdays(from: chinaTime("2024-10-08", 9), to: chinaTime("2024-09-27", 9)) == -3)
        #expect(calendar.workdays(from: chinaTime("2024-02-19", 9), to: chinaTime("2024-02-09", 9)) == -2)
        #expect(calendar.workdays(after: day("2024-03-05"), through: day("2024-03-04")) == -1)
    }

    @Test("The shipped calendar covers 2020-01-01 … 2026-12-31")
    func coverage() {
        #expect(calendar.firstDay.description == "2020-01-01")
        #expect(calendar.lastDay?.description == "2026-12-31")
        // 2020 and 2024 are leap years: 7 × 365 + 2.
        #expect(calendar.dayCount == 2557)
        #expect(calendar.covers(day("2020-01-01")))
        #expect(!calendar.covers(day("2019-12-31")))
        #expect(!calendar.covers(day("2027-01-01")))
    }

    /// Outside the announced years only the weekly rule applies, so real holidays there count as working days.
    @Test("Before and after the covered span, Monday to Friday work")
    func outsideCoverage() {
        // 2019-10-01 (Tuesday, really National Day) and 2027-01-01 (Friday, really New Year) follow the weekly rule.
        #expect(calendar.isWorkday(day("2019-10-01")))
        #expect(!calendar.isWorkday(day("2019-09-29")))  // Sunday (really a swapped working day)
        #expect(calendar.isWorkday(day("2027-01-01")))
        #expect(!calendar.isWorkday(day("2027-01-02")))  // Saturday
        // (2019-09-27 Fri, 2019-10-08 Tue]: Mon 9/30, Tue–Fri 10/1–10/4, Mon 10/7, Tue 10/8 → 7.
        #expect(calendar.workdays(after: day("2019-09-27"), through: day("2019-10-08")) == 7)
        // Into coverage: (Tue 2019-12-31, Fri 2020-01-03]: 1/1 is 元旦 (0), Thu 1/2, Fri 1/3 → 2.
        #expect(calendar.workdays(after: day("2019-12-31"), through: day("2020-01-03")) == 2)
        // Out of coverage: (Wed 2026-12-30, Mon 2027-01-04]: Thu 12/31, Fri 1/1, Mon 1/4 → 3.
        #expect(calendar.workdays(after: day("2026-12-30"), through: day("2027-01-04")) == 3)
        // Far out: 1990-01-01 (Monday) to 1990-01-08 (Monday) → 5; 2030-01-07 (Mon) … 2030-01-14 (Mon) → 5.
        #expect(calendar.workdays(after: day("1990-01-01"), through: day("1990-01-08")) == 5)
        #expect(calendar.workdays(after: day("2030-01-07"), through: day("2030-01-14")) == 5)
        // With no announcements at all: 7000 days from a Monday are 1000 weeks of 5 working days.
        let start = day("2010-01-04")
        #expect(start.weekday == 1)
        let plain = WorkingCalendar()
        #expect(plain.workdays(after: start, through: start.adding(days: 7000)) == 5000)
        #expect(plain.isWorkday(day("2024-02-12")))  // no announcements: a Monday works
    }

    @Test("Adding working days lands on the right day")
    func addingWorkdays() {
        // Friday 2/9 + 1 → the swapped Sunday 2/18.
        #expect(calendar.adding(workdays: 1, to: day("2024-02-09")).description == "2024-02-18")
        // Friday 9/27 + 3 → Sun 9/29, Mon 9/30, Tue 10/8.
        #expect(calendar.adding(workdays: 3, to: day("2024-09-27")).description == "2024-10-08")
        // Tuesday 2024-12-31 + 5 → 2025-01-01 is 元旦; Thu 1/2, Fri 1/3, Mon 1/6, Tue 1/7, Wed 1/8.
        #expect(calendar.adding(workdays: 5, to: day("2024-12-31")).description == "2025-01-08")
        #expect(calendar.adding(workdays: 0, to: day("2024-02-10")).description == "2024-02-10")
    }

    /// The search behind `adding(workdays:to:)` against stepping one day at a time, forwards and
    /// backwards, from every day of 2019–2027 (inside and outside the announced years).
    @Test("Adding working days agrees with stepping day by day")
    func addingAgreesWithStepping() {
        func stepped(_ count: Int, _ start: CivilDay) -> CivilDay {
            var current = start
            var remaining = abs(count)
            while remaining > 0 {
                current = current.adding(days: count < 0 ? -1 : 1)
                if calendar.isWorkday(current) { remaining -= 1 }
            }
            return current
        }
        let first = day("2019-01-01")
        for offset in stride(from: 0, to: 9 * 366, by: 1) {
            let start = first.adding(days: offset)
            for count in [-40, -7, -3, -1, 1, 2, 5, 15, 60, 400] where offset % 7 == 0 || abs(count) < 10 {
                #expect(calendar.adding(workdays: count, to: start) == stepped(count, start), "\(start) + \(count)")
            }
        }
    }

    /// An independent oracle: the announced entries by day, the weekly rule elsewhere, counted one day at a time.
    @Test("The O(1) count agrees with counting day by day")
    func agreesWithNaiveCount() throws {
        var announced: [CivilDay: Bool] = [:]
        for file in try Store.calendarFiles(in: ProjectFolder.calendars) {
            for entry in file.entries { announced[entry.day] = entry.isWorkday }
        }
        func naive(_ start: CivilDay, _ end: CivilDay) -> Int {
            guard start < end else { return start == end ? 0 : -naive(end, start) }
            var count = 0
            var current = start.adding(days: 1)
            while current <= end {
                if announced[current] ?? !(current.weekday >= 6) { count += 1 }
                current = current.adding(days: 1)
            }
            return count
        }
        let first = day("2019-11-01").number
        let last = day("2027-02-28").number
        var checked = 0
        // Pairs spread over the span and 30 days past each edge, by a fixed stride (no randomness).
        for startNumber in stride(from: first, through: last, by: 37) {
            for length in [-45, -1, 0, 1, 6, 13, 40, 400] {
                let start = CivilDay(number: startNumber)
                let end = CivilDay(number: startNumber + length)
                #expect(calendar.workdays(after: start, through: end) == naive(start, end), "\(start) → \(end)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}
