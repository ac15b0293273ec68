import KaopingStore

/// The type of an expression, as the checker infers it.
public enum ValueType: String, Sendable, Equatable, Hashable {
    case integer, real, text, boolean, time, day, null
    /// A 0/1 column: usable as a truth value and as a number.
    case flag
    /// A span of time in seconds (`7 days`, `finished_at - accepted_at`).
    case duration
    /// A list of values (only after `in`).
    case list
    /// The type could not be determined (an error was already reported).
    case unknown

    /// The type of a store column.
    public init(_ column: ColumnType) {
        switch column {
        case .integer: self = .integer
        case .real: self = .real
        case .text, .code: self = .text
        case .time: self = .time
        case .day: self = .day
        case .flag: self = .flag
        }
    }

    var isNumeric: Bool { [.integer, .real, .flag, .null, .unknown].contains(self) }
    var isBoolean: Bool { [.boolean, .flag, .null, .unknown].contains(self) }

    /// The name shown to users, in Chinese and English.
    var label: (zh: String, en: String) {
        switch self {
        case .integer: return ("整数", "an integer")
        case .real: return ("数值", "a number")
        case .text: return ("文本", "text")
        case .boolean: return ("真假值", "a truth value")
        case .time: return ("时间", "a time")
        case .day: return ("日期", "a date")
        case .null: return ("空值", "null")
        case .flag: return ("0/1 标志", "a 0/1 flag")
        case .duration: return ("时长", "a duration")
        case .list: return ("列表", "a list")
        case .unknown: return ("未知", "unknown")
        }
    }
}
