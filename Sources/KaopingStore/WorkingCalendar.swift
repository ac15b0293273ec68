/// Working days of one region: counts them between two instants in O(1) after set-up.
///
/// Days inside the calendar's covered span follow its entries (announced holidays and swapped working days);
/// days outside it follow the weekly rule (Monday to Friday work). The count between two instants
/// starts on the day **after** the first one, as 行政许可法 practice counts a time limit from the day after
/// acceptance: `workdays(accepted, finished)` is the number of working days in (accepted's day, finished's day].
public struct WorkingCalendar: Sendable, Equatable {
    /// The first covered day.
    public let firstDay: CivilDay
    /// The number of covered days.
    public let dayCount: Int
    /// `prefix[i]` = working days among the first `i` covered days; `dayCount + 1` entries.
    private let prefix: [Int32]
    /// Monday-to-Friday days before the first covered day (the count that `prefix` continues).
    private let before: Int
    /// The offset from `firstDay` of each covered working day, in order: the inverse of `prefix`.
    private let workingOffsets: [Int32]
    /// The years whose working days were announced (in a calendar file, or in a store's `calendar` rows): for
    /// any other year, the calendar knows only the weekly rule, which is no calendar at all.
    public let announcedYears: Set<Int>

    /// A calendar with no announced days: the weekly rule everywhere.
    public init() {
        self.init(firstDay: CivilDay(number: 0), dayCount: 0, prefix: [0], years: [])
    }

    private init(firstDay: CivilDay, dayCount: Int, prefix: [Int32], years: Set<Int>) {
        self.firstDay = firstDay
        self.dayCount = dayCount
        self.prefix = prefix
        announcedYears = years
        before = WorkingCalendar.weekdaysBefore(firstDay.number)
        var offsets: [Int32] = []
        for offset in 0..<dayCount where prefix[offset + 1] > prefix[offset] { offsets.append(Int32(offset)) }
        workingOffsets = offsets
    }

    /// A calendar over the whole years that `overrides` touches, with those days' working status; the years
    /// announced are `years`, or those of the days given.
    public init(overrides: [CivilDay: Bool], years: Set<Int>? = nil) {
        guard let low = overrides.keys.min(), let high = overrides.keys.max(),
            let first = CivilDay(year: low.components.year, month: 1, day: 1),
            let last = CivilDay(year: high.components.year, month: 12, day: 31)
        else {
            self.init()
            return
        }
        var prefix = [Int32](repeating: 0, count: last.number - first.number + 2)
        var running: Int32 = 0
        for offset in 0...(last.number - first.number) {
            let day = first.adding(days: offset)
            if overrides[day] ?? !day.isWeekend { running += 1 }
            prefix[offset + 1] = running
        }
        self.init(
            firstDay: first, dayCount: last.number - first.number + 1, prefix: prefix,
            years: years ?? Set(overrides.keys.map(\.components.year)))
    }

    /// The calendar of a whole set of announcement files.
    public init(files: [CalendarFile]) {
        var overrides: [CivilDay: Bool] = [:]
        for file in files {
            for entry in file.entries { overrides[entry.day] = entry.isWorkday }
        }
        self.init(overrides: overrides, years: Set(files.map(\.year)))
    }

    /// The last covered day, if any day is covered.
    public var lastDay: CivilDay? { dayCount == 0 ? nil : firstDay.adding(days: dayCount - 1) }

    /// Whether the working days of `year` were announced.
    public func announces(year: Int) -> Bool {
        announcedYears.contains(year)
    }

    /// Whether `day` lies in the span of the calendar's years (a year between two announced ones follows the
    /// weekly rule: see `announces(year:)`).
    public func covers(_ day: CivilDay) -> Bool {
        day.number >= firstDay.number && day.number < firstDay.number + dayCount
    }

    /// Whether `day` is a working day.
    public func isWorkday(_ day: CivilDay) -> Bool {
        cumulative(day.number + 1) - cumulative(day.number) == 1
    }

    /// Working days in (day(from), day(to)]: the day after `from` up to and including the day of `to`,
    /// negative when `to` falls on an earlier day than `from`. Both are Unix seconds.
    public func workdays(from: Int64, to: Int64) -> Int {
        workdays(after: CivilDay(instant: from), through: CivilDay(instant: to))
    }

    /// Working days in (start, end]; negative when `end` is before `start`.
    public func workdays(after start: CivilDay, through end: CivilDay) -> Int {
        cumulative(end.number + 1) - cumulative(start.number + 1)
    }

    /// The `count`-th working day after `day`, the `-count`-th before it when negative, `day` itself for 0.
    public func adding(workdays count: Int, to day: CivilDay) -> CivilDay {
        guard count != 0 else { return day }
        let origin = day.number
        // Inside the covered span: the working day so many places after (or before) in the list of them.
        if covers(day) {
            let index = count > 0 ? cumulative(origin + 1) - before + count - 1 : cumulative(origin) - before + count
            if index >= 0, index < workingOffsets.count { return firstDay.adding(days: Int(workingOffsets[index])) }
        }
        // Elsewhere, working days are counted by `cumulative`, which never decreases: search it.
        if count > 0 {
            // The first d > day with `count` working days in (day, d].
            let base = cumulative(origin + 1)
            var span = 2 * count + 31
            while cumulative(origin + span + 1) - base < count { span *= 2 }
            var low = origin + 1
            var high = origin + span
            while low < high {
                let middle = low + (high - low) / 2
                if cumulative(middle + 1) - base >= count { high = middle } else { low = middle + 1 }
            }
            return CivilDay(number: low)
        }
        // The last d < day with `-count` working days in [d, day).
        let base = cumulative(origin)
        var span = -2 * count + 31
        while base - cumulative(origin - span) < -count { span *= 2 }
        var low = origin - span
        var high = origin - 1
        while low < high {
            let middle = low + (high - low + 1) / 2
            if base - cumulative(middle) >= -count { low = middle } else { high = middle - 1 }
        }
        return CivilDay(number: low)
    }

    /// Working days among all days numbered below `number`, relative to a fixed origin.
    private func cumulative(_ number: Int) -> Int {
        let start = firstDay.number
        let end = start + dayCount
        if number <= start { return WorkingCalendar.weekdaysBefore(number) }
        if number <= end { return before + Int(prefix[number - start]) }
        return before + Int(prefix[dayCount]) + WorkingCalendar.weekdaysBefore(number) - WorkingCalendar.weekdaysBefore(end)
    }

    /// Monday-to-Friday days numbered below `number`, counted from the Monday 1969-12-29 (day −3).
    private static func weekdaysBefore(_ number: Int) -> Int {
        let sinceMonday = number + 3
        let weeks = sinceMonday >= 0 ? sinceMonday / 7 : (sinceMonday - 6) / 7
        return 5 * weeks + min(sinceMonday - 7 * weeks, 5)
    }
}
