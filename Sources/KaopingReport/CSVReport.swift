import KaopingResults

/// `report.csv`: one row per assessed unit — its group, rank, code, name, 设区市, each indicator's points, the
/// adjustments' sum, total, grade and veto — as UTF-8 with a byte-order mark (so Excel and WPS open the Chinese
/// as Chinese) and CRLF line ends (RFC 4180). Text cells go through `SafeText.cell`; numbers are written as numbers.
public struct CSVReport {
    public let results: ResultsDocument

    public init(results: ResultsDocument) {
        self.results = results
    }

    public func render() -> String {
        let indicators = results.assessment.indicators
        var rows: [[String]] = []
        rows.append(
            (["组", "名次", "单位代码", "单位名称", "设区市"] + indicators.map { "\($0.title)（\(Self.number($0.points))分）" }
                + ["加扣分", "总分", "等次", "一票否决"]).map(Self.text))
        for center in results.centers {
            var row = [
                Self.text(center.group), String(center.rank), Self.text(center.code), Self.text(center.name), Self.text(center.region),
            ]
            // The indicators' points and the adjustments add up to the total printed beside them.
            let parts = RowParts(indicatorsOf: center)
            row += (parts.columns + [parts.adjustments]).map(PublishedRounding.text)
            row += [Self.number(roundedTwo(center.total)), Self.text(center.grade), Self.text(center.veto?.title ?? "")]
            rows.append(row)
        }
        return "\u{FEFF}" + rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A text field: safe for a spreadsheet, quoted when it holds a comma, a quote or a line break.
    static func text(_ value: String) -> String {
        let safe = SafeText.cell(value)
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Points as published: two decimals.
    static func number(_ value: Double) -> String {
        ScoringSentence.points(value)
    }
}
