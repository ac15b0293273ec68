/// A rule file's text with the positions of its lines, for turning byte offsets into lines and columns.
public struct SourceFile: Sendable, Equatable {
    /// The largest rule file read, and the most that a rule file and the files it includes may have together:
    /// 8 MiB. A rule file is a document an analyst writes, of some kilobytes; one past this is some other file
    /// (see `SourceFile.read`).
    public static let maximumSize = 8 << 20

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
        self.name = name
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
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
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
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
