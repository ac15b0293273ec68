/// One record that cost a center points under an indicator (`evidence` in results): its natural key and the values
/// that decided it, each under its text in the rule file.
public struct EvidenceRecord: Sendable, Equatable, Codable {
    /// The record's natural key (`case_no`, `review_no`, an inspection's `id` …), as text.
    public var key: String
    public var values: [EvidenceValue]

    public init(key: String, values: [EvidenceValue]) {
        self.key = key
        self.values = values
    }

    public var json: JSONValue {
        .object([
            ("key", .string(key)),
            ("values", .array(values.map { .object([("label", .string($0.label)), ("value", $0.value.json)]) })),
        ])
    }
}

/// One value of a record: a column its condition reads or a sub-expression it computes, as written, and its value
/// on the record (times as China-time text `YYYY-MM-DD HH:MM:SS`, days `YYYY-MM-DD`).
public struct EvidenceValue: Sendable, Equatable, Codable {
    public var label: String
    public var value: Scalar

    public init(label: String, value: Scalar) {
        self.label = label
        self.value = value
    }

    /// A JSON scalar.
    public enum Scalar: Sendable, Equatable, Codable {
        case null
        case number(Double)
        case text(String)
        case truth(Bool)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .truth(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .truth(let value): try container.encode(value)
            }
        }

        var json: JSONValue {
            switch self {
            case .null: return .null
            case .number(let value): return .number(value)
            case .text(let value): return .string(value)
            case .truth(let value): return .bool(value)
            }
        }
    }
}
