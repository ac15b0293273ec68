import Foundation
import KaopingStore

/// A copy of the demo store in which one region (南京市) has a 2024 calendar of its own that differs from the
/// province's: the National Day week worked, and two weeks of March rested. Generated once per test run.
enum RegionalCalendarStore {
    static let region = "南京市"

    static let path: Result<String, any Error> = Result {
        let demo = try ShippedRules.demo.get()
        let copy = (demo as NSString).deletingLastPathComponent + "/regional-calendar.sqlite"
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.copyItem(atPath: demo, toPath: copy)
            let store = try Store.open(at: copy)
            var overrides: [CivilDay: Bool] = [:]
            for file in CalendarFile.builtIn where file.year == 2024 {
                for entry in file.entries { overrides[entry.day] = entry.isWorkday }
            }
            for day in 1...7 { overrides[CivilDay(year: 2024, month: 10, day: day)!] = true }
            for day in 4...15 { overrides[CivilDay(year: 2024, month: 3, day: day)!] = false }
            try store.loadCalendar(WorkingCalendar(overrides: overrides, years: [2024]), years: 2024...2024, region: region)
        }
        return copy
    }
}
