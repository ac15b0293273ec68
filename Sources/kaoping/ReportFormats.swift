import ArgumentParser

/// The formats `--format` names (run, demo, render): the results document and each rendering of the 通报.
enum ReportFormats {
    /// Every format, in the order files are written; `all` names them all.
    static let all = ["json", "html", "docx", "xlsx", "csv", "md", "pdf"]
    /// The file each format writes.
    static let files = [
        "json": "results.json", "html": "report.html", "docx": "report.docx", "xlsx": "report.xlsx", "csv": "report.csv", "md": "report.md",
        "pdf": "report.pdf",
    ]

    /// The formats of a `--format` value (`json,html`, `all`), in `all`'s order; a usage error names an unknown one.
    static func parse(_ value: String, allowed: [String] = all) throws -> [String] {
        let named = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        let unknown = named.filter { $0 != "all" && !allowed.contains($0) }
        let list = allowed.joined(separator: ", ")
        guard unknown.isEmpty else {
            throw ValidationError("unknown format \(unknown.joined(separator: ", ")); use \(list) or all")
        }
        guard !named.isEmpty else { throw ValidationError("--format names no format: use \(list) or all") }
        return named.contains("all") ? allowed : allowed.filter(named.contains)
    }
}
