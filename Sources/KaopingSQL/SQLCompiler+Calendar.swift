import KaopingCheck
import KaopingStore

/// Working days in SQL, as the native evaluator counts them (`Store.workingCalendar(region:)`): a day is a
/// working day by the center's region's own `calendar` row where its region has one, otherwise by the
/// province-wide row. Only the store's rows are read: the statement is valid for the years whose days all have
/// a province-wide row (the native evaluator takes a year the store lacks from the calendars built into Kaoping,
/// and a day outside every announced year by the weekly rule; SQL counts such a day as no working day).
extension SQLCompiler {
    /// The `region` of the center whose row is being read.
    func centerRegion(row: RowContext?) -> String {
        guard let slot = plan.centerColumns.firstIndex(of: "region") else { return "NULL" }
        switch row {
        case .scan?: return "cc.\(quoteIdentifier("region"))"
        case .centers?: return JoinAliases(plan.centerJoins).reference("region", quote: quoteIdentifier)
        case nil: return "a.\(quoteIdentifier("c\(slot)"))"
        }
    }

    /// Whether the `calendar` row `alias` names a working day of `region`: a province-wide working day the region
    /// does not rest on, or a working day of the region's own that the province rests on.
    func isWorkday(_ alias: String, region: String) -> String {
        let calendar = quoteIdentifier("calendar")
        return "((\(alias).region IS NULL AND \(alias).is_workday = 1 AND NOT EXISTS (SELECT 1 FROM \(calendar) \(alias)r "
            + "WHERE \(alias)r.day = \(alias).day AND \(alias)r.region = \(region) AND \(alias)r.is_workday = 0)) "
            + "OR (\(alias).region = \(region) AND \(alias).is_workday = 1 AND EXISTS (SELECT 1 FROM \(calendar) \(alias)p "
            + "WHERE \(alias)p.day = \(alias).day AND \(alias)p.region IS NULL AND \(alias)p.is_workday = 0)))"
    }

    /// Working days in (`after`, `through`], both `YYYY-MM-DD` texts: the province's, then the days the region's
    /// own rows change (a sum rather than a test of each day, which keeps the count to two index ranges).
    func workdaysBetween(_ after: String, _ through: String, region: String) -> String {
        let calendar = quoteIdentifier("calendar")
        let province =
            "(SELECT count(*) FROM \(calendar) w WHERE w.region IS NULL AND w.is_workday = 1 AND w.day > \(after) AND w.day <= \(through))"
        let changed =
            "(SELECT count(CASE WHEN r.is_workday = 1 AND p.is_workday = 0 THEN 1 END) - count(CASE WHEN r.is_workday = 0 AND p.is_workday = 1 THEN 1 END) "
            + "FROM \(calendar) r JOIN \(calendar) p ON p.day = r.day AND p.region IS NULL "
            + "WHERE r.region = \(region) AND r.day > \(after) AND r.day <= \(through))"
        return "(\(province) + \(changed))"
    }

    /// `workdays(a, b)`: working days in (day of `a`, day of `b`], negative when `b` is on an earlier day. Only the
    /// range in the days' order is counted (the other is empty), so each row reads the calendar once, not twice.
    func workdaysSQL(_ a: String, _ b: String, region: String) -> String {
        let dayA = dialect.dayText(a)
        let dayB = dialect.dayText(b)
        return "(CASE WHEN (\(a)) IS NULL OR (\(b)) IS NULL THEN NULL "
            + "WHEN (((\(a)) + 28800) / 86400) <= (((\(b)) + 28800) / 86400) THEN \(workdaysBetween(dayA, dayB, region: region)) "
            + "ELSE -\(workdaysBetween(dayB, dayA, region: region)) END)"
    }

    /// `x + count workdays` for a constant count: the day number of the count-th working day after (before) x.
    func addWorkdaysSQL(_ x: String, count: Int, region: String) -> String {
        guard count != 0 else { return "(((\(x)) + 28800) / 86400)" }
        let day = dialect.dayText(x)
        let direction = count > 0 ? ">" : "<"
        let order = count > 0 ? "" : " DESC"
        return "(SELECT \(dialect.dayNumber("w.day")) FROM \(quoteIdentifier("calendar")) w WHERE \(isWorkday("w", region: region)) "
            + "AND w.day \(direction) \(day) ORDER BY w.day\(order) LIMIT 1 OFFSET \(abs(count) - 1))"
    }

    /// `x + n workdays` for a count read from the row: the n-th working day after x's day (before it, for a
    /// negative n), x's day for 0.
    func addWorkdaysBySQL(_ x: String, count n: String, region: String) -> String {
        let day = dialect.dayText(x)
        let calendar = quoteIdentifier("calendar")
        func nth(forward: Bool, limit: Int?) -> String {
            let after = forward ? "w.day > \(day)" : "w.day < \(day)"
            let order = forward ? "w.day" : "w.day DESC"
            let place = forward ? "(\(n))" : "(-(\(n)))"
            let candidates = "SELECT w.day AS day FROM \(calendar) w WHERE \(isWorkday("w", region: region)) AND \(after) ORDER BY \(order)"
            if dialect == .postgresql {
                // PostgreSQL takes a column in OFFSET.
                return "(SELECT \(dialect.dayNumber("w.day")) FROM \(calendar) w WHERE \(isWorkday("w", region: region)) AND \(after) "
                    + "ORDER BY \(order) LIMIT 1 OFFSET CAST(\(place) AS bigint) - 1)"
            }
            // SQLite takes no column in LIMIT or OFFSET: the working days after (before) x's numbered in order,
            // the first `limit` of them when that is enough.
            let numbered =
                "SELECT c.day AS day, row_number() OVER (ORDER BY c.day\(forward ? "" : " DESC")) AS k "
                + "FROM (\(candidates)\(limit.map { " LIMIT \($0)" } ?? "")) c"
            return "(SELECT \(dialect.dayNumber("wd.day")) FROM (\(numbered)) wd WHERE wd.k = \(place))"
        }
        func direction(forward: Bool) -> String {
            guard dialect == .sqlite else { return nth(forward: forward, limit: nil) }
            // The first 8, 16, … 512 working days, the fewest that hold the place, else all of them: a row reads
            // about twice as many calendar rows as its count.
            let place = forward ? "(\(n))" : "(-(\(n)))"
            let tiers = [8, 16, 32, 64, 128, 256, 512].map { "WHEN \(place) <= \($0) THEN \(nth(forward: forward, limit: $0))" }
            return "(CASE \(tiers.joined(separator: " ")) ELSE \(nth(forward: forward, limit: nil)) END)"
        }
        return "(CASE WHEN (\(x)) IS NULL OR (\(n)) IS NULL THEN NULL WHEN \(n) = 0 THEN (((\(x)) + 28800) / 86400) "
            + "WHEN \(n) > 0 THEN \(direction(forward: true)) ELSE \(direction(forward: false)) END)"
    }
}
