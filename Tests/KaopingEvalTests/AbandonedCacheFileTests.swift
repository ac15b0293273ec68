import Foundation
import KaopingEval
import Testing

/// The column cache's half-written files of a killed run (`NAME.partial-PID`) are removed by the next run that
/// opens the cache; those of a run still writing are left alone.
@Suite("Abandoned cache files")
struct AbandonedCacheFileTests {
    @Test("A .partial-PID file of a process that is gone is removed on open; one of a live process stays")
    func removed() throws {
        let test = try TestStore()
        let first = try #require(ColumnCache.open(for: test.store))
        // A process that has ended: its pid names no process now.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = first.folder + "/cases.finished_at.kpc.partial-\(ended.processIdentifier)"
        let live = first.folder + "/cases.accepted_at.kpc.partial-\(getpid())"
        for path in [abandoned, live] { #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        _ = try #require(ColumnCache.open(for: test.store))
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
