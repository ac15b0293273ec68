import KaopingStore

/// A checked rule file, ready to evaluate: every name resolved, every expression typed, and the
/// aggregates grouped by the table they read so each table is scanned once.
public struct Plan: Sendable, Equatable {
    public var title: String
    /// The first and last day of the period, as day numbers (inclusive).
    public var periodStart: Int
    public var periodEnd: Int
    /// The filter over `centers` rows choosing the assessed units (over `centerColumns` slots).
    public var assessFilter: TypedExpression?
    /// The `centers` columns the plan reads, in slot order (always starts with id, code, name, kind, level, region);
    /// a dotted name (`parent.name`) is read through `centerJoins`.
    public var centerColumns: [String]
    /// The joins the dotted center columns need.
    public var centerJoins: [JoinPlan] = []
    /// The center columns that form ranking groups.
    public var rankWithin: [String]
    /// What breaks ties in the rounded total, in order (同分时依次比较).
    public var tieBreaks: [TieBreakPlan] = []
    public var grades: [GradePlan]
    public var parameters: [ParameterValue]
    /// The aggregates, indexed by `TypedExpression.aggregate`.
    public var aggregates: [AggregatePlan]
    /// One scan per table, in table-name order.
    public var scans: [TableScan]
    public var indicators: [IndicatorPlan]
    public var vetoes: [VetoPlan]
    /// The grade limits, in file order.
    public var gradeLimits: [GradeLimitPlan] = []
    /// Bonuses (加分) and deductions (扣分) outside the indicators, in file order.
    public var adjustments: [AdjustmentPlan]
    /// The declared total, if any.
    public var total: Double?
    /// The declared category tree, flattened: each node's path (`一级` or `一级/二级`) and points.
    public var categories: [CategoryPlan]
    /// The 红黑榜 sizes per group (0: no list).
    public var listTop: Int
    public var listBottom: Int
    /// Caps on the sum of the bonuses (加分合计不超过) and of the deductions (扣分合计不超过), if declared.
    public var bonusCap: Double?
    public var deductionCap: Double?
    /// Whether any expression counts working days (so the calendar must be loaded).
    public var usesCalendar: Bool
    /// How many records of each indicator results name (`evidence N` in the assessment; 5 when not written).
    public var evidenceLimit = 5
    /// What the published 通报 states that the data cannot know (`notice { … }`), if the rules say.
    public var notice: NoticePlan? = nil
    /// The 总体情况 figures counted over the tables the rules read (see `Checker+Figures.swift`).
    public var figures: [FigurePlan] = []

    /// What names records that cost points, by owner: indicators `0..<indicators.count` in order, then adjustments,
    /// then vetoes.
    public var evidenceOwners: [(id: String, evidence: EvidencePlan?)] {
        indicators.map { ($0.id, $0.evidence) } + adjustments.map { ($0.id, $0.evidence) } + vetoes.map { ($0.id, $0.evidence) }
    }
}

/// One key that breaks ties in the total: a category's subtotal or an indicator's points, compared rounded to two
/// decimals, higher first when `descending`.
public struct TieBreakPlan: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        /// A category path.
        case category(String)
        /// An indicator id.
        case indicator(String)
    }

    public var key: Key
    public var descending: Bool

    public init(key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}

/// A parameter's final value and where it came from.
public struct ParameterValue: Sendable, Equatable {
    public var name: String
    public var value: Value
    /// The text shown in results (`15`, `90%`, `"x"`).
    public var display: String
    /// Whether the command line overrode the file's default.
    public var overridden: Bool
}

/// One grade band: a name and the lowest total that earns it (`nil` for the last band).
public struct GradePlan: Sendable, Equatable {
    public var name: String
    public var minimum: Double?
}

/// One pass over one table, feeding every aggregate that reads it.
public struct TableScan: Sendable, Equatable {
    public var table: String
    /// The column tying a row to a center.
    public var centerColumn: String
    /// The time column the period filters on, if the table has one.
    public var periodColumn: String?
    /// The columns read, in slot order; expressions refer to them by slot. A dotted name
    /// (`item.promised_days`) is a column of a related row, read through `joins`.
    public var columns: [String]
    /// The related tables joined to each row (many-to-one), in dependency order.
    public var joins: [JoinPlan] = []
    /// The logical type of each column read (days are decoded to day numbers, flags to integers).
    public var columnTypes: [ValueType]
    /// The aggregates this scan feeds.
    public var aggregates: [Int]
    /// The slot of the table's natural key, when an indicator over the table names its records
    /// (`EvidencePlan`); `keyIsRead` when an expression reads it too (else the scan keeps its text apart).
    public var keySlot: Int? = nil
    public var keyIsRead = false
}

/// A many-to-one lookup joined to a scan: `path` names it in column names (`item`, `item.catalog`).
public struct JoinPlan: Sendable, Equatable {
    /// The relation path, e.g. `item` or `item.catalog`.
    public var path: String
    /// The table joined.
    public var table: String
    /// The path of the row it hangs from (empty for the scanned table) and that row's column.
    public var fromPath: String
    public var fromColumn: String
    /// The joined table's key column.
    public var key: String
}

/// A node of the declared category tree.
public struct CategoryPlan: Sendable, Equatable {
    /// `一级` or `一级/二级`.
    public var path: String
    public var points: Double?
    /// The depth: 1 for 一级指标, 2 for 二级指标.
    public var level: Int
}

/// A bonus (加分) or deduction (扣分) outside the indicators.
public struct AdjustmentPlan: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case bonus, deduction }

    public var kind: Kind
    public var id: String
    public var title: String
    public var population: Int?
    public var measure: TypedExpression
    public var score: ScorePlan
    /// The cap on the points it adds or takes.
    public var maximum: Double
    /// Bonuses only: the indicators' total a center must reach for the bonus to count.
    public var gate: Double?
    /// Deductions only: the category path it is taken from, never below 0 (扣完为止).
    public var category: String? = nil
    /// Whether the measure is a fraction 0–1, shown as a percentage.
    public var fraction = false
    /// The records that cost points (a bonus not earned, a deduction taken), as for an indicator.
    public var evidence: EvidencePlan? = nil
}

/// One aggregate over one table's rows of each center.
public struct AggregatePlan: Sendable, Hashable {
    public enum Function: String, Sendable, Equatable, CaseIterable {
        case count, sum, avg, min, max, rate
        /// Distinct non-NULL values (`count_distinct`).
        case countDistinct = "count_distinct"
        /// Exact median and percentile (`percentile_cont`: linear between the closest ranks).
        case median, percentile
    }

    public var function: Function
    public var table: String
    /// The rows counted: the indicator's population filter and the aggregate's own `where`, combined.
    public var filter: TypedExpression?
    /// The value summed, averaged or compared; for `rate`, the condition counted in the numerator.
    public var argument: TypedExpression?
    /// The fraction for `percentile` (0–1).
    public var fraction: Double? = nil
}

/// A scored indicator.
public struct IndicatorPlan: Sendable, Equatable {
    public enum EmptyPolicy: String, Sendable, Equatable {
        case notApplicable = "not_applicable", full, zero
    }

    public var id: String
    public var title: String
    public var category: String
    public var points: Double
    /// The weight, when the indicator gives `weight` instead of `points`.
    public var weight: Double?
    /// The aggregate that counts the population, if the indicator reads a table.
    public var population: Int?
    /// The aggregate whose numerator is reported, when the measure is a rate.
    public var numerator: Int?
    /// The measure, an expression over aggregates (`TypedExpression.aggregate`).
    public var measure: TypedExpression
    public var score: ScorePlan
    public var emptyPolicy: EmptyPolicy
    public var minimum: Int
    /// The records that cost points, when the measure is one `rate`, `count` or `sum` over a table.
    public var evidence: EvidencePlan? = nil
    /// Whether the measure is a fraction 0–1 (a rate, a ratio of counts), shown as a percentage.
    public var fraction = false
}

/// How a measure becomes points (before clamping to [0, points]).
public enum ScorePlan: Sendable, Equatable {
    /// Straight lines through (measure, points) control points sorted by measure; flat outside.
    case linear([(Double, Double)])
    /// The first band whose comparison holds; `nil` comparison is `else`.
    case bands([(comparison: String?, bound: Double, points: Double)])
    /// Points computed from the measure (`measure` names it in the expression), and the expression as written.
    case expression(TypedExpression, text: String)
    /// Points minus `amount` per `unit` of the quantity, the deduction capped at `maximum`, the result
    /// at least `floor`. The quantity is the measure, or `reference − measure` (`below`), or
    /// `measure − reference` (`above`), never negative.
    case deduct(amount: Double, unit: Double, direction: String?, reference: Double, maximum: Double?, floor: Double)
    /// Lighthouse's log-normal score (0–1) times the points.
    case lognormal(p10: Double, median: Double)

    /// The index of the band `measure` falls in: the first whose comparison holds (`nil` when none does).
    public func band(for measure: Double) -> Int? {
        guard case .bands(let bands) = self else { return nil }
        return bands.firstIndex { band in
            guard let comparison = band.comparison else { return true }
            switch comparison {
            case ">=": return measure >= band.bound
            case ">": return measure > band.bound
            case "<=": return measure <= band.bound
            case "<": return measure < band.bound
            default: return measure == band.bound
            }
        }
    }

    /// Whether the rule gives fewer points at the high end of `range` than at its low end: more of the measure
    /// costs points (a deduction per unit, a falling line, bands that give more below).
    public func falls(over range: (low: Double, high: Double)) -> Bool {
        switch self {
        case .linear(let points):
            guard let first = points.first, let last = points.last else { return false }
            return last.1 < first.1
        case .bands(let bands):
            let at = { (measure: Double) in band(for: measure).map { bands[$0].points } ?? 0 }
            return at(range.high) < at(range.low)
        case .expression(let expression, _):
            let at = { (measure: Double) -> Double in
                var input = EvaluationInput(calendar: WorkingCalendar())
                input.measure = .real(measure)
                return expression.evaluate(input).number ?? 0
            }
            return at(range.high) < at(range.low)
        case .deduct(_, _, let direction, _, _, _):
            return direction != "below"
        case .lognormal:
            return true
        }
    }

    /// The steps of a band or linear rule, which rule tests should each reach: one per band; for `linear`
    /// through k control points, k + 1 — at or below the first, strictly between each two, at or above the
    /// last. Other rules have none.
    public var stepCount: Int {
        switch self {
        case .bands(let bands): return bands.count
        case .linear(let points): return points.isEmpty ? 0 : points.count + 1
        default: return 0
        }
    }

    /// The steps `measure` reaches (see `stepCount`): a measure on a control point reaches the flat end there,
    /// not the segment beside it (it does not test the interpolation).
    public func steps(reachedBy measure: Double) -> [Int] {
        switch self {
        case .bands: return band(for: measure).map { [$0] } ?? []
        case .linear(let points):
            guard let first = points.first, let last = points.last else { return [] }
            var reached: [Int] = []
            if measure <= first.0 { reached.append(0) }
            for index in points.indices.dropFirst() where points[index - 1].0 < measure && measure < points[index].0 {
                reached.append(index)
            }
            if measure >= last.0 { reached.append(points.count) }
            return reached
        default: return []
        }
    }

    public static func == (lhs: ScorePlan, rhs: ScorePlan) -> Bool {
        switch (lhs, rhs) {
        case (.deduct(let a, let b, let c, let d, let e, let f), .deduct(let g, let h, let i, let j, let k, let l)):
            return a == g && b == h && c == i && d == j && e == k && f == l
        case (.lognormal(let a, let b), .lognormal(let c, let d)): return a == c && b == d
        case (.linear(let a), .linear(let b)): return a.elementsEqual(b) { $0 == $1 }
        case (.bands(let a), .bands(let b)):
            return a.elementsEqual(b) { $0.comparison == $1.comparison && $0.bound == $1.bound && $0.points == $1.points }
        case (.expression(let a, let x), .expression(let b, let y)): return a == b && x == y
        default: return false
        }
    }
}

/// A grade limit: when its condition holds for a center, its grade is no better than the limit gives.
public struct GradeLimitPlan: Sendable, Equatable {
    public enum Effect: Sendable, Equatable {
        /// So many grades below the one the total earns (never below the last).
        case downgrade(Int)
        /// No better than this grade.
        case atMost(String)
    }

    public var id: String
    public var title: String
    public var reason: String
    public var condition: TypedExpression
    public var effect: Effect
}

/// A veto: when its condition holds for a center, the center gets the lowest grade.
public struct VetoPlan: Sendable, Equatable {
    public var id: String
    public var title: String
    public var reason: String
    public var condition: TypedExpression
    /// The records that make it hold: for `AGGREGATE op N`, the rows a count or sum counts when more makes it hold, a
    /// rate's failing rows when less does.
    public var evidence: EvidencePlan? = nil
}

/// A checked expression. Row expressions read columns by slot; center expressions read aggregates and
/// center columns. Only the cases that hold expressions are boxed: a constant or a column is stored in place.
public enum TypedExpression: Sendable, Hashable {
    case constant(Value)
    /// A column of the row being scanned, by slot.
    case column(Int)
    /// A column of the center, by slot in `Plan.centerColumns`.
    case centerColumn(Int)
    /// A per-center aggregate result, by index in `Plan.aggregates`.
    case aggregate(Int)
    /// The indicator's measure (inside a score expression).
    case measure
    indirect case negate(TypedExpression)
    indirect case not(TypedExpression)
    /// Arithmetic `+ - * /`; division by zero gives NULL.
    indirect case arithmetic(String, TypedExpression, TypedExpression)
    /// Comparison `== != < <= > >=`; NULL on either side gives NULL.
    indirect case compare(String, TypedExpression, TypedExpression)
    indirect case and(TypedExpression, TypedExpression)
    indirect case or(TypedExpression, TypedExpression)
    indirect case isNull(TypedExpression, negated: Bool)
    indirect case inList(TypedExpression, [Value], negated: Bool)
    /// Working days in (day(a), day(b)] on the calendar.
    indirect case workdays(TypedExpression, TypedExpression)
    /// A day number from a time (for comparing times with dates).
    indirect case dayOf(TypedExpression)
    /// The day `count` working days after the day of a time.
    indirect case addWorkdays(TypedExpression, Int)
    /// The day so many working days after the day of a time as the second expression gives, row by row
    /// (`accepted_at + promised_days workdays`), rounded to whole days.
    indirect case addWorkdaysBy(TypedExpression, TypedExpression)
    /// `case`: the first arm whose pattern equals the subject (or whose condition holds), else `otherwise`.
    indirect case match(subject: TypedExpression?, arms: [MatchArm], otherwise: TypedExpression)
    /// A scalar function: `starts_with`, `ends_with`, `contains`, `length`, `hours`, `days`, `ratio`, `round`, `abs`.
    indirect case function(String, [TypedExpression])
    /// `matches(text, "regular expression")`: whether the pattern occurs in the text.
    indirect case matches(TypedExpression, RegexPattern)
}

/// One arm of a `case` expression.
public struct MatchArm: Sendable, Hashable {
    public var pattern: TypedExpression
    public var result: TypedExpression
}
