import Testing

@testable import KaopingSyntax

/// `isValidUTF8` finds bytes well-formed exactly when `String(validating:)` does; `String.joined` makes what
/// `+` would.
@Suite("UTF-8: validation without a string, texts joined at once")
struct UTF8ValidationTests {
    /// Whether `isValidUTF8` and `String(validating:)` agree on `bytes`.
    static func agree(_ bytes: [UInt8]) -> Bool {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        return bytes.withUnsafeBufferPointer { $0.isValidUTF8(0..<bytes.count) } == expected
    }

    static func expectSameAsString(_ bytes: [UInt8], _ label: @autoclosure () -> String = "") {
        #expect(agree(bytes), "\(label()) \(bytes.map { String($0, radix: 16) })")
    }

    /// Bytes at the edges of each range table 3-7 sets (for the byte after a lead byte; the bytes after it
    /// need only be 80…BF).
    static let edges: [UInt8] = [
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
    ]

    @Test("Every lead byte followed by bytes at the edges; a sequence after ASCII at each place in a word")
    func sequences() {
        var disagreements: [[UInt8]] = []
        for lead in UInt8.min...UInt8.max {
            for second in Self.edges {
                for third in [0x41, 0x7F, 0x80, 0xBF, 0xC0] as [UInt8] {
                    for sequence in [[lead, second], [lead, second, third], [lead, second, third, 0x80], [lead, second, third, 0x41]]
                    where !Self.agree(sequence) {
                        disagreements.append(sequence)
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // A sequence starting at each place of a word of ASCII, and cut short by the end.
        let chinese = Array("办结".utf8)
        for before in 0..<10 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: before)
            Self.expectSameAsString(ascii + chinese + ascii, "before \(before)")
            Self.expectSameAsString(ascii + chinese.dropLast(), "cut after \(before)")
            Self.expectSameAsString(ascii + [0xED, 0xA0, 0x80] + ascii, "surrogate after \(before)")
        }
    }

    @Test("Comments of Chinese text, and the same with one byte changed anywhere")
    func comments() {
        let text = Array("# 办件“按时办结”率：已办结件中 workdays(accepted_at, finished_at) <= promised_days 的比例 😀".utf8)
        Self.expectSameAsString(text)
        for index in text.indices {
            for byte in [0x80, 0xC0, 0xFF, 0x20] as [UInt8] {
                var changed = text
                changed[index] = byte
                Self.expectSameAsString(changed, "at \(index)")
            }
        }
        // Only the range asked about counts.
        let bad = text + [0xFF]
        bad.withUnsafeBufferPointer { buffer in
            #expect(buffer.isValidUTF8(0..<text.count))
            #expect(!buffer.isValidUTF8(0..<bad.count))
        }
    }

    @Test("Three texts joined in one allocation are the texts one after another")
    func joined() {
        let parts = ["", "编号“", "i1", "”重复", "the id `", "a_very_long_identifier_of_many_bytes", "😀", "é"]
        for first in parts {
            for second in parts {
                for third in parts {
                    #expect(String.joined(first, second, third) == first + second + third)
                    #expect(String.joined(first, second, third).utf8.count == first.utf8.count + second.utf8.count + third.utf8.count)
                }
            }
        }
    }
}
