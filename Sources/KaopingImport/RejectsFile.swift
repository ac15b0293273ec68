import Foundation

/// `NAME.rejects.csv` beside an input: every rejected record with its line, the reason and its text as read,
/// written in the input's encoding (so it opens as the input did). Created with the first rejection only; written
/// as the rejections come, to `NAME.rejects.csv.partial` renamed at the end, so memory stays flat however many
/// records a file has rejected and an interrupted import leaves no half-written `NAME.rejects.csv`.
struct RejectsFile {
    let path: String
    let encoding: TextEncoding
    private var partial: String?
    private var handle: FileHandle?
    private var buffer = ""
    /// The buffer is written out past this many UTF-8 bytes.
    private static let flushBytes = 1 << 20

    init(path: String, encoding: TextEncoding) {
        self.path = path
        self.encoding = encoding
    }

    mutating func add(line: Int, reason: String, text record: String) throws {
        if handle == nil {
            let partial = path + ".partial"
            guard FileManager.default.createFile(atPath: partial, contents: Data(encoding == .gb18030 ? [] : [0xEF, 0xBB, 0xBF]))
            else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: partial]) }
            self.partial = partial
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
            try handle?.seekToEnd()
            buffer = "行号,原因,原文\r\n"
        }
        buffer += "\(line),\(Self.quoted(reason)),\(Self.quoted(record))\r\n"
        if buffer.utf8.count >= Self.flushBytes { try flush() }
    }

    /// Writes out what is buffered, in the file's encoding (each line whole, so each piece encodes on its own).
    private mutating func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        let bytes = Array(buffer.utf8)
        try handle.write(contentsOf: encoding == .gb18030 ? try GB18030Encoder.encode(bytes) : bytes)
        buffer = ""
    }

    /// Moves the finished file into place (replacing an earlier one); its path.
    mutating func close() throws -> String {
        try flush()
        try handle?.close()
        handle = nil
        if let partial {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            self.partial = nil
        }
        return path
    }

    static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
