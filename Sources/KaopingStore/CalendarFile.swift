import Foundation

/// A working-day announcement file under `Rules/calendars/` (one per year), parsed.
///
/// The format is line based: `#` comments, one `year YYYY` line, then `holiday DAY[..DAY] NAME` for the
/// announced rest periods and `workday DAY NAME` for swapped working days (调休上班). Days not named follow
/// the weekly rule: Monday to Friday work, Saturday and Sunday rest.
public struct CalendarFile: Sendable, Equatable {
    /// One announced day: a rest day inside a holiday or a swapped working day.
    public struct Entry: Sendable, Equatable {
        /// The day.
        public let day: CivilDay
        /// Whether it is a working day.
        public let isWorkday: Bool
        /// The holiday's name as announced.
        public let name: String
    }

    /// A line that could not be read, with its position.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        /// The file's name.
        public let file: String
        /// The 1-based line number.
        public let line: Int
        /// What is wrong.
        public let message: String

        public var description: String { "\(file):\(line): \(message)" }
    }

    /// The calendars built into Kaoping, from `Rules/calendars/` (see `Rules/embed.sh`): the State Council's
    /// holiday announcements for 2020–2026, in year order.
    public static let builtIn: [CalendarFile] = builtInTexts.compactMap { try? CalendarFile(text: $0.text, file: $0.name) }

    /// The year the file announces.
    public let year: Int
    /// The announced days, in file order (a range expands to its days).
    public let entries: [Entry]

    /// Parses the text of one calendar file.
    /// - Throws: `CalendarFile.Problem` at the first line that does not follow the format.
    public init(text: String, file: String) throws {
        var year: Int?
        var entries: [Entry] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            func problem(_ message: String) -> Problem { Problem(file: file, line: lineNumber, message: message) }
            switch fields[0] {
            case "year":
                guard year == nil else { throw problem("a second `year` line") }
                guard fields.count == 2, let value = Int(fields[1]), (1900...2200).contains(value) else {
                    throw problem("expected `year YYYY`")
                }
                year = value
            case "holiday", "workday":
                guard year != nil else { throw problem("`\(fields[0])` before the `year` line") }
                guard fields.count >= 3 else { throw problem("expected `\(fields[0])` DAY NAME") }
                let name = fields[2...].joined(separator: " ")
                let isWorkday = fields[0] == "workday"
                let bounds = fields[1].components(separatedBy: "..")
                guard bounds.count <= 2, let first = CivilDay(bounds[0]),
                    let last = bounds.count == 2 ? CivilDay(bounds[1]) : first
                else {
                    throw problem("`\(fields[1])` is not a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD")
                }
                guard first <= last, last.number - first.number < 31 else {
                    throw problem("the range `\(fields[1])` is reversed or longer than a month")
                }
                if isWorkday && first != last { throw problem("a `workday` line names one day, not a range") }
                for number in first.number...last.number {
                    entries.append(Entry(day: CivilDay(number: number), isWorkday: isWorkday, name: name))
                }
            default:
                throw problem("unknown line `\(fields[0])`; expected `year`, `holiday` or `workday`")
            }
        }
        guard let year else { throw Problem(file: file, line: max(lineNumber, 1), message: "no `year` line") }
        self.year = year
        self.entries = entries
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{FEFF}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }

}
