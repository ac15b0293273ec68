import Foundation

/// The import figures of every size side by side, with the aims of issue 22 (points 9 and 10), as markdown (printed,
/// and written to `OUT/import-results.md` so that `Benchmarks/RESULTS.md` can quote it).
struct ImportTable {
    let sizes: [ImportFigures]
    /// Machine, versions and command, printed above the tables.
    let header: [String]

    /// The aim for `kaoping import`, in rows per second.
    static let rateAim = 500_000.0
    /// Peak memory counts as flat when the largest file's import peaks at most this much above the smallest's.
    static let flatTolerance = 1.25

    var markdown: String {
        var lines = ["# kaoping-bench --import", ""] + header.map { $0 + "  " }
        lines += ["Stores: " + sizes.map { "\(SizeFigures.label($0.cases)) `\($0.store)`" }.joined(separator: ", "), ""]
        lines += timesTable() + [""] + aimsTable() + [""]
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
        for kind in ImportFigures.Kind.allCases {
            let cells = sizes.map { size in
                size[kind].map { format($0.seconds) + " | " + String(format: "%.0f", $0.peakMB) } ?? "— | —"
            }
            lines.append("| \(kind.rawValue) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// Rates, ratios and aims, one column per size.
    private func aimsTable() -> [String] {
        var lines = [
            "| Figure | " + sizes.map { SizeFigures.label($0.cases) }.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: sizes.count),
        ]
        func row(_ name: String, _ cell: (ImportFigures) -> String?) {
            lines.append("| \(name) | " + sizes.map { cell($0) ?? "—" }.joined(separator: " | ") + " |")
        }
        row("CSV file") { String(format: "%.0f MB", $0.csvMB) }
        row("kaoping import, rows/s (aim ≥ 500,000)") { size in
            size.rowsPerSecond(.kaopingImport).map { "\(Self.whole($0)) \($0 >= Self.rateAim ? "met" : "**missed**")" }
        }
        row("sqlite3 .import, rows/s") { size in size.rowsPerSecond(.sqliteImport).map(Self.whole) }
        row("kaoping import ÷ sqlite3 .import, seconds") { size in
            size[.kaopingImport].flatMap { kaoping in size[.sqliteImport].map { String(format: "%.1f×", kaoping.seconds / $0.seconds) } }
        }
        row("kaoping import, peak memory (aim: flat in the file's size)") { size in
            guard let peak = size[.kaopingImport]?.peakMB else { return nil }
            guard size.cases == sizes.last?.cases, sizes.count > 1, let smallest = sizes.first?[.kaopingImport]?.peakMB else {
                return String(format: "%.0f MB", peak)
            }
            let flat = peak <= smallest * Self.flatTolerance
            return String(
                format: "%.0f MB (%.2f× the %@ import's) %@", peak, peak / smallest, SizeFigures.label(sizes[0].cases),
                flat ? "met" : "**missed**")
        }
        row("first run after the import ÷ cold run") { size in
            size[.firstRun].flatMap { first in size[.coldRun].map { String(format: "%.2f×", first.seconds / $0.seconds) } }
        }
        row("second (warm) run ÷ cold run") { size in
            size[.warmRun].flatMap { warm in size[.coldRun].map { String(format: "%.2f×", warm.seconds / $0.seconds) } }
        }
        return lines
    }

    /// `1,234,567`.
    private static func whole(_ value: Double) -> String {
        var digits = String(Int(value.rounded()))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }

    private func format(_ seconds: Double) -> String {
        String(format: seconds < 1 ? "%.3f" : "%.2f", seconds)
    }
}
