import KaopingResults

/// The sheets from the results' overview: the inspection findings (`明察暗访`) and the figures per 设区市 (`区域统计`).
extension XLSXReport {
    // MARK: - 明察暗访

    /// Every inspection finding of the assessed units, in time order (a note instead when the rules read no
    /// inspections).
    var findingsTable: Table {
        let headers = ["时间", "单位代码", "单位名称", "设区市", "检查方式", "检查层级", "问题类别", "严重程度", "事实描述", "整改期限", "整改完成"]
        guard let findings = results.overview?.findings else {
            return Table(name: "明察暗访", headers: headers, rows: [], notes: ["本次考核的规则未读取明察暗访记录（inspections），无明察暗访问题。"])
        }
        let units = Dictionary(results.centers.map { ($0.code, $0) }) { first, _ in first }
        let rows = findings.map { finding -> [Cell] in
            let unit = units[finding.center]
            return [
                .time(finding.inspectedAt), .text(finding.center), .text(unit?.name ?? ""), .text(unit?.region ?? ""),
                .text(Self.modes[finding.mode] ?? finding.mode), .text(LevelNames.names[finding.inspectorLevel] ?? finding.inspectorLevel),
                .text(finding.category), .text(Self.severities[finding.severity] ?? finding.severity), .text(finding.description ?? ""),
                finding.dueAt.map(Cell.time) ?? .empty, finding.rectifiedAt.map(Cell.time) ?? .empty,
            ]
        }
        return Table(name: "明察暗访", headers: headers, rows: rows, notes: ["整改完成为空：尚未整改。"])
    }

    static let modes = ["open": "明察", "covert": "暗访", "video": "视频巡查"]
    static let severities = ["minor": "轻微", "general": "一般", "serious": "严重"]

    // MARK: - 区域统计

    /// Per 设区市 (the overview's order): the units assessed (and their change since the previous run, when given),
    /// the 总体情况's figures, the units per grade and the average total; a total row for the province.
    var regionTable: Table {
        let grades = results.assessment.grades.map(\.name)
        let overview = results.overview ?? Overview(centers: results.centers, grades: grades)
        let changes = previousOverview.map { YearOverYear.regionChanges(current: overview, previous: $0) }
        var headers = ["设区市", "分中心", "现场办理点"]
        if changes != nil { headers += ["分中心增减", "现场办理点增减"] }
        headers += ["办件量", "办结量", "按时办结率", "评价数", "好评率", "差评", "差评整改率", "明察暗访问题"]
        headers += grades.map { "\($0)（个）" } + ["平均总分"]
        let rows = overview.regions.map { regionRow($0, changes: changes, grades: grades) }
        let total = regionTotal(overview, grades: grades)
        let notes = [
            "按时办结率 = 按时办结 ÷ 承诺件办结；好评率 = 好评 ÷ 评价数；差评整改率 = 差评已整改 ÷ 差评；空白：规则未读取相应数据，或分母为 0。"
        ]
        return Table(name: "区域统计", headers: headers, rows: rows, totals: [total], notes: notes)
    }

    /// A region's row: its units (and their change, when a previous overview is given), figures and grades.
    private func regionRow(_ region: Overview.RegionCount, changes: [String: (subCenters: Int, onsitePoints: Int)]?, grades: [String])
        -> [Cell]
    {
        var row: [Cell] = [.text(region.region), .integer(region.subCenters), .integer(region.onsitePoints)]
        if let changes {
            let change = changes[region.region]
            row += [change.map { .number(Double($0.subCenters), .signedInteger) } ?? .empty]
            row += [change.map { .number(Double($0.onsitePoints), .signedInteger) } ?? .empty]
        }
        return row + Self.figures(region.figures) + gradeCells(results.centers.filter { $0.region == region.region }, grades: grades)
    }

    /// The province's row: every region's units (the change counting the units of a region no longer assessed),
    /// the figures over all units, and all units' grades.
    private func regionTotal(_ overview: Overview, grades: [String]) -> [Cell] {
        let units = { (overview: Overview) in
            (overview.regions.reduce(0) { $0 + $1.subCenters }, overview.regions.reduce(0) { $0 + $1.onsitePoints })
        }
        let (subCenters, onsitePoints) = units(overview)
        var total: [Cell] = [.text("合计"), .integer(subCenters), .integer(onsitePoints)]
        if let previousOverview {
            let before = units(previousOverview)
            total += [.number(Double(subCenters - before.0), .signedInteger), .number(Double(onsitePoints - before.1), .signedInteger)]
        }
        return total + Self.figures(overview.figures) + gradeCells(results.centers, grades: grades)
    }

    /// The 总体情况's figures: counts, and rates as fractions (empty when the rules read no such data).
    private static func figures(_ figures: Overview.Figures?) -> [Cell] {
        let count = { (value: Int?) -> Cell in value.map(Cell.integer) ?? .empty }
        let rate = { (part: Int?, whole: Int?) -> Cell in
            guard let part, let whole, whole > 0 else { return .empty }
            return .number(Double(part) / Double(whole), .percent)
        }
        let figures = figures ?? Overview.Figures()
        return [
            count(figures.cases), count(figures.finished), rate(figures.onTime, figures.promisedFinished), count(figures.reviews),
            rate(figures.goodReviews, figures.reviews), count(figures.badReviews), rate(figures.badReviewsRectified, figures.badReviews),
            count(figures.inspections),
        ]
    }

    /// How many of `units` earned each grade, and their average total.
    private func gradeCells(_ units: [CenterResult], grades: [String]) -> [Cell] {
        let counts = grades.map { grade in Cell.integer(units.filter { $0.grade == grade }.count) }
        let average = units.isEmpty ? Cell.empty : .number(units.reduce(0) { $0 + $1.total } / Double(units.count), .points)
        return counts + [average]
    }
}
