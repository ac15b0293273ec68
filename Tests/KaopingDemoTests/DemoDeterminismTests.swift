import Foundation
import KaopingDemo
import KaopingStore
import Testing

@Suite("kaoping demo is deterministic")
struct DemoDeterminismTests {
    @Test("The same seed gives a byte-identical file; another seed gives different bytes")
    func sameSeedSameBytes() throws {
        let first = try DemoFixture.write(DemoOptions(cases: 5_000, seed: 7), name: "first.sqlite")
        let second = try DemoFixture.write(DemoOptions(cases: 5_000, seed: 7), name: "second.sqlite")
        let other = try DemoFixture.write(DemoOptions(cases: 5_000, seed: 8), name: "other.sqlite")
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first.path))
        let secondBytes = try Data(contentsOf: URL(fileURLWithPath: second.path))
        let otherBytes = try Data(contentsOf: URL(fileURLWithPath: other.path))
        #expect(firstBytes.count > 1_000_000)
        #expect(firstBytes == secondBytes)
        #expect(first.summary == second.summary)
        #expect(firstBytes != otherBytes)
        #expect(first.summary.planted != other.summary.planted)
    }

    @Test("Writing over an existing store replaces it and leaves no partial file")
    func replacesExistingFile() throws {
        let first = try DemoFixture.write(DemoOptions(cases: 1_000, seed: 7), name: "demo.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: first.path))
        let calendars = try DemoFixture.calendarFiles()
        try DemoGenerator(options: DemoOptions(cases: 1_200, seed: 7), calendarFiles: calendars).write(to: first.path)
        let store = try Store.open(at: first.path, readOnly: true)
        #expect(try store.database.integer("SELECT count(*) FROM cases") == 1_200)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.path)) != before)
        #expect(!FileManager.default.fileExists(atPath: first.path + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: first.path + ".partial.kaoping"), "the partial file's folder is removed too")
    }
}
