import KaopingStore
import Testing

@Suite("CalendarFile: the announcement format of Rules/calendars")
struct CalendarFileTests {
    static let sample = """
        # 一个小日历
        year 2024

        holiday 2024-01-01 元旦
        workday 2024-02-04 春节调休上班
        holiday 2024-02-10..2024-02-12   春节 假期
        \tworkday\t2024-02-18\t春节调休上班
        """

    @Test("A small file parses into its year and days, ranges expanded, names kept")
    func parses() throws {
        let file = try CalendarFile(text: Self.sample, file: "sample.txt")
        #expect(file.year == 2024)
        #expect(
            file.entries.map(\.day.description) == ["2024-01-01", "2024-02-04", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-18"])
        #expect(file.entries.map(\.isWorkday) == [false, true, false, false, false, true])
        #expect(file.entries.map(\.name) == ["元旦", "春节调休上班", "春节 假期", "春节 假期", "春节 假期", "春节调休上班"])
    }

    @Test("CRLF line endings and a byte-order mark are accepted")
    func crlfAndBOM() throws {
        let text = "\u{FEFF}# 注释\r\nyear 2024\r\nholiday 2024-10-01..2024-10-03 国庆节\r\nworkday 2024-10-12 国庆节调休上班\r\n"
        let file = try CalendarFile(text: text, file: "crlf.txt")
        #expect(file.year == 2024)
        #expect(file.entries.map(\.day.description) == ["2024-10-01", "2024-10-02", "2024-10-03", "2024-10-12"])
        #expect(file.entries.map(\.name) == ["国庆节", "国庆节", "国庆节", "国庆节调休上班"])
        let bomOnYear = try CalendarFile(text: "\u{FEFF}year 2025\r\n", file: "bom.txt")
        #expect(bomOnYear.year == 2025)
        #expect(bomOnYear.entries.isEmpty)
    }

    /// Each text breaks the format on exactly one line; the problem names that line (1-based, blank and
    /// comment lines counted).
    @Test(
        "Each malformed line is reported with its line number",
        arguments: [
            ("year 2024\nyear 2025", 2, "a second `year` line"),
            ("year twenty", 1, "expected `year YYYY`"),
            ("# c\nyear", 2, "expected `year YYYY`"),
            ("year 2024 2025", 1, "expected `year YYYY`"),
            ("year 1800", 1, "expected `year YYYY`"),
            ("# c\n\nholiday 2024-01-01 元旦\nyear 2024", 3, "`holiday` before the `year` line"),
            ("workday 2024-02-04 调休", 1, "`workday` before the `year` line"),
            ("year 2024\nholiday 2024-01-01", 2, "expected `holiday` DAY NAME"),
            ("year 2024\n\nworkday 2024-02-04", 3, "expected `workday` DAY NAME"),
            ("year 2024\nholiday 2024-02-30 春节", 2, "`2024-02-30` is not a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"),
            ("year 2024\nholiday 2024-2-10 春节", 2, "`2024-2-10` is not a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"),
            (
                "year 2024\nholiday 2024-02-10..2024-02-12..2024-02-14 春节", 2,
                "`2024-02-10..2024-02-12..2024-02-14` is not a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"
            ),
            ("year 2024\nholiday 2024-02-17..2024-02-10 春节", 2, "the range `2024-02-17..2024-02-10` is reversed or longer than a month"),
            ("year 2024\nholiday 2024-01-01..2024-02-01 长假", 2, "the range `2024-01-01..2024-02-01` is reversed or longer than a month"),
            ("year 2024\nworkday 2024-02-04..2024-02-05 调休", 2, "a `workday` line names one day, not a range"),
            ("year 2024\n# c\nrest 2024-02-04 调休", 3, "unknown line `rest`; expected `year`, `holiday` or `workday`"),
            ("year 2024\r\nHoliday 2024-02-04 调休\r\n", 2, "unknown line `Holiday`; expected `year`, `holiday` or `workday`"),
            ("# only a comment", 1, "no `year` line"),
            ("", 1, "no `year` line"),
        ])
    func malformed(text: String, line: Int, message: String) {
        let problem = #expect(throws: CalendarFile.Problem.self) { try CalendarFile(text: text, file: "bad.txt") }
        #expect(problem?.file == "bad.txt")
        #expect(problem?.line == line)
        #expect(problem?.message == message)
    }

    @Test("A range of exactly 31 days is the longest accepted")
    func longestRange() throws {
        // 2024-01-01 … 2024-01-31 is 31 days (numbers differ by 30); 2024-01-01 … 2024-02-01 (differ by 31) is refused above.
        let file = try CalendarFile(text: "year 2024\nholiday 2024-01-01..2024-01-31 长假", file: "long.txt")
        #expect(file.entries.count == 31)
    }

    @Test("A problem prints as file:line: message")
    func problemDescription() {
        let problem = #expect(throws: CalendarFile.Problem.self) {
            try CalendarFile(text: "year 2024\n\nyear 2024", file: "Rules/calendars/2024.txt")
        }
        #expect(problem?.description == "Rules/calendars/2024.txt:3: a second `year` line")
    }

    @Test("Every shipped calendar file parses, one per year 2020–2026")
    func shippedFiles() throws {
        let files = try Store.calendarFiles(in: ProjectFolder.calendars)
        #expect(files.map(\.year) == Array(2020...2026))
        #expect(files.allSatisfy { !$0.entries.isEmpty })
    }
}
