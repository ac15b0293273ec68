import Foundation
import KaopingCheck
import KaopingStore
import KaopingSyntax
import Testing

/// `extends`: a variant is its base with the variant's changes; what it changes must be in the base.
@Suite("Variants of a base file (extends, replace, remove)")
struct VariantTests {
    static let base = """
        param floor = 90%
        param days = 2
        assessment "全省考核" {
          period 2024-01-01 .. 2024-12-31
          total 30
          category "效能" 20
          category "评价" 10
          grades { 优秀 >= 90; 合格 >= 60; 不合格 }
          rank by total within level
          lists top 5 bottom 5
        }
        indicator speed "按时办结" {
          category "效能"
          points 10
          from cases
          measure rate(status == "finished")
          score linear { floor -> 0; 100% -> 10 }
          when empty: not_applicable
        }
        indicator windows "一窗受理" {
          category "效能"
          points 10
          from cases
          measure rate(channel == "window")
          score linear { 50% -> 0; 100% -> 10 }
          when empty: not_applicable
        }
        indicator reviews_good "好评率" {
          category "评价"
          points 10
          from reviews
          measure rate(rating >= 4)
          score linear { 90% -> 0; 100% -> 10 }
          when empty: not_applicable
        }
        bonus extra "加分" {
          from cases
          measure rate(one_thing == 1)
          score linear { 0% -> 0; 10% -> 1 }
          max 1
        }
        veto serious "严重问题" {
          when count(inspections where severity == "serious") > days
        }
        test "全省的测试" {
          expect "C1" speed == 0
        }

        """

    /// Checks `variant` (as `city.rules`, extending `base.rules` beside it); the plan and the diagnostics.
    static func check(_ variant: String, base: String = VariantTests.base) throws -> (
        plan: Plan?, diagnostics: [Diagnostic], folder: TemporaryFolder
    ) {
        let folder = try TemporaryFolder()
        try folder.write("base.rules", base)
        try folder.write("city.rules", variant)
        let loader = try RuleLoader.load(path: folder.path("city.rules"))
        let checked = Checker.check(loader.files, schema: .canonical)
        return (checked.plan, loader.diagnostics + checked.diagnostics, folder)
    }

    @Test(
        "The base's declarations with the variant's: parameters given anew, settings replaced, indicators replaced in place, removed and added"
    )
    func merged() throws {
        let (plan, diagnostics, _) = try Self.check(
            """
            extends "base.rules"
            param floor = 95%
            assessment "南京市考核" {
              grades { 优秀 >= 85; 不合格 }
              lists top 3
            }
            replace indicator windows "一窗受理" {
              category "效能"
              points 10
              from cases
              measure rate(channel == "window")
              score linear { 60% -> 0; 100% -> 10 }
            }
            remove bonus extra
            indicator active "主动评价率" {
              category "评价"
              points 10
              from reviews
              measure rate(is_default == 0)
              score linear { 10% -> 0; 30% -> 10 }
            }
            remove indicator reviews_good

            """)
        #expect(diagnostics.filter { $0.severity == .error } == [])
        let checked = try #require(plan)
        #expect(checked.title == "南京市考核")
        #expect(checked.periodStart == CivilDay(year: 2024, month: 1, day: 1)?.number)
        #expect(checked.grades.map { $0.name } == ["优秀", "不合格"])
        #expect(checked.rankWithin == ["level"])
        #expect(checked.total == 30)
        #expect(checked.categories.map { $0.path } == ["效能", "评价"])
        // `lists top 3` replaces the whole setting: no bottom list.
        #expect(checked.listTop == 3)
        #expect(checked.listBottom == 0)
        #expect(checked.indicators.map { $0.id } == ["speed", "windows", "active"])
        #expect(checked.adjustments.isEmpty)
        #expect(checked.vetoes.map { $0.id } == ["serious"])
        #expect(checked.parameters.map { $0.display } == ["2", "95%"])
        // The replaced indicator is the variant's: its band starts at 60%.
        #expect(checked.indicators[1].score != checked.indicators[0].score)
    }

    @Test("The base's rule tests are not the variant's")
    func baseTestsLeftOut() throws {
        let folder = try TemporaryFolder()
        try folder.write("base.rules", Self.base)
        try folder.write("city.rules", "extends \"base.rules\"\n")
        let loader = try RuleLoader.load(path: folder.path("city.rules"))
        #expect(loader.files.map(\.isBase) == [false, true])
        let declarations = Checker.declarations(of: loader.files)
        #expect(!declarations.contains { if case .test = $0 { return true } else { return false } })
        #expect(declarations.count(where: { if case .indicator = $0 { return true } else { return false } }) == 3)
    }

    @Test("K0213: a replace or remove of an id the base does not have, at the id, with the nearest id of that kind")
    func unknownID() throws {
        let marked = MarkedSource("extends \"base.rules\"\nremove indicator 1️⃣windows_x\nremove veto 2️⃣speed\n")
        let (plan, diagnostics, folder) = try Self.check(marked.text)
        #expect(plan == nil)
        #expect(diagnostics.map(\.id) == ["K0213", "K0213"])
        #expect(diagnostics.allSatisfy { $0.file == folder.path("city.rules") && $0.severity == .error })
        #expect(diagnostics[0].range.start == marked["1️⃣"])
        #expect(diagnostics[0].englishMessage == "the base has no indicator `windows_x` to remove")
        #expect(diagnostics[0].englishHint == "did you mean `windows`?")
        #expect(diagnostics[1].range.start == marked["2️⃣"])
        #expect(diagnostics[1].englishMessage == "`speed` in the base is an indicator, not a veto")
        #expect(diagnostics[1].englishHint == "write remove indicator speed")
    }

    @Test("K0213: replace or remove in a file that extends no base")
    func noBase() throws {
        let (_, diagnostics, _) = try Self.check(Self.base + "remove bonus extra\n", base: "")
        #expect(diagnostics.map(\.id) == ["K0213"])
        #expect(diagnostics.first?.englishMessage == "`remove` needs a base, and this file extends none")
    }

    @Test("K0203: an id the base has, declared again without replace, says how to replace it")
    func redeclared() throws {
        let (_, diagnostics, folder) = try Self.check(
            """
            extends "base.rules"
            veto serious "严重问题" {
              when count(inspections) > 3
            }

            """)
        #expect(diagnostics.map(\.id) == ["K0203"])
        #expect(diagnostics.first?.file == folder.path("city.rules"))
        #expect(diagnostics.first?.englishMessage == "the base already has the id `serious`")
        #expect(diagnostics.first?.englishHint == "to change it, write replace veto serious …; to add one, choose another id")
    }

    @Test("A problem is reported in the file that has it: a variant's setting in the variant, the base's in the base")
    func problemsWhereWritten() throws {
        let (_, diagnostics, folder) = try Self.check(
            """
            extends "base.rules"
            assessment "南京市考核" {
              period 2024-12-31 .. 2024-01-01
            }

            """, base: Self.base.replacingOccurrences(of: "rank by total within level", with: "rank by total within levle"))
        #expect(diagnostics.map(\.id) == ["K0205", "K0231"])
        #expect(diagnostics.map { ($0.file as NSString).lastPathComponent } == ["city.rules", "base.rules"])
        _ = folder
    }

    @Test("K0122: a file extends one base, and only the file run may extend")
    func oneBase() throws {
        let folder = try TemporaryFolder()
        try folder.write("base.rules", Self.base)
        try folder.write("other.rules", "param other = 1\n")
        try folder.write("shared.rules", "extends \"other.rules\"\n")
        let marked = MarkedSource("extends \"base.rules\"\n1️⃣extends \"other.rules\"\ninclude \"shared.rules\"\n")
        try folder.write("city.rules", marked.text)
        let loader = try RuleLoader.load(path: folder.path("city.rules"))
        #expect(loader.diagnostics.map(\.id) == ["K0122", "K0122"])
        #expect(loader.diagnostics[0].range.start == marked["1️⃣"])
        #expect(loader.diagnostics[0].englishMessage == "a rule file extends one base at most")
        #expect(loader.diagnostics[1].file == folder.path("shared.rules"))
        #expect(loader.diagnostics[1].englishMessage == "only the rule file run may use `extends`")
    }
}
