import Foundation

extension ResultsDocument {
    /// The document as deterministic JSON: keys in documented order, numbers at full precision.
    public var json: JSONValue {
        .object([
            ("schema_version", .integer(Int64(schemaVersion))),
            ("assessment", assessment.json),
            ("centers", .array(centers.map(\.json))),
        ])
    }

    /// Reads a document written by `json`.
    /// - Throws: a decoding error that names the missing or malformed field.
    public static func read(from data: Data) throws -> ResultsDocument {
        try JSONDecoder().decode(ResultsDocument.self, from: data)
    }
}

extension Assessment {
    var json: JSONValue {
        .object([
            ("title", .string(title)),
            ("period", .object([("start", .string(period.start)), ("end", .string(period.end))])),
            ("rules_sha256", .string(rulesSHA256)),
            ("data_digest", .string(dataDigest)),
            ("parameters", .array(parameters.map {
                .object([("name", .string($0.name)), ("value", .string($0.value)), ("overridden", .bool($0.overridden))])
            })),
            ("engine_version", .string(engineVersion)),
            ("group_by", .array(groupBy.map(JSONValue.string))),
            ("grades", .array(grades.map { .object([("name", .string($0.name)), ("minimum", $0.minimum.map(JSONValue.number) ?? .null)]) })),
            ("indicators", .array(indicators.map {
                .object([("id", .string($0.id)), ("title", .string($0.title)), ("category", .string($0.category)), ("points", .number($0.points))])
            })),
            ("vetoes", .array(vetoes.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
        ])
    }
}

extension CenterResult {
    var json: JSONValue {
        .object([
            ("code", .string(code)),
            ("name", .string(name)),
            ("kind", .string(kind)),
            ("level", .string(level)),
            ("region", .string(region)),
            ("group", .string(group)),
            ("indicators", .array(indicators.map(\.json))),
            ("total", .number(total)),
            ("grade", .string(grade)),
            ("rank", .integer(Int64(rank))),
            ("veto", veto.map { .object([("id", .string($0.id)), ("title", .string($0.title)), ("reason", .string($0.reason))]) } ?? .null),
        ])
    }
}

extension IndicatorResult {
    var json: JSONValue {
        .object([
            ("id", .string(id)),
            ("title", .string(title)),
            ("category", .string(category)),
            ("status", .string(status.rawValue)),
            ("population", population.map { .integer(Int64($0)) } ?? .null),
            ("numerator", numerator.map { .integer(Int64($0)) } ?? .null),
            ("measure", measure.map(JSONValue.number) ?? .null),
            ("points", .number(points)),
            ("max_points", .number(maxPoints)),
        ])
    }
}

/// Rounds to two decimals, half away from zero, as totals are published.
public func roundedTwo(_ value: Double) -> Double {
    (value * 100).rounded(.toNearestOrAwayFromZero) / 100
}

/// The version of the engine that wrote a results document.
public let engineVersion = "0.1.0"
