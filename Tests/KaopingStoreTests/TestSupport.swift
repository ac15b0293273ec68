import Foundation
import KaopingStore
import Testing

/// A fresh directory under the system's temporary folder, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("kaoping-store-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }
}

/// Files that ship with the project, found from this source file's location.
enum ProjectFolder {
    /// The repository root: `Tests/KaopingStoreTests/TestSupport.swift` is three levels below it.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Rules/calendars`.
    static var calendars: String { root.appendingPathComponent("Rules/calendars").path }

    /// The working calendar of every shipped announcement file (2020–2026).
    static func shippedCalendar() throws -> WorkingCalendar {
        WorkingCalendar(files: try Store.calendarFiles(in: calendars))
    }

    /// The shipped announcement file of `year`.
    static func shippedCalendar(year: Int) throws -> CalendarFile {
        try #require(try Store.calendarFiles(in: calendars).first { $0.year == year })
    }
}

/// Shorthand for a day that the test knows exists.
func day(_ text: String) -> CivilDay {
    guard let day = CivilDay(text) else { preconditionFailure("test day \(text) is not a day") }
    return day
}

/// The instant of `hour:minute` on `text` in China time, as Unix seconds.
func chinaTime(_ text: String, _ hour: Int, _ minute: Int = 0) -> Int64 {
    day(text).startInstant + Int64(hour * 3600 + minute * 60)
}
