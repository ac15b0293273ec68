import CSQLite
import Crypto

/// The digest of a table as a set of rows: its column names, its number of rows, and the sum modulo 2²⁵⁶ of the
/// SHA-256 of each row (read as a big-endian number). The order rows are read or stored in does not matter, so the
/// sum can be taken in parallel over parts of the table, and a write can adjust it row by row — add an inserted
/// row, subtract a deleted one, both for an update (`DigestJournal`) — without reading the rest of the table.
///
/// A row is hashed as one line: each value, in the table's column order, as a type tag and its text (`n` NULL,
/// `i` integer, `r` real, `t` length`:`text), each followed by the byte 0x1F, and the line ended by 0x0A. Its rowid
/// (the `id` of every Kaoping table) is one of its values, so two rows are never the same line.
public struct RowSetDigest: Sendable, Equatable {
    public var columns: [String]
    /// Rows added less rows removed (negative only in a write's change, never in a table).
    public var rows: Int64 = 0
    /// The sum of the rows' hashes modulo 2²⁵⁶.
    var sum = UInt256.zero

    public init(columns: [String]) {
        self.columns = columns
    }

    /// Adds one row, given by its line (`RowSetDigest.appendValue`).
    mutating func add(line: [UInt8]) {
        sum = sum &+ Self.hash(line)
        rows += 1
    }

    /// Takes one row away, given by its line.
    mutating func remove(line: [UInt8]) {
        sum = sum &+ Self.hash(line).negated
        rows -= 1
    }

    /// Adds another part of the same table (or a write's change to it).
    public mutating func merge(_ other: RowSetDigest) {
        sum = sum &+ other.sum
        rows += other.rows
    }

    /// The sum as 64 hexadecimal digits.
    public var sumHex: String { sum.hex }

    /// The table's digest: SHA-256 over its column names (joined by 0x1F), its number of rows and the sum, one per line.
    public var hexDigest: String {
        var hasher = SHA256()
        hasher.update(columns.joined(separator: "\u{1F}") + "\n\(rows)\n\(sumHex)\n")
        return hasher.hexDigest()
    }

    /// The SHA-256 of one row's line, as a number.
    static func hash(_ line: [UInt8]) -> UInt256 {
        Crypto.SHA256.hash(data: line).withUnsafeBytes { UInt256(bigEndian: $0) }
    }

    /// Appends one value of a row to its line: its type tag and text, then 0x1F.
    static func appendValue(_ value: OpaquePointer, to line: inout [UInt8]) {
        switch sqlite3_value_type(value) {
        case SQLITE_NULL: line.append(UInt8(ascii: "n"))
        case SQLITE_INTEGER:
            line.append(UInt8(ascii: "i"))
            appendDecimal(sqlite3_value_int64(value), to: &line)
        case SQLITE_FLOAT:
            line.append(UInt8(ascii: "r"))
            line += "\(sqlite3_value_double(value))".utf8
        default:
            let text = sqlite3_value_text(value)
            let count = text == nil ? 0 : Int(sqlite3_value_bytes(value))
            line.append(UInt8(ascii: "t"))
            appendDecimal(Int64(count), to: &line)
            line.append(UInt8(ascii: ":"))
            if let text { line.append(contentsOf: UnsafeBufferPointer(start: text, count: count)) }
        }
        line.append(0x1F)
    }

    /// Appends the decimal digits of `value` (with a minus sign when negative).
    static func appendDecimal(_ value: Int64, to line: inout [UInt8]) {
        if value < 0 { line.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }
}

extension RowSetDigest: Codable {
    enum CodingKeys: String, CodingKey { case columns, rows, sum }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        columns = try container.decode([String].self, forKey: .columns)
        rows = try container.decode(Int64.self, forKey: .rows)
        guard let sum = UInt256(hex: try container.decode(String.self, forKey: .sum)) else {
            throw DecodingError.dataCorruptedError(forKey: .sum, in: container, debugDescription: "not 64 hexadecimal digits")
        }
        self.sum = sum
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(columns, forKey: .columns)
        try container.encode(rows, forKey: .rows)
        try container.encode(sumHex, forKey: .sum)
    }
}

/// A number modulo 2²⁵⁶, in four 64-bit words, most significant first.
struct UInt256: Sendable, Equatable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    static let zero = UInt256(words: (0, 0, 0, 0))

    init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// The number written in 32 bytes, most significant first.
    init(bigEndian bytes: UnsafeRawBufferPointer) {
        func word(_ index: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[index * 8 + $1]) }
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// The number written as 64 hexadecimal digits, or `nil` when the text is not that.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var parsed: [UInt64] = []
        for index in 0..<4 {
            guard let word = UInt64(String(decoding: digits[index * 16..<index * 16 + 16], as: UTF8.self), radix: 16) else { return nil }
            parsed.append(word)
        }
        words = (parsed[0], parsed[1], parsed[2], parsed[3])
    }

    static func == (a: UInt256, b: UInt256) -> Bool {
        a.words == b.words
    }

    /// The sum modulo 2²⁵⁶.
    static func &+ (a: UInt256, b: UInt256) -> UInt256 {
        let (d, c3) = a.words.3.addingReportingOverflow(b.words.3)
        let (c, c2) = Self.add(a.words.2, b.words.2, carry: c3)
        let (b1, c1) = Self.add(a.words.1, b.words.1, carry: c2)
        let (a0, _) = Self.add(a.words.0, b.words.0, carry: c1)
        return UInt256(words: (a0, b1, c, d))
    }

    private static func add(_ x: UInt64, _ y: UInt64, carry: Bool) -> (UInt64, Bool) {
        let (partial, first) = x.addingReportingOverflow(y)
        let (total, second) = partial.addingReportingOverflow(carry ? 1 : 0)
        return (total, first || second)
    }

    /// 2²⁵⁶ − self: adding it subtracts self.
    var negated: UInt256 {
        UInt256(words: (~words.0, ~words.1, ~words.2, ~words.3)) &+ UInt256(words: (0, 0, 0, 1))
    }

    var hex: String {
        [words.0, words.1, words.2, words.3].map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
