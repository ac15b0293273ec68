/// A name as written in a rule file, with where it was written.
public struct Name: Sendable, Equatable, Hashable {
    public let text: String
    public let range: SourceRange

    public init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A string literal as written, with its decoded value.
public struct StringLiteral: Sendable, Equatable {
    public let value: String
    public let range: SourceRange
}

/// A parsed rule file: its declarations in order. (Its comments are not kept: the formatter, which alone needs
/// them, lexes the file itself.)
public struct RuleFile: Sendable, Equatable {
    public let source: SourceFile
    public var declarations: [Declaration]
    /// The indices in `declarations` of those parsed with an error in them: what they say is incomplete, and
    /// the checker does not check them (it checks the rest, so one run reports every mistake it can).
    public var damaged: Set<Int>
    /// Whether the file gave any error while it was read and parsed (in a declaration or between them).
    public var hasParseErrors: Bool
    /// Whether the file was read as the base of a variant (`extends`), or included by such a base.
    public var isBase = false

    public init(source: SourceFile, declarations: [Declaration], damaged: Set<Int> = [], hasParseErrors: Bool = false) {
        self.source = source
        self.declarations = declarations
        self.damaged = damaged
        self.hasParseErrors = hasParseErrors
    }
}

/// A top-level declaration of a rule file. Each is boxed, so a declaration is copied (into the checker's
/// list, out of a `switch`) by one reference, however large it is.
public indirect enum Declaration: Sendable, Equatable {
    case assessment(AssessmentDeclaration)
    case parameter(ParameterDeclaration)
    /// `define name = expression`: a named condition or value, written once and used where its name is.
    case definition(DefinitionDeclaration)
    case indicator(IndicatorDeclaration)
    case veto(VetoDeclaration)
    /// `limit id "title" when … downgrade 1` or `… at most 良好`: a grade limit (降档、不得评为优秀).
    case limit(GradeLimitDeclaration)
    /// `bonus` (加分) or `deduction` (扣分) outside the indicators.
    case adjustment(AdjustmentDeclaration)
    /// `include "file.rules"`: shared definitions from another file.
    case include(StringLiteral, SourceRange)
    /// `extends "base.rules"`: this file is a variant of the base: it changes the base's header, parameters and
    /// categories, replaces and removes its indicators, adjustments, vetoes and grade limits by id, and adds its own.
    case extends(StringLiteral, SourceRange)
    /// `replace indicator ID …` (or `replace bonus|deduction|veto|limit ID …`): in a variant, the base's
    /// declaration of that id, written anew.
    case replace(Declaration, SourceRange)
    /// `remove indicator ID` (or bonus, deduction, veto, limit): in a variant, the base's declaration of that id, left out.
    case remove(kind: String, id: Name, range: SourceRange)
    /// `test "name" { … }`: a rule test with inline records and expectations.
    case test(TestDeclaration)
    /// `table name "title" { column type … }`: an extra table the rules read, beyond the canonical schema.
    case table(TableDeclaration)
    /// `notice { issuer "…"; number "…"; … }`: what the published 通报 states that the data cannot know.
    case notice(NoticeDeclaration)

    /// Where the declaration is written.
    public var range: SourceRange {
        switch self {
        case .assessment(let declaration): return declaration.range
        case .parameter(let declaration): return declaration.range
        case .definition(let declaration): return declaration.range
        case .indicator(let declaration): return declaration.range
        case .veto(let declaration): return declaration.range
        case .limit(let declaration): return declaration.range
        case .adjustment(let declaration): return declaration.range
        case .include(_, let range), .extends(_, let range), .replace(_, let range), .remove(_, _, let range): return range
        case .test(let declaration): return declaration.range
        case .table(let declaration): return declaration.range
        case .notice(let declaration): return declaration.range
        }
    }
}

/// `assessment "title" { … }`: what is assessed, over which period, and how results are graded and ranked.
public struct AssessmentDeclaration: Sendable, Equatable {
    public var title: StringLiteral
    /// `period 2024-01-01 .. 2024-12-31`.
    public var period: (start: Expression, end: Expression)?
    /// `assess centers where …`: the filter choosing the assessed units.
    public var assessFilter: Expression?
    /// `grades { 优秀 >= 90; …; 不合格 }`, best first.
    public var grades: [GradeBand] = []
    /// `rank by total within level`: the center columns that form ranking groups.
    public var rankWithin: [Name] = []
    /// `rank by total, then "服务效能", then timeliness ascending`: what breaks ties in the total, in order.
    public var tieBreaks: [TieBreak] = []
    /// `total 100`: the points all indicators add up to.
    public var total: Expression?
    /// `category "…" N { category "…" N }`: the declared category tree (一级/二级指标).
    public var categories: [CategoryDeclaration] = []
    /// `lists top N bottom N`: the 红黑榜 sizes per group.
    public var listTop: Expression?
    public var listBottom: Expression?
    /// `bonuses max N` (加分合计不超过 N 分) and `deductions max N` (扣分合计不超过 N 分): caps on the sums.
    public var bonusCap: Expression?
    public var deductionCap: Expression?
    /// `evidence N`: how many records of each indicator results name.
    public var evidence: Expression?
    /// The settings written, by keyword (`period`, `grades`, `rank`, …): a variant replaces only those of its base.
    public var written: Set<String> = []
    public var range: SourceRange

    /// The keywords of the assessment's settings.
    public static let settings = [
        "period", "assess", "grades", "rank", "total", "category", "lists", "bonuses", "deductions", "evidence",
    ]

    public static func == (lhs: AssessmentDeclaration, rhs: AssessmentDeclaration) -> Bool {
        lhs.title == rhs.title && lhs.period?.start == rhs.period?.start && lhs.period?.end == rhs.period?.end
            && lhs.assessFilter == rhs.assessFilter && lhs.grades == rhs.grades && lhs.rankWithin == rhs.rankWithin
            && lhs.tieBreaks == rhs.tieBreaks
            && lhs.total == rhs.total && lhs.categories == rhs.categories && lhs.listTop == rhs.listTop
            && lhs.listBottom == rhs.listBottom && lhs.bonusCap == rhs.bonusCap && lhs.deductionCap == rhs.deductionCap
            && lhs.evidence == rhs.evidence && lhs.written == rhs.written && lhs.range == rhs.range
    }
}

/// One key that breaks ties in the total (`then "服务效能"`, `then timeliness ascending`): a category's points or an
/// indicator's, higher first unless `ascending`.
public struct TieBreak: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        /// A category path, `"一级"` or `"一级" / "二级"`.
        case category([StringLiteral])
        case indicator(Name)
    }

    public var key: Key
    public var ascending: Bool
    public var range: SourceRange
}

/// A declared category (一级指标) with its points and its sub-categories (二级指标).
public struct CategoryDeclaration: Sendable, Equatable {
    public var name: StringLiteral
    public var points: Expression?
    public var children: [CategoryDeclaration]
    public var range: SourceRange
}

/// One grade band: a name and the lowest total that earns it (`nil` for the last, catch-all band).
public struct GradeBand: Sendable, Equatable {
    public var name: Name
    public var threshold: Expression?
}

/// `param name = value`: a named value that rules use and the command line can override.
public struct ParameterDeclaration: Sendable, Equatable {
    public var name: Name
    public var value: Expression
    public var range: SourceRange
}

/// `define name = expression`: an expression named once and used by name in filters, measures and other
/// definitions (`define bad_review = rating <= 2 and not is_default`); each use reads it in its own place, so
/// `rating` is the column of the table the use reads.
public struct DefinitionDeclaration: Sendable, Equatable {
    public var name: Name
    public var value: Expression
    public var range: SourceRange
}

/// `indicator id "title" { … }`: one scored indicator. (A field added here is moved, too, in
/// `body(shiftedBy:id:title:range:)`.)
public struct IndicatorDeclaration: Sendable, Equatable {
    public var id: Name
    public var title: StringLiteral
    /// `category "一级" / "二级"`: the path in the category tree.
    public var category: [StringLiteral] = []
    public var points: Expression?
    /// `weight W`: points as a share of the declared total instead of `points`.
    public var weight: Expression?
    /// `from table where filter`.
    public var source: Name?
    public var filter: Expression?
    public var measure: Expression?
    public var score: ScoreRule?
    /// `when empty: not_applicable | full | zero`.
    public var emptyPolicy: Name?
    /// `minimum N`: below N rows of population the indicator is `insufficient_data`.
    public var minimum: Expression?
    public var range: SourceRange
}

/// How a measure becomes points.
public enum ScoreRule: Sendable, Equatable {
    /// `score linear { x -> points; … }`: straight lines between control points, flat outside them.
    case linear([ControlPoint], SourceRange)
    /// `score bands { >= x -> points; …; else -> points }`: the first band that matches.
    case bands([ScoreBand], SourceRange)
    /// `score EXPR`: points computed by an expression of `measure`.
    case expression(Expression)
    /// `score deduct N per UNIT [below X | above X] [max M] [floor F]`: points minus a deduction. (Boxed, as
    /// is `lognormal`: a rule is stored in every indicator, and these two would make it five times larger.)
    indirect case deduct(DeductRule)
    /// `score lognormal { p10 X; median Y }`: Lighthouse's log-normal curve, lower measures better.
    indirect case lognormal(p10: Expression, median: Expression, SourceRange)

    public var range: SourceRange {
        switch self {
        case .linear(_, let range), .bands(_, let range), .lognormal(_, _, let range): return range
        case .expression(let expression): return expression.range
        case .deduct(let rule): return rule.range
        }
    }
}

/// `deduct N per UNIT [below X | above X] [max M] [floor F]`.
public struct DeductRule: Sendable, Equatable {
    /// Points deducted per unit.
    public var amount: Expression
    /// The unit of the quantity (default 1).
    public var unit: Expression?
    /// `below X`: the quantity is X − measure; `above X`: measure − X; neither: the measure itself.
    public var direction: String?
    public var reference: Expression?
    /// The most that can be deducted (default: all the points).
    public var maximum: Expression?
    /// The fewest points left (default 0).
    public var floor: Expression?
    public var range: SourceRange
}

/// `x -> points` in a linear score.
public struct ControlPoint: Sendable, Equatable {
    public var input: Expression
    public var points: Expression
}

/// `>= x -> points` (or `else -> points`) in a band score.
public struct ScoreBand: Sendable, Equatable {
    /// The comparison (`>=`, `>`, `<=`, `<`, `==`), or `nil` for `else`.
    public var comparison: String?
    public var bound: Expression?
    public var points: Expression
    public var range: SourceRange
}

/// `veto id "title" when condition [reason "text"]`: forces the lowest grade whatever the score.
public struct VetoDeclaration: Sendable, Equatable {
    public var id: Name
    public var title: StringLiteral
    public var condition: Expression?
    public var reason: StringLiteral?
    public var range: SourceRange
}

/// `limit id "title" when CONDITION downgrade N` (降 N 个等次) or `… at most GRADE` (不得高于该等次): a center
/// for which the condition holds gets a grade no better than the limit gives, whatever its total.
public struct GradeLimitDeclaration: Sendable, Equatable {
    public enum Effect: Sendable, Equatable {
        /// `downgrade N`: N grades below the one its total earns.
        case downgrade(Expression)
        /// `at most GRADE`: no better than that grade.
        case atMost(Name)
    }

    public var id: Name
    public var title: StringLiteral
    public var condition: Expression?
    public var effect: Effect?
    public var reason: StringLiteral?
    public var range: SourceRange
}

/// `bonus id "title" { … }` (加分) or `deduction id "title" { … }` (扣分): points added to or taken from
/// the total outside the indicators.
public struct AdjustmentDeclaration: Sendable, Equatable {
    /// `bonus` or `deduction`.
    public var kind: String
    public var id: Name
    public var title: StringLiteral
    public var source: Name?
    public var filter: Expression?
    public var measure: Expression?
    public var score: ScoreRule?
    /// `max N`: the cap on the points it adds or takes.
    public var maximum: Expression?
    /// `gate N` (bonuses): only counts when the indicators' total reaches N.
    public var gate: Expression?
    /// `category "一级" / "二级"` (deductions): taken from that category's points, never below 0 (扣完为止).
    public var category: [StringLiteral] = []
    public var range: SourceRange
}

/// `test "name" { table …; calendar …; param …; expect … }`: a rule test run by `kaoping test`.
public struct TestDeclaration: Sendable, Equatable {
    public var name: StringLiteral
    public var tables: [TestTable] = []
    /// `calendar { holiday DAY[..DAY]; workday DAY }`; `nil`: the shipped calendars.
    public var calendar: [(kind: String, first: Expression, last: Expression?)]?
    /// `param name = value` overrides for this test.
    public var parameters: [(name: Name, value: Expression)] = []
    public var expectations: [Expectation] = []
    public var range: SourceRange

    public static func == (lhs: TestDeclaration, rhs: TestDeclaration) -> Bool {
        lhs.name == rhs.name && lhs.tables == rhs.tables && lhs.expectations == rhs.expectations && lhs.range == rhs.range
            && lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
            && (lhs.calendar ?? []).elementsEqual(rhs.calendar ?? []) { $0.kind == $1.kind && $0.first == $1.first && $0.last == $1.last }
    }
}

/// `table NAME { column | column …; value | value … }`: records of one table, one row per line.
public struct TestTable: Sendable, Equatable {
    public var name: Name
    public var columns: [Name]
    public var rows: [[Expression]]
    public var range: SourceRange
}

/// `expect "CODE" target == value`: what a center's result must be. `target` is `total`, `base`, `grade`,
/// `rank`, `veto`, or `INDICATOR.measure|points|status|population|numerator`, or `ADJUSTMENT.points`.
public struct Expectation: Sendable, Equatable {
    public var center: StringLiteral
    public var target: [Name]
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`, or `≈` (also written `~=`) with a `tolerance`.
    public var comparison: String
    public var value: Expression
    /// `≈ 0.7699 within 0.0001`: how far the result may be from the value.
    public var tolerance: Expression?
    public var range: SourceRange
}

/// `notice { issuer "江苏省政务服务管理办公室"; number "苏政务办发〔2025〕3号"; … }`: the 通报's 发文机关, 发文字号,
/// 标题, 主送, 成文日期, 抄送, 印发机关 and 印发日期, and its 整改要求 and 结果运用 paragraphs.
public struct NoticeDeclaration: Sendable, Equatable {
    /// Each setting as written: its keyword and its value, in order.
    public var settings: [(keyword: Name, value: Expression)]
    public var range: SourceRange

    /// The settings, by keyword: text, except `date` and `printed`, which are days.
    public static let keywords = ["issuer", "number", "title", "to", "date", "copy", "printer", "printed", "rectification", "use"]

    public static func == (lhs: NoticeDeclaration, rhs: NoticeDeclaration) -> Bool {
        lhs.range == rhs.range && lhs.settings.elementsEqual(rhs.settings) { $0.keyword == $1.keyword && $0.value == $1.value }
    }
}

/// `table name "title" { column type [period] … }`: declares an extra table (one with a `center_id`) that the
/// rules read, so they can be checked without a store; with a store, the store must have these columns.
public struct TableDeclaration: Sendable, Equatable {
    public var name: Name
    public var title: StringLiteral?
    /// Each column's name, its type name (`integer`, `real`, `text`, `code`, `time`, `day`, `flag`) and
    /// whether it is the period column.
    public var columns: [(name: Name, type: Name, period: Bool)]
    public var range: SourceRange

    public static func == (lhs: TableDeclaration, rhs: TableDeclaration) -> Bool {
        lhs.name == rhs.name && lhs.title == rhs.title && lhs.range == rhs.range
            && lhs.columns.elementsEqual(rhs.columns) { $0.name == $1.name && $0.type == $1.type && $0.period == $1.period }
    }
}
