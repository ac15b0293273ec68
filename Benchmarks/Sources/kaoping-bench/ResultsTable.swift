import Foundation

/// The figures of every size side by side, with the ratios the targets of issues 7 and 8 use, as markdown (printed,
/// and written to `OUT/results.md` so that `Benchmarks/RESULTS.md` can quote it).
struct ResultsTable {
    let sizes: [SizeFigures]
    let ruleSets: [RuleSet]
    /// Machine, versions and command, printed above the tables.
    let header: [String]

    var markdown: String {
        var lines = ["# kaoping-bench", ""] + header.map { $0 + "  " }
        lines += ["Stores: " + sizes.map { "\(SizeFigures.label($0.cases)) `\($0.store)`" }.joined(separator: ", "), ""]
        lines += timesTable() + [""] + targetsTable() + [""]
        lines += sizes.flatMap { size in size.checks.map { "- \(SizeFigures.label(size.cases)): \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per run, a seconds and a peak MB column per size.
    private func timesTable() -> [String] {
        let columns = sizes.map { SizeFigures.label($0.cases) }
        var lines = [
            "| Run | " + columns.map { "\($0) s | \($0) MB" }.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|---:|", count: sizes.count),
        ]
        var rows: [(SizeFigures.Kind, String)] = []
        for set in ruleSets {
            rows += [SizeFigures.Kind.rawRead, .cold, .coldWithoutEvidence, .warm].map { ($0, set.label) }
        }
        rows.append((.reference, ruleSets[0].label))
        for (kind, rules) in rows {
            let cells = sizes.map { size in
                size[kind, rules].map { format($0.seconds) + " | " + String(format: "%.0f", $0.peakMB) } ?? "— | —"
            }
            lines.append("| \(kind.rawValue), \(rules) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// One row per target, its value and whether it is met per size.
    private func targetsTable() -> [String] {
        var lines = [
            "| Target | " + sizes.map { SizeFigures.label($0.cases) }.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: sizes.count),
        ]
        func row(_ name: String, _ value: (SizeFigures) -> Double?, text: (Double) -> String, met: (Double) -> Bool) {
            let cells = sizes.map { size in value(size).map { "\(text($0)) \(met($0) ? "met" : "**missed**")" } ?? "—" }
            lines.append("| \(name) | " + cells.joined(separator: " | ") + " |")
        }
        let ratio = { (value: Double) in String(format: "%.2f×", value) }
        for set in ruleSets {
            row(
                "cold ÷ raw read, \(set.label) (≤ 0.6)",
                { size in size[.cold, set.label].flatMap { cold in size[.rawRead, set.label].map { cold.seconds / $0.seconds } } },
                text: ratio, met: { $0 <= 0.6 })
        }
        for set in ruleSets {
            row(
                "cold ÷ cold --evidence 0, \(set.label) (≤ 1.15)",
                { size in
                    size[.cold, set.label].flatMap { cold in size[.coldWithoutEvidence, set.label].map { cold.seconds / $0.seconds } }
                },
                text: ratio, met: { $0 <= 1.15 })
        }
        let six = ruleSets[0].label
        row(
            "reference.sql ÷ cold, \(six) (≥ 5)",
            { size in size[.reference, six].flatMap { reference in size[.cold, six].map { reference.seconds / $0.seconds } } },
            text: ratio, met: { $0 >= 5 })
        for set in ruleSets {
            row(
                "warm, \(set.label) (< 0.3 s at 10M)", { $0[.warm, set.label]?.seconds },
                text: { format($0) + " s" }, met: { $0 < 0.3 })
        }
        row(
            "peak memory of the kaoping runs (< 300 MB)",
            { size in
                let peaks = ruleSets.flatMap { set in [size[.cold, set.label], size[.warm, set.label]] }.compactMap { $0?.peakMB }
                return peaks.max()
            },
            text: { String(format: "%.0f MB", $0) }, met: { $0 < 300 })
        return lines
    }

    private func format(_ seconds: Double) -> String {
        String(format: seconds < 1 ? "%.3f" : "%.2f", seconds)
    }
}
