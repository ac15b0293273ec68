import Foundation
import KaopingEval
import KaopingResults

extension Sensitivity {
    /// `{spread, variants, groups: [{group, min_spearman, spearman_variant, max_rank_move, move_center, move_variant}],
    /// flips: [{code, name, grade, flips_to, indicator, factor, points}]}` (documented in `docs/cli.md`).
    var json: JSONValue {
        func variant(_ variant: Variant?) -> JSONValue {
            variant.map {
                .object([("indicator", .string($0.indicator)), ("factor", .number($0.factor)), ("points", .number($0.points))])
            } ?? .null
        }
        let groups = self.groups.map { group -> JSONValue in
            .object([
                ("group", .string(group.group)), ("min_spearman", group.minimumSpearman.map(JSONValue.number) ?? .null),
                ("spearman_variant", variant(group.spearmanVariant)), ("max_rank_move", .integer(Int64(group.maximumRankMove))),
                ("move_center", group.moveCenter.map(JSONValue.string) ?? .null), ("move_variant", variant(group.moveVariant)),
            ])
        }
        let flips = self.flips.map { flip -> JSONValue in
            .object([
                ("code", .string(flip.code)), ("name", .string(flip.name)), ("grade", .string(flip.grade)),
                ("flips_to", .string(flip.flipsTo)), ("indicator", .string(flip.variant.indicator)),
                ("factor", .number(flip.variant.factor)), ("points", .number(flip.variant.points)),
            ])
        }
        return .object([
            ("spread", .number(spread)), ("variants", .integer(Int64(variants.count))), ("groups", .array(groups)),
            ("flips", .array(flips)),
        ])
    }

    /// The analysis in Chinese, as text or Markdown.
    func report(markdown: Bool, results: ResultsDocument) -> String {
        let titles = Dictionary(results.assessment.indicators.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let original = Dictionary(results.assessment.indicators.map { ($0.id, $0.points) }, uniquingKeysWith: { first, _ in first })
        func describe(_ variant: Variant?) -> String {
            guard let variant else { return "—" }
            let from = original[variant.indicator].map { String(format: "%g", $0) } ?? "?"
            return "\(titles[variant.indicator] ?? variant.indicator) \(from) → \(String(format: "%.2f", variant.points)) 分"
        }
        let percent = String(format: "%g", spread * 100)
        var lines: [String] = []
        lines.append(markdown ? "# 权重敏感性" : "权重敏感性")
        lines.append("")
        lines.append("各指标分值上下浮动 \(percent)%，其余指标按比例调整以保持总分不变，共 \(variants.count) 种变化；按同一次计算的计量重新计分。")
        lines.append("")
        lines.append(markdown ? "## 各组名次稳定性" : "各组名次稳定性：")
        if markdown { lines += ["", "| 组 | 最低 Spearman ρ | 在此变化下 | 最大名次变动 | 单位 | 在此变化下 |", "|---|---:|---|---:|---|---|"] }
        for group in groups {
            let rho = group.minimumSpearman.map { String(format: "%.4f", $0) } ?? "—"
            if markdown {
                lines.append(
                    "| \(group.group) | \(rho) | \(describe(group.spearmanVariant)) | \(group.maximumRankMove) | \(group.moveCenter ?? "—") | \(describe(group.moveVariant)) |"
                )
            } else {
                lines.append(
                    "  \(group.group)：最低 Spearman \(rho)（\(describe(group.spearmanVariant))）；最大名次变动 \(group.maximumRankMove)"
                        + (group.moveCenter.map { "（\($0)，\(describe(group.moveVariant))）" } ?? ""))
            }
        }
        lines.append("")
        let centers = Set(flips.map(\.code)).count
        lines.append(markdown ? "## 等次会变的单位（\(centers) 个）" : "等次会变的单位（\(centers) 个）：")
        if markdown && !flips.isEmpty { lines += ["", "| 单位 | 等次 | 变为 | 在此变化下 |", "|---|---|---|---|"] }
        for flip in flips {
            lines.append(
                markdown
                    ? "| \(flip.name)（\(flip.code)） | \(flip.grade) | \(flip.flipsTo) | \(describe(flip.variant)) |"
                    : "  \(flip.name)（\(flip.code)）：\(flip.grade) → \(flip.flipsTo)（\(describe(flip.variant))）")
        }
        if flips.isEmpty { lines.append(markdown ? "" : "  无") }
        return lines.joined(separator: "\n") + "\n"
    }
}
