import KaopingCheck

/// A stored value that is not of its column's declared type — text or a BLOB in a number, time or flag column,
/// text that is no date in a day column — as the scan of an extra table reads it: a NaN with a payload of its
/// own, which the scan tells from NULL (the plain NaN) and leaves out, counted in `data_quality` with the
/// reason `reason(_:_:)`. The column cache keeps it as it is (a block holding one is stored as doubles).
/// (Canonical tables cannot hold such values: their CHECKs are verified, see `Store.verifyRows(of:)`.)
enum WrongType {
    static let value = Double(nan: 0x4B_5057, signaling: false)

    static func isWrong(_ number: Double) -> Bool {
        number.bitPattern == value.bitPattern
    }

    /// The `data_quality` reason of a row left out for `column` of declared type `type`.
    static func reason(_ column: String, _ type: ValueType) -> String {
        switch type {
        case .integer: return "\(column) is not an integer"
        case .time: return "\(column) is not a time"
        case .flag: return "\(column) is not 0 or 1"
        case .day: return "\(column) is not a date"
        default: return "\(column) is not a number"
        }
    }

    /// The types whose stored values the scan checks: numbers, times, flags and days.
    static func isChecked(_ type: ValueType) -> Bool {
        [.integer, .real, .time, .flag, .day].contains(type)
    }
}
