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
    /// The sum of the rows' hashes modulo 2²⁵⁶, most significant 64 bits first.
    var sum: [UInt64] = [0, 0, 0, 0]

    public init(columns: [String]) {
        self.columns = columns
    }

    /// Adds one row, given by its line (`RowSetDigest.appendValue`).
    mutating func add(line: [UInt8]) {
        add(Self.hash(line), rows: 1)
    }

    /// Takes one row away, given by its line.
    mutating func remove(line: [UInt8]) {
        // Subtracting h is adding its two's complement, 2²⁵⁶ − h.
        var negated = Self.hash(line).map { ~$0 }
        var carry: UInt64 = 1
        for lane in (0..<4).reversed() {
            let (value, overflow) = negated[lane].addingReportingOverflow(carry)
            negated[lane] = value
            carry = overflow ? 1 : 0
        }
        add(negated, rows: -1)
    }

    /// Adds another part of the same table (or a write's change to it).
    public mutating func merge(_ other: RowSetDigest) {
        add(other.sum, rows: other.rows)
    }

    private mutating func add(_ value: [UInt64], rows count: Int64) {
        var carry: UInt64 = 0
        for lane in (0..<4).reversed() {
            let (partial, first) = sum[lane].addingReportingOverflow(value[lane])
            let (total, second) = partial.addingReportingOverflow(carry)
            sum[lane] = total
            carry = first || second ? 1 : 0
        }
        rows += count
    }

    /// The sum as 64 hexadecimal digits.
    public var sumHex: String {
        sum.map { lane in
            let digits = String(lane, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// The table's digest: SHA-256 over its column names (joined by 0x1F), its number of rows and the sum, one per line.
    public var hexDigest: String {
        var hasher = SHA256()
        hasher.update(columns.joined(separator: "\u{1F}") + "\n\(rows)\n\(sumHex)\n")
        return hasher.hexDigest()
    }

    /// The SHA-256 of one row's line as four 64-bit lanes, most significant first.
    static func hash(_ line: [UInt8]) -> [UInt64] {
        let digest = Crypto.SHA256.hash(data: line)
        return digest.withUnsafeBytes { bytes in
            (0..<4).map { lane in (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[lane * 8 + $1]) } }
        }
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
        let hex = Array(try container.decode(String.self, forKey: .sum).utf8)
        let lanes =
            hex.count == 64 ? (0..<4).compactMap { UInt64(String(decoding: hex[$0 * 16..<$0 * 16 + 16], as: UTF8.self), radix: 16) } : []
        guard lanes.count == 4 else {
            throw DecodingError.dataCorruptedError(forKey: .sum, in: container, debugDescription: "not 64 hexadecimal digits")
        }
        sum = lanes
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(columns, forKey: .columns)
        try container.encode(rows, forKey: .rows)
        try container.encode(sumHex, forKey: .sum)
    }
}
