import KaopingStore

/// The times and days a row may hold: 1970-01-01 to 2100-12-31 (China time). A value outside — a "never"
/// sentinel such as 9223372036854775807, an infinity, a time in milliseconds — is no date of a case: the row is
/// left out of every population and counted in `data_quality`, by the native scan and the SQL alike.
public enum PlausibleTime {
    public static let firstDay = CivilDay(year: 1970, month: 1, day: 1)!
    public static let lastDay = CivilDay(year: 2100, month: 12, day: 31)!

    /// The half-open range [low, high) of plausible values of a column of `type`, as stored: seconds for a time,
    /// day numbers for a day; `nil` for other types.
    public static func bounds(_ type: ValueType) -> (low: Double, high: Double)? {
        switch type {
        case .time: return (Double(firstDay.startInstant), Double(CivilDay(number: lastDay.number + 1).startInstant))
        case .day: return (Double(firstDay.number), Double(lastDay.number + 1))
        default: return nil
        }
    }

    /// The `data_quality` reason of a row left out for `column`.
    public static func reason(_ column: String) -> String { "\(column) outside 1970–2100" }
}
