import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

extension LanguageConstructTests {
    @Suite("Language: include")
    struct IncludeConstructTests {
        /// main.rules includes shared/defs.rules (which includes params.rules beside it, in shared/) and
        /// shared/params.rules again (read once). The included `limit = 5` is used by main's indicator; the
        /// included indicator is evaluated.
        ///
        /// I1's cases promise 3, 5 and 8 days: local = count(promised ≤ 5) × 10 = 2 × 10 = 20; shared_count =
        /// count() × 5 = 3 × 5 = 15; total 35. With `limit=8`: local = 3 × 10 = 30; total 45.
        @Test("An included parameter and indicator are used; a file included twice is read once; --param reaches an included parameter")
        func includedDefinitions() throws {
            let test = try TestStore(calendar: false)
            let shared = (test.folder as NSString).appendingPathComponent("shared")
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            let main = (test.folder as NSString).appendingPathComponent("main.rules")
            try """
            include "shared/defs.rules"
            include "shared/params.rules"
            \(assessment())
            indicator local "本地指标" {
              category "测试"
              points 50
              from cases
              measure count(where promised_days <= limit)
              score measure * 10
            }
            """.write(toFile: main, atomically: true, encoding: .utf8)
            try """
            # 共用定义
            include "params.rules"
            indicator shared_count "共用指标" {
              category "测试"
              points 50
              from cases
              measure count()
              score measure * 5
            }
            """.write(toFile: (shared as NSString).appendingPathComponent("defs.rules"), atomically: true, encoding: .utf8)
            try "param limit = 5   # 共用参数\n".write(
                toFile: (shared as NSString).appendingPathComponent("params.rules"), atomically: true, encoding: .utf8)

            try test.center(1, "I1")
            for promised in [3, 5, 8] as [Int64] { try test.addCase(1, accepted: at("2024-03-01"), promised: promised) }

            #expect(try RuleLoader.load(path: main).files.count == 3)
            let doc = try evaluateFile(main, on: test.store)
            #expect(try doc.indicator("I1", "local").measure == 2)
            #expect(try doc.indicator("I1", "local").points == 20)
            #expect(try doc.indicator("I1", "shared_count").points == 15)
            #expect(try doc.center("I1").total == 35)
            #expect(doc.assessment.parameters.map { "\($0.name)=\($0.value) \($0.overridden)" } == ["limit=5 false"])

            let overridden = try evaluateFile(main, on: test.store, overrides: ["limit": "8"])
            #expect(try overridden.indicator("I1", "local").points == 30)
            #expect(try overridden.center("I1").total == 45)
            #expect(overridden.assessment.parameters.map { "\($0.name)=\($0.value) \($0.overridden)" } == ["limit=8 true"])
        }

        /// a → b → c → a: the include in c closes the cycle (the two-file cycle is pinned in DiagnosticCoverageTests).
        @Test("A cycle through three files is K0120 at the include in the file that closes it")
        func threeFileCycle() throws {
            let test = try TestStore(calendar: false)
            func write(_ name: String, _ text: String) throws {
                try text.write(toFile: (test.folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            try write("a.rules", "include \"b.rules\"\n")
            try write("b.rules", "include \"c.rules\"\n")
            try write("c.rules", "param x = 1\ninclude \"a.rules\"\n")
            let loader = try RuleLoader.load(path: (test.folder as NSString).appendingPathComponent("a.rules"))
            #expect(loader.diagnostics.map(\.id) == ["K0120"])
            let diagnostic = try #require(loader.diagnostics.first)
            #expect(diagnostic.file.hasSuffix("/c.rules"))
            let source = try #require(loader.sources.first { $0.name == diagnostic.file })
            #expect(source.location(of: diagnostic.range.start).line == 2)
            #expect(loader.files.count == 3)
        }

        /// shared/defs.rules says `include "extra.rules"`: that is shared/extra.rules, which does not exist, even
        /// though an extra.rules sits beside main.rules.
        @Test("An include is resolved from the including file's folder: a file only beside the root is missing (K0121)")
        func missingRelativeToIncludingFile() throws {
            let test = try TestStore(calendar: false)
            let shared = (test.folder as NSString).appendingPathComponent("shared")
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            try "include \"shared/defs.rules\"\n".write(
                toFile: (test.folder as NSString).appendingPathComponent("main.rules"), atomically: true, encoding: .utf8)
            try "param y = 2\n".write(
                toFile: (test.folder as NSString).appendingPathComponent("extra.rules"), atomically: true, encoding: .utf8)
            try "param x = 1\ninclude \"extra.rules\"\n".write(
                toFile: (shared as NSString).appendingPathComponent("defs.rules"), atomically: true, encoding: .utf8)
            let loader = try RuleLoader.load(path: (test.folder as NSString).appendingPathComponent("main.rules"))
            #expect(loader.diagnostics.map(\.id) == ["K0121"])
            #expect(loader.diagnostics.first?.file.hasSuffix("/shared/defs.rules") == true)
            #expect(loader.files.count == 2)
        }
    }
}
