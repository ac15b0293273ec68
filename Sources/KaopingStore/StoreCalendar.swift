import Foundation

extension Store {
    /// Reads every `*.txt` announcement file in `directory`, in name order.
    /// - Throws: `CalendarFile.Problem` for a malformed file, or a file-system error.
    public static func calendarFiles(in directory: String) throws -> [CalendarFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw CalendarFile.Problem(file: path, line: 1, message: "not UTF-8 text")
            }
            return try CalendarFile(text: text, file: path)
        }
    }

    /// Writes one province-wide row per day of `years` into `calendar`, replacing those days' rows.
    public func loadCalendar(_ calendar: WorkingCalendar, years: ClosedRange<Int>) throws {
        try database.transaction {
            let delete = try database.prepare("DELETE FROM calendar WHERE region IS NULL AND day BETWEEN ? AND ?")
            let insert = try database.prepare("INSERT INTO calendar(day, is_workday, region) VALUES (?, ?, NULL)")
            guard let first = CivilDay(year: years.lowerBound, month: 1, day: 1),
                let last = CivilDay(year: years.upperBound, month: 12, day: 31)
            else { return }
            try delete.run([.text(first.description), .text(last.description)])
            for number in first.number...last.number {
                let day = CivilDay(number: number)
                try insert.run([.text(day.description), .integer(calendar.isWorkday(day) ? 1 : 0)])
            }
        }
    }

    /// The working calendar stored in `calendar` for `region`: province-wide rows, overridden by the
    /// region's own rows where it has them. Days with no row follow the weekly rule.
    public func workingCalendar(region: String? = nil) throws -> WorkingCalendar {
        var overrides: [CivilDay: Bool] = [:]
        let rows = try database.query(
            "SELECT day, is_workday, region FROM calendar WHERE region IS NULL OR region = ? ORDER BY region IS NOT NULL, day",
            [region.sql])
        for row in rows {
            guard let text = row[0].text, let day = CivilDay(text) else { continue }
            overrides[day] = row[1].integer == 1
        }
        return WorkingCalendar(overrides: overrides)
    }

    /// The regions that have calendar rows of their own, sorted.
    public func calendarRegions() throws -> [String] {
        try database.query("SELECT DISTINCT region FROM calendar WHERE region IS NOT NULL ORDER BY region").compactMap { $0[0].text }
    }
}
