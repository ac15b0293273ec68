/// How a score rule turned one center's measure into points (`scoring` in results, schema version 2): the step
/// of the rule that gave them, with its numbers, so that a reader can redo the arithmetic.
///
/// `points` = `raw` held to [0, the indicator's points]; the indicator's published `points` = `points` × `factor`.
public struct ScoringStep: Sendable, Equatable, Codable {
    /// Which rule gave the points: `linear`, `band`, `deduct`, `lognormal`, `expression`; `policy` when the
    /// population was empty and the indicator's `when empty` policy gave them; `none` when the indicator was
    /// not scored (`not_applicable`, `insufficient_data`: its points went to the others).
    public var rule: String
    /// The points the step computed, before they were held to [0, max]; `nil` for `policy` and `none`.
    public var raw: Double?
    /// The points after holding `raw` to [0, max], before redistribution.
    public var points: Double
    /// What redistribution multiplied `points` and `max_points` by (1: nothing moved).
    public var factor: Double
    /// `linear`: the control points `[measure, points]` the measure lies between; one point when it lies at or
    /// beyond an end, where the line is flat.
    public var segment: [[Double]]?
    /// `band`: the band matched, counted from 1, and its comparison as written (`>= 0.9`, `else`).
    public var band: Int?
    public var condition: String?
    /// `deduct`: the quantity deducted for (the measure, or its distance below or above `reference`), the unit and
    /// the amount per unit, the deduction before its cap, the cap and floor (`nil`: none), and whether each bit.
    public var quantity: Double?
    public var reference: Double?
    public var unit: Double?
    public var amount: Double?
    public var deduction: Double?
    public var cap: Double?
    public var capped: Bool?
    public var floor: Double?
    public var floored: Bool?
    /// `lognormal`: the curve's parameters and its value (0–1) at the measure.
    public var p10: Double?
    public var median: Double?
    public var curve: Double?
    /// `expression`: the score expression as written.
    public var expression: String?

    public init(rule: String, raw: Double?, points: Double, factor: Double = 1) {
        self.rule = rule
        self.raw = raw
        self.points = points
        self.factor = factor
    }

    enum CodingKeys: String, CodingKey {
        case rule, raw, points, factor, segment, band, condition, quantity, reference, unit, amount, deduction, cap, capped
        case floor, floored, p10, median, curve, expression
    }

    /// The step as JSON: `rule`, `raw`, `points`, `factor`, then the fields of its rule that are present, in
    /// declaration order.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("rule", .string(rule)), ("raw", raw.map(JSONValue.number) ?? .null), ("points", .number(points)),
            ("factor", .number(factor)),
        ]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { fields.append((key, value)) }
        }
        add("segment", segment.map { .array($0.map { .array($0.map(JSONValue.number)) }) })
        add("band", band.map { .integer(Int64($0)) })
        add("condition", condition.map(JSONValue.string))
        add("quantity", quantity.map(JSONValue.number))
        add("reference", reference.map(JSONValue.number))
        add("unit", unit.map(JSONValue.number))
        add("amount", amount.map(JSONValue.number))
        add("deduction", deduction.map(JSONValue.number))
        if rule == "deduct" {
            fields.append(("cap", cap.map(JSONValue.number) ?? .null))
            add("capped", capped.map(JSONValue.bool))
            fields.append(("floor", floor.map(JSONValue.number) ?? .null))
            add("floored", floored.map(JSONValue.bool))
        }
        add("p10", p10.map(JSONValue.number))
        add("median", median.map(JSONValue.number))
        add("curve", curve.map(JSONValue.number))
        add("expression", expression.map(JSONValue.string))
        return .object(fields)
    }
}
