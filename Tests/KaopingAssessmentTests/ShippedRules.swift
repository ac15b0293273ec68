import Foundation
import KaopingCheck
import KaopingDemo
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax

/// The project's shipped files and one demo store shared by the assessment tests.
enum ShippedRules {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Every shipped rule file (not the `*.test.rules`), relative to the project.
    static let ruleFiles = [
        "Rules/jiangsu-2024.rules", "Rules/jiangsu-2025.rules", "Rules/examples/yinchuan-branch-halls.rules",
        "Rules/examples/nanjing-2024.rules",
    ]

    static var calendarFiles: [CalendarFile] {
        get throws { try Store.calendarFiles(in: path("Rules/calendars")) }
    }

    /// A 100,000-case demo store of the default seed, generated once per test run.
    static let demo: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-assessment-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("demo.sqlite").path
        if !FileManager.default.fileExists(atPath: store) {
            try DemoGenerator(options: DemoOptions(cases: 100_000), calendarFiles: try calendarFiles).write(to: store)
        }
        return store
    }

    /// Parses, checks and evaluates a shipped rule file over the demo store.
    static func assess(_ file: String, overrides: [String: String] = [:]) throws -> (ResultsDocument, [Diagnostic]) {
        let store = try Store.open(at: try demo.get(), readOnly: true)
        let loader = try RuleLoader.load(path: path(file))
        let checked = Checker.check(loader.files, schema: try SchemaCatalog(store: store), overrides: overrides)
        guard let plan = checked.plan else {
            return (ResultsDocument(assessment: emptyAssessment, centers: []), loader.diagnostics + checked.diagnostics)
        }
        return (try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: ""), loader.diagnostics + checked.diagnostics)
    }

    static let emptyAssessment = Assessment(
        title: "", period: .init(start: "", end: ""), rulesSHA256: "", dataDigest: "", parameters: [], engineVersion: "", groupBy: [],
        grades: [], indicators: [], vetoes: [])
}
