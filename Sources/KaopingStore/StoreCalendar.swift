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

    /// Writes one row per day of `years` into `calendar` — province-wide, or for `region` — replacing those days'
    /// rows (of the province, or of that region). The table's digest kept in `digests.json` follows the change.
    public func loadCalendar(_ calendar: WorkingCalendar, years: ClosedRange<Int>, region: String? = nil) throws {
        try write { journal in
            try journal.track("calendar")
            let delete = try database.prepare("DELETE FROM calendar WHERE region IS ? AND day BETWEEN ? AND ?")
            let insert = try database.prepare("INSERT INTO calendar(day, is_workday, region) VALUES (?, ?, ?)")
            guard let first = CivilDay(year: years.lowerBound, month: 1, day: 1),
                let last = CivilDay(year: years.upperBound, month: 12, day: 31)
            else { return }
            try delete.run([region.sql, .text(first.description), .text(last.description)])
            for number in first.number...last.number {
                let day = CivilDay(number: number)
                try insert.run([.text(day.description), .integer(calendar.isWorkday(day) ? 1 : 0), region.sql])
            }
        }
    }

    /// The working calendar of `region`: the store's province-wide `calendar` rows, and for each year the store
    /// has none of, the calendar built into Kaoping (`CalendarFile.builtIn`); then the region's own rows over
    /// them. A year neither the store nor Kaoping has is not announced (`WorkingCalendar.announces`).
    public func workingCalendar(region: String? = nil) throws -> WorkingCalendar {
        let rows = try database.query(
            "SELECT day, is_workday, region FROM calendar WHERE region IS NULL OR region = ? ORDER BY region IS NOT NULL, day",
            [region.sql])
        return WorkingCalendar.fromRows(rows.map { (day: $0[0].text ?? "", isWorkday: $0[1].integer == 1, regional: $0[2].text != nil) })
    }

    /// The regions that have calendar rows of their own, sorted.
    public func calendarRegions() throws -> [String] {
        try database.query("SELECT DISTINCT region FROM calendar WHERE region IS NOT NULL ORDER BY region").compactMap { $0[0].text }
    }
}
