import KaopingResults

/// `kaoping explain`: one center's result taken apart — each indicator's population, measure and scoring step with
/// its arithmetic, its points, and the records that cost them; the bonuses, deductions and veto — as text, Markdown
/// or JSON (documented in `docs/cli.md`).
public struct Explanation {
    public let results: ResultsDocument
    public let center: CenterResult
    /// The indicators shown (all, or the one `--indicator` names), by their index in `center.indicators`.
    public let indicators: [Int]
    /// With `--all`, every record per indicator id (else the first N of `results.json`).
    public let all: [String: (records: [EvidenceRecord], count: Int)]?

    public init(results: ResultsDocument, center: CenterResult, indicator: String?, all: [String: (records: [EvidenceRecord], count: Int)]?)
    {
        self.results = results
        self.center = center
        self.indicators = center.indicators.indices.filter { indicator == nil || center.indicators[$0].id == indicator }
        self.all = all
    }

    private func fraction(_ id: String) -> Bool {
        results.assessment.indicators.first { $0.id == id }?.fraction ?? false
    }

    private func adjustmentFraction(_ id: String) -> Bool {
        results.assessment.adjustments.first { $0.id == id }?.fraction ?? false
    }

    /// The records shown for an indicator or adjustment and how many there are in all (`nil`: it names none).
    private func records(_ id: String, _ evidence: [EvidenceRecord]?, _ count: Int?) -> (records: [EvidenceRecord], count: Int)? {
        let first = evidence.map { ($0, count ?? $0.count) }
        guard let all else { return first }
        return all[id] ?? first
    }

    private func records(_ indicator: IndicatorResult) -> (records: [EvidenceRecord], count: Int)? {
        records(indicator.id, indicator.evidence, indicator.evidenceCount)
    }

    // MARK: JSON

    public var json: JSONValue {
        let adjustments = center.adjustments.map { adjustment in
            let shown = records(adjustment.id, adjustment.evidence, adjustment.evidenceCount)
            let evidence: JSONValue = shown.map { .array($0.records.map(\.json)) } ?? .null
            let count: JSONValue = shown.map { .integer(Int64($0.count)) } ?? .null
            var fields: [(String, JSONValue)] = [
                ("kind", .string(adjustment.kind)), ("id", .string(adjustment.id)), ("title", .string(adjustment.title)),
                ("measure", adjustment.measure.map(JSONValue.number) ?? .null), ("points", .number(adjustment.points)),
            ]
            fields += [
                ("gated", .bool(adjustment.gated)), ("held_back", .number(adjustment.heldBack)),
                ("scoring", adjustment.scoring?.json ?? .null),
                ("explanation", .string(ScoringSentence.adjustment(adjustment, fraction: adjustmentFraction(adjustment.id)))),
                ("evidence", evidence), ("evidence_count", count),
            ]
            return JSONValue.object(fields)
        }
        return .object([
            (
                "center",
                .object([
                    ("code", .string(center.code)), ("name", .string(center.name)), ("kind", .string(center.kind)),
                    ("level", .string(center.level)), ("region", .string(center.region)), ("group", .string(center.group)),
                    ("base", .number(center.base)), ("total", .number(center.total)), ("grade", .string(center.grade)),
                    ("rank", .integer(Int64(center.rank))),
                ])
            ),
            ("indicators", .array(indicators.map { indicatorJSON(center.indicators[$0]) })),
            ("adjustments", .array(adjustments)),
            (
                "veto",
                center.veto.map { veto in
                    let shown = records(veto.id, veto.evidence, veto.evidenceCount)
                    return .object([
                        ("id", .string(veto.id)), ("title", .string(veto.title)), ("reason", .string(veto.reason)),
                        ("evidence", shown.map { .array($0.records.map(\.json)) } ?? .null),
                        ("evidence_count", shown.map { .integer(Int64($0.count)) } ?? .null),
                    ])
                } ?? .null
            ),
        ])
    }

    private func indicatorJSON(_ indicator: IndicatorResult) -> JSONValue {
        let shown = records(indicator)
        let population: JSONValue = indicator.population.map { .integer(Int64($0)) } ?? .null
        let numerator: JSONValue = indicator.numerator.map { .integer(Int64($0)) } ?? .null
        let measure: JSONValue = indicator.measure.map(JSONValue.number) ?? .null
        let interval: JSONValue = indicator.interval.map { .array($0.map(JSONValue.number)) } ?? .null
        let evidence: JSONValue = shown.map { .array($0.records.map(\.json)) } ?? .null
        let count: JSONValue = shown.map { .integer(Int64($0.count)) } ?? .null
        let explanation = ScoringSentence.indicator(indicator, fraction: fraction(indicator.id))
        var fields: [(String, JSONValue)] = [
            ("id", .string(indicator.id)), ("title", .string(indicator.title)), ("category", .string(indicator.category)),
            ("status", .string(indicator.status.rawValue)), ("population", population), ("numerator", numerator),
        ]
        fields += [
            ("measure", measure), ("points", .number(indicator.points)), ("max_points", .number(indicator.maxPoints)),
            ("scoring", indicator.scoring?.json ?? .null), ("interval", interval), ("explanation", .string(explanation)),
            ("evidence", evidence), ("evidence_count", count),
        ]
        return .object(fields)
    }

    // MARK: Text and Markdown

    /// Plain text for a terminal.
    public var text: String { render(markdown: false) }

    /// Markdown, for a ticket or a reply to a 申诉.
    public var markdown: String { render(markdown: true) }

    private func render(markdown: Bool) -> String {
        var lines: [String] = []
        let heading = "\(center.name)（\(center.code)）"
        let standing =
            "总分 \(ScoringSentence.points(center.total)) · \(center.grade) · \(center.group == "all" ? "" : "\(center.group) 组内")第 \(center.rank) 名"
        lines += markdown ? ["# \(heading)", "", standing, ""] : [heading, standing, ""]
        lines.append(
            (markdown ? "" : "")
                + "指标得分合计 \(ScoringSentence.points(center.base)) 分（满分 \(ScoringSentence.plain(center.indicators.reduce(0) { $0 + $1.maxPoints })) 分）"
        )
        lines.append("")
        for index in indicators {
            lines += indicatorLines(center.indicators[index], markdown: markdown)
            lines.append("")
        }
        if indicators.count == center.indicators.count {
            for adjustment in center.adjustments {
                let kind = adjustment.kind == "bonus" ? "加分" : "扣分"
                let sign = adjustment.kind == "bonus" ? "+" : "−"
                let title = "\(kind) \(adjustment.title)（\(adjustment.id)）：\(sign)\(ScoringSentence.points(adjustment.points)) 分"
                lines.append(markdown ? "## \(title)" : title)
                if markdown { lines.append("") }
                lines.append((markdown ? "- " : "  ") + ScoringSentence.adjustment(adjustment, fraction: adjustmentFraction(adjustment.id)))
                lines += recordLines(
                    records(adjustment.id, adjustment.evidence, adjustment.evidenceCount), markdown: markdown,
                    title: adjustment.kind == "bonus" ? "未得加分的记录" : "失分记录")
                lines.append("")
            }
            if let veto = center.veto {
                let title = "一票否决：\(veto.title)（\(veto.id)）"
                lines += markdown ? ["## \(title)", "", "- " + veto.reason] : [title, "  \(veto.reason)"]
                lines += recordLines(records(veto.id, veto.evidence, veto.evidenceCount), markdown: markdown, title: "否决依据")
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func indicatorLines(_ indicator: IndicatorResult, markdown: Bool) -> [String] {
        let fraction = fraction(indicator.id)
        let category = indicator.category.isEmpty ? "" : "\(indicator.category)，"
        let title = "\(indicator.title)（\(indicator.id)，\(category)\(ScoringSentence.plain(indicator.maxPoints)) 分）"
        let indent = markdown ? "- " : "  "
        var lines = [markdown ? "## \(title)" : title]
        if markdown { lines.append("") }
        if let population = indicator.population {
            var line = "考核范围 \(population) 件"
            if let numerator = indicator.numerator {
                line += "，符合 \(numerator) 件"
                if let measure = indicator.measure, population > 0 {
                    line += "：\(numerator)÷\(population) = \(ScoringSentence.number(measure, fraction: fraction))"
                }
            } else if let measure = indicator.measure {
                line += "，计量 \(ScoringSentence.number(measure, fraction: fraction))"
            }
            lines.append(indent + line)
        } else if let measure = indicator.measure {
            lines.append(indent + "计量 \(ScoringSentence.number(measure, fraction: fraction))")
        }
        lines.append(indent + "计分：" + ScoringSentence.indicator(indicator, fraction: fraction))
        lines.append(indent + "得分：\(ScoringSentence.points(indicator.points)) / \(ScoringSentence.plain(indicator.maxPoints)) 分")
        return lines + recordLines(records(indicator), markdown: markdown)
    }

    /// The records that cost points, under their count.
    /// `title`: 失分记录 for an indicator or deduction, 未得加分的记录 for a bonus, 否决依据 for a veto.
    private func recordLines(_ shown: (records: [EvidenceRecord], count: Int)?, markdown: Bool, title: String = "失分记录") -> [String] {
        let indent = markdown ? "- " : "  "
        guard let shown else { return [] }
        guard shown.count > 0 else { return [indent + "\(title)：无"] }
        var lines: [String] = []
        let listed = shown.records.count == shown.count ? "全部列出" : "列出前 \(shown.records.count) 件，--all 列出全部"
        lines.append(indent + "\(title)：共 \(shown.count) 件（\(listed)）")
        if markdown, let first = shown.records.first {
            lines.append("")
            lines.append("| 记录 | " + first.values.map { Self.cell($0.label) }.joined(separator: " | ") + " |")
            lines.append("|---|" + String(repeating: "---|", count: first.values.count))
            for record in shown.records {
                lines.append(
                    "| \(Self.cell(record.key)) | " + record.values.map { Self.cell(Self.value($0.value)) }.joined(separator: " | ") + " |")
            }
        } else {
            for record in shown.records {
                lines.append("    \(record.key)：" + record.values.map { "\($0.label) = \(Self.value($0.value))" }.joined(separator: "；"))
            }
        }
        return lines
    }

    /// A record's value as text: numbers without trailing zeros, never in the locale's format.
    static func value(_ scalar: EvidenceValue.Scalar) -> String {
        switch scalar {
        case .null: return "空"
        case .number(let number): return ScoringSentence.plain(number, digits: 4)
        case .text(let text): return text
        case .truth(let truth): return truth ? "是" : "否"
        }
    }

    /// Text safe in a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
