import Foundation

/// One record of a CSV file: its fields, the physical line it starts on (a quoted field with a line break spans
/// lines), and its text as written (for the rejects file).
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based line of the file the record starts on.
    public var line: Int
    public var fields: [String]
    /// The record's text, without its line break, as UTF-8.
    public var text: String
    /// What is wrong with the record's quoting, if anything (the record is then rejected, not guessed at).
    public var problem: String?
}

/// Reads a CSV file (RFC 4180: fields separated by commas, quoted with `"` when they hold a comma, a quote — doubled —
/// or a line break; records ending in LF or CRLF) a chunk at a time, so memory stays flat in the file's size. UTF-8
/// (a byte-order mark is skipped) or GB18030, detected from the first 64 KB unless named.
public struct CSVReader {
    public let encoding: TextEncoding
    private let handle: FileHandle
    private let decoder: GB18030Decoder?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    /// Bytes of the file read so far (for progress, and the error of a byte sequence that is no text).
    public private(set) var offset = 0

    static let chunkSize = 1 << 20

    /// Opens `path`; `encoding` `nil` detects it.
    /// Whether each line is one field, commas and quotes read as text (the lines of a JSON Lines file).
    private let raw: Bool

    public init(path: String, encoding: TextEncoding? = nil) throws {
        try self.init(path: path, encoding: encoding, raw: false)
    }

    init(path: String, encoding: TextEncoding?, raw: Bool) throws {
        self.raw = raw
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        self.handle = handle
        let head = [UInt8](try handle.read(upToCount: CSVReader.chunkSize) ?? Data())
        let encoding = encoding ?? TextEncoding.detect(Array(head.prefix(65_536)))
        self.encoding = encoding
        decoder = encoding == .gb18030 ? try GB18030Decoder() : nil
        try append(head, final: head.isEmpty)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next record, or `nil` at the end of the file.
    public mutating func next() throws -> CSVRecord? {
        // Skip the blank lines between records (a blank last line too).
        while true {
            try fill(1)
            guard position < buffer.count else { return nil }
            if buffer[position] == UInt8(ascii: "\n") {
                position += 1
                line += 1
            } else if buffer[position] == UInt8(ascii: "\r"), try peek(1) == UInt8(ascii: "\n") {
                position += 2
                line += 1
            } else {
                break
            }
        }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        var text: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        var problem: String?
        while true {
            try fill(2)
            guard position < buffer.count else {
                if quoted { problem = "引号没有闭合，直到文件末尾 (a quoted field is not closed before the end of the file)" }
                break
            }
            let byte = buffer[position]
            if quoted && !raw {
                if byte == UInt8(ascii: "\"") {
                    if try peek(1) == UInt8(ascii: "\"") {
                        field.append(byte)
                        text += [byte, byte]
                        position += 2
                        continue
                    }
                    quoted = false
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                text.append(byte)
                position += 1
                continue
            }
            let crlf = byte == UInt8(ascii: "\r") ? try peek(1) == UInt8(ascii: "\n") : false
            if byte == UInt8(ascii: "\n") || crlf {
                position += byte == UInt8(ascii: "\n") ? 1 : 2
                line += 1
                break
            }
            position += 1
            text.append(byte)
            if raw {
                field.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
                wasQuoted = false
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                } else if problem == nil {
                    problem = "第 \(fields.count + 1) 个字段中有不成对的引号 (field \(fields.count + 1) has a stray quote)"
                }
            default:
                if wasQuoted && problem == nil {
                    problem = "第 \(fields.count + 1) 个字段在引号之后还有字符 (field \(fields.count + 1) has text after its closing quote)"
                }
                field.append(byte)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(line: start, fields: fields, text: String(decoding: text, as: UTF8.self), problem: problem)
    }

    /// The byte `ahead` places after the current one, if the file has it.
    private mutating func peek(_ ahead: Int) throws -> UInt8? {
        try fill(ahead + 1)
        return position + ahead < buffer.count ? buffer[position + ahead] : nil
    }

    /// Reads on until `count` bytes from the current position are buffered, or the file ends.
    private mutating func fill(_ count: Int) throws {
        while buffer.count - position < count && !atEnd {
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let chunk = [UInt8](try handle.read(upToCount: CSVReader.chunkSize) ?? Data())
            try append(chunk, final: chunk.isEmpty)
        }
    }

    private mutating func append(_ chunk: [UInt8], final: Bool) throws {
        if final { atEnd = true }
        if let decoder {
            do { buffer += try decoder.decode(chunk, final: final) } catch ImportError.invalidBytes(let at) {
                throw ImportError.invalidBytes(offset: offset + at)
            }
        } else {
            buffer += chunk
        }
        offset += chunk.count
    }
}
