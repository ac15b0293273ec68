/// Names: runs of letters, digits and `_`, Chinese letters included. Most names are all ASCII; their bytes
/// are told eight at a time.
extension Lexer {
    mutating func lexIdentifier() -> LexedToken {
        let start = offset
        var end = bytes.asciiNameEnd(from: start)
        // A Chinese character is told by its bytes; another non-ASCII letter is decoded. ASCII may follow again.
        while end < bytes.count, bytes[end] >= 0x80 {
            if bytes.isCommonIdeograph(at: end) {
                end = bytes.asciiNameEnd(from: end + 3)
                continue
            }
            guard let (scalar, length) = scalar(at: end), isIdentifierScalar(scalar) else { break }
            end = bytes.asciiNameEnd(from: end + length)
        }
        offset = end
        return LexedToken(
            kind: .identifier, range: SourceRange(start, end), text: LexedToken.inRange, spelling: Spelling(bytes, start..<end))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where the run of ASCII letters, digits and `_` that starts at `start` ends.
    @inline(__always)
    func asciiNameEnd(from start: Int) -> Int {
        var end = start
        if let base = baseAddress {
            while end + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
                let others = Self.otherThanNameBytes(word)
                if others != 0 { return end + others.trailingZeroBitCount / 8 }
                end += 8
            }
        }
        while end < count, Self.isNameByte(self[end]) { end += 1 }
        return end
    }

    /// Whether a character of the CJK Unified Ideographs block (U+4E00–U+9FFF: the Chinese characters of
    /// names, all letters) starts at `index`: its three bytes are read without decoding.
    @inline(__always)
    func isCommonIdeograph(at index: Int) -> Bool {
        guard index + 2 < count else { return false }
        let lead = self[index]
        let second = self[index + 1]
        guard lead &- 0xE5 < 5 || (lead == 0xE4 && second >= 0xB8) else { return false }
        return second & 0xC0 == 0x80 && self[index + 2] & 0xC0 == 0x80
    }

    /// Whether `byte` is an ASCII letter, digit or `_`.
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        // `| 0x20` makes an ASCII capital lower case.
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
    }

    /// The top bit of each byte of `word` (eight bytes of text, the first in the low byte) that is not an ASCII
    /// letter, digit or `_`; the others are zero. The bytes are compared all at once: for 7-bit values, adding
    /// 0x80 − `low` sets the top bit exactly when the value is at least `low`, and no sum carries into the next
    /// byte.
    @inline(__always)
    static func otherThanNameBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        @inline(__always)
        func between(_ values: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
            (values &+ ones &* (0x80 - low)) & ~(values &+ ones &* (0x7F - high)) & tops
        }
        let ascii = word & ~tops
        let letters = between(ascii | ones &* 0x20, 0x61, 0x7A)
        let digits = between(ascii, 0x30, 0x39)
        let underscores = between(ascii, 0x5F, 0x5F)
        // A byte with its top bit set is not ASCII, whatever its low bits look like.
        let names = (letters | digits | underscores) & ~word
        return ~names & tops
    }
}
