import CSQLite
import KaopingCheck
import KaopingStore

/// How a scan reads one stored value as a number.
extension MorselReader {
    /// Column `column` of the current row as a number (NaN: NULL); a day written as text is decoded to
    /// its day number; text or a BLOB in a number column, or text that is no date, is `WrongType.value`.
    /// One column call, then the value's own accessors.
    static func number(_ handle: OpaquePointer, _ column: Int32, _ type: ValueType) -> Double {
        guard let value = sqlite3_column_value(handle, column) else { return .nan }
        switch sqlite3_value_type(value) {
        case SQLITE_NULL:
            return .nan
        case SQLITE_INTEGER where type != .day:
            return Double(sqlite3_value_int64(value))
        case SQLITE_FLOAT where type != .day:
            return sqlite3_value_double(value)
        case SQLITE_TEXT where type == .day:
            guard let text = sqlite3_value_text(value) else { return WrongType.value }
            return CivilDay(String(cString: text)).map { Double($0.number) } ?? WrongType.value
        default:
            // Text or a BLOB in a number column, a number in a day column: not of its type (see `WrongType`).
            return WrongType.value
        }
    }
}
