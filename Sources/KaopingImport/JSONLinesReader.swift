import Foundation

/// What the importer reads records from: a CSV file, or a JSON Lines file.
protocol RecordReader {
    var encoding: TextEncoding { get }
    /// Bytes of the file read so far.
    var offset: Int { get }
    mutating func next() throws -> CSVRecord?
}

extension CSVReader: RecordReader {}

/// Reads a JSON Lines file (one JSON object per line, UTF-8) as records whose fields are the objects' values under
/// `names`, in order: a missing key or `null` is an empty field, a number is written as JSON wrote it, `true` and
/// `false` are `1` and `0`. A line that is no object, or an object with a key `names` lacks (a column the mapping does
/// not name), is a record with its problem — rejected, not guessed at.
struct JSONLinesReader: RecordReader {
    let encoding = TextEncoding.utf8
    private var lines: CSVReader
    private let names: [String]

    init(path: String, names: [String]) throws {
        // A JSON line holds no bare line break and no comma the CSV reader could mistake: it is read whole as the
        // one "field" of a record, whose physical line the CSV reader counts. Quotes are JSON's, so read raw.
        lines = try CSVReader(path: path, encoding: .utf8, raw: true)
        self.names = names
    }

    var offset: Int { lines.offset }

    mutating func next() throws -> CSVRecord? {
        guard var record = try lines.next() else { return nil }
        let text = record.text
        record.problem = nil
        guard let data = text.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? [String: Any]
        else {
            record.fields = []
            record.problem = "这一行不是 JSON 对象 (the line is not a JSON object)"
            return record
        }
        let unknown = object.keys.filter { !names.contains($0) }.sorted()
        if !unknown.isEmpty {
            record.problem =
                "键 \(unknown.joined(separator: "、")) 映射中没有写（映射、personal 或 ignore） (the keys \(unknown.joined(separator: ", ")) are not in the mapping)"
        }
        record.fields = names.map { Self.field(object[$0]) }
        return record
    }

    /// A JSON value as the text of a field.
    static func field(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let text as String: return text
        case let number as NSNumber:
            // JSON's true and false come back as booleans wrapped as numbers.
            if String(describing: type(of: number)).contains("Boolean") { return number.boolValue ? "1" : "0" }
            return number.stringValue
        default:
            return (try? JSONSerialization.data(withJSONObject: value as Any)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
