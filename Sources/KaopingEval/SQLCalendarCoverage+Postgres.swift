import KaopingPostgres
import KaopingSQL
import KaopingStore

extension SQLCalendarCoverage {
    /// Counts the province-wide rows of a PostgreSQL store's `calendar` in each year of `reach`.
    /// - Throws: `PostgresError` when the query fails.
    public init(postgres store: PostgresStore, reach: ClosedRange<Int>) throws {
        try self.init(reach: reach) { first, last in
            Int(
                try store.connection.scalar(
                    "SELECT count(DISTINCT day) FROM calendar WHERE region IS NULL AND day BETWEEN $1 AND $2",
                    [first.description, last.description]) ?? "") ?? 0
        }
    }
}
