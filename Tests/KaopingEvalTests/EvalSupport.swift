import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// A tiny store in a fresh temporary folder (removed when the value goes away), with the 2024 calendar
/// loaded from Rules/calendars unless asked not to, and helpers that insert one row each.
final class TestStore {
    let folder: String
    let path: String
    let store: Store
    private var serial: Int64 = 0

    init(calendar: Bool = true) throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("kaoping-eval-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = (folder as NSString).appendingPathComponent("store.sqlite")
        store = try Store.create(at: path)
        if calendar {
            try store.loadCalendar(WorkingCalendar(files: try Store.calendarFiles(in: ProjectFolder.calendars)), years: 2024...2024)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The next number of a sequence shared by every table (case and review numbers, inspection ids).
    private func next() -> Int64 {
        serial += 1
        return serial
    }

    /// Inserts one row.
    func insert(_ table: String, _ values: KeyValuePairs<String, SQLValue>) throws {
        let columns = values.map(\.key).joined(separator: ", ")
        let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try store.database.prepare("INSERT INTO \(table) (\(columns)) VALUES (\(marks))").run(values.map(\.value))
    }

    func center(
        _ id: Int64, _ code: String, name: String? = nil, kind: String = "sub_center", level: String = "county", region: String = "南京市"
    ) throws {
        try insert(
            "centers",
            [
                "id": .integer(id), "code": .text(code), "name": .text(name ?? "单位" + code), "kind": .text(kind),
                "level": .text(level), "region": .text(region),
            ])
    }

    func addCase(
        _ center: Int64, accepted: Int64?, finished: Int64? = nil, status: String = "finished", kind: String = "promised",
        promised: Int64? = nil, paused: Int64 = 0
    ) throws {
        try insert(
            "cases",
            [
                "case_no": .text("CASE-\(next())"), "center_id": .integer(center), "kind": .text(kind), "channel": "window",
                "accepted_at": accepted.sql, "finished_at": finished.sql, "promised_days": promised.sql,
                "paused_days": .integer(paused), "status": .text(status),
            ])
    }

    func addReview(
        _ center: Int64, rating: Int64, rated: Int64, isDefault: Int64 = 0, malicious: Int64 = 0, verified: Int64? = nil,
        rectified: Int64? = nil, revisited: Int64? = nil
    ) throws {
        try insert(
            "reviews",
            [
                "review_no": .text("REVIEW-\(next())"), "center_id": .integer(center), "rating": .integer(rating),
                "channel": "pc", "is_default": .integer(isDefault), "is_malicious": .integer(malicious),
                "rated_at": .integer(rated), "verified_at": verified.sql, "rectified_at": rectified.sql,
                "revisited_at": revisited.sql,
            ])
    }

    func addInspection(_ center: Int64, at time: Int64, severity: String) throws {
        try insert(
            "inspections",
            [
                "id": .integer(next()), "center_id": .integer(center), "inspected_at": .integer(time), "mode": "open",
                "inspector_level": "city", "category": "窗口纪律", "severity": .text(severity),
            ])
    }

    func addIntegration(_ center: Int64, system: String, status: String, connected: Int64? = nil) throws {
        try insert(
            "integrations",
            [
                "center_id": .integer(center), "system": .text(system), "status": .text(status),
                "connected_at": connected.sql,
            ])
    }

    func addComplaint(_ center: Int64, received: Int64, due: Int64?, closed: Int64?, substantiated: Int64 = 0) throws {
        try insert(
            "complaints",
            [
                "id": .integer(next()), "center_id": .integer(center), "received_at": .integer(received),
                "due_at": due.sql, "closed_at": closed.sql, "substantiated": .integer(substantiated),
            ])
    }

    /// Parses, checks (against this store's schema) and evaluates `rules`; a rule file with errors fails the test.
    func run(_ rules: String, overrides: [String: String] = [:]) throws -> ResultsDocument {
        try evaluate(rules, on: store, overrides: overrides)
    }
}

/// Parses, checks and evaluates `rules` over `store`, recording every diagnostic as a test issue.
func evaluate(_ rules: String, on store: Store, overrides: [String: String] = [:]) throws -> ResultsDocument {
    let source = SourceFile(name: "test.rules", text: rules)
    let parsed = Parser.parse(source)
    let checked = Checker.check(parsed.file, schema: try SchemaCatalog(store: store), overrides: overrides)
    let diagnostics = parsed.diagnostics + checked.diagnostics
    // Warnings (such as a rate with no empty-population policy) are allowed; errors fail the test.
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors == [], "\(DiagnosticPrinter(source: source, english: true).render(errors))")
    let plan = try #require(checked.plan)
    return try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: String(repeating: "0", count: 64))
}

/// The instant of `hour:minute:second` China time on `day` (YYYY-MM-DD), as Unix seconds.
func at(_ day: String, _ hour: Int = 9, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
    guard let civil = CivilDay(day) else { preconditionFailure("test day \(day) is not a day") }
    return civil.startInstant + Int64(hour * 3600 + minute * 60 + second)
}

/// An assessment header over 2024 with the usual four grades and no grouping.
let header = """
    assessment "测试考核" {
      period 2024-01-01 .. 2024-12-31
      grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
    }

    """

extension ResultsDocument {
    /// The result of the center with `code`.
    func center(_ code: String) throws -> CenterResult {
        try #require(centers.first { $0.code == code }, "no center \(code)")
    }

    /// The result of indicator `id` of the center with `code`.
    func indicator(_ code: String, _ id: String) throws -> IndicatorResult {
        try #require(try center(code).indicators.first { $0.id == id }, "no indicator \(id) for \(code)")
    }
}

/// `value` rounded to six decimals, for comparing sums of doubles with hand-worked decimals.
func six(_ value: Double?) -> Double? {
    value.map { ($0 * 1_000_000).rounded() / 1_000_000 }
}

/// An indicator result as `status points/max` with six decimals, e.g. `ok 25.0/50.0`.
func summary(_ result: IndicatorResult) -> String {
    "\(result.status.rawValue) \(six(result.points)!)/\(six(result.maxPoints)!)"
}

/// Files that ship with the project, found from this source file's location.
enum ProjectFolder {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var calendars: String { root.appendingPathComponent("Rules/calendars").path }
    /// The first, four-indicator version of the default rules, frozen as a fixture so these tests keep their
    /// hand-worked values while `Rules/jiangsu-2024.rules` grows.
    static var shippedRules: String { root.appendingPathComponent("Tests/Fixtures/jiangsu-core-4.rules").path }
}
