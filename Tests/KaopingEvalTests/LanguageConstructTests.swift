import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// Every construct of the complete rule language (issue 4) that the other evaluation tests do not pin, each on
/// a tiny store with its value worked out by hand in a comment.
@Suite("Language constructs, hand-worked")
struct LanguageConstructTests {}

/// An assessment header over 2024 with the usual grades, and `extra` lines inside the block.
func assessment(_ extra: String = "") -> String {
    """
    assessment "语言构造" {
      period 2024-01-01 .. 2024-12-31
      grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
    \(extra)
    }

    """
}

/// One indicator `m` with 1000 points that scores its measure, so the measure can be read back unclamped
/// (negative measures give 0 points but keep their measure).
func measuring(from: String, _ measure: String) -> String {
    assessment() + """
        indicator m "计量" {
          category "测试"
          points 1000
          from \(from)
          measure \(measure)
          score measure
        }
        """
}

/// `path points/max` of a category subtotal, six decimals.
func subtotal(_ category: CategorySubtotal) -> String {
    "\(category.path) \(six(category.points)!)/\(six(category.maxPoints)!)"
}

/// Loads `path` with its includes, checks it against `store` and evaluates it; errors fail the test.
func evaluateFile(_ path: String, on store: Store, overrides: [String: String] = [:]) throws -> ResultsDocument {
    let loader = try RuleLoader.load(path: path)
    let checked = Checker.check(loader.files, schema: try SchemaCatalog(store: store), overrides: overrides)
    let errors = (loader.diagnostics + checked.diagnostics).filter { $0.severity == .error }
    #expect(errors.map(\.id) == [], "\(errors.map(\.englishMessage))")
    let plan = try #require(checked.plan)
    return try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: String(repeating: "0", count: 64))
}

extension TestStore {
    /// A case with the columns the lookup and string tests read.
    func languageCase(
        _ number: String, center: Int64, item: String?, kind: String = "promised", channel: String = "window", status: String = "finished",
        accepted: Int64, finished: Int64?, promised: Int64?
    ) throws {
        try insert(
            "cases",
            [
                "case_no": .text(number), "center_id": .integer(center), "item_code": item.sql, "kind": .text(kind),
                "channel": .text(channel), "accepted_at": .integer(accepted), "finished_at": finished.sql,
                "promised_days": promised.sql, "status": .text(status),
            ])
    }

    /// A center with an optional parent.
    func languageCenter(_ id: Int64, _ code: String, name: String, kind: String, level: String, parent: Int64?) throws {
        try insert(
            "centers",
            [
                "id": .integer(id), "code": .text(code), "name": .text(name), "kind": .text(kind), "level": .text(level),
                "region": "南京市", "parent_id": parent.sql,
            ])
    }
}

// MARK: - Structure
