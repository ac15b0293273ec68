import ArgumentParser
import Foundation
import KaopingDemo
import KaopingImport
import KaopingResults
import KaopingStore

/// `kaoping demo`: writes the demo province's store.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "生成演示数据 — Generate the demo province's store (about 1,500 assessed units) and assess it with the default rules.",
        discussion: """
            Examples:
              kaoping demo          (writes kaoping-demo/demo.sqlite and assesses it)
              kaoping demo --cases 20000 --seed 7 --out kaoping-demo --no-run
              kaoping demo --format all --per-center    (every format, and each unit's sheet)
              kaoping demo --cases 20000 --no-run --export exports    (then: kaoping import --db new.sqlite exports)

            Exit status: 0 written; 1 the rule file has errors; 2 a path or file cannot be used; 64 a usage error.
            """
    )

    @Option(help: "Number of cases (办件) to generate.")
    var cases = 200_000

    @Option(help: "Random seed; the same seed gives a byte-identical store.")
    var seed: UInt64 = 2024

    @Option(help: "Output folder; the store is written to OUT/demo.sqlite.")
    var out = "kaoping-demo"

    @Option(help: "Folder of working-day calendar files (default: the 2020–2026 calendars built into Kaoping).")
    var calendars: String?

    @Option(help: "Rule file to assess the demo with (default: Rules/jiangsu-2024.rules of this project, or its built-in copy).")
    var rules: String?

    @Flag(help: "Only generate the store; do not assess it.")
    var noRun = false

    @Option(name: .customLong("param"), help: "Override a parameter of the rule file: --param name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "Comma-separated output formats: json, html, docx, xlsx, csv, md, pdf, or all (pdf needs LibreOffice).")
    var format = "json,html"

    @Flag(help: "Also write each unit's sheet (一单位一单): centers/CODE.html, and centers/CODE.docx with docx.")
    var perCenter = false

    @Flag(help: "Do not generate and assess the previous year (the report then shows no changes).")
    var noPrevious = false

    @Option(
        help: ArgumentHelp(
            "Also write the store as a folder of exports (CSV files, their mappings, calendars, import.manifest) that kaoping import reads back.",
            valueName: "dir"))
    var export: String?

    func validate() throws {
        guard cases >= 0, cases <= 100_000_000 else {
            throw ValidationError("--cases must be between 0 and 100000000, not \(cases)")
        }
        _ = try parameterOverrides(parameters)
        _ = try ReportFormats.parse(format)
    }

    func run() throws {
        let overrides = try parameterOverrides(parameters)
        // Every path first: a mistaken one is reported before the store is generated, not after.
        try PathProblem.requireOutputFolder(out, contents: "the demo store and its results")
        if let calendars { try PathProblem.requireFolder(calendars, role: "--calendars", advice: calendarAdvice) }
        if let rules { try PathProblem.requireRuleFile(rules, role: "--rules") }
        if let export { try PathProblem.requireOutputFolder(export, role: "--export", contents: "the demo's exports") }
        let path = (out as NSString).appendingPathComponent("demo.sqlite")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(
                "\(path) is a folder, so the demo store cannot be written there: remove or rename it, or name another --out")
        }
        let files =
            try calendars.map { folder in
                try PathProblem.reading(folder, role: "--calendars") { try Store.calendarFiles(in: folder) }
            } ?? CalendarFile.builtIn
        try PathProblem.createFolder(out, contents: "the demo store and its results")
        let generator = DemoGenerator(options: DemoOptions(cases: cases, seed: seed), calendarFiles: files)
        let summary = try generator.write(to: path)
        let tables = ["centers", "items", "integrations", "cases", "reviews", "inspections", "complaints", "calendar"]
        print("wrote \(path): " + tables.map { "\($0) \(summary.rows[$0] ?? 0)" }.joined(separator: ", "))
        for effect in PlantedEffect.allCases {
            let names = summary.planted.filter { $0.effect == effect }.map(\.name)
            print("planted \(effect.rawValue): \(names.joined(separator: "、"))")
        }
        if let export { try exportStore(path, to: export) }
        guard !noRun else { return }
        let rulesPath = try rules ?? ProjectFiles.folder("Rules").map({ $0 + "/jiangsu-2024.rules" }) ?? writeDefaultRules()
        let previous = noPrevious ? nil : try previousYear(rules: rulesPath, files: files, overrides: overrides)
        let run = try AssessmentRun(rules: rulesPath, db: path, parameters: overrides, lang: "zh")
        printRanking(run.results)
        try ReportOutput.publish(
            run.results, previous: previous, templates: nil, formats: try ReportFormats.parse(format), perCenter: perCenter, to: out)
    }

    /// The year before, so the report shows changes: a smaller store of the same province (a quarter of the cases,
    /// another seed: some units join and some leave) in `OUT/previous/`, assessed with the same rules over that
    /// year (`period_start` and `period_end` moved back a year) and written to `OUT/previous/results.json`.
    private func previousYear(rules: String, files: [CalendarFile], overrides: [String: String]) throws -> ResultsDocument {
        let folder = (out as NSString).appendingPathComponent("previous")
        try PathProblem.createFolder(folder, contents: "the previous year's demo store")
        let path = (folder as NSString).appendingPathComponent("demo.sqlite")
        let year = DemoOptions().year - 1
        let generator = DemoGenerator(options: DemoOptions(cases: max(1, cases / 4), seed: seed &+ 1, year: year), calendarFiles: files)
        try? FileManager.default.removeItem(atPath: path)
        _ = try generator.write(to: path)
        print("wrote \(path) (the previous year, \(year))")
        var previous = overrides
        previous["period_start"] = previous["period_start"] ?? "\(year)-01-01"
        previous["period_end"] = previous["period_end"] ?? "\(year)-12-31"
        let run = try AssessmentRun(rules: rules, db: path, parameters: previous, lang: "zh")
        try ReportOutput.publish(run.results, previous: nil, templates: nil, formats: ["json"], perCenter: false, to: folder)
        return run.results
    }

    /// The store as a folder of exports (`--export`): CSV files with GB/T 39046's Chinese headers (the cases in
    /// GB18030), personal columns filled with made-up values from the seed, the shipped mappings that read them,
    /// the calendars and `import.manifest` — what `kaoping import --db NEW.sqlite DIR` turns back into the same store.
    private func exportStore(_ path: String, to folder: String) throws {
        try PathProblem.createFolder(folder, role: "--export", contents: "the demo's exports")
        var exporter = StoreExporter(store: try Store.open(at: path, readOnly: true))
        var people = DemoPersonalData(seed: seed)
        exporter.personal = { _, column in people.value(for: column) }
        exporter.comment = [
            "kaoping demo --export：演示省份（种子 \(seed)，办件 \(cases) 件）导出为 CSV，表头按 GB/T 39046—2020；个人信息列为虚构，导入时丢弃。",
            "导入新库：kaoping import --db 新库.sqlite \(folder)",
        ]
        let summary: ExportSummary
        do { summary = try exporter.write(to: folder) } catch let problem as StoreExporter.Problem {
            throw CommandFailure(problem.description)
        } catch {
            throw PathProblem.failure(error, path: folder, role: "--export", writing: true, otherwise: "name another --export")
        }
        print(
            "wrote \(folder): " + summary.files.map { "\($0.file) \($0.rows)" }.joined(separator: ", ")
                + ", calendars \(summary.calendars.count), \(ImportManifest.fileName)")
        print("import it into a new store: kaoping import --db NEW.sqlite \(folder)")
        for table in summary.leftOut { FileHandle.standardError.write(Data("warning: table \(table) is not exported\n".utf8)) }
        if summary.problemCount > 0 {
            FileHandle.standardError.write(
                Data(
                    ("warning: \(summary.problemCount) values will not read back the same:\n"
                        + summary.problems.map { "  " + $0 + "\n" }.joined()).utf8))
        }
    }

    private var calendarAdvice: String {
        "name the folder of working-day calendar files (YEAR.txt), such as Rules/calendars, or leave --calendars out for the built-in ones"
    }

    /// Away from the project folder: the default rules, built into Kaoping, written to `OUT/jiangsu-2024.rules`
    /// for the run (and for the analyst to read and edit).
    private func writeDefaultRules() throws -> String {
        let path = (out as NSString).appendingPathComponent("jiangsu-2024.rules")
        do { try Data(DemoGenerator.defaultRules.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw PathProblem.failure(error, path: path, writing: true, otherwise: "name another --out")
        }
        print("wrote \(path) (the default rules)")
        return path
    }

    /// The top and bottom five of each ranking group, with their grades.
    private func printRanking(_ results: ResultsDocument) {
        var groups: [(String, [CenterResult])] = []
        for center in results.centers {
            if groups.last?.0 == center.group { groups[groups.count - 1].1.append(center) } else { groups.append((center.group, [center])) }
        }
        for (group, centers) in groups {
            print("\n\(results.assessment.title) · \(group) (\(centers.count) units)")
            let line = { (center: CenterResult) in
                print("  \(String(center.rank).leftPadded(4))  \(fixedTwo(center.total).leftPadded(6))  \(center.grade)  \(center.name)")
            }
            print("  top 5:")
            centers.prefix(5).forEach(line)
            print("  bottom 5:")
            centers.suffix(5).forEach(line)
        }
    }
}

private func fixedTwo(_ value: Double) -> String {
    let cents = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
    let fraction = abs(cents % 100)
    return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
