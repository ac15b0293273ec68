/// What the 通报's 总体情况 states that the centers' rows only give summed (`overview` in results, schema version 2):
/// how many units earned each grade in each ranking group, and per region (设区市) how many sub-centers and on-site
/// points were assessed, and the 总体情况's figures (cases, reviews, inspection findings) over them and per region.
/// Worked out from the ranked centers, so it always agrees with them.
public struct Overview: Sendable, Equatable, Codable {
    /// Counts over the assessed units' rows in the period, as the engine's built-in counts give them
    /// (`docs/results-format.md`); `nil` for a figure over a table the rules do not read (and `on_time` when no rule
    /// counts working days).
    public struct Figures: Sendable, Equatable, Codable {
        /// 办件量: every case; 办结: finished cases; 承诺件办结 and of them 按时办结 (working days, less paused days,
        /// within the promised days).
        public var cases: Int?
        public var finished: Int?
        public var promisedFinished: Int?
        public var onTime: Int?
        /// 主动评价 (not the system's default), of them 好评 (rating 3–5), 差评 (1–2, not found malicious) and
        /// 差评已整改.
        public var reviews: Int?
        public var goodReviews: Int?
        public var badReviews: Int?
        public var badReviewsRectified: Int?
        public var complaints: Int?
        /// 明察暗访发现的问题, and of them 严重, 一般 and 轻微.
        public var inspections: Int?
        public var inspectionsSerious: Int?
        public var inspectionsGeneral: Int?
        public var inspectionsMinor: Int?

        public init() {}

        /// Each figure's name in results (as the evaluator's built-in counts name it) and its field, in order (key paths
        /// are immutable values; Swift 6.3 does not yet mark them `Sendable`).
        nonisolated(unsafe) static let fields: [(name: String, field: WritableKeyPath<Figures, Int?>)] = [
            ("cases", \.cases), ("finished", \.finished), ("promised_finished", \.promisedFinished), ("on_time", \.onTime),
            ("reviews", \.reviews), ("good_reviews", \.goodReviews), ("bad_reviews", \.badReviews),
            ("bad_reviews_rectified", \.badReviewsRectified), ("complaints", \.complaints), ("inspections", \.inspections),
            ("inspections_serious", \.inspectionsSerious), ("inspections_general", \.inspectionsGeneral),
            ("inspections_minor", \.inspectionsMinor),
        ]

        /// The figures named in `values` (`cases`, `on_time` …); other names are not figures.
        public init(_ values: [String: Int]) {
            for (name, field) in Figures.fields { self[keyPath: field] = values[name] }
        }

        /// Every figure by its name in results, in order (`nil` ones included).
        public var named: [(name: String, value: Int?)] { Figures.fields.map { ($0.name, self[keyPath: $0.field]) } }

        /// Both added up, figure by figure (a figure missing from either stays missing).
        static func + (lhs: Figures, rhs: Figures) -> Figures {
            var values: [String: Int] = [:]
            for ((name, left), (_, right)) in zip(lhs.named, rhs.named) {
                if let left, let right { values[name] = left + right }
            }
            return Figures(values)
        }

        var json: JSONValue { .object(named.map { ($0.name, $0.value.map { .integer(Int64($0)) } ?? .null) }) }

        enum CodingKeys: String, CodingKey {
            case cases, finished, promisedFinished = "promised_finished", onTime = "on_time", reviews, goodReviews = "good_reviews"
            case badReviews = "bad_reviews", badReviewsRectified = "bad_reviews_rectified", complaints, inspections
            case inspectionsSerious = "inspections_serious", inspectionsGeneral = "inspections_general"
            case inspectionsMinor = "inspections_minor"
        }
    }

    public struct GradeCount: Sendable, Equatable, Codable {
        public var group: String
        public var grade: String
        public var count: Int
    }

    public struct RegionCount: Sendable, Equatable, Codable {
        public var region: String
        public var subCenters: Int
        public var onsitePoints: Int
        /// The figures over the region's assessed units (`nil` in a document written before them).
        public var figures: Figures?

        enum CodingKeys: String, CodingKey {
            case region, subCenters = "sub_centers", onsitePoints = "onsite_points", figures
        }
    }

    /// The figures over every assessed unit (`nil` in a document written before them).
    public var figures: Figures?
    /// The inspection findings of the assessed units in the period, in time order (`nil` when the rules do not read
    /// `inspections`, and in a document written before them).
    public var findings: [Finding]?
    /// Every group (in ranking order) × every grade (best first), zeros included.
    public var grades: [GradeCount]
    /// Every region with an assessed unit, in the order of its first unit's code (the province, then the cities).
    public var regions: [RegionCount]

    /// - Parameter figures: each center's figures, by center code (none: the document states none).
    public init(centers: [CenterResult], grades names: [String], figures byCenter: [String: Figures] = [:]) {
        let sum = { (units: [CenterResult]) -> Figures? in
            let each = units.map { byCenter[$0.code] ?? Figures() }
            return byCenter.isEmpty ? nil : each.dropFirst().reduce(each.first ?? byCenter.values.first ?? Figures(), +)
        }
        figures = sum(centers)
        var groups: [String] = []
        for center in centers where !groups.contains(center.group) { groups.append(center.group) }
        grades = groups.flatMap { group in
            names.map { grade in
                GradeCount(group: group, grade: grade, count: centers.filter { $0.group == group && $0.grade == grade }.count)
            }
        }
        let byRegion = Dictionary(grouping: centers, by: \.region)
        regions = byRegion.keys.sorted { (byRegion[$0]?.map(\.code).min() ?? "") < (byRegion[$1]?.map(\.code).min() ?? "") }.map { region in
            let units = byRegion[region] ?? []
            return RegionCount(
                region: region, subCenters: units.filter { $0.kind == "sub_center" }.count,
                onsitePoints: units.filter { $0.kind == "onsite_point" }.count, figures: sum(units))
        }
    }

    var json: JSONValue {
        .object([
            ("figures", figures?.json ?? .null),
            ("findings", findings.map { .array($0.map(\.json)) } ?? .null),
            (
                "grades",
                .array(
                    grades.map {
                        .object([("group", .string($0.group)), ("grade", .string($0.grade)), ("count", .integer(Int64($0.count)))])
                    })
            ),
            (
                "regions",
                .array(
                    regions.map {
                        .object([
                            ("region", .string($0.region)), ("sub_centers", .integer(Int64($0.subCenters))),
                            ("onsite_points", .integer(Int64($0.onsitePoints))), ("figures", $0.figures?.json ?? .null),
                        ])
                    })
            ),
        ])
    }
}
