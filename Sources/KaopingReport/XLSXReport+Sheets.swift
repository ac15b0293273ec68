import KaopingResults

/// The workbook's sheets, each built as a table of cells: the rankings, the indicators' points and the records that
/// cost points (the figures and findings are in `XLSXReport+Overview.swift`).
extension XLSXReport {
    typealias Table = XLSXWorkbook.Table
    typealias Cell = XLSXWorkbook.Cell

    /// Every sheet, in order.
    var tables: [Table] {
        rankingTables + [indicatorTable, evidenceTable, findingsTable, regionTable]
    }

    // MARK: - 排名

    /// One ranking sheet per group, in the results' group order; its rows in rank order (a county sheet keeps 设区市 so
    /// it can be filtered by city).
    var rankingTables: [Table] {
        var groups: [String] = []
        for center in results.centers where !groups.contains(center.group) { groups.append(center.group) }
        let columns = pointColumns
        let paths = columns.compactMap(\.path)
        var headers = ["名次", "单位名称", "单位代码", "设区市", "类型"] + columns.map(\.header) + ["加减分", "总分", "等次", "一票否决"]
        if changes != nil { headers += ["名次变化", "总分变化"] }
        var notes: [String] = []
        if let changes { notes.append("名次变化、总分变化：与“\(changes.previousTitle)”（\(changes.previousPeriod)）相比；名次只在同一组内比较。") }
        return groups.map { group in
            let label = LevelNames.groupLabel(group, columns: results.assessment.groupBy)
            let rows = results.centers.filter { $0.group == group }.sorted { ($0.rank, $0.code) < ($1.rank, $1.code) }
                .map { rankingRow($0, categories: paths) }
            return Table(name: "排名（\(label)）", headers: headers, rows: rows, notes: notes)
        }
    }

    /// The point columns of a ranking row: the top-level categories the rules declare, else the indicators.
    private var pointColumns: [(header: String, path: String?)] {
        let categories = results.assessment.categories.filter { !$0.path.contains("/") }
        guard !categories.isEmpty else {
            return results.assessment.indicators.map { (Self.header($0.title, points: $0.points), nil) }
        }
        return categories.map { (Self.header($0.path, points: $0.points), $0.path) }
    }

    /// A unit's ranking row; its points by the top-level `categories` (none: by its indicators).
    private func rankingRow(_ center: CenterResult, categories paths: [String]) -> [Cell] {
        let parts = paths.isEmpty ? RowParts(indicatorsOf: center) : RowParts(center, categories: paths, assessment: results.assessment)
        var row: [Cell] = [
            .integer(center.rank), .text(center.name), .text(center.code), .text(center.region), .text(Self.kindName(center.kind)),
        ]
        row += parts.columns.map(Cell.cents) + [.cents(parts.adjustments), .number(roundedTwo(center.total), .points)]
        row += [.text(center.grade), .text(center.veto?.title ?? "")]
        if let changes {
            let change = changes.change(center.code)
            row += [.text(change?.rankText ?? ""), change?.totalCents.map { .number(Double($0) / 100, .signedPoints) } ?? .empty]
        }
        return row
    }

    // MARK: - 指标得分

    /// One row per unit: its points under every indicator, and beside an indicator whose measure is a fraction the
    /// measure as a percentage; empty where the indicator was not scored (not applicable, too few records).
    var indicatorTable: Table {
        let indicators = results.assessment.indicators
        var headers = ["单位代码", "单位名称", "设区市", "组别"]
        for indicator in indicators {
            headers.append(Self.header(indicator.title, points: indicator.points))
            if indicator.fraction == true { headers.append("\(indicator.title)\n（比率）") }
        }
        let rows = results.centers.map { center -> [Cell] in
            let byID = Dictionary(center.indicators.map { ($0.id, $0) }) { first, _ in first }
            var row: [Cell] = [
                .text(center.code), .text(center.name), .text(center.region),
                .text(LevelNames.groupLabel(center.group, columns: results.assessment.groupBy)),
            ]
            for indicator in indicators {
                let result = byID[indicator.id]
                let scored = result.map { $0.status != .notApplicable && $0.status != .insufficientData } ?? false
                row.append(scored ? .number(roundedTwo(result?.points ?? 0), .points) : .empty)
                if indicator.fraction == true {
                    row.append(scored ? result?.measure.map { .number($0, .percent) } ?? .empty : .empty)
                }
            }
            return row
        }
        let notes = [
            "空白：该项不适用（考核范围为空）或样本不足（少于规则规定的最低件数），不计分，其分值按比例并入同类其他指标。",
            "比率：指标的测量值（如按时办结率）；得分按规则由比率换算。",
        ]
        return Table(name: "指标得分", headers: headers, rows: rows, notes: notes)
    }

    // MARK: - 问题清单

    /// One row per record that cost a unit points — under an indicator, a bonus not earned, a deduction, a veto — with
    /// how many such records the unit has under that item (the results list only the first few).
    var evidenceTable: Table {
        let headers = ["单位代码", "单位名称", "设区市", "指标/项目", "记录编号", "记录内容", "该项记录总数"]
        var rows: [[Cell]] = []
        for center in results.centers {
            for item in Self.evidenceItems(center) {
                for record in item.records {
                    rows.append([
                        .text(center.code), .text(center.name), .text(center.region), .text(item.title), .text(record.key),
                        .text(record.values.map { "\($0.label)：\(Explanation.value($0.value))" }.joined(separator: "；")),
                        .integer(item.count),
                    ])
                }
            }
        }
        let notes = ["每个单位每项只列出规则 evidence 设定的前若干条记录（按记录编号）；“该项记录总数”是该项的全部记录数。"]
        return Table(name: "问题清单", headers: headers, rows: rows, notes: notes)
    }

    /// A unit's items with records: its indicators, bonuses and deductions, then its veto.
    private static func evidenceItems(_ center: CenterResult) -> [(title: String, records: [EvidenceRecord], count: Int)] {
        var items = center.indicators.map { ($0.title, $0.evidence ?? [], $0.evidenceCount) }
        items += center.adjustments.map { (($0.kind == "bonus" ? "加分项：" : "扣分项：") + $0.title, $0.evidence ?? [], $0.evidenceCount) }
        if let veto = center.veto { items.append(("一票否决：" + veto.title, veto.evidence ?? [], veto.evidenceCount)) }
        return items.filter { !$0.1.isEmpty }.map { ($0.0, $0.1, max($0.2 ?? 0, $0.1.count)) }
    }


    // MARK: - Names

    /// A column header with the points it is out of, on a line of its own: `按时办结率\n（15分）`.
    static func header(_ title: String, points: Double?) -> String {
        points.map { "\(title)\n（\(ScoringSentence.plain($0))分）" } ?? title
    }

    /// 分中心 or 现场办理点 (another kind as written).
    static func kindName(_ kind: String) -> String {
        LevelNames.names[kind] ?? kind
    }
}
