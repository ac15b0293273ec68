import Foundation
import KaopingDemo
import KaopingStore

/// A demo store written once per test run and shared, read-only, by the tests that need it.
struct DemoFixture: Sendable {
    let path: String
    let options: DemoOptions
    let summary: DemoSummary

    /// 5,000 cases with the default seed: the province layout, names, items and integrations do not depend
    /// on the number of cases, so this small store shows them as the default demo has them.
    static let small = Result { try DemoFixture(cases: 5_000, seed: 2024) }

    /// 100,000 cases with the default seed: enough cases per planted unit for every effect to show.
    static let large = Result { try DemoFixture(cases: 100_000, seed: 2024) }

    init(cases: Int, seed: UInt64) throws {
        options = DemoOptions(cases: cases, seed: seed)
        (path, summary) = try DemoFixture.write(options, name: "demo-\(cases)-\(seed).sqlite")
    }

    /// Opens the store read-only; each test has its own connection.
    func open() throws -> Store {
        try Store.open(at: path, readOnly: true)
    }

    /// Generates `options` into a fresh temporary folder (removed when the test process exits).
    static func write(_ options: DemoOptions, name: String) throws -> (path: String, summary: DemoSummary) {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("kaoping-demo-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        TemporaryFolders.shared.removeAtExit(folder)
        let path = (folder as NSString).appendingPathComponent(name)
        return (path, try DemoGenerator(options: options, calendarFiles: calendarFiles()).write(to: path))
    }

    /// The shipped announcement files, Rules/calendars/*.txt.
    static func calendarFiles() throws -> [CalendarFile] {
        try Store.calendarFiles(in: projectRoot.appendingPathComponent("Rules/calendars").path)
    }

    /// The repository root: this file is `Tests/KaopingDemoTests/DemoFixture.swift`.
    static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Folders to delete when the test process exits: the shared stores outlive any single test.
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var folders: [String] = []
    private var installed = false

    func removeAtExit(_ folder: String) {
        lock.withLock {
            folders.append(folder)
            if !installed {
                installed = true
                atexit { TemporaryFolders.shared.removeAll() }
            }
        }
    }

    func removeAll() {
        lock.withLock {
            for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
            folders.removeAll()
        }
    }
}

extension Database {
    /// The integer a one-value query returns (0 for NULL or no row).
    func integer(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        Int(try scalar(sql, arguments)?.integer ?? 0)
    }

    /// The texts in the first column of a query's rows.
    func texts(_ sql: String, _ arguments: [SQLValue] = []) throws -> [String] {
        try query(sql, arguments).compactMap { $0.first?.text }
    }
}
