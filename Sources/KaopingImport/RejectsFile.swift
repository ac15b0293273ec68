import Foundation

/// `NAME.rejects.csv` beside an input: every rejected record with its line, the reason and its text as read,
/// written in the input's encoding (so it opens as the input did). Created with the first rejection only.
struct RejectsFile {
    let path: String
    let encoding: TextEncoding
    private var text = ""
    private var count = 0

    init(path: String, encoding: TextEncoding) {
        self.path = path
        self.encoding = encoding
    }

    mutating func add(line: Int, reason: String, text record: String) throws {
        if count == 0 { text = "行号,原因,原文\r\n" }
        count += 1
        text += "\(line),\(Self.quoted(reason)),\(Self.quoted(record))\r\n"
    }

    /// Writes the file; its path.
    func close() throws -> String {
        var bytes = Array(text.utf8)
        if encoding == .gb18030 {
            bytes = try GB18030Encoder.encode(bytes)
        } else {
            bytes = [0xEF, 0xBB, 0xBF] + bytes
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
