/// A JSON value with ordered object keys, written deterministically by `JSONValue.text`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A number; NaN and infinities are written as `null`.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Whether the value is a number, string, boolean or null.
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// Pretty-printed JSON with two-space indentation and a final newline; an array of scalars, and an object of at
    /// most two scalar fields (`{"label": …, "value": …}`), on one line.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as UTF-8 bytes, without making a String of them.
    public var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        write(to: &output, indent: 0)
        output.append(0x0A)
        return output
    }

    /// Appends `count` spaces.
    private static func indent(_ count: Int, to output: inout [UInt8]) {
        for _ in 0..<count { output.append(0x20) }
    }

    /// Appends the bytes of an ASCII literal such as `": "` or `",\n"`.
    private static func literal(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .integer(let value): output += String(value).utf8
        case .number(let value): output += JSONValue.format(value).utf8
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let items):
            if items.isEmpty {
                output += "[]".utf8
                return
            }
            if items.allSatisfy(\.isScalar) {
                output.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { JSONValue.literal(", ", to: &output) }
                    item.write(to: &output, indent: indent)
                }
                output.append(UInt8(ascii: "]"))
                return
            }
            JSONValue.literal("[\n", to: &output)
            for (index, item) in items.enumerated() {
                JSONValue.indent(indent + 2, to: &output)
                item.write(to: &output, indent: indent + 2)
                JSONValue.literal(index == items.count - 1 ? "\n" : ",\n", to: &output)
            }
            JSONValue.indent(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty {
                output += "{}".utf8
                return
            }
            if pairs.count <= 2 && pairs.allSatisfy(\.1.isScalar) {
                output.append(UInt8(ascii: "{"))
                for (index, (key, value)) in pairs.enumerated() {
                    if index > 0 { JSONValue.literal(", ", to: &output) }
                    JSONValue.writeString(key, to: &output)
                    JSONValue.literal(": ", to: &output)
                    value.write(to: &output, indent: indent)
                }
                output.append(UInt8(ascii: "}"))
                return
            }
            JSONValue.literal("{\n", to: &output)
            for (index, (key, value)) in pairs.enumerated() {
                JSONValue.indent(indent + 2, to: &output)
                JSONValue.writeString(key, to: &output)
                JSONValue.literal(": ", to: &output)
                value.write(to: &output, indent: indent + 2)
                JSONValue.literal(index == pairs.count - 1 ? "\n" : ",\n", to: &output)
            }
            JSONValue.indent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// The shortest text that reads back as the same double; whole numbers keep a `.0`-free form.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole.
        let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) else {
                return false
            }
            output.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        let bytes = Array(value.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            // U+2028 and U+2029 are valid JSON but end a line in JavaScript: escape them.
            if byte == 0xE2, index + 1 < bytes.count + 0, index + 1 <= bytes.count - 1, bytes[index] == 0x80,
                bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9
            {
                output += (bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                index += 2
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): output += "\\\"".utf8
            case UInt8(ascii: "\\"): output += "\\\\".utf8
            case 0x0A: output += "\\n".utf8
            case 0x0D: output += "\\r".utf8
            case 0x09: output += "\\t".utf8
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
