import Foundation

/// The markdown table of seconds and peak MB the benchmarks print: one row per run, two columns per size.
enum TimesTable {
    /// Rows for `runs` (named by their raw values) over sizes labelled `columns`; `usage(size, run)` is the figure
    /// of the size at that position, `nil` for a run not taken.
    static func lines<Run: RawRepresentable>(columns: [String], runs: [Run], usage: (Int, Run) -> ResourceUsage?) -> [String]
    where Run.RawValue == String {
        var lines = [
            "| Run | " + columns.map { "\($0) s | \($0) MB" }.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|---:|", count: columns.count),
        ]
        for run in runs {
            let cells = columns.indices.map { index in
                usage(index, run).map { seconds($0.seconds) + " | " + String(format: "%.0f", $0.peakMB) } ?? "— | —"
            }
            lines.append("| \(run.rawValue) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// Seconds with three decimals below one, two above.
    static func seconds(_ value: Double) -> String {
        String(format: value < 1 ? "%.3f" : "%.2f", value)
    }

    /// `1,234,567`.
    static func whole(_ value: Double) -> String {
        var digits = String(Int(value.rounded()))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }
}
