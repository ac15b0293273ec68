import Foundation
import KaopingCheck
import KaopingStore
import Testing

@testable import KaopingSyntax

/// The diagnostics that no other test pinned: each by id, severity, English message and the line and column of
/// the 1️⃣ marker (written out by hand, so a wrong offset-to-column conversion fails too).
///
/// The K014x diagnostics of rule tests are not here: they come from `KaopingTesting`, which this test target
/// does not depend on.
@Suite("Diagnostics: the ids no other test pins")
struct DiagnosticCoverageTests {
    // MARK: Parser

    static let parseCases: [(id: String, text: String, position: String, english: String)] = [
        (
            "K0111", "indicator a \"A\" {\n  score 1️⃣lognormal { p10 3 }\n}\n", "2:9",
            "`lognormal` needs both `p10` and `median`"
        ),
        (
            "K0130", "test \"t\" {\n  table cases {\n    status | promised_days\n    1️⃣\"finished\" | 5 | 3\n  }\n}\n", "4:5",
            "this row has 3 values but the header has 2 columns"
        ),
    ]

    @Test("A parse error: exactly one, with its id, at its marker", arguments: parseCases)
    func parseError(id: String, text: String, position: String, english: String) throws {
        let marked = MarkedSource(text)
        let source = SourceFile(name: "test.rules", text: marked.text)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics.map(\.id) == [id])
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range.start == marked["1️⃣"])
        let location = source.location(of: diagnostic.range.start)
        #expect("\(location.line):\(location.column)" == position)
        #expect(diagnostic.englishMessage == english)
    }

    // MARK: Checker

    /// Indicator lines over `cases` whose measure and score are valid, for cases about the `from` filter.
    static func filter(_ condition: String) -> String {
        header + indicator("  from cases where " + condition + "\n  measure count()\n  score measure")
    }

    /// The header has 4 lines, so what follows it starts on line 5; `indicator` adds two lines (category,
    /// points) after its first, so the lines it is given start on line 8.
    static let checkCases: [(id: String, severity: Diagnostic.Severity, text: String, position: String, english: String)] = [
        // Names, relations and lists.
        (
            "K0222", .error, header + indicator("  from cases\n  measure 1️⃣item.promised_days\n  score measure"), "9:11",
            "related columns can only be used in row conditions and values"
        ),
        ("K0222", .error, filter("1️⃣\"item\".promised_days > 3"), "8:20", "`.` must follow a relation such as item, case or center"),
        (
            "K0223", .error,
            header + indicator("  from cases\n  measure count(where channel == 1️⃣[\"online\", \"mobile\"])\n  score measure"),
            "9:34", "a list can only follow `in`"
        ),
        ("K0234", .error, filter("1️⃣itme.promised_days > 3"), "8:20", "table `cases` has no relation `itme`"),
        // Times and working days.
        (
            "K0228", .error, filter("finished_at - accepted_at <= 1️⃣5 workdays"), "8:49",
            "`workdays` can only be added to a time, as in rated_at + 15 workdays"
        ),
        ("K0228", .error, filter("paused_days + 1️⃣5 workdays > 3"), "8:34", "`workdays` can only be added to a time or a date"),
        ("K0229", .error, filter("finished_at <= 1️⃣accepted_at + 7"), "8:35", "a time and an integer cannot be combined with `+`"),
        // Values.
        (
            "K0233", .error,
            header + indicator("  from inspections\n  measure sum(case severity { \"serious\" -> 10; else -> 1️⃣\"无\" })\n  score measure"),
            "9:56", "the branches of `case` give different types: an integer and text"
        ),
        (
            "K0235", .error,
            header + indicator("  from centers\n  measure rate(matches(name, 1️⃣2024))\n  score measure\n  when empty: zero"),
            "9:30", "the regular expression must be a constant string"
        ),
        (
            "K0236", .error,
            header + indicator("  from centers\n  measure rate(matches(name, 1️⃣\"(分中心\"))\n  score measure\n  when empty: zero"),
            "9:30", "`(分中心` is not a valid regular expression"
        ),
        (
            "K0249", .error,
            header + indicator("  from cases\n  measure percentile(workdays(accepted_at, finished_at), 1️⃣150%)\n  score measure"),
            "9:58", "the percentile must be between 0% and 100%"
        ),
        (
            "K0251", .error, header + "param x = 1️⃣1 / 0\n" + indicator("  from cases\n  measure count() * x\n  score measure"), "5:11",
            "a parameter's value must be a constant (a number, percentage, date or string)"
        ),
        // Declared tables.
        (
            "K0298", .error, header + "table extra {\n  center_id integer\n  found_at 1️⃣datetime period\n}\n", "7:12",
            "unknown column type `datetime`"
        ),
        (
            "K0299", .error, header + "table cases {\n  1️⃣lateness integer\n}\n", "6:3",
            "table `cases` has no column `lateness`, which the declaration lists"
        ),
        (
            "K0299", .error, header + "table cases {\n  status 1️⃣integer\n}\n", "6:10",
            "`cases.status` is text, but the declaration says an integer"
        ),
        (
            "K0246", .error, header + "table 1️⃣lookup {\n  code text\n}\n", "5:7",
            "table `lookup` needs a `center_id` column to be assessed per center"
        ),
        (
            "K0232", .error, header + indicator("  from cases\n  measure count(1️⃣findings where item == \"x\")\n  score measure"), "9:17",
            "the data has no table or column `findings`"
        ),
        // Indicators, bonuses and scores.
        (
            "K0266", .error,
            header + "indicator a \"A\" {\n  points 10\n  weight 1️⃣2\n  from cases\n  measure count()\n  score measure\n}\n",
            "7:10", "give either `points` or `weight`, not both"
        ),
        (
            "K0267", .error, header + "indicator a \"A\" {\n  weight 1️⃣2\n  from cases\n  measure count()\n  score measure\n}\n", "6:10",
            "with `weight`, the assessment must declare its `total`"
        ),
        (
            "K0237", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  rank by total, then 1️⃣timelines\n}\n"
                + indicator("  from cases\n  measure count()\n  score measure", id: "timeliness"),
            "4:23", "the indicator `timelines` that breaks ties does not exist"
        ),
        ("K0256", .error, header + "limit 1️⃣l \"L\" {\n  at most 合格\n}\n", "5:7", "the grade limit `l` has no `when` condition"),
        ("K0257", .error, header + "limit 1️⃣l \"L\" when count(complaints) > 0\n", "5:7", "the grade limit `l` says no limit"),
        (
            "K0258", .error, header + "limit l \"L\" when count(complaints) > 0 at most 1️⃣良\n", "5:48",
            "there is no grade `良`"
        ),
        (
            "K0259", .error, header + "limit l \"L\" when count(complaints) > 0 downgrade 1️⃣1.5\n", "5:50",
            "`downgrade` takes how many grades lower (a whole number from 1)"
        ),
        (
            "K0269", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  category \"窗口作风\" 10\n}\n"
                + "deduction d \"D\" {\n  category 1️⃣\"窗口做风\"\n  from inspections\n  measure count()\n  max 5\n}\n",
            "7:12", "the category `窗口做风` a deduction is taken from is not declared in the assessment"
        ),
        ("K0268", .error, header + "bonus 1️⃣b \"B\" {\n  from cases\n  measure count()\n}\n", "5:7", "`b` has no `max` (its cap)"),
        (
            "K0274", .error, header + indicator("  from inspections\n  measure count()\n  score deduct 2 per 1️⃣0"), "10:22",
            "the unit after `per` must be greater than 0"
        ),
        (
            "K0275", .error,
            header
                + indicator("  from cases\n  measure median(workdays(accepted_at, finished_at))\n  score 1️⃣lognormal { p10 8; median 3 }"),
            "10:9", "`lognormal` needs 0 < p10 < median"
        ),
        // Units: a rate's values are percentages, points are never one.
        (
            "K0281", .error,
            header
                + indicator("  from cases\n  measure rate(corrections <= 1)\n  score bands { >= 1️⃣95 -> 10; else -> 0 }\n  when empty: full"),
            "10:20", "the measure is a rate (0 to 100%): write 95 as a percentage"
        ),
        (
            "K0281", .error,
            header + "param floor = 90\n"
                + indicator(
                    "  from cases\n  measure rate(corrections <= 1)\n  score linear { 1️⃣floor -> 0; 100% -> 10 }\n  when empty: full"),
            "11:18", "the measure is a rate (0 to 100%): the parameter floor, 90, must be a percentage"
        ),
        (
            "K0281", .error,
            header + "veto v \"V\" when rate(cases, corrections > 1) > 1️⃣30\n", "5:48",
            "the measure is a rate (0 to 100%): write 30 as a percentage"
        ),
        (
            "K0281", .error,
            header
                + indicator(
                    "  from cases\n  measure rate(corrections <= 1)\n  score case { measure >= 1️⃣95 -> full; else -> 0 }\n  when empty: full"
                ),
            "10:27", "the measure is a rate (0 to 100%): write 95 as a percentage"
        ),
        (
            "K0282", .warning,
            header
                + indicator("  from cases\n  measure rate(corrections <= 1)\n  score linear { 1️⃣0.9% -> 0; 100% -> 10 }\n  when empty: full"),
            "10:18", "the measure is a rate, and 0.9% is under 1%"
        ),
        (
            "K0283", .error,
            header
                + indicator(
                    "  from cases\n  measure rate(corrections <= 1)\n  score linear { 90% -> 0; 100% -> 1️⃣100% }\n  when empty: full"),
            "10:36", "points are meant here, not the percentage 100%"
        ),
        (
            "K0283", .error, header + "bonus b \"B\" {\n  from cases\n  measure count()\n  max 5\n  gate 1️⃣80%\n}\n", "9:8",
            "points are meant here, not the percentage 80%"
        ),
        (
            "K0283", .error, header + "bonus b \"B\" {\n  from cases\n  measure count()\n  max 1️⃣5%\n}\n", "8:7",
            "points are meant here, not the percentage 5%"
        ),
        (
            "K0283", .error, "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 1️⃣90%; 不合格 }\n}\n", "3:18",
            "points are meant here, not the percentage 90%"
        ),
        (
            "K0284", .error,
            header
                + indicator("  from cases\n  measure rate(corrections <= 1)\n  score linear { 90% -> 0; 100% -> 1️⃣15 }\n  when empty: full"),
            "10:36", "the score rule gives up to 15 points, more than its 10 points"
        ),
        (
            "K0284", .error,
            header + "bonus b \"B\" {\n  from cases\n  measure rate(one_thing == 1)\n  score linear { 5% -> 0; 15% -> 1️⃣3 }\n  max 2\n}\n",
            "8:34", "the score rule gives up to 3 points, more than its cap of 2"
        ),
        (
            "K0285", .warning,
            header
                + indicator("  from cases\n  measure rate(corrections <= 1)\n  score bands { >= 95% -> 1️⃣8; else -> 0 }\n  when empty: full"),
            "10:27", "the score rule gives at most 8 points, never its 10 points"
        ),
        (
            "K0286", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  total 10\n  grades { 优秀 >= 9; 不合格 }\n}\n"
                + "indicator a \"A\" {\n  weight 1\n  from cases\n  measure rate(corrections <= 1)\n  score linear { 90% -> 0; 100% -> 1️⃣10 }\n"
                + "  when empty: full\n}\n",
            "10:36",
            "an indicator with `weight` has its points worked out from the total, so its score rule must give shares of full"
        ),
        // The category tree.
        (
            "K0290", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  category \"服务效能\" 40\n  category 1️⃣\"服务效能\" 20\n}\n",
            "5:12", "the category `服务效能` is declared twice"
        ),
        (
            "K0291", .error,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  category \"服务效能\" 40 {\n"
                + "    category \"限时办结\" 40 {\n      category 1️⃣\"按时办结\" 40\n    }\n  }\n}\n",
            "6:16", "categories have at most two levels"
        ),
        // Lints (warnings: the plan is still made).
        (
            "K0292", .warning,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  category \"服务效能\" 10\n}\n"
                + "indicator a \"A\" {\n  category 1️⃣\"服务效率\"\n  points 10\n  from cases\n  measure count()\n  score measure\n}\n",
            "7:12", "the category `服务效率` is not among the assessment's categories"
        ),
        (
            "K0293", .warning,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  total 1️⃣100\n}\n"
                + "indicator a \"A\" {\n  points 30\n  from cases\n  measure count()\n  score measure\n}\n",
            "4:9", "the indicators' points add up to 30, not the declared total 100"
        ),
        (
            "K0294", .warning,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  category \"服务效能\" 1️⃣40 {\n"
                + "    category \"限时办结\" 25\n    category \"服务便利\" 10\n  }\n}\n",
            "4:19", "the sub-categories of `服务效能` add up to 35, not its 40 points"
        ),
        (
            "K0294", .warning,
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  category \"好差评\" 1️⃣25\n}\n"
                + "indicator a \"A\" {\n  category \"好差评\"\n  points 20\n  from reviews\n  measure count()\n  score measure\n}\n",
            "4:18", "the indicators of `好差评` add up to 20, not its 25 points"
        ),
        (
            "K0296", .warning,
            header + indicator("  from cases\n  measure 1️⃣rate(status == \"finished\")\n  score linear { 90% -> 0; 100% -> 10 }"), "9:11",
            "the rate `a` does not say what an empty population means (the default is not_applicable)"
        ),
        (
            "K0297", .warning,
            header + indicator("  from cases\n  measure count(where status == \"finished\") / 1️⃣count()\n  score measure"),
            "9:47", "the divisor can be 0, and then the result is null (the row or center does not count)"
        ),
    ]

    @Test("A checker diagnostic: one of its id, at its marker, with its severity and message", arguments: checkCases)
    func checkerDiagnostic(id: String, severity: Diagnostic.Severity, text: String, position: String, english: String) throws {
        let marked = MarkedSource(text)
        let checked = check(marked.text)
        #expect(checked.parseDiagnostics == [], "the case must parse cleanly")
        let found = checked.diagnostics.filter { $0.id == id }
        #expect(found.count == 1, "\(checked.diagnostics.map { "\($0.id)@\(checked.position($0))" })")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == severity)
        #expect(diagnostic.range.start == marked["1️⃣"])
        #expect(checked.position(diagnostic) == position)
        #expect(diagnostic.englishMessage == english)
        // An error withholds the plan; a warning is the only problem of its case and leaves the plan.
        if severity == .error {
            #expect(checked.plan == nil)
        } else {
            #expect(checked.errors == [])
            #expect(checked.plan != nil)
        }
    }

    @Test("The hints that name what was meant: K0234 the nearest relation, K0292 the nearest declared category")
    func suggestions() {
        let relation = check(Self.filter("itme.promised_days > 3")).diagnostics.first { $0.id == "K0234" }
        #expect(relation?.englishHint == "did you mean `item`?")
        #expect(relation?.hint == "是否想写“item”？")
        let category = check(
            "assessment \"考核\" {\n  period 2024-01-01 .. 2024-12-31\n  grades { 优秀 >= 90; 不合格 }\n  category \"服务效能\" 10\n}\n"
                + "indicator a \"A\" {\n  category \"服务效率\"\n  points 10\n  from cases\n  measure count()\n  score measure\n}\n"
        ).diagnostics.first { $0.id == "K0292" }
        #expect(category?.englishHint == "did you mean `服务效能`?")
    }

    // MARK: Includes

    @Test("K0120: an include cycle is one error, at the include that closes it, in the file that says it")
    func includeCycle() throws {
        let folder = try TemporaryFolder()
        try folder.write("main.rules", "include \"b.rules\"\n")
        let marked = MarkedSource("# 共用定义\n1️⃣include \"main.rules\"\n")
        try folder.write("b.rules", marked.text)
        let loader = try RuleLoader.load(path: folder.path("main.rules"))
        #expect(loader.diagnostics.map(\.id) == ["K0120"])
        let diagnostic = try #require(loader.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file.hasSuffix("/b.rules"))
        #expect(diagnostic.range.start == marked["1️⃣"])
        let source = try #require(loader.sources.first { $0.name == diagnostic.file })
        let location = source.location(of: diagnostic.range.start)
        #expect("\(location.line):\(location.column)" == "2:1")
        #expect(diagnostic.englishMessage == "the includes form a cycle: `main.rules` includes this file again")
        // Each file is read once.
        #expect(loader.files.count == 2)
    }

    @Test("K0121: a missing included file is one error at its path, and the including file is still read")
    func includeMissing() throws {
        let folder = try TemporaryFolder()
        let marked = MarkedSource("param x = 1\ninclude 1️⃣\"shared/定义.rules\"\n")
        try folder.write("main.rules", marked.text)
        let loader = try RuleLoader.load(path: folder.path("main.rules"))
        #expect(loader.diagnostics.map(\.id) == ["K0121"])
        let diagnostic = try #require(loader.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == folder.path("main.rules"))
        #expect(diagnostic.range.start == marked["1️⃣"])
        let location = try #require(loader.sources.first).location(of: diagnostic.range.start)
        #expect("\(location.line):\(location.column)" == "2:9")
        #expect(diagnostic.englishMessage == "cannot read the included file `shared/定义.rules`")
        #expect(diagnostic.englishHint == "the path is relative to this file's folder")
        #expect(loader.files.count == 1)
    }

    @Test("K0113: a rule file over 8 MiB is refused with one error, unread, naming its size and the limit")
    func tooLarge() throws {
        let folder = try TemporaryFolder()
        let size = 9 * 1024 * 1024
        try folder.write("big.rules", String(repeating: "# notes\n", count: size / 8))
        let loader = try RuleLoader.load(path: folder.path("big.rules"))
        #expect(loader.diagnostics.map(\.id) == ["K0113"])
        #expect(loader.files.isEmpty)
        let diagnostic = try #require(loader.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == folder.path("big.rules"))
        #expect(diagnostic.range == .at(0))
        #expect(diagnostic.message == "规则文件有 9,437,184 字节，超过上限 8,388,608 字节（8 MiB），未读取")
        #expect(
            diagnostic.englishMessage == "the rule file has 9,437,184 bytes, over the limit of 8,388,608 bytes (8 MiB); it was not read")
        // Printed without a position: nothing of the file was read.
        let printed = DiagnosticPrinter(sources: loader.sources, english: true).render(diagnostic)
        #expect(printed.hasPrefix(folder.path("big.rules") + ": error: the rule file has 9,437,184 bytes"))
    }

    @Test("K0113: includes that take the files over 8 MiB together refuse them all, at the include that does")
    func tooLargeTogether() throws {
        let folder = try TemporaryFolder()
        let half = String(repeating: "# 共用定义的说明\n", count: 5 * 1024 * 1024 / 25)
        try folder.write("a.rules", half)
        try folder.write("b.rules", half)
        let marked = MarkedSource("assessment \"考核\" {\n  nonsense\n}\ninclude \"a.rules\"\ninclude 1️⃣\"b.rules\"\n")
        try folder.write("main.rules", marked.text)
        let loader = try RuleLoader.load(path: folder.path("main.rules"))
        // One diagnostic only: the syntax error of main.rules is not among them.
        #expect(loader.diagnostics.map(\.id) == ["K0113"])
        let diagnostic = try #require(loader.diagnostics.first)
        #expect(diagnostic.file == folder.path("main.rules"))
        #expect(diagnostic.range.start == marked["1️⃣"])
        let location = try #require(loader.sources.first).location(of: diagnostic.range.start)
        #expect("\(location.line):\(location.column)" == "5:9")
        let total = SourceFile.grouped(marked.text.utf8.count + 2 * half.utf8.count)
        #expect(
            diagnostic.englishMessage
                == "the rule file and the files it includes have \(total) bytes together, over the limit of 8,388,608 bytes (8 MiB); `b.rules` was not read"
        )
        #expect(loader.files.map { ($0.source.name as NSString).lastPathComponent } == ["main.rules", "a.rules"])
    }

    // MARK: Period coverage (needs a store)

    /// Rows of `cases` (accepted at noon, China time, on the day in the comment) and whether the rule reads a
    /// working-day calendar, with the warnings expected at the period (line 2, column 10).
    static let coverageCases: [(label: String, acceptedAt: [Int], workdays: Bool, english: [String])] = [
        ("no rows", [], false, ["table `cases` has no rows for the period 2024-01-01–2024-12-31 (by accepted_at; the table is empty)"]),
        (
            "a year early", [1_677_643_200],  // 2023-03-01
            false, ["table `cases` has no rows for the period 2024-01-01–2024-12-31 (by accepted_at; its data runs 2023-03-01–2023-03-01)"]
        ),
        (
            "from March only", [1_709_265_600],  // 2024-03-01
            false, ["the data of `cases` only covers 2024-03-01–2024-03-01 of the period 2024-01-01–2024-12-31"]
        ),
        (
            "the whole year, no calendar in the store: the built-in one", [1_704_081_600, 1_735_617_600],  // 2024-01-01, 2024-12-31
            true, []
        ),
        ("the whole year", [1_704_081_600, 1_735_617_600], false, []),
    ]

    @Test("K0295: a warning at the period for each table (or calendar) that does not cover it", arguments: coverageCases)
    func periodCoverage(label: String, acceptedAt: [Int], workdays: Bool, english: [String]) throws {
        let marked = MarkedSource(
            """
            assessment "考核" {
              period 1️⃣2024-01-01 .. 2024-12-31
              grades { 优秀 >= 90; 不合格 }
            }
            indicator a "A" {
              points 10
              from cases\(workdays ? " where workdays(accepted_at, finished_at) <= 5" : "")
              measure count()
              score measure
            }

            """)
        let source = SourceFile(name: "test.rules", text: marked.text)
        let parsed = Parser.parse(source)
        #expect(parsed.diagnostics == [])
        let checked = Checker.check(parsed.file, schema: .canonical)
        let plan = try #require(checked.plan)
        let folder = try TemporaryFolder()
        let store = try Store.create(at: folder.path("store.sqlite"))
        try store.database.execute(
            "INSERT INTO centers(id, code, name, kind, level, region) VALUES (1, 'C1', '测试单位1', 'sub_center', 'city', '测试市')")
        for (index, instant) in acceptedAt.enumerated() {
            try store.database.execute(
                "INSERT INTO cases(case_no, center_id, kind, channel, status, accepted_at) VALUES ('K\(index)', 1, 'promised', 'window', 'accepted', \(instant))"
            )
        }
        let warnings = try PeriodCoverage.lint([parsed.file], plan: plan, store: store)
        #expect(warnings.map(\.englishMessage) == english, "\(label)")
        for warning in warnings {
            #expect(warning.id == "K0295")
            #expect(warning.severity == .warning)
            #expect(warning.range.start == marked["1️⃣"])
            let location = source.location(of: warning.range.start)
            #expect("\(location.line):\(location.column)" == "2:10")
        }
    }
}

extension DiagnosticCoverageTests {
    static let coverageRules = """
        assessment "考核" {
          period 2024-01-01 .. 2024-12-31
          grades { 优秀 >= 90; 不合格 }
        }
        indicator a "A" {
          points 10
          from cases
          measure count()
          score measure
        }

        """

    /// The diagnostics of `coverage` against `coverageRules`, as a run (`refusing`) or `check --db` reports them.
    static func coverageDiagnostics(_ coverage: TableCoverage, refusing: Bool) throws -> [Diagnostic] {
        let parsed = Parser.parse(SourceFile(name: "test.rules", text: coverageRules))
        let plan = try #require(Checker.check(parsed.file, schema: .canonical).plan)
        let folder = try TemporaryFolder()
        let store = try Store.create(at: folder.path("store.sqlite"))
        return try PeriodCoverage.diagnostics([coverage], files: [parsed.file], plan: plan, store: store, refusingEmpty: refusing)
    }

    @Test("K0238: a table the rules declare that the store does not have is an error at its name, suggesting the nearest")
    func declaredTableMissing() throws {
        let marked = MarkedSource(Self.coverageRules + "table 1️⃣assessor_finding {\n  center_id integer\n  found_at time period\n}\n")
        let parsed = Parser.parse(SourceFile(name: "test.rules", text: marked.text))
        let folder = try TemporaryFolder()
        let store = try Store.create(at: folder.path("store.sqlite"))
        try store.database.execute("CREATE TABLE assessor_findings (center_id INTEGER, found_at INTEGER)")
        let checked = Checker.check(parsed.file, schema: try SchemaCatalog(store: store))
        #expect(checked.diagnostics.map(\.id) == ["K0238"])
        let diagnostic = try #require(checked.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range.start == marked["1️⃣"])
        #expect(diagnostic.englishMessage == "the store has no table `assessor_finding`, which the rules declare")
        #expect(diagnostic.englishHint == "did you mean `assessor_findings`?")
        // Without a store the declaration is what the rules check against.
        #expect(Checker.check(parsed.file, schema: .canonical).diagnostics == [])
    }

    @Test("K0287: a run refuses a table with no row in the period, as an error at the period naming the column that decides")
    func noRowsInThePeriod() throws {
        let coverage = TableCoverage(
            table: "cases", column: "accepted_at", rows: 5, before: 5, after: 0, first: CivilDay("2023-03-01"), last: CivilDay("2023-12-31")
        )
        let refused = try Self.coverageDiagnostics(coverage, refusing: true)
        #expect(refused.map(\.id) == ["K0287"])
        #expect(refused.first?.severity == .error)
        #expect(refused.first?.range.start == Self.coverageRules.utf8.count - Self.coverageRules.drop { $0 != "2" }.utf8.count)
        #expect(
            refused.first?.englishMessage
                == "table `cases` has no row in the period 2024-01-01–2024-12-31 (by accepted_at; its data runs 2023-03-01–2023-12-31): no results are written from no data"
        )
        #expect(refused.first?.englishHint.contains("--allow-partial-data") == true)
        // Allowed (or in `check --db`), the same is the warning K0295.
        #expect(try Self.coverageDiagnostics(coverage, refusing: false).map(\.id) == ["K0295"])
    }

    @Test(
        "K0289: a year of the period with no working-day calendar, built in or in the store, is an error when the rules count working days")
    func noCalendar() throws {
        let rules = """
            assessment "考核" {
              period 2030-01-01 .. 2031-06-30
              grades { 优秀 >= 90; 不合格 }
            }
            indicator a "A" {
              points 10
              from cases where workdays(accepted_at, finished_at) <= 5
              measure count()
              score measure
            }

            """
        let parsed = Parser.parse(SourceFile(name: "test.rules", text: rules))
        let plan = try #require(Checker.check(parsed.file, schema: .canonical).plan)
        let folder = try TemporaryFolder()
        let store = try Store.create(at: folder.path("store.sqlite"))
        var days: [CivilDay: Bool] = [:]
        days[CivilDay("2031-01-01")!] = false
        try store.loadCalendar(WorkingCalendar(overrides: days), years: 2031...2031)
        let found = try PeriodCoverage.diagnostics([], files: [parsed.file], plan: plan, store: store, refusingEmpty: true)
        #expect(found.map(\.id) == ["K0289"])
        #expect(found.first?.severity == .error)
        #expect(
            found.first?.englishMessage
                == "the rules count working days, but there is no working-day calendar for 2030 in the period (none built in, none in the store)"
        )
    }

    @Test("K0288: more than 1% of a table's rows outside the period is a warning naming the column that decides")
    func rowsOutsideThePeriod() throws {
        let day = { CivilDay($0) }
        let many = TableCoverage(
            table: "reviews", column: "rated_at", rows: 1000, before: 3, after: 9, first: day("2023-12-30"), last: day("2025-01-20"))
        let warned = try Self.coverageDiagnostics(many, refusing: true)
        #expect(warned.map(\.id) == ["K0288"])
        #expect(warned.first?.severity == .warning)
        #expect(
            warned.first?.englishMessage
                == "1.2% of the rows of `reviews` (12: 3 before, 9 after) have rated_at outside the period 2024-01-01–2024-12-31 and are not assessed"
        )
        #expect(warned.first?.message.contains("按 reviews 的 rated_at") == false)
        #expect(warned.first?.hint.hasPrefix("考核期按 reviews 的 rated_at 划分") == true)
        let few = TableCoverage(
            table: "reviews", column: "rated_at", rows: 1000, before: 0, after: 10, first: day("2024-01-01"), last: day("2025-01-20"))
        #expect(try Self.coverageDiagnostics(few, refusing: true).isEmpty)
    }
}

/// A folder under the system's temporary directory, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-diagnostics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` as UTF-8 to `name` inside the folder.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }
}
