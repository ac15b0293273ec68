import Foundation
import KaopingStore
import Testing

/// An import is one transaction (issue 22, point 4): killed at any moment — here with SIGKILL at several points of a
/// long import — the store is exactly as it was, and a later import completes.
@Suite("An interrupted import")
struct ImportInterruptionTests {
    @Test("Killed part-way at several points: no case is in, the store is whole; run to the end, every case is in")
    func killed() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ImportCommandTests.storeWithOneUnit(in: folder)
        // Enough cases that the import takes a while.
        let count = 100_000
        var text = "办件编号,实施主体编码,实施编码,办件类型,申报渠道,窗口类型,申请时间,受理时间,办结时间,承诺办结时限,法定办结时限,特别程序天数,办件状态,申请人名称,申请人证件号码,联系电话,联系地址,备注\n"
        text.reserveCapacity(count * 120)
        for number in 0..<count {
            text += "C\(number),320100F001,I1,承诺件,窗口,综合窗口,,2024-03-15 09:30:00,2024-03-20 16:00:00,5,20,0,已办结,,,,,\n"
        }
        let cases = folder.appendingPathComponent("办件.csv").path
        try CommandLineTests.write(text, to: cases)
        let binary = try #require(CommandLineTests.binary)
        let arguments = [
            "import", "--db", store, "--mapping",
            CommandLineTests.root.appendingPathComponent("Rules/mappings/gbt39046-cases.mapping").path, cases,
        ]
        for delay in [0.05, 0.3, 0.8] {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let check = try Store.open(at: store, readOnly: true)
            #expect(try check.database.scalar("SELECT count(*) FROM cases") == .integer(0), "killed after \(delay) s")
            #expect(try check.database.scalar("PRAGMA integrity_check") == .text("ok"))
            #expect(try check.database.scalar("SELECT count(*) FROM centers") == .integer(1))
        }
        let finished = try CommandLineTests.kaoping(arguments)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(try Store.open(at: store, readOnly: true).database.scalar("SELECT count(*) FROM cases") == .integer(Int64(count)))
    }
}
