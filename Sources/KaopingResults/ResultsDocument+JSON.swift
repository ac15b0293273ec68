import Foundation

extension ResultsDocument {
    /// The document as deterministic JSON: keys in documented order, numbers at full precision.
    public var json: JSONValue {
        .object([
            ("schema_version", .integer(Int64(schemaVersion))),
            ("assessment", assessment.json),
            ("centers", .array(centers.map(\.json))),
            (
                "lists",
                .array(
                    lists.map {
                        .object([
                            ("group", .string($0.group)), ("top", .array($0.top.map(JSONValue.string))),
                            ("bottom", .array($0.bottom.map(JSONValue.string))),
                        ])
                    })
            ),
            (
                "data_quality",
                .array(
                    dataQuality.map {
                        .object([("table", .string($0.table)), ("reason", .string($0.reason)), ("rows", .integer(Int64($0.rows)))])
                    })
            ),
            (
                "data_coverage",
                .array(
                    dataCoverage.map {
                        .object([
                            ("table", .string($0.table)), ("column", .string($0.column)), ("rows", .integer(Int64($0.rows))),
                            ("in_period", .integer(Int64($0.inPeriod))), ("before", .integer(Int64($0.before))),
                            ("after", .integer(Int64($0.after))), ("first_day", $0.firstDay.map(JSONValue.string) ?? .null),
                            ("last_day", $0.lastDay.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            ("partial_data_allowed", .bool(partialDataAllowed)),
            ("notice", notice?.json ?? .null),
            ("overview", overview?.json ?? .null),
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
        var fields: [(String, JSONValue)] = [
            ("title", .string(title)),
            ("period", .object([("start", .string(period.start)), ("end", .string(period.end))])),
            ("rules_sha256", .string(rulesSHA256)),
            ("data_digest", .string(dataDigest)),
        ]
        if let dataSource {
            fields.append(
                (
                    "data_source",
                    .object([
                        ("kind", .string(dataSource.kind)), ("host", .string(dataSource.host)), ("port", .string(dataSource.port)),
                        ("database", .string(dataSource.database)),
                    ])
                ))
        }
        fields += [
            (
                "parameters",
                .array(
                    parameters.map {
                        .object([("name", .string($0.name)), ("value", .string($0.value)), ("overridden", .bool($0.overridden))])
                    })
            ),
            ("engine_version", .string(engineVersion)),
            ("group_by", .array(groupBy.map(JSONValue.string))),
            (
                "grades",
                .array(grades.map { .object([("name", .string($0.name)), ("minimum", $0.minimum.map(JSONValue.number) ?? .null)]) })
            ),
            (
                "indicators",
                .array(
                    indicators.map {
                        .object([
                            ("id", .string($0.id)), ("title", .string($0.title)), ("category", .string($0.category)),
                            ("points", .number($0.points)), ("fraction", .bool($0.fraction ?? false)),
                        ])
                    })
            ),
            ("vetoes", .array(vetoes.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
            ("total", total.map(JSONValue.number) ?? .null),
            (
                "categories",
                .array(categories.map { .object([("path", .string($0.path)), ("points", $0.points.map(JSONValue.number) ?? .null)]) })
            ),
            (
                "adjustments",
                .array(
                    adjustments.map {
                        .object([
                            ("kind", .string($0.kind)), ("id", .string($0.id)), ("title", .string($0.title)),
                            ("maximum", .number($0.maximum)), ("category", $0.category.map(JSONValue.string) ?? .null),
                            ("fraction", .bool($0.fraction ?? false)),
                        ])
                    })
            ),
            ("bonus_cap", bonusCap.map(JSONValue.number) ?? .null),
            ("deduction_cap", deductionCap.map(JSONValue.number) ?? .null),
            (
                "tie_breaks",
                .array(
                    (tieBreaks ?? []).map {
                        .object([("kind", .string($0.kind)), ("key", .string($0.key)), ("order", .string($0.order))])
                    })
            ),
            (
                "grade_limits",
                .array(
                    (gradeLimits ?? []).map {
                        .object([("id", .string($0.id)), ("title", .string($0.title)), ("effect", .string($0.effect))])
                    })
            ),
        ]
        return .object(fields)
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
            (
                "categories",
                .array(
                    categories.map {
                        .object([("path", .string($0.path)), ("points", .number($0.points)), ("max_points", .number($0.maxPoints))])
                    })
            ),
            ("base", .number(base)),
            (
                "adjustments",
                .array(
                    adjustments.map {
                        .object([
                            ("kind", .string($0.kind)), ("id", .string($0.id)), ("title", .string($0.title)),
                            ("measure", $0.measure.map(JSONValue.number) ?? .null), ("points", .number($0.points)),
                            ("gated", .bool($0.gated)), ("held_back", .number($0.heldBack)),
                            ("scoring", $0.scoring?.json ?? .null),
                            ("evidence", $0.evidence.map { .array($0.map(\.json)) } ?? .null),
                            ("evidence_count", $0.evidenceCount.map { .integer(Int64($0)) } ?? .null),
                        ])
                    })
            ),
            ("total", .number(total)),
            ("grade", .string(grade)),
            ("rank", .integer(Int64(rank))),
            (
                "veto",
                veto.map {
                    .object([
                        ("id", .string($0.id)), ("title", .string($0.title)), ("reason", .string($0.reason)),
                        ("evidence", $0.evidence.map { .array($0.map(\.json)) } ?? .null),
                        ("evidence_count", $0.evidenceCount.map { .integer(Int64($0)) } ?? .null),
                    ])
                } ?? .null
            ),
            (
                "grade_limits",
                .array(
                    (gradeLimits ?? []).map {
                        .object([
                            ("id", .string($0.id)), ("title", .string($0.title)), ("reason", .string($0.reason)),
                            ("effect", .string($0.effect)), ("grade_before", .string($0.gradeBefore)),
                        ])
                    })
            ),
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
            ("scoring", scoring?.json ?? .null),
            ("evidence", evidence.map { .array($0.map(\.json)) } ?? .null),
            ("evidence_count", evidenceCount.map { .integer(Int64($0)) } ?? .null),
            ("interval", interval.map { .array($0.map(JSONValue.number)) } ?? .null),
        ])
    }
}

/// Rounds to two decimals, half away from zero, as totals are published.
public func roundedTwo(_ value: Double) -> Double {
    (value * 100).rounded(.toNearestOrAwayFromZero) / 100
}

/// The version of the engine that wrote a results document.
public let engineVersion = "0.1.0"
