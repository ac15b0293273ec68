import Foundation
import KaopingResults
import KaopingSyntax
import Testing

/// The documents that describe the rules and the results are held to them: `docs/assessment-2020.md` states each
/// indicator's points, measure and score rule as `Rules/jiangsu-2024.rules` does, and `docs/results-format.md`
/// documents every field a results document has.
@Suite("Documents agree with the rules and the results")
struct DocumentsAgreeTests {
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: ShippedRules.path(relative), encoding: .utf8)
    }

    /// The cells of the Markdown table rows of `text` (rows starting with `|`, the header's rule left out); `\|`
    /// in a cell is a `|` of its text.
    static func rows(_ text: Substring) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("|---") }.map { line in
            line.dropFirst().dropLast().replacingOccurrences(of: "\\|", with: "\u{1}")
                .split(separator: "|", omittingEmptySubsequences: false).map {
                    $0.replacingOccurrences(of: "\u{1}", with: "|").trimmingCharacters(in: .whitespaces)
                }
        }
    }

    /// The part of `text` from the heading that starts with `heading` to the next heading of that level.
    static func section(_ text: String, _ heading: String) throws -> Substring {
        let start = try #require(text.range(of: "\n" + heading), "no section \(heading)")
        let level = heading.prefix { $0 == "#" } + " "
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n" + level)?.lowerBound ?? text.endIndex
        return text[start.upperBound..<end]
    }

    /// `text` with each run of white space one space.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What the document must say of one declaration of the rule file.
    struct Stated {
        var id: String
        /// The 分值 column: the points, `≤ max` for a bonus, `—` for a veto.
        var points: String
        /// The measure and the score rule (or a veto's condition), as written, white space collapsed.
        var measure: String
        var score: String
        /// The thresholds of the score rule, as written: control points' and bands' measure values, a
        /// deduction's amount, reference and cap. Each must appear in the prose of the scoring rule.
        var thresholds: [String]
    }

    static func stated(_ file: RuleFile) -> [Stated] {
        let source = file.source
        func text(_ expression: KaopingSyntax.Expression?) -> String { expression.map { collapsed(source.text($0.range)) } ?? "" }
        func thresholds(_ rule: ScoreRule?) -> [String] {
            switch rule {
            case .linear(let points, _)?: return points.map { text($0.input) }
            case .bands(let bands, _)?: return bands.compactMap { $0.bound.map(text) }
            case .deduct(let rule)?: return [rule.amount, rule.reference, rule.maximum].map(text).filter { !$0.isEmpty }
            default: return []
            }
        }
        return file.declarations.compactMap { declaration in
            switch declaration {
            case .indicator(let indicator):
                return Stated(
                    id: indicator.id.text, points: text(indicator.points), measure: text(indicator.measure),
                    score: indicator.score.map { collapsed(source.text($0.range)) } ?? "", thresholds: thresholds(indicator.score))
            case .adjustment(let adjustment):
                return Stated(
                    id: adjustment.id.text, points: "≤ " + text(adjustment.maximum), measure: text(adjustment.measure),
                    score: adjustment.score.map { collapsed(source.text($0.range)) } ?? "", thresholds: thresholds(adjustment.score))
            case .veto(let veto):
                return Stated(id: veto.id.text, points: "—", measure: text(veto.condition), score: "", thresholds: [])
            default: return nil
            }
        }
    }

    @Test(
        "docs/assessment-2020.md: every indicator, bonus and veto of jiangsu-2024.rules, with its points, thresholds, measure and score rule"
    )
    func assessmentDocument() throws {
        let parsed = Parser.parse(SourceFile(name: "jiangsu-2024.rules", text: try Self.text("Rules/jiangsu-2024.rules")))
        let stated = Self.stated(parsed.file)
        #expect(stated.count >= 20)
        let document = try Self.text("docs/assessment-2020.md")
        let table = Self.rows(try Self.section(document, "## 二、指标体系表"))
        let verbatim = Self.rows(try Self.section(document, "## 七、规则原文对照"))
        for item in stated {
            let row = table.first { $0.count >= 8 && $0[2].contains("（`\(item.id)`）") }
            #expect(row != nil, "section 二 has no row for \(item.id)")
            if let row {
                #expect(row[7] == item.points, "\(item.id): 分值 \(row[7]), the rules say \(item.points)")
                for threshold in item.thresholds {
                    #expect(row[6].contains(threshold), "\(item.id): the scoring rule \(row[6]) does not mention \(threshold)")
                }
            }
            let written = verbatim.first { $0.first == "`\(item.id)`" }
            #expect(written != nil, "section 七 has no row for \(item.id)")
            if let written, written.count == 4 {
                #expect(written[1] == item.points, "\(item.id): 分值")
                #expect(written[2] == "`\(item.measure)`", "\(item.id): measure \(written[2]), the rules say `\(item.measure)`")
                #expect(written[3] == (item.score.isEmpty ? "—" : "`\(item.score)`"), "\(item.id): score \(written[3])")
            }
        }
        // No row for an id the rules do not have.
        let ids = Set(stated.map { "`\($0.id)`" })
        for row in verbatim.dropFirst() { #expect(ids.contains(row[0]), "section 七 has \(row[0]), which the rules do not") }
    }

    /// Every field path of `value`: `assessment.period.start`, `centers[].indicators[].points`, `lists[].top[]`.
    static func paths(_ value: JSONValue, _ prefix: String = "", into found: inout Set<String>) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                let path = prefix.isEmpty ? key : prefix + "." + key
                found.insert(path)
                paths(member, path, into: &found)
            }
        case .array(let elements):
            for element in elements { paths(element, prefix + "[]", into: &found) }
        default: break
        }
    }

    @Test("docs/results-format.md documents every field of a results document with vetoes, limits, adjustments and lists")
    func resultsDocument() throws {
        let (results, _) = try ShippedRules.assess("Rules/examples/nanjing-2024.rules")
        var found: Set<String> = []
        Self.paths(results.json, into: &found)
        // The document walked has the rarer fields, so the check below is not vacuous.
        for path in [
            "centers[].veto.reason", "centers[].grade_limits[].grade_before", "assessment.tie_breaks[].key",
            "centers[].adjustments[].held_back", "data_coverage[].first_day", "lists[].top", "data_quality[].reason",
        ] {
            #expect(found.contains(path), "\(path)")
        }
        let document = try Self.text("docs/results-format.md")
        // Each section's table, by the paths its heading names (`## Top level` names the document itself).
        var tables: [String: [[String]]] = [:]
        for part in document.components(separatedBy: "\n#").dropFirst() {
            let heading = part.prefix { $0 != "\n" }
            let names =
                heading.contains("Top level")
                ? [""] : heading.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            for name in names { tables[name, default: []] += Self.rows(part[...]) }
        }
        /// Whether `key` of the object at `parent` is documented: a row of the parent's table names it, or the row
        /// that documents the parent itself mentions it.
        func documented(_ parent: String, _ key: String) -> Bool {
            if let rows = tables[parent], rows.contains(where: { $0.first?.contains("`\(key)`") == true }) { return true }
            let field = parent.hasSuffix("[]") ? String(parent.dropLast(2)) : parent
            let dot = field.lastIndex(of: ".")
            let grandparent = dot.map { String(field[..<$0]) } ?? ""
            let name = dot.map { String(field[field.index(after: $0)...]) } ?? field
            guard let row = tables[grandparent]?.first(where: { $0.first?.contains("`\(name)`") == true }) else { return false }
            return row.joined(separator: " ").range(of: "\\b\(key)\\b", options: .regularExpression) != nil
        }
        for path in found.sorted() {
            let dot = path.lastIndex(of: ".")
            let parent = dot.map { String(path[..<$0]) } ?? ""
            let key = dot.map { String(path[path.index(after: $0)...]) } ?? path
            #expect(documented(parent, key), "results-format.md does not document \(path)")
        }
    }
}
