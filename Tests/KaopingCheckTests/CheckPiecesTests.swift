import Foundation
import Testing

@testable import KaopingCheck
@testable import KaopingSyntax

/// A file with many indicators is checked in pieces on several threads (`Checker+Pieces.swift`); the plan
/// and the diagnostics must be exactly those of checking it in one piece.
@Suite("Checking in pieces")
struct CheckPiecesTests {
    static let files = ["Rules/jiangsu-2020.rules", "Rules/jiangsu-2021.rules", "Rules/examples/yinchuan-branch-halls.rules"]

    static func expectSameInPieces(_ files: [RuleFile]) {
        let whole = Checker.check(files, schema: .canonical, overrides: [:], pieces: 1)
        for pieces in 2...6 {
            let checked = Checker.check(files, schema: .canonical, overrides: [:], pieces: pieces)
            #expect(checked.plan == whole.plan, "\(pieces) pieces")
            #expect(checked.diagnostics == whole.diagnostics, "\(pieces) pieces")
        }
    }

    @Test("The shipped rule files check alike in one to six pieces", arguments: files)
    func shipped(_ path: String) throws {
        let loader = try RuleLoader.load(path: ProjectFolder.root.appendingPathComponent(path).path)
        #expect(!loader.diagnostics.hasErrors)
        Self.expectSameInPieces(loader.files)
    }

    @Test("Pieces that add columns, center columns and aggregates in other orders are renumbered as one")
    func renumbered() {
        let text = """
            assessment "A" {
              period 2024-01-01 .. 2024-12-31
              total 100
              grades { 合格 >= 60; 不合格 }
            }
            param days = 15
            param unused = 1
            param late = 3
            indicator a "A" {
              points 40
              from cases where status == "finished"
              measure rate(finished_at <= accepted_at + days workdays)
              score linear { 90% -> 0; 100% -> 40 }
              when empty: zero
            }
            indicator b "B" {
              points 30
              from reviews where rating <= 2
              measure count() + count(where center.level == "county")
              score deduct 1 per 1 max 30
            }
            veto v "V" when count(cases where kind == "promised") > 10 and level == "city"
            indicator c "C" {
              points 30
              from cases where kind == "promised"
              measure rate(workdays(accepted_at, finished_at) <= promised_days) * 100 + count(where status == "finished")
              score measure / 100 * points
            }
            bonus x "X" {
              from inspections where center.region != ""
              measure count()
              score 1 * measure
              max late
            }
            indicator d "D" {
              points 0
              from cases where status == "finished"
              measure rate(finished_at <= accepted_at + days workdays)
              score linear { 90% -> 0; 100% -> 0 }
              when empty: zero
            }
            """
        let parsed = Parser.parse(SourceFile(name: "pieces.rules", text: text))
        #expect(parsed.diagnostics.isEmpty)
        let whole = Checker.check([parsed.file], schema: .canonical, overrides: [:], pieces: 1)
        #expect(whole.diagnostics.map { (diagnostic: Diagnostic) in diagnostic.id }.contains("K0255"))
        Self.expectSameInPieces([parsed.file])
    }

    @Test("A copy of the 2020 rules with mistakes in several indicators gives the same diagnostics in pieces")
    func withMistakes() throws {
        var text = try String(contentsOf: ProjectFolder.root.appendingPathComponent("Rules/jiangsu-2020.rules"), encoding: .utf8)
        text = text.replacingOccurrences(of: "status", with: "statsu")
        let parsed = Parser.parse(SourceFile(name: "mistakes.rules", text: text))
        let whole = Checker.check([parsed.file], schema: .canonical, overrides: [:], pieces: 1)
        let unknown = whole.diagnostics.filter { (diagnostic: Diagnostic) in diagnostic.id == "K0230" || diagnostic.id == "K0231" }
        #expect(unknown.count > 1)
        Self.expectSameInPieces([parsed.file])
    }

    @Test("Aggregates met first in later pieces, and again in several, are numbered as in one piece")
    func aggregatesAcrossPieces() {
        var text = "assessment \"A\" {\n  period 2024-01-01 .. 2024-12-31\n  total 100\n  grades { 合格 >= 60; 不合格 }\n}\n"
        // A few conditions, met in an order that puts the first of each in one piece or another, over two tables
        // whose columns each piece meets in its own order.
        let conditions = ["center_id > 0", "center_id > 1", "status == \"finished\"", "kind == \"promised\" and center_id > 2"]
        for index in 0..<24 {
            let table = index % 3 == 0 ? "reviews" : "cases"
            let own = table == "cases" ? conditions[(index * 7 / 3) % 4] : conditions[index % 2]
            text += """
                indicator i\(index) "I\(index)" {
                  points 1
                  from \(table) where center_id > \(index % 5)
                  measure count(where \(own)) + rate(\(conditions[(index / 5) % 2]))
                  score measure
                }

                """
        }
        let parsed = Parser.parse(SourceFile(name: "aggregates.rules", text: text))
        #expect(parsed.diagnostics.isEmpty)
        let whole = Checker.check([parsed.file], schema: .canonical, overrides: [:], pieces: 1)
        let aggregates = whole.plan?.aggregates ?? []
        #expect(aggregates.count > 24)
        #expect(Set(aggregates.map { Fingerprint.of($0).fingerprint }).count == aggregates.count)
        Self.expectSameInPieces([parsed.file])
    }
}
