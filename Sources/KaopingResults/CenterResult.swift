/// One assessed center's result.
public struct CenterResult: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var kind: String
    public var level: String
    public var region: String
    /// The key of its ranking group: the `group_by` columns' values joined by `/` (`all` with no grouping).
    public var group: String
    public var indicators: [IndicatorResult]
    /// Subtotals per declared category (and per category path the indicators name), in declaration order.
    public var categories: [CategorySubtotal]
    /// The indicators' points added up, before bonuses and deductions.
    public var base: Double
    /// Bonuses and deductions that apply, in rule-file order.
    public var adjustments: [AdjustmentResult]
    /// `base` plus bonuses minus deductions, never below 0, at full precision.
    public var total: Double
    public var grade: String
    /// Competition rank within the group, judged on `total` rounded to two decimals.
    public var rank: Int
    public var veto: VetoResult?
    /// The grade limits whose condition holds for this center, in rule-file order (absent from documents written
    /// before grade limits).
    public var gradeLimits: [GradeLimitResult]?

    public init(
        code: String, name: String, kind: String, level: String, region: String, group: String, indicators: [IndicatorResult],
        categories: [CategorySubtotal] = [], base: Double? = nil, adjustments: [AdjustmentResult] = [],
        total: Double, grade: String, rank: Int, veto: VetoResult?, gradeLimits: [GradeLimitResult]? = nil
    ) {
        self.gradeLimits = gradeLimits
        self.categories = categories
        self.base = base ?? total
        self.adjustments = adjustments
        self.code = code
        self.name = name
        self.kind = kind
        self.level = level
        self.region = region
        self.group = group
        self.indicators = indicators
        self.total = total
        self.grade = grade
        self.rank = rank
        self.veto = veto
    }

    enum CodingKeys: String, CodingKey {
        case code, name, kind, level, region, group, indicators, categories, base, adjustments, total, grade, rank, veto
        case gradeLimits = "grade_limits"
    }
}

/// One indicator's result for one center.
public struct IndicatorResult: Sendable, Equatable, Codable {
    /// Whether the indicator could be scored.
    public enum Status: String, Sendable, Equatable, Codable {
        case ok
        /// The population was empty and the indicator's policy is `not_applicable`.
        case notApplicable = "not_applicable"
        /// The population was smaller than the indicator's `minimum`.
        case insufficientData = "insufficient_data"
        /// The population was empty (or the measure could not be computed) and the policy `full` or `zero`
        /// gave the points: full marks because nothing happened, not because everything was on time.
        case empty
    }

    public var id: String
    public var title: String
    public var category: String
    public var status: Status
    /// Rows in the population (`nil` when the indicator reads no single table).
    public var population: Int?
    /// Rows meeting the condition, when the measure is a rate.
    public var numerator: Int?
    /// The measure at full precision (rates as fractions 0–1); `nil` when it could not be computed.
    public var measure: Double?
    public var points: Double
    /// The points this indicator could earn for this center, after redistribution.
    public var maxPoints: Double
    /// How the score rule gave the points (schema version 2; `nil` in a document written before).
    public var scoring: ScoringStep?
    /// The records that cost the center points, the first `evidence N` by natural key, and how many there are in all;
    /// `nil` when the measure is not one `rate`, `count` or `sum` over a table (schema version 2).
    public var evidence: [EvidenceRecord]?
    public var evidenceCount: Int?
    /// For a rate whose population is below the indicator's `minimum` (`insufficient_data`): the 95% Wilson score
    /// interval of `numerator ÷ population`, `[low, high]` (schema version 2).
    public var interval: [Double]?

    public init(
        id: String, title: String, category: String, status: Status, population: Int?, numerator: Int?, measure: Double?,
        points: Double, maxPoints: Double, scoring: ScoringStep? = nil
    ) {
        self.scoring = scoring
        self.id = id
        self.title = title
        self.category = category
        self.status = status
        self.population = population
        self.numerator = numerator
        self.measure = measure
        self.points = points
        self.maxPoints = maxPoints
    }

    enum CodingKeys: String, CodingKey {
        case id, title, category, status, population, numerator, measure, points, maxPoints = "max_points", scoring, evidence
        case evidenceCount = "evidence_count", interval
    }
}

/// A grade limit that holds for a center, and what it did.
public struct GradeLimitResult: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var reason: String
    /// `downgrade N` or `at most GRADE`, as written.
    public var effect: String
    /// The grade its total earned, before any limit.
    public var gradeBefore: String

    public init(id: String, title: String, reason: String, effect: String, gradeBefore: String) {
        self.id = id
        self.title = title
        self.reason = reason
        self.effect = effect
        self.gradeBefore = gradeBefore
    }

    enum CodingKeys: String, CodingKey {
        case id, title, reason, effect, gradeBefore = "grade_before"
    }
}

/// Why a center was vetoed.
public struct VetoResult: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var reason: String
    /// The records that make it hold, the first `evidence N`, and how many in all (schema version 2).
    public var evidence: [EvidenceRecord]?
    public var evidenceCount: Int?

    enum CodingKeys: String, CodingKey {
        case id, title, reason, evidence, evidenceCount = "evidence_count"
    }

    public init(id: String, title: String, reason: String) {
        self.id = id
        self.title = title
        self.reason = reason
    }
}

/// A category's subtotal for one center.
public struct CategorySubtotal: Sendable, Equatable, Codable {
    public var path: String
    public var points: Double
    public var maxPoints: Double

    public init(path: String, points: Double, maxPoints: Double) {
        self.path = path
        self.points = points
        self.maxPoints = maxPoints
    }

    enum CodingKeys: String, CodingKey {
        case path, points, maxPoints = "max_points"
    }
}

/// A bonus or deduction's effect on one center.
public struct AdjustmentResult: Sendable, Equatable, Codable {
    /// `bonus` or `deduction`.
    public var kind: String
    public var id: String
    public var title: String
    /// The measure, if it could be computed.
    public var measure: Double?
    /// Points added (bonus) or taken (deduction), never negative: 0 for a bonus held back by its gate.
    public var points: Double
    /// A bonus whose gate the center did not reach: its amount is held back, not added.
    public var gated: Bool
    /// What the gate and the caps kept back: the amount its rule gave (`scoring.points`) less `points`.
    public var heldBack: Double
    /// How its score rule gave its amount, held to its `max` (schema version 2; `nil` in a document written before).
    public var scoring: ScoringStep?
    /// The records that cost the center points under it — a bonus's rows that did not earn it, a deduction's rows
    /// that took it — the first `evidence N`, and how many in all; `nil` as for an indicator (schema version 2).
    public var evidence: [EvidenceRecord]?
    public var evidenceCount: Int?

    public init(
        kind: String, id: String, title: String, measure: Double?, points: Double, gated: Bool, heldBack: Double = 0,
        scoring: ScoringStep? = nil
    ) {
        self.scoring = scoring
        self.kind = kind
        self.id = id
        self.title = title
        self.measure = measure
        self.points = points
        self.gated = gated
        self.heldBack = heldBack
    }

    enum CodingKeys: String, CodingKey {
        case kind, id, title, measure, points, gated, heldBack = "held_back", scoring, evidence, evidenceCount = "evidence_count"
    }

    /// Reads a result; `held_back` may be missing from a document written before it was added.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(String.self, forKey: .kind)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        measure = try container.decodeIfPresent(Double.self, forKey: .measure)
        points = try container.decode(Double.self, forKey: .points)
        gated = try container.decode(Bool.self, forKey: .gated)
        heldBack = try container.decodeIfPresent(Double.self, forKey: .heldBack) ?? 0
        scoring = try container.decodeIfPresent(ScoringStep.self, forKey: .scoring)
        evidence = try container.decodeIfPresent([EvidenceRecord].self, forKey: .evidence)
        evidenceCount = try container.decodeIfPresent(Int.self, forKey: .evidenceCount)
    }
}
