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
              kaoping import --db office.sqlite exports/        (the files its import.manifest names)
              kaoping import --db postgresql://kaoping@db.example.cn/kaoping exports/
              kaoping import --db service=citus --keys-by-unit 单位.csv --mapping …   (a store Citus can spread)

            Each file's good rows go in (inserted, updated or unchanged, by the table's natural key) in one \
            transaction; each bad row goes to NAME.rejects.csv beside it with its line and reason; NAME.import.json \
            holds the counts. A missing store is created with the canonical schema. Into PostgreSQL the rows are \
            checked the same way and loaded with COPY, one transaction per file. See docs/import.md.

            Exit status: 0 every row in; 3 some rows rejected (the good ones are in); 1 a mapping error (nothing \
            imported); 2 a path, file or store cannot be used; 64 a usage error.
            """
    )

    @Option(help: "The store: a SQLite file (created when missing) or a PostgreSQL connection string (created in an empty database).")
    var db: String

    @Option(help: "The mapping file (.mapping) for the files named (a folder names its own in import.manifest).")
    var mapping: String?

    @Option(help: "The mapping's table, when the mapping file holds several.")
    var table: String?

    @Option(help: "The files' encoding: utf8 or gb18030 (default: the mapping's, or detected).")
    var encoding: String?

    @Option(
        name: .customLong("pii-key"),
        help: "Key file for personal columns a mapping hashes (HMAC-SHA256); read, never written anywhere.")
    var piiKey: String?

    @Flag(
        name: .customLong("keys-by-unit"),
        help: "PostgreSQL only: make cases and reviews unique by (unit, number), so Citus can distribute them by center_id.")
    var keysByUnit = false

    @Argument(help: "The CSV files, or folders with an import.manifest.")
    var paths: [String]

    @Option(help: "Language of messages: zh or en.")
    var lang = "zh"

    @Flag(help: "No progress bar on stderr.")
    var quiet = false

    func validate() throws {
        try validateLanguage(lang)
        if let encoding, !["utf8", "utf-8", "gb18030"].contains(encoding.lowercased()) {
            throw ValidationError("--encoding must be utf8 or gb18030, not `\(encoding)`")
        }
        guard !paths.isEmpty else { throw ValidationError("name at least one CSV file to import") }
        if keysByUnit && !AssessedStore.isConnectionString(db) {
            throw ValidationError(
                "--keys-by-unit is for a store in PostgreSQL (for Citus); a SQLite store is not distributed and keeps its keys")
        }
    }

    /// One file to import and the mapping it is read with.
    struct Job {
        var path: String
        var mapping: Mapping
    }

    /// A year's working-day calendar a manifest names (`calendar "FILE" [region "NAME"]`), read before anything is written.
    struct CalendarJob {
        var path: String
        var calendar: CalendarFile
        var region: String?
    }

    func run() throws {
        var jobs: [Job] = []
        var calendars: [CalendarJob] = []
        var failed = false
        for path in paths {
            if PathProblem.isFolder(path) {
                let loaded = try manifestJobs(path, calendars: &calendars)
                failed = failed || loaded == nil
                jobs += loaded ?? []
            } else {
                try PathProblem.requireData(path)
                guard let mapping else {
                    throw CommandFailure(
                        "\(path) needs a mapping: name it with --mapping, or import the folder with its \(ImportManifest.fileName)")
                }
                guard let chosen = try load(mapping, role: "--mapping") else {
                    failed = true
                    continue
                }
                jobs.append(Job(path: path, mapping: chosen))
            }
        }
        // A mapping with a mistake imports nothing at all.
        if failed { throw ExitCode(1) }
        let key = try personalDataKey(for: jobs)
        // Units before what names them, whatever the order given.
        jobs = jobs.enumerated().sorted {
            (ImportManifest.order(of: $0.element.mapping.table), $0.offset) < (
                ImportManifest.order(of: $1.element.mapping.table), $1.offset
            )
        }.map(\.element)
        let destination = try ImportDestination(db: db, personalDataKey: key, quiet: quiet, keysByUnit: keysByUnit)
        if keysByUnit {
            print(
                "cases, reviews: keys by unit — unique by (center_id, case_no) and (center_id, review_no), numbers still "
                    + "unique across the province; ready for create_distributed_table (docs/postgresql.md §9)")
        }
        for job in calendars {
            let year = job.calendar.year
            try destination.loadCalendar(WorkingCalendar(files: [job.calendar]), years: year...year, region: job.region)
            print("\(job.path) → calendar \(year)\(job.region.map { "（\($0)）" } ?? ""): the year's rows replaced")
        }
        var rejected = 0
        for job in jobs {
            let summary: ImportSummary
            do { summary = try destination.importCSV(job.path, mapping: job.mapping) } catch let problem as Importer.HeaderProblem {
                throw CommandFailure(problem.description)
            }
            ProgressBar.shared.finish()
            print(
                "\(job.path) → \(summary.table)（\(summary.encoding)）: read \(summary.read) = inserted \(summary.inserted) + updated \(summary.updated)"
                    + " + unchanged \(summary.unchanged) + rejected \(summary.rejected)")
            if let rejects = summary.rejects { print("  rejected rows, with their lines and reasons: \(rejects)") }
            rejected += summary.rejected
        }
        if rejected > 0 { throw ExitCode(3) }
    }

    /// The `--pii-key` key, read when given; a mapping that hashes a personal column without one, or a key too short,
    /// stops the import before anything is written (exit 1).
    func personalDataKey(for jobs: [Job]) throws -> PersonalDataKey? {
        guard let piiKey else {
            if let job = jobs.first(where: { $0.mapping.needsKey }) {
                FileHandle.standardError.write(Data("error: \(ImportError.keyMissing(table: job.mapping.table))\n".utf8))
                throw ExitCode(1)
            }
            return nil
        }
        try PathProblem.requireKey(piiKey)
        let bytes = try PathProblem.reading(piiKey, role: "--pii-key") { try Data(contentsOf: URL(fileURLWithPath: piiKey)) }
        do { return try PersonalDataKey(bytes: Array(bytes)) } catch let error as ImportError {
            FileHandle.standardError.write(Data("error: --pii-key \(piiKey): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The files of a folder's manifest with their mappings, and its calendars added to `calendars`; `nil` (reported)
    /// when the manifest, a mapping or a calendar file has a mistake.
    func manifestJobs(_ folder: String, calendars: inout [CalendarJob]) throws -> [Job]? {
        let manifestPath = (folder as NSString).appendingPathComponent(ImportManifest.fileName)
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw CommandFailure(
                "\(folder) is a folder without \(ImportManifest.fileName): write one (import \"FILE.csv\" with \"MAPPING.mapping\" per line) or name the files"
            )
        }
        let text = try PathProblem.reading(manifestPath) { try String(contentsOfFile: manifestPath, encoding: .utf8) }
        let source = SourceFile(name: manifestPath, text: text)
        let parsed = ImportManifest.parse(source)
        report(parsed.diagnostics, source: source)
        guard !parsed.diagnostics.hasErrors else { return nil }
        var jobs: [Job] = []
        var failed = false
        for entry in parsed.manifest.entries {
            // Paths are relative to the folder, unless absolute.
            let resolve = { (path: String) in path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path) }
            let file = resolve(entry.file.text)
            try PathProblem.requireData(file)
            let mappingPath = resolve(entry.mapping.text)
            guard let loaded = try load(mappingPath, role: "the mapping of \(entry.file.text)") else {
                failed = true
                continue
            }
            jobs.append(Job(path: file, mapping: loaded))
        }
        for entry in parsed.manifest.calendars {
            let path = entry.file.text.hasPrefix("/") ? entry.file.text : (folder as NSString).appendingPathComponent(entry.file.text)
            let text = try PathProblem.reading(path, role: "the calendar file") { try String(contentsOfFile: path, encoding: .utf8) }
            do {
                calendars.append(CalendarJob(path: path, calendar: try CalendarFile(text: text, file: path), region: entry.region?.text))
            } catch let problem as CalendarFile.Problem {
                FileHandle.standardError.write(Data("\(problem.description)\n".utf8))
                failed = true
            }
        }
        return failed ? nil : jobs
    }

    /// The mapping file at `path` (the one mapping for `--table` when it has several); `nil` when it has a mistake
    /// (printed).
    func load(_ path: String, role: String) throws -> Mapping? {
        try PathProblem.requireMapping(path, role: role)
        let text = try PathProblem.reading(path, role: role) { try String(contentsOfFile: path, encoding: .utf8) }
        let source = SourceFile(name: path, text: text)
        let loaded = MappingChecker.load(source)
        report(loaded.diagnostics, source: source)
        guard let all = loaded.mappings else { return nil }
        let mappings = table.map { name in all.filter { $0.table == name } } ?? all
        guard mappings.count == 1, var chosen = mappings.first else {
            let tables = all.map(\.table).joined(separator: ", ")
            throw CommandFailure(
                mappings.isEmpty
                    ? "\(role) \(path) has no mapping for table \(table ?? "?") (it maps \(tables)): name one of them with --table"
                    : "\(role) \(path) maps several tables (\(tables)): name one with --table")
        }
        if let encoding { chosen.encoding = encoding.lowercased() == "gb18030" ? .gb18030 : .utf8 }
        return chosen
    }

    /// Prints diagnostics as the rule commands do.
    func report(_ diagnostics: [Diagnostic], source: SourceFile) {
        guard !diagnostics.isEmpty else { return }
        let printer = DiagnosticPrinter(source: source, english: lang == "en")
        FileHandle.standardError.write(Data(printer.render(diagnostics, limit: DiagnosticPrinter.displayLimit).utf8))
    }
}
