/// A calendar day, counted as days since 1970-01-01, with conversions from instants in China time.
///
/// Every day boundary in Kaoping is midnight in China Standard Time (UTC+8, no daylight saving since 1991),
/// whatever the machine's time zone. The arithmetic is Howard Hinnant's `days_from_civil`, exact for the
/// proleptic Gregorian calendar, with no Foundation calendar or locale involved.
public struct CivilDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let number: Int

    /// The offset of China Standard Time from UTC, in seconds.
    public static let chinaOffset: Int64 = 8 * 3600

    /// The day with the given day number.
    public init(number: Int) {
        self.number = number
    }

    /// The day on which the instant `seconds` (Unix time) falls in China time.
    public init(instant seconds: Int64) {
        let local = seconds + CivilDay.chinaOffset
        number = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The day with the given year, month (1–12) and day of month (1–31); `nil` if it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDay.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses `YYYY-MM-DD`; `nil` unless the text is exactly that and names a real day.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (number + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Whether this is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The instant of this day's midnight in China time, as Unix seconds.
    /// `instant` (Unix seconds) as China-time text, `YYYY-MM-DD HH:MM:SS`; one too far from now for a calendar
    /// (beyond ±10¹⁵ seconds) as its number.
    public static func chinaTime(_ instant: Int64) -> String {
        guard instant > -1_000_000_000_000_000, instant < 1_000_000_000_000_000 else { return "\(instant)" }
        let day = CivilDay(instant: instant)
        let seconds = Int(instant - day.startInstant)
        let clock = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(day) \(clock.joined(separator: ":"))"
    }

    public var startInstant: Int64 { Int64(number) * 86_400 - CivilDay.chinaOffset }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CivilDay { CivilDay(number: number + count) }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.number < rhs.number }

    /// The number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year` is a leap year of the Gregorian calendar.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
