import Foundation
import Testing

@testable import KaopingSyntax

/// A source file's line starts are found eight bytes at a time, and, for a large file read from disk, in
/// pieces on several threads as each piece is read; both must give every line start, and the bytes as read.
@Suite("Line starts")
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

    @Test("A file read from disk in pieces, and whole: its bytes and every line start")
    func readInPieces() throws {
        // Lines of every length up to 200 bytes, some empty, in pieces of a few kilobytes (a large file is read
        // in pieces of megabytes: the same code).
        var bytes: [UInt8] = []
        var length = 0
        while bytes.count < 200_000 {
            length = (length * 37 + 11) % 200
            bytes += repeatElement(UInt8(ascii: "a") + UInt8(length % 26), count: length)
            bytes.append(UInt8(ascii: "\n"))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-lines-\(UUID().uuidString).rules")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        for unit in [1 << 12, 1 << 14, 1 << 22] {
            let read = SourceFile.read(bytes.count, from: handle.fileDescriptor, unit: unit)
            #expect(read.bytes == bytes)
            #expect(read.lineStarts == Self.expectedStarts(bytes))
        }
        let source = try SourceFile(contentsOf: url.path)
        #expect(source.bytes == bytes)
        #expect(source.lineStarts == Self.expectedStarts(bytes))
    }
}
