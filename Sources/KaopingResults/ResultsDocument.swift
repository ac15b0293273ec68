/// The results of one assessment run: the single source every renderer and later tool reads
/// (`results.json`, documented in `docs/results-format.md`).
public struct ResultsDocument: Sendable, Equatable, Codable {
    /// The version of this document's layout.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var assessment: Assessment
    /// Every assessed center, ordered by group, then rank, then code.
    public var centers: [CenterResult]
    /// The 红黑榜 of each group, in group order (empty when the rules declare no lists).
    public var lists: [GroupList]
    /// Rows the evaluation left out, per table and reason (empty when the data is clean).
    public var dataQuality: [DataQualityEntry]
    /// How each table with a period column covers the period, in table order.
    public var dataCoverage: [DataCoverageEntry]
    /// Whether the run was told to go on when a table had no row in the period (`--allow-partial-data`).
    public var partialDataAllowed: Bool
    /// What the published 通报 states that the data cannot know, as the rules' `notice` gives it (schema version 2).
    public var notice: Notice?
    /// Grade counts per group and unit counts per region, for the 总体情况 (schema version 2; `nil` in older documents).
    public var overview: Overview?

    public init(
        schemaVersion: Int = ResultsDocument.currentSchemaVersion, assessment: Assessment, centers: [CenterResult], lists: [GroupList] = [],
        dataQuality: [DataQualityEntry] = [], dataCoverage: [DataCoverageEntry] = [], partialDataAllowed: Bool = false
    ) {
        self.schemaVersion = schemaVersion
        self.assessment = assessment
        self.centers = centers
        self.lists = lists
        self.dataQuality = dataQuality
        self.dataCoverage = dataCoverage
        self.partialDataAllowed = partialDataAllowed
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", assessment, centers, lists, dataQuality = "data_quality"
        case dataCoverage = "data_coverage", partialDataAllowed = "partial_data_allowed", notice, overview
    }

    /// Reads a document; the fields added after the first version may be missing from an older one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        assessment = try container.decode(Assessment.self, forKey: .assessment)
        centers = try container.decode([CenterResult].self, forKey: .centers)
        lists = try container.decode([GroupList].self, forKey: .lists)
        dataQuality = try container.decode([DataQualityEntry].self, forKey: .dataQuality)
        dataCoverage = try container.decodeIfPresent([DataCoverageEntry].self, forKey: .dataCoverage) ?? []
        partialDataAllowed = try container.decodeIfPresent(Bool.self, forKey: .partialDataAllowed) ?? false
        notice = try container.decodeIfPresent(Notice.self, forKey: .notice)
        overview = try container.decodeIfPresent(Overview.self, forKey: .overview)
    }
}

/// How the rows of one table fall against the period, by the column that decides (its period column).
public struct DataCoverageEntry: Sendable, Equatable, Codable {
    public var table: String
    public var column: String
    /// Rows with a value in `column`, those in the period, and those before and after it.
    public var rows: Int
    public var inPeriod: Int
    public var before: Int
    public var after: Int
    /// The first and last day `column` names, `YYYY-MM-DD` (China time); `nil` for a table without rows.
    public var firstDay: String?
    public var lastDay: String?

    public init(table: String, column: String, rows: Int, inPeriod: Int, before: Int, after: Int, firstDay: String?, lastDay: String?) {
        self.table = table
        self.column = column
        self.rows = rows
        self.inPeriod = inPeriod
        self.before = before
        self.after = after
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    enum CodingKeys: String, CodingKey {
        case table, column, rows, inPeriod = "in_period", before, after, firstDay = "first_day", lastDay = "last_day"
    }
}

/// Rows of a table left out of every aggregate, and why.
public struct DataQualityEntry: Sendable, Equatable, Codable {
    public var table: String
    /// The rule they broke, e.g. `center_id names no center`, `finished_at before accepted_at`.
    public var reason: String
    public var rows: Int

    public init(table: String, reason: String, rows: Int) {
        self.table = table
        self.reason = reason
        self.rows = rows
    }
}

/// The top (红榜) and bottom (黑榜) of one ranking group, by center code; ties at the edge are not split.
public struct GroupList: Sendable, Equatable, Codable {
    public var group: String
    public var top: [String]
    public var bottom: [String]

    public init(group: String, top: [String], bottom: [String]) {
        self.group = group
        self.top = top
        self.bottom = bottom
    }
}

/// What was assessed and how: enough to reproduce the run.
public struct Assessment: Sendable, Equatable, Codable {
    public var title: String
    public var period: Period
    /// SHA-256 of the rule file's bytes.
    public var rulesSHA256: String
    /// SHA-256 content digest of the tables the rules read (see `docs/results-format.md`).
    public var dataDigest: String
    /// Where the data digest was computed when not from a SQLite file: the PostgreSQL server and database the run
    /// read (no user, no password). Absent for a SQLite store, whose data `dataDigest` alone identifies.
    public var dataSource: DataSource?
    /// Every parameter's value as used, in name order.
    public var parameters: [Parameter]
    public var engineVersion: String
    /// The center columns that form ranking groups (empty: one group of all centers).
    public var groupBy: [String]
    /// The grade bands, best first; the last has no minimum.
    public var grades: [Grade]
    /// The indicators, in rule-file order.
    public var indicators: [IndicatorDefinition]
    /// The vetoes, in rule-file order.
    public var vetoes: [VetoDefinition]
    /// The declared total, if any.
    public var total: Double?
    /// The declared categories (一级 and 一级/二级 paths) with their points.
    public var categories: [CategoryDefinition]
    /// The bonuses and deductions, in rule-file order.
    public var adjustments: [AdjustmentDefinition]
    /// The caps on the sum of the bonuses and of the deductions (`bonuses max N`, `deductions max N`), if declared.
    public var bonusCap: Double?
    public var deductionCap: Double?
    /// What breaks ties in the total, in order (absent from documents written before tie-breaks).
    public var tieBreaks: [TieBreakDefinition]?
    /// The grade limits `{id, title, effect}`, in rule-file order (absent from documents written before them).
    public var gradeLimits: [GradeLimitDefinition]?

    public init(
        title: String, period: Period, rulesSHA256: String, dataDigest: String, parameters: [Parameter], engineVersion: String,
        groupBy: [String], grades: [Grade], indicators: [IndicatorDefinition], vetoes: [VetoDefinition], total: Double? = nil,
        categories: [CategoryDefinition] = [], adjustments: [AdjustmentDefinition] = [], bonusCap: Double? = nil,
        deductionCap: Double? = nil
    ) {
        self.bonusCap = bonusCap
        self.deductionCap = deductionCap
        self.total = total
        self.categories = categories
        self.adjustments = adjustments
        self.title = title
        self.period = period
        self.rulesSHA256 = rulesSHA256
        self.dataDigest = dataDigest
        self.parameters = parameters
        self.engineVersion = engineVersion
        self.groupBy = groupBy
        self.grades = grades
        self.indicators = indicators
        self.vetoes = vetoes
    }

    enum CodingKeys: String, CodingKey {
        case title, period, rulesSHA256 = "rules_sha256", dataDigest = "data_digest", dataSource = "data_source", parameters,
            engineVersion = "engine_version", groupBy = "group_by", grades, indicators, vetoes, total, categories, adjustments
        case bonusCap = "bonus_cap", deductionCap = "deduction_cap", tieBreaks = "tie_breaks", gradeLimits = "grade_limits"
    }

    /// The database a run read, when it was not a SQLite file.
    public struct DataSource: Sendable, Equatable, Codable {
        /// `postgresql`.
        public var kind: String
        public var host: String
        public var port: String
        public var database: String

        public init(kind: String, host: String, port: String, database: String) {
            self.kind = kind
            self.host = host
            self.port = port
            self.database = database
        }
    }

    /// A grade limit as the rules declare it.
    public struct GradeLimitDefinition: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        /// `downgrade N` or `at most GRADE`.
        public var effect: String

        public init(id: String, title: String, effect: String) {
            self.id = id
            self.title = title
            self.effect = effect
        }
    }

    /// One key that breaks ties in the total.
    public struct TieBreakDefinition: Sendable, Equatable, Codable {
        /// `category` or `indicator`.
        public var kind: String
        /// The category path or the indicator id.
        public var key: String
        /// `descending` (higher first) or `ascending`.
        public var order: String

        public init(kind: String, key: String, order: String) {
            self.kind = kind
            self.key = key
            self.order = order
        }
    }

    /// A declared category.
    public struct CategoryDefinition: Sendable, Equatable, Codable {
        /// `一级` or `一级/二级`.
        public var path: String
        public var points: Double?

        public init(path: String, points: Double?) {
            self.path = path
            self.points = points
        }
    }

    /// A bonus or deduction as the rule file defines it.
    public struct AdjustmentDefinition: Sendable, Equatable, Codable {
        /// `bonus` or `deduction`.
        public var kind: String
        public var id: String
        public var title: String
        public var maximum: Double
        /// A deduction's category, which it is taken from (扣完为止).
        public var category: String?
        /// Whether the measure is a fraction 0–1, shown as a percentage (schema version 2).
        public var fraction: Bool?

        public init(kind: String, id: String, title: String, maximum: Double, category: String? = nil, fraction: Bool? = nil) {
            self.fraction = fraction
            self.kind = kind
            self.id = id
            self.title = title
            self.maximum = maximum
            self.category = category
        }
    }

    /// The first and last day, `YYYY-MM-DD`.
    public struct Period: Sendable, Equatable, Codable {
        public var start: String
        public var end: String

        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    /// A parameter's value as written (`15`, `90%`) and whether the command line set it.
    public struct Parameter: Sendable, Equatable, Codable {
        public var name: String
        public var value: String
        public var overridden: Bool

        public init(name: String, value: String, overridden: Bool) {
            self.name = name
            self.value = value
            self.overridden = overridden
        }
    }

    /// A grade band.
    public struct Grade: Sendable, Equatable, Codable {
        public var name: String
        public var minimum: Double?

        public init(name: String, minimum: Double?) {
            self.name = name
            self.minimum = minimum
        }
    }

    /// An indicator as the rule file defines it.
    public struct IndicatorDefinition: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var category: String
        public var points: Double
        /// Whether the measure is a fraction 0–1 (a rate or ratio), shown as a percentage (schema version 2).
        public var fraction: Bool?

        public init(id: String, title: String, category: String, points: Double, fraction: Bool? = nil) {
            self.id = id
            self.title = title
            self.category = category
            self.points = points
            self.fraction = fraction
        }
    }

    /// A veto as the rule file defines it.
    public struct VetoDefinition: Sendable, Equatable, Codable {
        public var id: String
        public var title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }
}
