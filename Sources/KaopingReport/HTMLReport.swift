import KaopingResults

/// The first ranked report: one self-contained HTML page in Chinese, every data string escaped.
public struct HTMLReport {
    let results: ResultsDocument
    /// The SHA-256 of the `results.json` written beside the page, which it was rendered from (printed in its stamp).
    let resultsSHA256: String?

    public init(results: ResultsDocument, resultsSHA256: String? = nil) {
        self.results = results
        self.resultsSHA256 = resultsSHA256
    }

    /// The page.
    public func render() -> String {
        let assessment = results.assessment
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeHTML(assessment.title))</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 78em; color: #222; }
            h1 { font-size: 1.6em; text-align: center; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #999; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9em; } th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; }
            th { background: #eee; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.veto td { background: #fde8e8; } .stamp { font-size: 0.8em; color: #666; word-break: break-all; }
            .grade-优秀 { color: #0a6b2d; font-weight: bold; } .grade-不合格 { color: #b00020; font-weight: bold; }
            @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>\(escapeHTML(assessment.title))结果通报</h1>

            """
        html += overview()
        for group in groups() {
            html += ranking(group.key, group.centers)
        }
        html += stamp()
        html += "</body>\n</html>\n"
        return html
    }

    private func groups() -> [(key: String, centers: [CenterResult])] {
        var order: [String] = []
        var members: [String: [CenterResult]] = [:]
        for center in results.centers {
            if members[center.group] == nil { order.append(center.group) }
            members[center.group, default: []].append(center)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    private func overview() -> String {
        let assessment = results.assessment
        var counts: [String: Int] = [:]
        for center in results.centers { counts[center.grade, default: 0] += 1 }
        let gradeText = assessment.grades.map { "\(escapeHTML($0.name)) \(counts[$0.name] ?? 0) 个" }.joined(separator: "，")
        let vetoed = results.centers.filter { $0.veto != nil }.count
        return """
            <h2>一、总体情况</h2>
            <p>考核期 \(escapeHTML(assessment.period.start)) 至 \(escapeHTML(assessment.period.end))，共考核 \(results.centers.count) 个单位，\
            设 \(assessment.indicators.count) 项指标。考核结果：\(gradeText)；其中 \(vetoed) 个单位因一票否决事项定为最低等次。</p>

            """
    }

    private func ranking(_ group: String, _ centers: [CenterResult]) -> String {
        let indicators = results.assessment.indicators
        let label = LevelNames.groupLabel(group, columns: results.assessment.groupBy)
        var html = "<h2>二、排名（\(escapeHTML(label))）</h2>\n<table>\n<thead><tr><th>名次</th><th>单位</th>"
        for indicator in indicators {
            html += "<th>\(escapeHTML(indicator.title))<br>（\(fixed(indicator.points, 0))分）</th>"
        }
        html += "<th>总分</th><th>等次</th></tr></thead>\n<tbody>\n"
        for center in centers {
            html += center.veto == nil ? "<tr>" : "<tr class=\"veto\">"
            html += "<td class=\"n\">\(center.rank)</td><td>\(escapeHTML(center.name))</td>"
            for indicator in indicators {
                let result = center.indicators.first { $0.id == indicator.id }
                switch result?.status {
                case .ok?: html += "<td class=\"n\">\(fixed(result?.points ?? 0, 2))</td>"
                case .empty?: html += "<td class=\"n\">\(fixed(result?.points ?? 0, 2))（无业务）</td>"
                case .notApplicable?: html += "<td class=\"n\">不适用</td>"
                case .insufficientData?: html += "<td class=\"n\">样本不足</td>"
                case nil: html += "<td></td>"
                }
            }
            let veto = center.veto.map { "（否决：\(escapeHTML($0.title))）" } ?? ""
            html +=
                "<td class=\"n\">\(fixed(center.total, 2))</td><td class=\"grade-\(escapeHTML(center.grade))\">\(escapeHTML(center.grade))\(veto)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func stamp() -> String {
        let assessment = results.assessment
        let parameters = assessment.parameters.map { "\(escapeHTML($0.name))=\(escapeHTML($0.value))" }.joined(separator: "，")
        return """
            <p class="stamp">规则文件 SHA-256：\(escapeHTML(assessment.rulesSHA256))<br>数据摘要：\(escapeHTML(assessment.dataDigest))<br>\
            \(resultsSHA256.map { "据以生成本页的 results.json SHA-256：\(escapeHTML($0))<br>" } ?? "")\
            参数：\(parameters.isEmpty ? "无" : parameters)<br>引擎版本：Kaoping \(escapeHTML(assessment.engineVersion))</p>

            """
    }
}

/// Chinese names of the codes that form ranking groups.
enum LevelNames {
    static let names = [
        "province": "省级", "city": "市级", "county": "县级", "sub_center": "分中心", "onsite_point": "现场办理点", "center": "综合性中心",
    ]

    static func groupLabel(_ group: String, columns: [String]) -> String {
        guard !columns.isEmpty else { return "全部单位" }
        return group.split(separator: "/").map { names[String($0)] ?? String($0) }.joined(separator: "·")
    }
}
