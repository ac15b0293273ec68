import KaopingResults

/// How a ranking is laid out: its columns (each top-level category, or each indicator when the rules declare no
/// categories, then the bonuses and deductions), each row's parts rounded so they add up to the total printed
/// beside them, and a ※ where redistribution lifted a column above its nominal points.
struct RankingLayout {
    struct Column {
        var title: String
        var points: Double?
        /// The category path or indicator id the column shows.
        var key: String
        var isCategory: Bool
    }

    let results: ResultsDocument
    let columns: [Column]

    init(_ results: ResultsDocument) {
        self.results = results
        let categories = results.assessment.categories.filter { !$0.path.contains("/") }
        if categories.isEmpty {
            columns = results.assessment.indicators.map { Column(title: $0.title, points: $0.points, key: $0.id, isCategory: false) }
        } else {
            columns = categories.map { Column(title: $0.path, points: $0.points, key: $0.path, isCategory: true) }
        }
    }

    /// Whether the results have bonuses or deductions (a column for them).
    var hasAdjustments: Bool { !results.assessment.adjustments.isEmpty }

    /// The center's column points and adjustment, in cents, adding up to its total in cents (`RowParts`, as the
    /// CSV, Markdown and XLSX print them).
    func cents(_ center: CenterResult) -> (columns: [Int], adjustment: Int) {
        let parts =
            columns.first?.isCategory ?? false
            ? RowParts(center, categories: columns.map(\.key), assessment: results.assessment) : RowParts(indicatorsOf: center)
        return (parts.columns, parts.adjustments)
    }

    /// Whether the center's column may hold more than the column's nominal points (redistribution).
    func marked(_ center: CenterResult, _ column: Column) -> Bool {
        guard let nominal = column.points else { return false }
        let most =
            column.isCategory
            ? center.categories.first { $0.path == column.key }?.maxPoints : center.indicators.first { $0.id == column.key }?.maxPoints
        return (most ?? 0) > nominal + 0.005
    }

    /// Each ranking group with its rows; the county group split by 设区市 (in the order of the regions' first codes).
    func groups(changes: YearOverYear?, units: UnitIndex) -> [GroupSection] {
        var order: [String] = []
        var members: [String: [CenterResult]] = [:]
        for center in results.centers {
            if members[center.group] == nil { order.append(center.group) }
            members[center.group, default: []].append(center)
        }
        return order.enumerated().map { index, group in
            let centers = members[group] ?? []
            let rows = centers.map { row($0, changes: changes, units: units) }
            let label = SafeText.visible(LevelNames.groupLabel(group, columns: results.assessment.groupBy))
            var sections: [RankingSection]
            if group.split(separator: "/").contains("county"), Set(centers.map(\.region)).count > 1 {
                var cities: [String] = []
                for center in centers.sorted(by: { $0.code < $1.code }) where !cities.contains(center.region) {
                    cities.append(center.region)
                }
                sections = cities.map { city in
                    let cityRows = rows.filter { $0.regionCode == city }
                    return RankingSection(heading: "\(SafeText.visible(city))（\(cityRows.count)个）", rows: cityRows)
                }
            } else {
                sections = [RankingSection(heading: nil, rows: rows)]
            }
            return GroupSection(
                id: "g\(index + 1)", label: label, count: centers.count, columns: columnHeads, hasAdjustments: hasAdjustments,
                sections: sections, hasChanges: changes != nil, hasMarks: rows.contains { $0.cells.contains(where: \.marked) },
                regions: Array(Set(centers.map { SafeText.visible($0.region) })).sorted(),
                grades: results.assessment.grades.map { SafeText.visible($0.name) })
        }
    }

    var columnHeads: [ColumnHead] {
        columns.map { ColumnHead(title: SafeText.visible($0.title), points: $0.points.map { ScoringSentence.plain($0) } ?? "") }
    }

    func row(_ center: CenterResult, changes: YearOverYear?, units: UnitIndex) -> RankingRow {
        let (parts, adjustment) = cents(center)
        let cells = zip(columns, parts).map { column, cents in
            RankingCell(text: PublishedRounding.text(cents), marked: marked(center, column), sortValue: cents)
        }
        let change = changes?.change(center.code)
        let gradeIndex = results.assessment.grades.firstIndex { $0.name == center.grade } ?? 0
        return RankingRow(
            anchor: units.anchor(center.code), rank: center.rank, unit: UnitName(center), regionCode: center.region, cells: cells,
            adjustment: adjustment == 0 ? "" : (adjustment > 0 ? "+" : "") + PublishedRounding.text(adjustment),
            adjustmentCents: adjustment, total: ScoringSentence.points(roundedTwo(center.total)),
            totalCents: Int((center.total * 100).rounded(.toNearestOrAwayFromZero)), grade: SafeText.visible(center.grade),
            gradeClass: "g\(gradeIndex)", veto: center.veto.map { SafeText.visible($0.title) },
            rankChange: change?.rankText ?? "", totalChange: change?.totalText ?? "", isNew: change?.isNew ?? false,
            hasAdjustments: hasAdjustments, hasChanges: changes != nil)
    }
}

/// One ranking group as the 通报 prints it.
public struct GroupSection: Sendable {
    /// An anchor for links (`g1`, `g2` …).
    public var id: String
    public var label: String
    public var count: Int
    public var columns: [ColumnHead]
    public var hasAdjustments: Bool
    /// The rows, in rank order; the county group's split by 设区市, each with its heading.
    public var sections: [RankingSection]
    public var hasChanges: Bool
    public var hasMarks: Bool
    /// The regions and grades of its rows, for the page's filters.
    public var regions: [String]
    public var grades: [String]
}

public struct RankingSection: Sendable {
    public var heading: String?
    public var rows: [RankingRow]
}

public struct ColumnHead: Sendable {
    public var title: String
    public var points: String
}

public struct RankingCell: Sendable {
    public var text: String
    public var marked: Bool
    public var sortValue: Int
}

/// One unit's row of a ranking.
public struct RankingRow: Sendable {
    public var anchor: String
    public var rank: Int
    public var unit: UnitName
    /// The region as the results name it (for grouping; `unit.region` is the printable one).
    var regionCode: String
    public var cells: [RankingCell]
    /// The bonuses less the deductions not taken from a column, signed (`+1.50`); empty when none.
    public var adjustment: String
    public var adjustmentCents: Int
    public var total: String
    public var totalCents: Int
    public var grade: String
    /// `g0` for the best grade, `g1` … (for styling, whatever the grades are called).
    public var gradeClass: String
    public var veto: String?
    public var rankChange: String
    public var totalChange: String
    public var isNew: Bool
    /// The group's, repeated on the row (a template inside `rows` reads it here).
    public var hasAdjustments: Bool
    public var hasChanges: Bool
}

/// A unit as every listing names it: name, code and 设区市 (names repeat across cities).
public struct UnitName: Sendable {
    public var name: String
    public var code: String
    public var region: String
    public var kind: String
    /// `南京市 江宁区政务服务中心税务分中心（320115F003）`.
    public var full: String

    init(_ center: CenterResult) {
        name = SafeText.visible(center.name)
        code = SafeText.visible(center.code)
        region = SafeText.visible(center.region)
        kind = ChineseText.name(center.kind, in: ChineseText.kinds)
        full = "\(region) \(name)（\(code)）"
    }
}

/// The assessed units by code, and each one's anchor in the page (`u1`, `u2` … in results order: a code may hold
/// characters an anchor cannot).
struct UnitIndex {
    let centers: [String: CenterResult]
    private let anchors: [String: String]
    /// How many units each ranking group has.
    let groupSizes: [String: Int]
    /// Each unit's inspection findings with their numbers in the 通报's list (1-based), by unit code.
    let findings: [String: [(number: Int, finding: Finding)]]

    init(_ results: ResultsDocument) {
        centers = Dictionary(results.centers.map { ($0.code, $0) }) { first, _ in first }
        groupSizes = Dictionary(results.centers.map { ($0.group, 1) }, uniquingKeysWith: +)
        findings = Dictionary(
            grouping: (results.overview?.findings ?? []).enumerated().map { (number: $0.offset + 1, finding: $0.element) }
        ) {
            $0.finding.center
        }
        var anchors: [String: String] = [:]
        for (index, center) in results.centers.enumerated() where anchors[center.code] == nil { anchors[center.code] = "u\(index + 1)" }
        self.anchors = anchors
    }

    func anchor(_ code: String) -> String { anchors[code] ?? "" }
}
