import Foundation
import KaopingResults

/// The one time a rendered file carries, taken from the results and never from the clock, so the same results give
/// the same bytes (issue 21): the 通报's 成文日期 (`notice.date`), else the day after the period ends, and 1980-01-01
/// (the first time a zip entry can carry) when the results name neither.
enum PinnedTime {
    /// That day at 00:00 UTC: what a zip entry shows as 00:00 (its fields are wall-clock time, read as UTC).
    static func day(of results: ResultsDocument) -> Date {
        let day = results.notice?.date.flatMap(days) ?? days(results.assessment.period.end).map { $0 + 1 }
        return Date(timeIntervalSince1970: TimeInterval(max(day ?? 0, zipEpochDays) * 86_400))
    }

    /// The document's creation instant: that day at 00:00 China time (UTC+8), in Unix seconds.
    static func created(_ results: ResultsDocument) -> Int {
        Int(day(of: results).timeIntervalSince1970) - 8 * 3_600
    }

    /// 1980-01-01 in days since 1970-01-01.
    static let zipEpochDays = 3_652

    /// The days from 1970-01-01 to the day `YYYY-MM-DD`; `nil` when it is no real day (2025-02-30 is none).
    static func days(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard text.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], (1...12).contains(month)
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        // Days from civil (H. Hinnant): years start in March, so the leap day ends one.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
