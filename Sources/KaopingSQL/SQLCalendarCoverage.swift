import KaopingCheck
import KaopingStore

/// Whether a store's `calendar` table holds every working day a compiled statement may count.
///
/// The statement reads only the table's rows (see `SQLCompiler+Calendar`), while the native evaluator takes a year
/// the table has no province-wide rows for from the calendars built into Kaoping, and a day missing from a year it
/// has rows for by the weekly rule. The two agree on the years where every day has a province-wide row: those
/// the statement is valid for. `reach` is the years checked: the period's, and the year on either side of it.
public struct SQLCalendarCoverage: Sendable, Equatable {
    /// A year of `reach` whose days do not all have a province-wide row.
    public struct Gap: Sendable, Equatable {
        public let year: Int
        /// Province-wide rows the store has for the year.
        public let rows: Int
        /// Days in the year.
        public let days: Int
    }

    public let reach: ClosedRange<Int>
    public let gaps: [Gap]

    /// The years around the plan's period (the period's, and one on either side, where working days a row counts
    /// may fall: a case accepted in late December, a deadline early in the next year).
    public static func reach(of plan: Plan) -> ClosedRange<Int> {
        let first = CivilDay(number: plan.periodStart).components.year
        let last = CivilDay(number: plan.periodEnd).components.year
        return (first - 1)...(last + 1)
    }

    /// Counts the store's province-wide rows in each year of `reach`.
    public init(store: Store, reach: ClosedRange<Int>) throws {
        try self.init(reach: reach) { first, last in
            Int(
                try store.database.scalar(
                    "SELECT count(DISTINCT day) FROM calendar WHERE region IS NULL AND day BETWEEN ? AND ?",
                    [.text(first.description), .text(last.description)])?.integer ?? 0)
        }
    }

    /// Counts each year of `reach` with `rows`, which gives how many distinct days from `first` to `last` (both
    /// included) have a province-wide row.
    public init(reach: ClosedRange<Int>, rows: (_ first: CivilDay, _ last: CivilDay) throws -> Int) rethrows {
        self.reach = reach
        var gaps: [Gap] = []
        for year in reach {
            guard let first = CivilDay(year: year, month: 1, day: 1), let last = CivilDay(year: year, month: 12, day: 31) else { continue }
            let count = try rows(first, last)
            let days = last.number - first.number + 1
            if count < days { gaps.append(Gap(year: year, rows: count, days: days)) }
        }
        self.gaps = gaps
    }

    /// Why the statement would not count working days as the native evaluator does, or `nil` when it would.
    public var problem: String? {
        guard !gaps.isEmpty else { return nil }
        let named = gaps.map { "\($0.year) (\($0.rows) of \($0.days) days)" }
        let years = named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + named[named.count - 1]
        return "the store's calendar table lacks province-wide rows for \(years), which the native evaluator takes from "
            + "the calendars built into Kaoping or the weekly rule and SQL cannot: load each year with "
            + "`kaoping calendar import` first"
    }
}
