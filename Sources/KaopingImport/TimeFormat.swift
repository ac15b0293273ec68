import Foundation
import KaopingStore

/// How a source column writes times (a mapping's `time FORMAT`), read as China time (UTC+8) unless the text
/// carries its own offset (`Z`, `+08:00`) or the mapping names another. Every form is checked whole — a month 13,
/// a 31 June or text after the time is no time — so nothing is misread.
public enum TimeFormat: String, Sendable, CaseIterable {
    /// Any of the forms below but Unix times: what the provincial and department exports write.
    case auto
    /// `20240315T093000`, `20240315093000`, `202403150930`, `20240315`.
    case compact
    /// `2024-03-15 09:30:00`, `2024-03-15T09:30:00.250`, `2024-03-15 09:30`, `2024-03-15`, with an optional offset.
    case iso
    /// `2024/3/15 9:30`, `2024/03/15 09:30:05`, `2024/3/15`.
    case slashed
    /// `2024年3月15日 9:30`, `2024年3月15日9时30分`, `2024年3月15日`.
    case chinese
    /// Seconds since 1970-01-01 UTC.
    case unix
    /// Milliseconds since 1970-01-01 UTC.
    case unixMilliseconds = "unix_ms"

    /// `text` as Unix seconds, `nil` when it is no time of this form; `offset` is the source's time zone in seconds
    /// east of UTC, for a text that names none.
    public func parse(_ text: String, offset: Int = 8 * 3_600) -> Int64? {
        let trimmed = text.trimmedField
        // The form nearly every export writes, read from its bytes (the general forms below split strings).
        if self == .auto || self == .iso, let instant = Self.plainISO(trimmed.utf8, offset: offset) { return instant }
        switch self {
        case .auto:
            for format in [TimeFormat.iso, .compact, .slashed, .chinese] {
                if let time = format.parse(trimmed, offset: offset) { return time }
            }
            return nil
        case .unix, .unixMilliseconds:
            guard let number = Int64(trimmed), trimmed.first != "+" else { return nil }
            guard self == .unixMilliseconds else { return number }
            return number >= 0 ? number / 1000 : (number - 999) / 1000
        case .compact: return TimeFormat.compact(trimmed, offset: offset)
        case .iso: return TimeFormat.iso(trimmed, offset: offset)
        case .slashed: return TimeFormat.separated(trimmed, by: "/", offset: offset)
        case .chinese: return TimeFormat.chinese(trimmed, offset: offset)
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD` exactly, ASCII digits; `nil` for anything else (the general parsers then
    /// decide).
    static func plainISO(_ bytes: String.UTF8View, offset: Int) -> Int64? {
        guard bytes.count == 19 || bytes.count == 10 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(14)
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 10: guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") else { return nil }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                digits.append(Int(byte - UInt8(ascii: "0")))
            }
        }
        let number = { (from: Int, count: Int) in digits[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }
        let clock = digits.count == 14
        return instant(
            number(0, 4), number(4, 2), number(6, 2), clock ? number(8, 2) : 0, clock ? number(10, 2) : 0, clock ? number(12, 2) : 0,
            offset: offset)
    }

    /// The instant of a civil date and time at `offset`, when every part is in range.
    static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, offset: Int) -> Int64? {
        guard (1900...2999).contains(year), let civil = CivilDay(year: year, month: month, day: day), (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        return Int64(civil.number) * 86_400 + Int64(hour * 3_600 + minute * 60 + second - offset)
    }

    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        return Int(text)
    }

    private static func compact(_ text: String, offset: Int) -> Int64? {
        let plain = text.replacingOccurrences(of: "T", with: "")
        guard [8, 12, 14].contains(plain.count), plain.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let part = { (from: Int, length: Int) -> Int in
            let start = plain.index(plain.startIndex, offsetBy: from)
            return Int(plain[start..<plain.index(start, offsetBy: length)]) ?? -1
        }
        return instant(
            part(0, 4), part(4, 2), part(6, 2), plain.count > 8 ? part(8, 2) : 0, plain.count > 8 ? part(10, 2) : 0,
            plain.count > 12 ? part(12, 2) : 0, offset: offset)
    }

    /// `YYYY-MM-DD[( |T)HH:MM[:SS[.fff]]][Z|±HH:MM]`.
    private static func iso(_ text: String, offset: Int) -> Int64? {
        var body = Substring(text)
        var zone = offset
        if body.hasSuffix("Z") {
            zone = 0
            body = body.dropLast()
        } else if body.count > 16, let sign = body.dropLast(5).last, sign == "+" || sign == "-", body.suffix(6).dropFirst().contains(":") {
            let tail = body.suffix(5).split(separator: ":")
            guard tail.count == 2, let hours = digits(tail[0]), let minutes = digits(tail[1]) else { return nil }
            zone = (sign == "+" ? 1 : -1) * (hours * 3_600 + minutes * 60)
            body = body.dropLast(6)
        }
        return separated(String(body), by: "-", offset: zone, allowT: true, allowFraction: true)
    }

    /// `Y<sep>M<sep>D[ H:MM[:SS]]`, months, days and hours with one or two digits.
    private static func separated(
        _ text: String, by separator: Character, offset: Int, allowT: Bool = false, allowFraction: Bool = false
    ) -> Int64? {
        let halves = text.split(whereSeparator: { $0 == " " || (allowT && $0 == "T") }).map(String.init)
        guard (1...2).contains(halves.count) else { return nil }
        let date = halves[0].split(separator: separator, omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count <= 2, date[2].count <= 2, let year = digits(date[0]),
            let month = digits(date[1]), let day = digits(date[2])
        else { return nil }
        guard halves.count == 2 else { return instant(year, month, day, 0, 0, 0, offset: offset) }
        var clock = Substring(halves[1])
        if allowFraction, let dot = clock.firstIndex(of: ".") {
            guard digits(clock[clock.index(after: dot)...]) != nil else { return nil }
            clock = clock[..<dot]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count <= 2, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            let hour = digits(parts[0]), let minute = digits(parts[1])
        else { return nil }
        let second = parts.count == 3 ? digits(parts[2]) : 0
        guard let second else { return nil }
        return instant(year, month, day, hour, minute, second, offset: offset)
    }

    /// `2024年3月15日[ ]9:30[:05]`, `2024年3月15日9时30分[5秒]`, `2024年3月15日`.
    private static func chinese(_ text: String, offset: Int) -> Int64? {
        guard let year = text.firstIndex(of: "年"), let month = text.firstIndex(of: "月"), let day = text.firstIndex(of: "日"),
            year < month, month < day,
            let y = digits(text[..<year]), let m = digits(text[text.index(after: year)..<month]),
            let d = digits(text[text.index(after: month)..<day])
        else { return nil }
        var rest = text[text.index(after: day)...].trimmingCharacters(in: .whitespaces)
        if rest.isEmpty { return instant(y, m, d, 0, 0, 0, offset: offset) }
        rest = rest.replacingOccurrences(of: "时", with: ":").replacingOccurrences(of: "分", with: ":").replacingOccurrences(
            of: "秒", with: "")
        if rest.hasSuffix(":") { rest.removeLast() }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hour = digits(parts[0]), let minute = digits(parts[1]) else { return nil }
        let second = parts.count == 3 ? digits(parts[2]) : 0
        guard let second else { return nil }
        return instant(y, m, d, hour, minute, second, offset: offset)
    }
}

extension String {
    /// The text without the spaces and tabs around it (ASCII and the full-width space U+3000): Foundation's
    /// `trimmingCharacters(in:)` costs about a third of an import's time.
    var trimmedField: String {
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, blank(first) || blank(last) else { return self }
        guard let start = scalars.firstIndex(where: { !blank($0) }), let end = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
