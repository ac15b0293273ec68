import KaopingResults

/// One unit's sheet (一单位一单): its rank and grade, every indicator's measure, points and scoring step, the
/// records behind each lost point, its bonuses and deductions, any veto or grade limit, its findings, and what it
/// must rectify.
public struct CenterDetail: Sendable {
    public var anchor: String
    public var unit: UnitName
    public var group: String
    public var rank: Int
    /// How many units its group ranks.
    public var ranked: Int
    public var total: String
    public var grade: String
    public var veto: String?
    public var limits: [String]
    public var rankChange: String?
    public var totalChange: String?
    public var indicators: [DetailLine]
    public var adjustments: [DetailLine]
    public var hasAdjustments: Bool
    /// The bonuses and deductions that moved its total, in one line (`代办帮办服务 +0.75、…`), `nil` when none did.
    public var adjusted: String?
    /// The indicators where it lost points, with how many (for the sheet's summary and the HTML's compact view).
    public var lost: [DetailLine]
    public var hasLost: Bool
    public var fullMarks: Int?
    public var findings: [FindingItem]
    public var hasFindings: Bool
    /// What it must rectify: one line per indicator that lost points, per deduction, per finding not rectified.
    public var rectify: [String]

    init(_ center: CenterResult, results: ResultsDocument, units: UnitIndex, layout: RankingLayout, changes: YearOverYear?) {
        anchor = units.anchor(center.code)
        unit = UnitName(center)
        group = SafeText.visible(LevelNames.groupLabel(center.group, columns: results.assessment.groupBy))
        rank = center.rank
        ranked = units.groupSizes[center.group] ?? 0
        total = ScoringSentence.points(roundedTwo(center.total))
        grade = SafeText.visible(center.grade)
        veto = center.veto.map { SafeText.visible("\($0.title)：\($0.reason)") }
        limits = (center.gradeLimits ?? []).map { SafeText.visible("\($0.title)：\($0.reason)（\($0.gradeBefore) → \(center.grade)）") }
        let change = changes?.change(center.code)
        rankChange = change.flatMap { $0.rankText.isEmpty ? nil : $0.rankText }
        totalChange = change.flatMap { $0.totalText.isEmpty ? nil : $0.totalText }
        let fractions = Dictionary(results.assessment.indicators.map { ($0.id, $0.fraction == true) }) { first, _ in first }
        indicators = center.indicators.map { DetailLine(indicator: $0, fraction: fractions[$0.id] ?? false) }
        let adjustmentFractions = Dictionary(results.assessment.adjustments.map { ($0.id, $0.fraction == true) }) { first, _ in first }
        adjustments = center.adjustments.map { DetailLine(adjustment: $0, fraction: adjustmentFractions[$0.id] ?? false) }
        hasAdjustments = !adjustments.isEmpty
        let moved = center.adjustments.filter { $0.points > 0 }.map { adjustment in
            SafeText.visible(adjustment.title) + (adjustment.kind == "bonus" ? " +" : " −") + ScoringSentence.points(adjustment.points)
        }
        adjusted = moved.isEmpty ? nil : moved.joined(separator: "、")
        lost = indicators.filter(\.lostPoints)
        hasLost = !lost.isEmpty
        let full = indicators.filter { $0.pointsValue > 0 && !$0.lostPoints && $0.points == $0.maxPoints }.count
        fullMarks = full > 0 ? full : nil
        findings = (units.findings[center.code] ?? []).map { FindingItem($0.finding, number: $0.number, units: units) }
        hasFindings = !findings.isEmpty
        // Each line's parts, the empty ones left out: "按时办结率：98.5%（65/66件），失2.27分，失分记录共1条".
        let line = { (title: String, parts: [String]) in title + "：" + parts.filter { !$0.isEmpty && $0 != "—" }.joined(separator: "，") }
        rectify =
            lost.map { line($0.title, [$0.measure, "失\($0.lostText)分", $0.recordsNote]) }
            + adjustments.filter { $0.isDeduction && $0.pointsValue > 0 }.map { line($0.title, ["扣\($0.points)分", $0.recordsNote]) }
            + findings.filter { !$0.rectified }.map { "\($0.time) \($0.category)（\($0.severity)）：\($0.rectification)" }
        if let veto { rectify.insert("一票否决：\(veto)", at: 0) }
    }
}

/// One indicator or adjustment of a unit's sheet.
public struct DetailLine: Sendable {
    public var title: String
    public var category: String
    /// The measure as published (`98.5%（65/66件）`), or the status (`不适用`).
    public var measure: String
    public var points: String
    public var pointsValue: Double
    public var maxPoints: String
    public var lostPoints: Bool
    public var lostText: String
    /// How the score rule gave the points, in words with its numbers; `rule` the same without the title and
    /// measure it starts with (for a line that names them already).
    public var step: String
    public var rule: String
    /// The first record's key, for a one-line mention (`nil` when it names none).
    public var firstKey: String?
    public var records: [RecordLine]
    /// `共 83 条，列出前 5 条` / `共 3 条` / empty when it names no records.
    public var recordsNote: String
    /// How many records there are in all (`nil` when it names none).
    public var recordCount: Int?
    public var hasRecords: Bool
    public var isDeduction: Bool

    init(indicator result: IndicatorResult, fraction: Bool) {
        title = SafeText.visible(result.title)
        category = SafeText.visible(result.category)
        measure = ChineseText.status(result.status) ?? ChineseText.measure(result, fraction: fraction)
        pointsValue = result.points
        points = ScoringSentence.points(result.points)
        maxPoints = ScoringSentence.points(result.maxPoints)
        let lost = result.maxPoints - result.points
        lostPoints = result.status == .ok && lost > 0.005
        lostText = ScoringSentence.points(lost)
        let sentence = SafeText.visible(ScoringSentence.indicator(result, fraction: fraction))
        step = sentence
        let comma = sentence.firstIndex(of: "，").map { sentence.index(after: $0) } ?? sentence.startIndex
        rule = sentence.hasPrefix(SafeText.visible(result.title) + " ") ? String(sentence[comma...]) : sentence
        records = (result.evidence ?? []).map(RecordLine.init)
        firstKey = records.first?.key
        recordsNote = Self.note(shown: records.count, count: result.evidenceCount)
        recordCount = result.evidenceCount
        hasRecords = !records.isEmpty
        isDeduction = false
    }

    init(adjustment result: AdjustmentResult, fraction: Bool) {
        title = SafeText.visible(result.title) + (result.kind == "bonus" ? "（加分）" : "（扣分）")
        category = ""
        measure = result.measure.map { ScoringSentence.number($0, fraction: fraction) } ?? "—"
        pointsValue = result.points
        points = ScoringSentence.points(result.points)
        maxPoints = ""
        lostPoints = false
        lostText = ""
        step = SafeText.visible(ScoringSentence.adjustment(result, fraction: fraction))
        rule = step
        records = (result.evidence ?? []).map(RecordLine.init)
        firstKey = records.first?.key
        recordsNote = Self.note(shown: records.count, count: result.evidenceCount)
        recordCount = result.evidenceCount
        hasRecords = !records.isEmpty
        isDeduction = result.kind == "deduction"
    }

    static func note(shown: Int, count: Int?) -> String {
        guard let count else { return "" }
        if count == 0 { return "无失分记录" }
        return shown < count ? "失分记录共\(count)条，列出前\(shown)条" : "失分记录共\(count)条"
    }
}

/// One record behind lost points: its key and the values that decided it.
public struct RecordLine: Sendable {
    public var key: String
    public var values: String

    init(_ record: EvidenceRecord) {
        key = SafeText.visible(record.key)
        values = SafeText.visible(
            record.values.map { "\($0.label)＝\(Explanation.value($0.value))" }.joined(separator: "；"))
    }
}
