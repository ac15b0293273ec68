import KaopingResults

/// `report.md`: the ranking as Markdown, for the analysts' review — it reads well in a diff and renders on any
/// Git host: the title and period, the grade counts, per ranking group a table of rank, unit, code, 设区市, each
/// category's points, the adjustments, total and grade, then the 红黑榜 and the rows left out of the data.
public struct MarkdownReport {
    public let results: ResultsDocument

    public init(results: ResultsDocument) {
        self.results = results
    }

    public func render() -> String {
        let assessment = results.assessment
        var lines: [String] = []
        lines.append("# " + Self.cell(results.notice?.title ?? assessment.title))
        lines.append("")
        if let number = results.notice?.number { lines.append(Self.cell(number)) }
        lines.append("考核期 \(assessment.period.start) 至 \(assessment.period.end)，共考核 \(results.centers.count) 个单位。")
        let grades = assessment.grades.map { grade in
            "\(Self.cell(grade.name)) \(results.centers.filter { $0.grade == grade.name }.count) 个"
        }
        lines.append("考核结果：" + grades.joined(separator: "，") + "。")
        let categories = assessment.categories.filter { !$0.path.contains("/") }
        for group in Self.groups(results.centers) {
            lines += ["", "## 排名（\(Self.cell(group))）", ""]
            lines.append(
                "| 名次 | 单位 | 代码 | 设区市 | " + categories.map { Self.cell($0.path) }.joined(separator: " | ")
                    + (categories.isEmpty ? "" : " | ") + "加扣分 | 总分 | 等次 |")
            lines.append("|---:|---|---|---|" + String(repeating: "---:|", count: categories.count) + "---:|---:|---|")
            for center in results.centers where center.group == group {
                // A category's points already lack the deductions taken from it: the column beside them holds the
                // bonuses and the other deductions, and the parts add up to the total printed beside them.
                let parts = RowParts(center, categories: categories.map(\.path), assessment: assessment)
                let points = parts.columns.map(PublishedRounding.text)
                let grade = Self.cell(center.grade) + (center.veto.map { "（一票否决：\(Self.cell($0.title))）" } ?? "")
                lines.append(
                    "| \(center.rank) | \(Self.cell(center.name)) | \(Self.cell(center.code)) | \(Self.cell(center.region)) | "
                        + points.joined(separator: " | ") + (points.isEmpty ? "" : " | ")
                        + "\(PublishedRounding.text(parts.adjustments)) | \(ScoringSentence.points(roundedTwo(center.total))) | \(grade) |")
            }
        }
        if !results.lists.isEmpty {
            lines += ["", "## 红黑榜", ""]
            let names = Dictionary(results.centers.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            for list in results.lists {
                let named = { (codes: [String]) in codes.map { "\(Self.cell(names[$0] ?? $0))（\(Self.cell($0))）" }.joined(separator: "、") }
                lines.append("- \(Self.cell(list.group)) 红榜：" + named(list.top))
                lines.append("- \(Self.cell(list.group)) 黑榜：" + named(list.bottom))
            }
        }
        if !results.dataQuality.isEmpty {
            lines += ["", "## 未计入的数据", "", "| 表 | 原因 | 行数 |", "|---|---|---:|"]
            lines += results.dataQuality.map { "| \(Self.cell($0.table)) | \(Self.cell($0.reason)) | \($0.rows) |" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The ranking groups in the order the results list them.
    static func groups(_ centers: [CenterResult]) -> [String] {
        var seen: Set<String> = []
        return centers.map(\.group).filter { seen.insert($0).inserted }
    }

    /// Text from data in a Markdown table cell: read as text (no markup, no HTML), one line, bidirectional
    /// controls visible.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in SafeText.visible(text) {
            switch character {
            case "\\", "|", "<", ">", "*", "_", "`", "[", "]", "#": out += "\\" + String(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
