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

/// A parsed rule file: its declarations in order, and its comments for the formatter.
public struct RuleFile: Sendable, Equatable {
    public let source: SourceFile
    public var declarations: [Declaration]
    public var comments: [Comment]
}

/// A top-level declaration of a rule file.
public enum Declaration: Sendable, Equatable {
    case assessment(AssessmentDeclaration)
    case parameter(ParameterDeclaration)
    case indicator(IndicatorDeclaration)
    case veto(VetoDeclaration)

    /// Where the declaration is written.
    public var range: SourceRange {
        switch self {
        case .assessment(let declaration): return declaration.range
        case .parameter(let declaration): return declaration.range
        case .indicator(let declaration): return declaration.range
        case .veto(let declaration): return declaration.range
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
    public var range: SourceRange

    public static func == (lhs: AssessmentDeclaration, rhs: AssessmentDeclaration) -> Bool {
        lhs.title == rhs.title && lhs.period?.start == rhs.period?.start && lhs.period?.end == rhs.period?.end
            && lhs.assessFilter == rhs.assessFilter && lhs.grades == rhs.grades && lhs.rankWithin == rhs.rankWithin
            && lhs.range == rhs.range
    }
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

/// `indicator id "title" { … }`: one scored indicator.
public struct IndicatorDeclaration: Sendable, Equatable {
    public var id: Name
    public var title: StringLiteral
    public var category: StringLiteral?
    public var points: Expression?
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

    public var range: SourceRange {
        switch self {
        case .linear(_, let range), .bands(_, let range): return range
        case .expression(let expression): return expression.range
        }
    }
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
