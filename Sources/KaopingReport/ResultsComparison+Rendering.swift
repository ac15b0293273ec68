import KaopingResults

extension ResultsComparison {
    // MARK: JSON

    /// `{a, b, changes, entered, left, grades, groups}` (documented in `docs/cli.md`).
    public var json: JSONValue {
        let changes = self.changes.map { change -> JSONValue in
            var fields: [(String, JSONValue)] = [
                ("code", .string(change.code)), ("name", .string(change.name)), ("group", .string(change.group)),
                ("total_a", .number(change.totalA)), ("total_b", .number(change.totalB)),
            ]
            fields += [
                ("rank_a", .integer(Int64(change.rankA))), ("rank_b", .integer(Int64(change.rankB))),
                ("grade_a", .string(change.gradeA)), ("grade_b", .string(change.gradeB)),
                ("attribution", .array(change.attribution.map { .object([("part", .string($0.part)), ("delta", .number($0.delta))]) })),
            ]
            return .object(fields)
        }
        let grades = self.grades.map { entry -> JSONValue in
            .object([("from", .string(entry.from)), ("to", .string(entry.to)), ("count", .integer(Int64(entry.count)))])
        }
        let groups = self.groups.map { group -> JSONValue in
            .object([
                ("group", .string(group.group)), ("centers", .integer(Int64(group.centers))),
                ("spearman", group.spearman.map(JSONValue.number) ?? .null), ("kendall", group.kendall.map(JSONValue.number) ?? .null),
            ])
        }
        return .object([
            ("a", Self.stamp(a)), ("b", Self.stamp(b)), ("changes", .array(changes)),
            ("entered", .array(entered.map(JSONValue.string))), ("left", .array(left.map(JSONValue.string))),
            ("grades", .array(grades)), ("groups", .array(groups)),
        ])
    }

    private static func stamp(_ document: ResultsDocument) -> JSONValue {
        let assessment = document.assessment
        return .object([
            ("title", .string(assessment.title)),
            ("period", .object([("start", .string(assessment.period.start)), ("end", .string(assessment.period.end))])),
            ("rules_sha256", .string(assessment.rulesSHA256)), ("data_digest", .string(assessment.dataDigest)),
            ("parameters", .array(assessment.parameters.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) })),
        ])
    }

    // MARK: Text and Markdown

    public var text: String { render(markdown: false) }

    public var markdown: String { render(markdown: true) }

    /// What differs between the two stamps: the rules, the data, the period, the parameters.
    private var differences: [String] {
        var lines: [String] = []
        let (x, y) = (a.assessment, b.assessment)
        if x.rulesSHA256 != y.rulesSHA256 { lines.append("规则文件不同（\(x.rulesSHA256.prefix(12))… → \(y.rulesSHA256.prefix(12))…）") }
        if x.dataDigest != y.dataDigest { lines.append("数据不同（摘要 \(x.dataDigest.prefix(12))… → \(y.dataDigest.prefix(12))…）") }
        if x.period != y.period {
            lines.append("考核期 \(x.period.start)–\(x.period.end) → \(y.period.start)–\(y.period.end)")
        }
        let before = Dictionary(x.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for parameter in y.parameters where before[parameter.name] != parameter.value {
            lines.append("参数 \(parameter.name)：\(before[parameter.name] ?? "（无）") → \(parameter.value)")
        }
        return lines
    }

    private func render(markdown: Bool) -> String {
        let bullet = markdown ? "- " : "  "
        var lines: [String] = []
        lines.append(markdown ? "# 考核结果对比" : "考核结果对比")
        lines.append("")
        lines.append("A：\(a.assessment.title)（\(a.assessment.period.start)–\(a.assessment.period.end)）")
        lines.append("B：\(b.assessment.title)（\(b.assessment.period.start)–\(b.assessment.period.end)）")
        lines += differences.map { bullet + $0 }
        lines.append("")
        lines.append(
            "总分、名次或等次有变的单位 \(changes.count) 个；B 新增 \(entered.count) 个\(entered.isEmpty ? "" : "（\(entered.joined(separator: "、"))）")，"
                + "B 不再考核 \(left.count) 个\(left.isEmpty ? "" : "（\(left.joined(separator: "、"))）")")
        lines.append("")
        lines.append(markdown ? "## 等次变化" : "等次变化（A → B）：")
        if markdown {
            lines += ["", "| A | B | 单位数 |", "|---|---|---:|"]
            lines += grades.map { "| \($0.from) | \($0.to) | \($0.count) |" }
        } else {
            lines += grades.map { "  \($0.from) → \($0.to)：\($0.count)" }
        }
        lines.append("")
        lines.append(markdown ? "## 各组名次相关" : "各组名次相关（A 与 B 同组的单位）：")
        if markdown { lines += ["", "| 组 | 单位数 | Spearman ρ | Kendall τ-b |", "|---|---:|---:|---:|"] }
        for group in groups {
            let rho = group.spearman.map { ScoringSentence.plain($0, digits: 4) } ?? "—"
            let tau = group.kendall.map { ScoringSentence.plain($0, digits: 4) } ?? "—"
            lines.append(
                markdown
                    ? "| \(group.group) | \(group.centers) | \(rho) | \(tau) |"
                    : "  \(group.group)：Spearman \(rho)，Kendall τ-b \(tau)（\(group.centers) 个单位）")
        }
        lines.append("")
        lines.append(markdown ? "## 变化的单位（按总分变化从大到小）" : "变化的单位（按总分变化从大到小）：")
        if markdown { lines.append("") }
        for change in changes {
            let delta = change.totalB - change.totalA
            let head =
                "\(change.name)（\(change.code)，\(change.group)）：总分 \(ScoringSentence.points(change.totalA)) → "
                + "\(ScoringSentence.points(change.totalB))（\(Self.signed(delta))），名次 \(change.rankA) → \(change.rankB)，等次 \(change.gradeA) → \(change.gradeB)"
            lines.append(markdown ? "- " + head : "  " + head)
            let parts = change.attribution.map { "\(label($0.part)) \(Self.signed($0.delta))" }.joined(separator: "；")
            if !parts.isEmpty { lines.append((markdown ? "  - " : "      ") + parts) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A part of an attribution as a reader names it: the indicator's or adjustment's title (from B, else A).
    func label(_ part: String) -> String {
        let words = part.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2 else { return part == "floor at 0" ? "总分不低于 0" : part }
        let (kind, id) = (words[0], words[1])
        let indicator = (b.assessment.indicators + a.assessment.indicators).first { $0.id == id }?.title ?? id
        let adjustment = (b.assessment.adjustments + a.assessment.adjustments).first { $0.id == id }?.title ?? id
        let veto = (b.assessment.vetoes + a.assessment.vetoes).first { $0.id == id }?.title ?? id
        switch kind {
        case "indicator": return indicator
        case "redistribution": return "再分配（\(indicator)）"
        case "bonus": return "加分 " + adjustment
        case "deduction": return "扣分 " + adjustment
        case "veto": return "一票否决 " + veto
        default: return part
        }
    }

    /// A change of points, signed, two decimals (more when it would read as 0).
    static func signed(_ delta: Double) -> String {
        let digits = abs(delta) >= 0.005 || delta == 0 ? 2 : 6
        let text = ScoringSentence.plain(abs(delta), digits: digits)
        return (delta < 0 ? "−" : "+") + text
    }

    // MARK: HTML

    /// A page for a browser: the stamps, the grade matrix, the groups' agreement, the changes with their parts.
    public var html: String {
        var body: [String] = []
        body.append("<h1>考核结果对比</h1>")
        body.append(
            "<p>A：\(escapeHTML(a.assessment.title))（\(escapeHTML(a.assessment.period.start))–\(escapeHTML(a.assessment.period.end))）<br>")
        body.append(
            "B：\(escapeHTML(b.assessment.title))（\(escapeHTML(b.assessment.period.start))–\(escapeHTML(b.assessment.period.end))）</p>")
        if !differences.isEmpty { body.append("<ul>" + differences.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>") }
        body.append("<p>总分、名次或等次有变的单位 \(changes.count) 个；B 新增 \(entered.count) 个，不再考核 \(left.count) 个。</p>")
        body.append("<h2>等次变化</h2><table><tr><th>A</th><th>B</th><th>单位数</th></tr>")
        body += grades.map { "<tr><td>\(escapeHTML($0.from))</td><td>\(escapeHTML($0.to))</td><td class=n>\($0.count)</td></tr>" }
        body.append("</table><h2>各组名次相关</h2><table><tr><th>组</th><th>单位数</th><th>Spearman ρ</th><th>Kendall τ-b</th></tr>")
        for group in groups {
            let rho = group.spearman.map { ScoringSentence.plain($0, digits: 4) } ?? "—"
            let tau = group.kendall.map { ScoringSentence.plain($0, digits: 4) } ?? "—"
            body.append(
                "<tr><td>\(escapeHTML(group.group))</td><td class=n>\(group.centers)</td><td class=n>\(rho)</td><td class=n>\(tau)</td></tr>"
            )
        }
        body.append("</table><h2>变化的单位</h2><table><tr><th>单位</th><th>组</th><th>总分</th><th>变化</th><th>名次</th><th>等次</th><th>来自</th></tr>")
        for change in changes {
            let parts = change.attribution.map { "\(escapeHTML(label($0.part))) \(Self.signed($0.delta))" }.joined(separator: "<br>")
            body.append(
                "<tr><td>\(escapeHTML(change.name))<br><small>\(escapeHTML(change.code))</small></td><td>\(escapeHTML(change.group))</td>"
                    + "<td class=n>\(ScoringSentence.points(change.totalA)) → \(ScoringSentence.points(change.totalB))</td>"
                    + "<td class=n>\(Self.signed(change.totalB - change.totalA))</td><td class=n>\(change.rankA) → \(change.rankB)</td>"
                    + "<td>\(escapeHTML(change.gradeA)) → \(escapeHTML(change.gradeB))</td><td>\(parts)</td></tr>")
        }
        body.append("</table>")
        let style = """
            body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; } th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; vertical-align: top; }
            th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; } small { color: #666; }
            """
        return
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>考核结果对比</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
            + body.joined(separator: "\n") + "\n</body>\n</html>\n"
    }
}
