import Foundation
import KaopingImport
import KaopingStore
import KaopingSyntax
import Testing

/// Personal data is never stored (issue 22, point 5): a personal column is dropped, or kept only as HMAC-SHA256
/// under the office's key, so that repeat applicants can be counted without the data.
@Suite("Personal data on import")
struct PersonalDataTests {
    /// The shipped cases mapping with the ID number hashed into `applicant_key` instead of dropped.
    static func hashingMapping() throws -> Mapping {
        let path = MappingTests.root.appendingPathComponent("Rules/mappings/gbt39046-cases.mapping").path
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "personal \"申请人证件号码\" drop", with: "personal \"申请人证件号码\" hash into applicant_key")
        let loaded = MappingChecker.load(SourceFile(name: path, text: text))
        #expect(loaded.diagnostics == [])
        let mapping = try #require(loaded.mappings?.first)
        #expect(mapping.needsKey)
        return mapping
    }

    static let key = try! PersonalDataKey(bytes: Array("0123456789abcdef0123456789abcdef\n".utf8))

    /// Rows of applicants by ID number (the third ends in a small `x`).
    static func write(_ folder: String) throws -> String {
        let id = { (number: String, applicant: String) in
            ImporterTests.row(number).replacingOccurrences(of: "320102199001011234", with: applicant)
        }
        let lines = [
            ImporterTests.header, id("P1", "320102199001011234"), id("P2", "320102199001011234"), id("P3", "32010219900101123x"),
            id("P4", ""), ImporterTests.row("P5", kind: "加急件"),
        ]
        let path = folder + "/cases.csv"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("Hashed with the key: HMAC-SHA256 as 64 hex digits, the same applicant the same, x and X alike; the value nowhere")
    func hashed() throws {
        let (folder, store) = try ImporterTests.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(folder)
        var importer = Importer(store: store)
        importer.personalDataKey = Self.key
        let summary = try importer.importCSV(path, mapping: try Self.hashingMapping())
        #expect(summary.inserted == 4 && summary.rejected == 1)
        // HMAC-SHA256 with the key "0123456789abcdef0123456789abcdef" (its final line break is not part of it), as
        // Python's hmac module gives it.
        #expect(
            try store.database.query("SELECT case_no, applicant_key FROM cases ORDER BY case_no") == [
                ["P1", "c01dc6edf5183632bd131f3e50cf2984a59f4bb3ddc8723435694da46fafe306"],
                ["P2", "c01dc6edf5183632bd131f3e50cf2984a59f4bb3ddc8723435694da46fafe306"],
                ["P3", "b8bd0262ae12741e88f6885e667bc54b6c7b1275c61ba19975d9230449a7b48c"], ["P4", nil],
            ])
        // Neither the ID numbers nor the key are written to the store, the rejects file or the summary.
        try store.database.execute("PRAGMA wal_checkpoint")
        for file in ["store.sqlite", "cases.rejects.csv", "cases.import.json"] {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + file), "\(file)")
            for secret in ["32010219900101123", "0123456789abcdef"] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) in \(file)")
            }
        }
    }

    @Test("A mapping that hashes needs a key; a key under 16 bytes is refused; nothing is written without one")
    func keyRequired() throws {
        let (folder, store) = try ImporterTests.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try Self.write(folder)
        #expect(throws: ImportError.keyMissing(table: "cases")) {
            try Importer(store: store).importCSV(path, mapping: try Self.hashingMapping())
        }
        #expect(try store.database.scalar("SELECT count(*) FROM cases") == .integer(0))
        #expect(throws: ImportError.keyTooShort(bytes: 15)) { try PersonalDataKey(bytes: Array("0123456789abcde\r\n".utf8)) }
        // Dropped, the column stays empty and no key is needed.
        let summary = try Importer(store: store).importCSV(path, mapping: try ImporterTests.mapping())
        #expect(summary.inserted == 4)
        #expect(try store.database.scalar("SELECT count(applicant_key) FROM cases") == .integer(0))
    }
}
