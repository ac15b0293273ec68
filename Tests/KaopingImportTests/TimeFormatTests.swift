import KaopingImport
import KaopingStore
import Testing

/// Times as the exports write them (issue 22, point 2), read as China time unless they say otherwise; anything
/// out of range or trailing is no time.
@Suite("Time formats")
struct TimeFormatTests {
    /// 2024-03-15 09:30:00 China time.
    static let expected = CivilDay(year: 2024, month: 3, day: 15)!.startInstant + 9 * 3_600 + 30 * 60

    @Test(
        "Every form the exports use, read alike",
        arguments: [
            ("20240315T093000", TimeFormat.compact), ("20240315093000", .compact), ("202403150930", .compact), ("20240315T0930", .compact),
            ("2024-03-15 09:30:00", .iso), ("2024-03-15T09:30:00.250", .iso), ("2024-03-15 09:30", .iso),
            ("2024-03-15T01:30:00Z", .iso), ("2024-03-15T09:30:00+08:00", .iso), ("2024-03-15T02:30:00+01:00", .iso),
            ("2024/3/15 9:30", .slashed), ("2024/03/15 09:30:00", .slashed), ("2024年3月15日 9:30", .chinese),
            ("2024年3月15日9时30分", .chinese), (" 2024-03-15 09:30:00 ", .iso),
        ])
    func forms(_ text: String, _ format: TimeFormat) {
        #expect(format.parse(text) == Self.expected, "\(text)")
        #expect(TimeFormat.auto.parse(text) == Self.expected, "auto: \(text)")
    }

    @Test("Days alone are midnight China time; Unix seconds and milliseconds are instants")
    func daysAndUnix() {
        let midnight = CivilDay(year: 2024, month: 3, day: 15)!.startInstant
        for text in ["20240315", "2024-03-15", "2024/3/15", "2024年3月15日"] { #expect(TimeFormat.auto.parse(text) == midnight, "\(text)") }
        #expect(TimeFormat.unix.parse(String(Self.expected)) == Self.expected)
        #expect(TimeFormat.unixMilliseconds.parse(String(Self.expected * 1000 + 999)) == Self.expected)
        #expect(TimeFormat.unixMilliseconds.parse("-1") == -1)
        // Another zone for a source that writes UTC.
        #expect(TimeFormat.iso.parse("2024-03-15 01:30:00", offset: 0) == Self.expected)
    }

    @Test(
        "Out of range, malformed or trailing text is no time (never rolled over into the next month)",
        arguments: [
            "2024-13-01", "2024-02-30 09:00", "2023-02-29", "2024-03-15 24:00", "2024-03-15 09:60", "2024-03-15 09:30:61",
            "2024031509", "20240315T09", "2024/3/15 9", "2024-03-15 9.30", "2024-03-15 09:30 下午", "15/03/2024", "", "—",
            "2024-3-15x", "２０２４-03-15", "0000-01-01", "2024年13月1日", "2024-03-15T09:30:00+8", "2023-02-29 10:00:00",
            "2024-03-15 24:00:00", "2024-03-15 09:30:60", "2024-03-15_09:30:00", "2024-03-1a 09:30:00",
        ])
    func rejected(_ text: String) {
        #expect(TimeFormat.auto.parse(text) == nil, "\(text)")
    }

    @Test("A Unix time is only read when the mapping says so (a 14-digit number is a compact time, not seconds)")
    func unixOnlyWhenNamed() {
        #expect(TimeFormat.auto.parse(String(Self.expected)) == nil)
        #expect(TimeFormat.unix.parse("2024-03-15") == nil && TimeFormat.unix.parse("+5") == nil)
    }
}
