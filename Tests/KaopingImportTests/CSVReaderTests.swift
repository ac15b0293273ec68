import Foundation
import KaopingImport
import Testing

/// Reading CSV exports (issue 22, point 1): UTF-8 with or without a byte-order mark and GB18030, detected; quoted
/// fields with commas, quotes and line breaks; each record's physical line; quoting mistakes named, not guessed at.
@Suite("CSV reader")
struct CSVReaderTests {
    /// Writes `bytes` to a new temporary file and reads every record of it.
    static func read(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> (TextEncoding, [CSVRecord]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-csv-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try CSVReader(path: path, encoding: encoding)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (reader.encoding, records)
    }

    static func gb18030(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    @Test("UTF-8 with a byte-order mark and CRLF: the mark skipped, fields and lines as written")
    func utf8() throws {
        let (encoding, records) = try Self.read([0xEF, 0xBB, 0xBF] + Array("办件编号,受理时间\r\nA1,2024-03-15 09:30:00\r\n".utf8))
        #expect(encoding == .utf8)
        #expect(records.map(\.fields) == [["办件编号", "受理时间"], ["A1", "2024-03-15 09:30:00"]])
        #expect(records.map(\.line) == [1, 2])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test("Quoted fields hold commas, doubled quotes and line breaks; a record spanning lines keeps its first line")
    func quoting() throws {
        let text = "a,b,c\n1,\"x, y\",\"他说\"\"好\"\"\"\n2,\"第一行\n第二行\",z\n\n3,,\n"
        let (_, records) = try Self.read(Array(text.utf8))
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "他说\"好\""], ["2", "第一行\n第二行", "z"], ["3", "", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
        #expect(records[2].text == "2,\"第一行\n第二行\",z")
    }

    @Test("GB18030 is detected and read as text; named, it is read so even when the bytes could be UTF-8")
    func gb18030() throws {
        let bytes = try Self.gb18030("办件编号,满意度\n3201,非常满意\n")
        let (encoding, records) = try Self.read(bytes)
        #expect(encoding == .gb18030)
        #expect(records.map(\.fields) == [["办件编号", "满意度"], ["3201", "非常满意"]])
        let (named, ascii) = try Self.read(Array("a,b\n".utf8), encoding: .gb18030)
        #expect(named == .gb18030 && ascii.map(\.fields) == [["a", "b"]])
    }

    @Test("A character split between two chunks of the file is read whole, in UTF-8 and in GB18030")
    func chunkBoundary() throws {
        // Enough rows of two- and three-byte characters to cross the reader's first chunk at odd offsets.
        let rows = (0..<60_000).map { "\($0),政务服务中心分中心" }
        let text = "序号,名称\n" + rows.joined(separator: "\n") + "\n"
        for bytes in [Array(text.utf8), try Self.gb18030(text)] {
            let (_, records) = try Self.read(bytes)
            #expect(records.count == 60_001)
            #expect(records.dropFirst().allSatisfy { $0.fields.count == 2 && $0.fields[1] == "政务服务中心分中心" })
            #expect(records.last?.line == 60_001)
        }
    }

    @Test("Quoting mistakes are named on their record, which is not guessed at")
    func mistakes() throws {
        let (_, records) = try Self.read(Array("a,b\n1,x\"y\n2,\"z\"w\n3,\"open\n".utf8))
        #expect(records.count == 4)
        #expect(records[1].problem?.contains("field 2 has a stray quote") == true)
        #expect(records[2].problem?.contains("field 2 has text after its closing quote") == true)
        #expect(records[3].problem?.contains("not closed before the end of the file") == true)
        #expect(records[3].line == 4)
    }

    @Test("An empty file has no record")
    func empty() throws {
        #expect(try Self.read([]).1.isEmpty)
        #expect(try Self.read([0xEF, 0xBB, 0xBF]).1.isEmpty)
    }
}
