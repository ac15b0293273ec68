import Foundation
import Testing

@testable import KaopingSyntax

/// A source file's line starts, and a rule file read from disk: whole, or refused unread past the limit.
@Suite("Source files")
struct SourceFileTests {
    static let texts: [String] = [
        "", "x", "\n", "\n\n", "a\nb", "a\nb\n",
        String(repeating: "\n", count: 1000),
        String(repeating: "{\n", count: 1000) + "last line without a break",
        String(repeating: "a long line of a rule file, longer than most: 123456789\n", count: 50) + String(repeating: "}\n", count: 500),
        String(repeating: "}\r\n", count: 300) + String(repeating: "x", count: 5000) + "\n" + String(repeating: "\n", count: 300),
        // Bytes either side of `\n` in value (0x09, 0x0B), and bytes with the high bit set, at every place in a word.
        (0..<64).map { String(repeating: "\t\u{0B}说", count: $0 % 9) + "\n" }.joined(),
    ]

    static func expectedStarts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    @Test("Every line start, for files of long lines, short lines, and both", arguments: texts.indices)
    func lineStarts(_ index: Int) {
        let bytes = Array(Self.texts[index].utf8)
        #expect(SourceFile(name: "lines.rules", bytes: bytes).lineStarts == Self.expectedStarts(bytes))
    }

    @Test("Every byte `0x0A` and no other is a line break, at each of the eight places in a word")
    func everyByte() {
        for byte in UInt8.min...UInt8.max {
            for place in 0..<8 {
                var bytes = [UInt8](repeating: 0, count: 24)
                bytes[8 + place] = byte
                let starts = SourceFile(name: "bytes.rules", bytes: bytes).lineStarts
                #expect(starts == (byte == 0x0A ? [0, 9 + place] : [0]), "byte \(byte) at \(place)")
            }
        }
    }

    /// Writes `bytes` to a temporary file and calls `body` with its path.
    static func withFile(_ bytes: [UInt8], _ body: (String) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-source-\(UUID().uuidString).rules")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(url.path)
    }

    @Test("A file read from disk: its bytes and every line start")
    func readWhole() throws {
        // Lines of every length up to 200 bytes, some empty, more than one read's worth in all.
        var bytes: [UInt8] = []
        var length = 0
        while bytes.count < 3_000_000 {
            length = (length * 37 + 11) % 200
            bytes += repeatElement(UInt8(ascii: "a") + UInt8(length % 26), count: length)
            bytes.append(UInt8(ascii: "\n"))
        }
        try Self.withFile(bytes) { path in
            guard case .file(let source) = try SourceFile.read(path) else {
                Issue.record("a file of 3 MB was not read")
                return
            }
            #expect(source.name == path)
            #expect(source.bytes == bytes)
            #expect(source.lineStarts == Self.expectedStarts(bytes))
        }
    }

    @Test("A file of exactly the limit is read; one byte more is refused unread, with its size")
    func limit() throws {
        let limit = 1000
        try Self.withFile([UInt8](repeating: UInt8(ascii: "\n"), count: limit)) { path in
            guard case .file(let source) = try SourceFile.read(path, limit: limit) else {
                Issue.record("a file at the limit was refused")
                return
            }
            #expect(source.bytes.count == limit)
        }
        try Self.withFile([UInt8](repeating: UInt8(ascii: "\n"), count: limit + 1)) { path in
            let reading = try SourceFile.read(path, limit: limit)
            #expect(reading == .tooLarge(size: limit + 1))
        }
        #expect(SourceFile.maximumSize == 8 * 1024 * 1024)
    }

    @Test(
        "Sizes are written with a comma between groups of three digits",
        arguments: [
            (0, "0"), (999, "999"), (1000, "1,000"), (8_388_608, "8,388,608"), (123_456_789_012, "123,456,789,012"), (-1234, "-1,234"),
        ])
    func grouped(_ number: Int, _ text: String) {
        #expect(SourceFile.grouped(number) == text)
    }
}
