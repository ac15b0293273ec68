import KaopingResults

extension NoticeContent {
    /// The figures as a table: each with its rate where it has one.
    static func figures(_ figures: Overview.Figures?) -> [Figure] {
        guard let figures else { return [] }
        var rows: [Figure] = []
        let add = { (label: String, value: Int?, rate: String?) in
            if let value { rows.append(Figure(label: label, value: ChineseText.count(value) + (rate.map { "（\($0)）" } ?? ""))) }
        }
        add("办件量（件）", figures.cases, nil)
        add(
            "办结量（件）", figures.finished,
            figures.cases.flatMap { cases in figures.finished.map { "办结率" + ChineseText.percent($0, of: cases) } })
        add(
            "承诺件按时办结（件）", figures.onTime,
            figures.promisedFinished.flatMap { promised in figures.onTime.map { "按时办结率" + ChineseText.percent($0, of: promised) } })
        add("主动评价（条）", figures.reviews, nil)
        add(
            "好评（条）", figures.goodReviews,
            figures.reviews.flatMap { reviews in figures.goodReviews.map { "好评率" + ChineseText.percent($0, of: reviews) } })
        add("差评（条）", figures.badReviews, nil)
        add(
            "差评已整改（条）", figures.badReviewsRectified,
            figures.badReviews.flatMap { bad in figures.badReviewsRectified.map { "整改率" + ChineseText.percent($0, of: bad) } })
        add("投诉（件）", figures.complaints, nil)
        add("明察暗访发现问题（个）", figures.inspections, nil)
        add("　其中严重", figures.inspectionsSerious, nil)
        add("　其中一般", figures.inspectionsGeneral, nil)
        add("　其中轻微", figures.inspectionsMinor, nil)
        return rows
    }

    /// Units per region (第四条 能进则进), with the change since the previous run when it has an overview.
    static func regions(_ results: ResultsDocument, previous: ResultsDocument?) -> [RegionRow] {
        let regions = results.overview?.regions ?? []
        let changes = YearOverYear.regionChanges(current: results.overview, previous: previous?.overview)
        let signed = { (value: Int) in value > 0 ? "+\(value)" : value == 0 ? "0" : "\(value)" }
        return regions.map { region in
            let change = changes[region.region]
            let scores = results.centers.filter { $0.region == region.region }.map(\.total)
            let average = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
            return RegionRow(
                region: SafeText.visible(region.region), subCenters: region.subCenters, onsitePoints: region.onsitePoints,
                subCentersChange: change.map { signed($0.subCenters) } ?? "",
                onsitePointsChange: change.map { signed($0.onsitePoints) } ?? "",
                average: ScoringSentence.points(average),
                onTimeRate: region.figures.flatMap { f in
                    f.onTime.flatMap { on in f.promisedFinished.map { ChineseText.percent(on, of: $0) } }
                }
                    ?? "—",
                goodRate: region.figures.flatMap { f in
                    f.goodReviews.flatMap { good in f.reviews.map { ChineseText.percent(good, of: $0) } }
                }
                    ?? "—",
                findings: region.figures?.inspections.map(String.init) ?? "—")
        }
    }

    /// The 红黑榜 of each group, naming each unit in full; tied units at the edge all listed (同分不分先后).
    static func lists(_ results: ResultsDocument, units: UnitIndex, layout: RankingLayout) -> [HonourList] {
        results.lists.map { list in
            let entries = { (codes: [String]) in
                codes.compactMap { units.centers[$0] }.map { center in
                    HonourEntry(
                        anchor: units.anchor(center.code), unit: UnitName(center), rank: center.rank,
                        total: ScoringSentence.points(roundedTwo(center.total)))
                }
            }
            return HonourList(
                label: SafeText.visible(LevelNames.groupLabel(list.group, columns: results.assessment.groupBy)), top: entries(list.top),
                bottom: entries(list.bottom))
        }
    }
}

/// One region's row of the table under 一、总体情况.
public struct RegionRow: Sendable {
    public var region: String
    public var subCenters: Int
    public var onsitePoints: Int
    /// `+2`, `0`, `-1` since the previous run; empty without one.
    public var subCentersChange: String
    public var onsitePointsChange: String
    /// The average total of its units.
    public var average: String
    public var onTimeRate: String
    public var goodRate: String
    public var findings: String
}

/// A group's 红榜 and 黑榜.
public struct HonourList: Sendable {
    public var label: String
    public var top: [HonourEntry]
    public var bottom: [HonourEntry]
}

public struct HonourEntry: Sendable {
    public var anchor: String
    public var unit: UnitName
    public var rank: Int
    public var total: String
}
