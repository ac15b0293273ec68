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
        TimesTable.lines(columns: sizes.map { SizeFigures.label($0.cases) }, runs: ImportFigures.Kind.allCases) { sizes[$0][$1] }
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
            size.rowsPerSecond(.kaopingImport).map { "\(TimesTable.whole($0)) \($0 >= Self.rateAim ? "met" : "**missed**")" }
        }
        row("sqlite3 .import, rows/s") { size in size.rowsPerSecond(.sqliteImport).map(TimesTable.whole) }
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
}
