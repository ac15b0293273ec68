import KaopingResults

/// How a 通报 words the engine's codes and numbers: dates as 2026年3月13日, the codes of `centers.kind`,
/// `inspections.mode` and the like by their Chinese names, and rates with the counts they rest on.
enum ChineseText {
    /// `YYYY-MM-DD` (or a time `YYYY-MM-DD HH:MM:SS`) as `2026年3月13日`; text of another form as it is.
    static func date(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }

    /// `YYYY-MM-DD` (or a time) as `3月13日`, the way a 通报 dates within its year.
    static func monthDay(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        return "\(parts[1])月\(parts[2])日"
    }

    /// `YYYY-MM-DD HH:MM:SS` as `3月13日9:05`, the way a 通报 dates a finding within its year.
    static func dayAndClock(_ text: String) -> String {
        let parts = text.split(separator: " ")
        let day = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
        let clock = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
        guard day.count == 3, clock.count >= 2 else { return text }
        return "\(day[1])月\(day[2])日\(clock[0]):\(clock[1] < 10 ? "0" : "")\(clock[1])"
    }

    static let kinds = ["sub_center": "分中心", "onsite_point": "现场办理点", "center": "综合性中心"]
    static let modes = ["open": "明察", "covert": "暗访", "video": "视频巡查"]
    static let levels = ["province": "省级", "city": "市级", "county": "县级"]
    static let severities = ["serious": "严重", "general": "一般", "minor": "轻微"]

    /// A code by its Chinese name, or as it is when it has none.
    static func name(_ code: String, in names: [String: String]) -> String { names[code] ?? code }

    /// A count with thousands separators: `200,000`.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `part ÷ whole` as a percentage with one decimal (`98.5%`); `—` when `whole` is 0.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        return fixed(Double(part) / Double(whole) * 100, 1) + "%"
    }

    /// An indicator's measure as published: a rate with its counts (`98.5%（65/66件）`), a fraction as a
    /// percentage, a number with up to four decimals; `—` when it could not be computed.
    static func measure(_ result: IndicatorResult, fraction: Bool) -> String {
        guard let measure = result.measure else { return "—" }
        if fraction, let numerator = result.numerator, let population = result.population {
            return ScoringSentence.percent(measure) + "（\(numerator)/\(population)件）"
        }
        return ScoringSentence.number(measure, fraction: fraction)
    }

    /// A status other than `ok` in a table cell.
    static func status(_ status: IndicatorResult.Status) -> String? {
        switch status {
        case .ok: return nil
        case .notApplicable: return "不适用"
        case .insufficientData: return "样本不足"
        case .empty: return "无业务"
        }
    }
}
