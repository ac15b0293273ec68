import KaopingResults

/// 三、存在问题: the inspection findings in the 通报's sentence form (time, unit, what was found, whether it was
/// rectified), counted by severity and kind, and the indicators where the units lost most.
struct ProblemList {
    var paragraphs: [String] = []
    var findings: [FindingItem] = []
    var weakest: [WeakIndicator] = []

    /// How many of the weakest indicators the 通报 names.
    static let weakestShown = 5

    init(_ results: ResultsDocument, units: UnitIndex) {
        let found = results.overview?.findings ?? []
        findings = found.enumerated().map { index, finding in FindingItem(finding, number: index + 1, units: units) }
        if results.overview?.findings != nil {
            paragraphs.append(Self.summary(found))
        }
        weakest = Self.weakest(results)
        if !weakest.isEmpty {
            paragraphs.append(
                "从指标得分看，平均得分率最低的是" + weakest.map { "“\($0.title)”" }.joined(separator: "、")
                    + "，失分单位多、失分集中，是下一步整改的重点（见下表）。")
        }
    }

    /// The findings in one paragraph: how many, of which severity, how many rectified, the commonest kinds.
    static func summary(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "考核期内，明察暗访未发现被考核单位存在问题。" }
        let units = Set(findings.map(\.center)).count
        var text = "考核期内，明察暗访共发现问题\(ChineseText.count(findings.count))个，涉及\(units)个单位"
        let severities = ["serious", "general", "minor"].compactMap { code -> String? in
            let count = findings.filter { $0.severity == code }.count
            return count > 0 ? "\(ChineseText.name(code, in: ChineseText.severities))\(count)个" : nil
        }
        if !severities.isEmpty { text += "，其中" + severities.joined(separator: "、") }
        let rectified = findings.filter { $0.rectifiedAt != nil }.count
        text += "；已整改\(ChineseText.count(rectified))个，\(ChineseText.count(findings.count - rectified))个未见整改记录。"
        var kinds: [String: Int] = [:]
        for finding in findings { kinds[finding.category, default: 0] += 1 }
        let common = kinds.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
        text += "问题主要集中在" + common.map { "“\(SafeText.visible($0.key))”（\($0.value)个）" }.joined(separator: "、") + "。"
        return text
    }

    /// The indicators with the lowest average share of their points earned, over the units that were scored on them.
    static func weakest(_ results: ResultsDocument) -> [WeakIndicator] {
        let definitions = results.assessment.indicators
        let rows = definitions.compactMap { definition -> (WeakIndicator, Double)? in
            let scored = results.centers.compactMap { center in
                center.indicators.first { $0.id == definition.id && $0.status == .ok && $0.maxPoints > 0 }
            }
            guard !scored.isEmpty else { return nil }
            let rate = scored.reduce(0) { $0 + $1.points / $1.maxPoints } / Double(scored.count)
            let losing = scored.filter { $0.points < $0.maxPoints - 0.005 }
            let lost = losing.reduce(0) { $0 + ($1.maxPoints - $1.points) }
            var level = "—"
            if definition.fraction == true {
                let numerator = scored.compactMap(\.numerator).reduce(0, +)
                let population = scored.compactMap { $0.numerator == nil ? nil : $0.population }.reduce(0, +)
                if population > 0 {
                    level =
                        ChineseText.percent(numerator, of: population)
                        + "（\(ChineseText.count(numerator))/\(ChineseText.count(population))件）"
                }
            }
            let row = WeakIndicator(
                title: SafeText.visible(definition.title), category: SafeText.visible(definition.category),
                points: ScoringSentence.plain(definition.points), scored: scored.count, losing: losing.count,
                averageRate: ScoringSentence.plain(rate * 100, digits: 1) + "%", lost: ScoringSentence.points(lost), level: level)
            return losing.isEmpty ? nil : (row, rate)
        }
        return rows.sorted { $0.1 < $1.1 }.prefix(weakestShown).map(\.0)
    }
}

/// One inspection finding as the 通报 states it.
public struct FindingItem: Sendable {
    public var number: Int
    public var anchor: String
    public var unit: UnitName
    /// `3月13日9:05`.
    public var time: String
    public var mode: String
    public var level: String
    public var category: String
    public var severity: String
    /// The sentence: the unit named in full, then what was found.
    public var sentence: String
    /// What was found, as recorded (or in words from its kind when the record has no description).
    public var fact: String
    /// `已于4月23日整改` / `整改期限4月28日，未见整改记录`.
    public var rectification: String
    public var rectified: Bool

    init(_ finding: Finding, number: Int, units: UnitIndex) {
        self.number = number
        anchor = units.anchor(finding.center)
        unit =
            units.centers[finding.center].map(UnitName.init)
            ?? UnitName(
                CenterResult(
                    code: finding.center, name: finding.center, kind: "", level: "", region: "", group: "", indicators: [], total: 0,
                    grade: "", rank: 0, veto: nil))
        time = ChineseText.dayAndClock(finding.inspectedAt)
        mode = ChineseText.name(finding.mode, in: ChineseText.modes)
        level = ChineseText.name(finding.inspectorLevel, in: ChineseText.levels)
        category = SafeText.visible(finding.category)
        severity = ChineseText.name(finding.severity, in: ChineseText.severities)
        let fact = finding.description.map(SafeText.visible).flatMap { $0.isEmpty ? nil : $0 }
        self.fact = fact ?? "\(time)，\(level)\(mode)发现该单位存在“\(category)”问题。"
        sentence = unit.full + "：" + self.fact
        rectified = finding.rectifiedAt != nil
        if let done = finding.rectifiedAt {
            rectification = "已于\(ChineseText.monthDay(done))整改"
        } else if let due = finding.dueAt {
            rectification = "整改期限\(ChineseText.monthDay(due))，未见整改记录"
        } else {
            rectification = "未见整改记录"
        }
    }
}

/// An indicator where the units lost most.
public struct WeakIndicator: Sendable {
    public var title: String
    public var category: String
    public var points: String
    /// Units scored on it, and of them those that lost points.
    public var scored: Int
    public var losing: Int
    /// The average share of its points earned, `62.3%`.
    public var averageRate: String
    /// The points lost in all.
    public var lost: String
    /// For a rate, the level over all scored units with its counts (`97.1%（1,234/1,271件）`); `—` otherwise.
    public var level: String
}
