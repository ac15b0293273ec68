import Foundation

/// A rule file's text with the positions of its lines, for turning byte offsets into lines and columns.
public struct SourceFile: Sendable, Equatable {
    /// The largest rule file read (1 GiB): positions are stored in 32 bits (see `SourceRange`).
    public static let maximumSize = 1 << 30

    /// The path or name shown in diagnostics.
    public let name: String
    /// The text, as UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offsets at which each line starts.
    public let lineStarts: [Int]

    /// A source file from its name and text.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// A source file from raw bytes (which may not be valid UTF-8; the lexer reports that).
    public init(name: String, bytes: [UInt8]) {
        var starts = [0]
        // Rule files have lines of about 30 bytes: room for that many is made once, not by doubling.
        starts.reserveCapacity(bytes.count / 24 + 1)
        bytes.withUnsafeBufferPointer { SourceFile.appendLineStarts(of: $0, in: 0..<$0.count, to: &starts) }
        self.init(name: name, bytes: bytes, lineStarts: starts)
    }

    /// A source file whose line starts are already known.
    init(name: String, bytes: [UInt8], lineStarts: [Int]) {
        self.name = name
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    /// Appends to `starts` the offset after each `\n` in `bytes[range]`.
    ///
    /// A rule file has many short lines, too many for a search per line: the bytes are read eight at a time,
    /// and each `\n` among them is told by a mask whose high bit is set in exactly the bytes that are `\n`.
    static func appendLineStarts(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, to starts: inout [Int]) {
        guard let base = bytes.baseAddress else { return }
        let (ones, highs, breaks): (UInt64, UInt64, UInt64) = (0x7F7F_7F7F_7F7F_7F7F, 0x8080_8080_8080_8080, 0x0A0A_0A0A_0A0A_0A0A)
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            // A byte of `x` is zero where the word has `\n`; (low seven bits + 0x7F) | byte has its high bit
            // set exactly where the byte is not zero, with no carry into the next byte.
            let x = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ breaks
            var found = ~(((x & ones) &+ ones) | x) & highs
            while found != 0 {
                starts.append(index + found.trailingZeroBitCount / 8 + 1)
                found &= found &- 1
            }
            index += 8
        }
        while index < range.upperBound {
            if base[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
            index += 1
        }
    }

    /// The 1-based line and column (in characters, not bytes) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        var column = 1
        var index = start
        while index < clamped {
            index += utf8Length(bytes[index])
            column += 1
        }
        return SourceLocation(offset: clamped, line: low + 1, column: column)
    }

    /// The text of 1-based line `line`, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text of a range.
    public func text(_ range: SourceRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A line and column in a source file (both 1-based; columns count characters).
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable {
    public let offset: Int
    public let line: Int
    public let column: Int

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open range of byte offsets in a source file.
public struct SourceRange: Sendable, Equatable, Hashable {
    /// Stored in 32 bits each: a syntax tree holds millions of ranges, and rule files are read only up to
    /// `SourceFile.maximumSize`.
    private var storedStart: UInt32
    private var storedEnd: UInt32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(clamping: newValue) }
    }

    public init(_ start: Int, _ end: Int) {
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: end)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }

    /// An empty range at a position.
    public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }
}

/// The length of the UTF-8 sequence that starts with `byte` (1 for a stray continuation byte).
func utf8Length(_ byte: UInt8) -> Int {
    switch byte {
    case 0xF0...0xF7: return 4
    case 0xE0...0xEF: return 3
    case 0xC0...0xDF: return 2
    default: return 1
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `\n` in `start..<end` (default: to the end), found many bytes at a time.
    func lineBreak(from start: Int, to end: Int? = nil) -> Int? {
        let end = Swift.min(end ?? count, count)
        guard start < end, let base = baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) else {
            return nil
        }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// Whether `range` holds well-formed UTF-8 (the Unicode Standard's table 3-7: no overlong forms, no
    /// surrogates, nothing past U+10FFFF), as `String(validating:)` would find, without making a string:
    /// a file's comments are checked, not kept, by the parser, and Chinese ones are many. ASCII is passed
    /// over eight bytes at a time.
    func isValidUTF8(_ range: Range<Int>) -> Bool {
        guard let base = baseAddress, !range.isEmpty else { return true }
        var index = range.lowerBound
        let end = Swift.min(range.upperBound, count)
        while index < end {
            if index + 8 <= end, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The bounds of the byte after each lead byte; the bytes after that are 80…BF.
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return false
            }
            guard index + length <= end, base[index + 1] &- low <= high &- low else { return false }
            if length > 2, base[index + 2] & 0xC0 != 0x80 { return false }
            if length > 3, base[index + 3] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
