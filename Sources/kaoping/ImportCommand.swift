import ArgumentParser
import Foundation
import KaopingImport
import KaopingStore
import KaopingSyntax

/// `kaoping import`: brings exports into a store by their mappings (issue 22).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入数据 — Import CSV exports into a store by a mapping: every row checked, bad rows to NAME.rejects.csv.",
        discussion: """
            Examples:
              kaoping import --db office.sqlite --mapping Rules/mappings/gbt39046-cases.mapping 办件.csv

            Each file's good rows go in (inserted, updated or unchanged, by the table's natural key) in one \
            transaction; each bad row goes to NAME.rejects.csv beside it with its line and reason; NAME.import.json \
            holds the counts. A missing store is created with the canonical schema. See docs/import.md.

            Exit status: 0 every row in; 3 some rows rejected (the good ones are in); 1 a mapping error (nothing \
            imported); 2 a path, file or store cannot be used; 64 a usage error.
            """
    )

    @Option(help: "The store (created when missing).")
    var db: String

    @Option(help: "The mapping file (.mapping).")
    var mapping: String

    @Option(help: "The mapping's table, when the mapping file holds several.")
    var table: String?

    @Option(help: "The files' encoding: utf8 or gb18030 (default: the mapping's, or detected).")
    var encoding: String?

    @Argument(help: "The CSV files.")
    var paths: [String]

    @Option(help: "Language of messages: zh or en.")
    var lang = "zh"

    func validate() throws {
        try validateLanguage(lang)
        if let encoding, !["utf8", "utf-8", "gb18030"].contains(encoding.lowercased()) {
            throw ValidationError("--encoding must be utf8 or gb18030, not `\(encoding)`")
        }
        guard !paths.isEmpty else { throw ValidationError("name at least one CSV file to import") }
    }

    func run() throws {
        try PathProblem.requireMapping(mapping)
        for path in paths { try PathProblem.requireData(path) }
        let text = try PathProblem.reading(mapping, role: "--mapping") { try String(contentsOfFile: mapping, encoding: .utf8) }
        let source = SourceFile(name: mapping, text: text)
        let loaded = MappingChecker.load(source)
        if !loaded.diagnostics.isEmpty {
            let printer = DiagnosticPrinter(source: source, english: lang == "en")
            FileHandle.standardError.write(Data(printer.render(loaded.diagnostics, limit: DiagnosticPrinter.displayLimit).utf8))
        }
        guard var mappings = loaded.mappings else { throw ExitCode(1) }
        if let table { mappings = mappings.filter { $0.table == table } }
        guard mappings.count == 1, var chosen = mappings.first else {
            let tables = (loaded.mappings ?? []).map(\.table).joined(separator: ", ")
            throw CommandFailure(
                mappings.isEmpty
                    ? "--mapping \(mapping) has no mapping for table \(table ?? "?") (it maps \(tables)): name one of them with --table"
                    : "--mapping \(mapping) maps several tables (\(tables)): name one with --table")
        }
        if let encoding { chosen.encoding = encoding.lowercased() == "gb18030" ? .gb18030 : .utf8 }
        let store = FileManager.default.fileExists(atPath: db) ? try Store.open(at: db) : try Store.create(at: db)
        let importer = Importer(store: store)
        var rejected = 0
        for path in paths {
            let summary: ImportSummary
            do { summary = try importer.importCSV(path, mapping: chosen) } catch let problem as Importer.HeaderProblem {
                throw CommandFailure(problem.description)
            }
            print(
                "\(path) → \(summary.table)（\(summary.encoding)）: read \(summary.read) = inserted \(summary.inserted) + updated \(summary.updated)"
                    + " + unchanged \(summary.unchanged) + rejected \(summary.rejected)")
            if let rejects = summary.rejects { print("  rejected rows, with their lines and reasons: \(rejects)") }
            rejected += summary.rejected
        }
        if rejected > 0 { throw ExitCode(3) }
    }
}
