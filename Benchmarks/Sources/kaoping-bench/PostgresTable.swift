import Foundation

/// The PostgreSQL figures of every size side by side (issue 23, point 6), with the server's settings, as markdown
/// (printed, and written to `OUT/postgres-results.md` so that `Benchmarks/RESULTS.md` can quote it).
struct PostgresTable {
    let sizes: [PostgresFigures]
    /// Machine, versions and command, printed above the tables.
    let header: [String]

    var markdown: String {
        var lines = ["# kaoping-bench --postgres", ""] + header.map { $0 + "  " } + [""]
        lines += TimesTable.lines(columns: sizes.map { SizeFigures.label($0.cases) }, runs: PostgresFigures.Kind.allCases) {
            sizes[$0][$1]
        }
        lines += [""] + ratios() + [""]
        lines += ["Server settings (`pg_settings`):", ""] + (sizes.first?.settings ?? []).map { "- `\($0)`" } + [""]
        lines += sizes.flatMap { size in size.checks.map { "- \(SizeFigures.label(size.cases)): \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Records per second of each import and the ratios of PostgreSQL to SQLite, one column per size.
    private func ratios() -> [String] {
        var lines = [
            "| Figure | " + sizes.map { SizeFigures.label($0.cases) }.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: sizes.count),
        ]
        func row(_ name: String, _ cell: (PostgresFigures) -> String?) {
            lines.append("| \(name) | " + sizes.map { cell($0) ?? "—" }.joined(separator: " | ") + " |")
        }
        func ratio(_ size: PostgresFigures, _ a: PostgresFigures.Kind, _ b: PostgresFigures.Kind) -> String? {
            size[a].flatMap { first in size[b].map { String(format: "%.1f×", first.seconds / $0.seconds) } }
        }
        row("records exported") { TimesTable.whole(Double($0.records)) }
        row("import into SQLite, records/s") { size in size[.sqliteImport].map { TimesTable.whole(Double(size.records) / $0.seconds) } }
        row("import into PostgreSQL, records/s") { size in
            size[.postgresImport].map { TimesTable.whole(Double(size.records) / $0.seconds) }
        }
        row("import: PostgreSQL ÷ SQLite, seconds") { ratio($0, .postgresImport, .sqliteImport) }
        row("run: PostgreSQL ÷ SQLite cold") { ratio($0, .postgresRun, .nativeCold) }
        row("run: PostgreSQL ÷ SQLite second") { ratio($0, .postgresRun, .nativeWarm) }
        return lines
    }
}
