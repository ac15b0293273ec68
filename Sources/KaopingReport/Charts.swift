import KaopingResults

/// The 通报's charts as inline SVG (no script, no network): the grades per group, a heat map of every unit's share
/// of each indicator's points, and the spread of totals per region. Labels are escaped; sizes are in the SVG's
/// own units and scale with the page.
enum Charts {
    /// Grade colours, best first; the last grade is always red.
    static let gradeColors = ["#2e7d32", "#66bb6a", "#f9a825", "#ef6c00", "#c62828"]

    static func gradeColor(_ index: Int, of count: Int) -> String {
        index == count - 1 ? gradeColors[gradeColors.count - 1] : gradeColors[min(index, gradeColors.count - 2)]
    }

    /// One stacked bar per group: how many of its units earned each grade.
    static func grades(_ results: ResultsDocument) -> String {
        let grades = results.assessment.grades.map(\.name)
        let entries = results.overview?.grades ?? []
        var groups: [String] = []
        for entry in entries where !groups.contains(entry.group) { groups.append(entry.group) }
        guard !groups.isEmpty, !grades.isEmpty else { return "" }
        let (left, width, bar, gap) = (110.0, 560.0, 26.0, 12.0)
        let height = Double(groups.count) * (bar + gap) + 40
        var svg = svgOpen(width: left + width + 20, height: height, label: "各组等次分布")
        for (row, group) in groups.enumerated() {
            let y = 10 + Double(row) * (bar + gap)
            let counts = grades.map { grade in entries.first { $0.group == group && $0.grade == grade }?.count ?? 0 }
            let total = max(1, counts.reduce(0, +))
            svg += text(x: left - 8, y: y + bar / 2 + 5, LevelNames.groupLabel(group, columns: results.assessment.groupBy), anchor: "end")
            var x = left
            for (index, count) in counts.enumerated() where count > 0 {
                let w = width * Double(count) / Double(total)
                svg +=
                    "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(bar))\" fill=\"\(gradeColor(index, of: grades.count))\">"
                svg += "<title>\(escapeHTML(grades[index])) \(count)个</title></rect>"
                if w > 28 { svg += text(x: x + w / 2, y: y + bar / 2 + 5, "\(count)", anchor: "middle", fill: "#fff") }
                x += w
            }
        }
        svg += legend(grades.enumerated().map { ($0.element, gradeColor($0.offset, of: grades.count)) }, x: left, y: height - 14)
        return svg + "</svg>"
    }

    /// Heat-map buckets of a unit's share of an indicator's points, best first, then "not scored".
    static let buckets: [(label: String, color: String)] = [
        ("满分", "#1b5e20"), ("80%以上", "#81c784"), ("60%–80%", "#fdd835"), ("60%以下", "#fb8c00"), ("0分", "#c62828"), ("不计分", "#cfd8dc"),
    ]

    static func bucket(_ result: IndicatorResult?) -> Int {
        guard let result, result.status == .ok || result.status == .empty, result.maxPoints > 0 else { return 5 }
        let share = result.points / result.maxPoints
        return share >= 0.995 ? 0 : share >= 0.8 ? 1 : share >= 0.6 ? 2 : share > 0.005 ? 3 : 4
    }

    /// Units (columns, in ranking order, groups side by side) × indicators (rows): each cell coloured by the share
    /// of the indicator's points the unit earned. Each row is drawn as runs of one colour, so the picture of
    /// thousands of units stays small.
    static func heatMap(_ results: ResultsDocument) -> String {
        let indicators = results.assessment.indicators
        let centers = results.centers
        guard !indicators.isEmpty, !centers.isEmpty else { return "" }
        let (left, width, rowHeight) = (150.0, 720.0, 16.0)
        let height = Double(indicators.count) * rowHeight
        var svg = svgOpen(width: left + width + 10, height: height + 60, label: "单位×指标得分率热力图")
        for (row, indicator) in indicators.enumerated() {
            svg += text(x: left - 6, y: Double(row) * rowHeight + 12, indicator.title, anchor: "end", size: 11)
        }
        svg +=
            "<svg x=\"\(n(left))\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(centers.count) \(indicators.count)\""
        svg += " preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\">"
        var paths = Array(repeating: "", count: buckets.count)
        for (row, indicator) in indicators.enumerated() {
            var start = 0
            var current = -1
            for column in 0...centers.count {
                let value = column < centers.count ? bucket(centers[column].indicators.first { $0.id == indicator.id }) : -1
                if value != current {
                    if current >= 0 { paths[current] += "M\(start) \(row).5h\(column - start)" }
                    (start, current) = (column, value)
                }
            }
        }
        for (index, path) in paths.enumerated() where !path.isEmpty {
            svg += "<path d=\"\(path)\" stroke=\"\(buckets[index].color)\" stroke-width=\"1\" fill=\"none\"/>"
        }
        // Lines between the ranking groups.
        for (index, center) in centers.enumerated() where index > 0 && center.group != centers[index - 1].group {
            svg += "<path d=\"M\(index) 0v\(indicators.count)\" stroke=\"#000\" stroke-width=\"\(n(Double(centers.count) / width))\"/>"
        }
        svg += "</svg>"
        svg += text(x: left, y: height + 16, "← 各组按名次由高到低排列，组间以竖线分隔（共\(centers.count)个单位）", size: 11)
        svg += legend(buckets.map { ($0.label, $0.color) }, x: left, y: height + 42)
        return svg + "</svg>"
    }

    /// Per region, the spread of its units' totals: the range, the middle half as a box, the median as a line.
    static func regions(_ results: ResultsDocument) -> String {
        var order: [String] = []
        for region in results.overview?.regions.map(\.region) ?? [] where !order.contains(region) { order.append(region) }
        guard !order.isEmpty else { return "" }
        let top = max(results.assessment.total ?? 100, results.centers.map(\.total).max() ?? 0)
        // The axis starts at the tens below the lowest total, so the boxes are not squeezed to the right.
        let bottom = min(top - 10, ((results.centers.map(\.total).min() ?? 0) / 10).rounded(.down) * 10)
        let (left, width, rowHeight) = (110.0, 560.0, 22.0)
        let height = Double(order.count) * rowHeight + 36
        var svg = svgOpen(width: left + width + 20, height: height, label: "各设区市总分分布")
        let x = { (value: Double) in left + width * max(0, min(1, (value - bottom) / max(top - bottom, 1))) }
        for tick in stride(from: bottom, through: top, by: top - bottom > 50 ? 20 : 10) {
            svg += "<path d=\"M\(n(x(tick))) 4V\(n(height - 28))\" stroke=\"#e0e0e0\"/>"
            svg += text(x: x(tick), y: height - 14, ScoringSentence.plain(tick), anchor: "middle", size: 11)
        }
        for (row, region) in order.enumerated() {
            let totals = results.centers.filter { $0.region == region }.map(\.total).sorted()
            guard let low = totals.first, let high = totals.last else { continue }
            let y = 6 + Double(row) * rowHeight
            let (q1, median, q3) = (quantile(totals, 0.25), quantile(totals, 0.5), quantile(totals, 0.75))
            svg += text(x: left - 8, y: y + 12, region, anchor: "end", size: 12)
            svg += "<path d=\"M\(n(x(low))) \(n(y + 8))H\(n(x(high)))\" stroke=\"#546e7a\"/>"
            svg +=
                "<rect x=\"\(n(x(q1)))\" y=\"\(n(y + 2))\" width=\"\(n(max(1, x(q3) - x(q1))))\" height=\"12\" fill=\"#90caf9\" stroke=\"#1565c0\">"
            svg += "<title>\(escapeHTML(region))：\(totals.count)个单位，最低\(ScoringSentence.points(low))，中位数\(ScoringSentence.points(median))，"
            svg += "最高\(ScoringSentence.points(high))</title></rect>"
            svg += "<path d=\"M\(n(x(median))) \(n(y + 1))v14\" stroke=\"#0d47a1\" stroke-width=\"2\"/>"
        }
        return svg + "</svg>"
    }

    /// The `q` quantile of sorted `values`, by linear interpolation.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let position = q * Double(values.count - 1)
        let low = Int(position)
        let high = min(low + 1, values.count - 1)
        return values[low] + (values[high] - values[low]) * (position - Double(low))
    }

    static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(label))\""
            + " font-family=\"Noto Sans CJK SC, Microsoft YaHei, sans-serif\">"
    }

    static func text(x: Double, y: Double, _ content: String, anchor: String = "start", size: Double = 13, fill: String = "#222") -> String
    {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" fill=\"\(fill)\">"
            + escapeHTML(SafeText.visible(content)) + "</text>"
    }

    static func legend(_ items: [(String, String)], x: Double, y: Double) -> String {
        var svg = ""
        var position = x
        for (label, color) in items {
            svg += "<rect x=\"\(n(position))\" y=\"\(n(y - 10))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            svg += text(x: position + 16, y: y, label, size: 11)
            position += 30 + Double(label.count) * 12
        }
        return svg
    }

    /// A coordinate with at most two decimals.
    static func n(_ value: Double) -> String { ScoringSentence.plain(value) }
}
