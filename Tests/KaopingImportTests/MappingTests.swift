import Foundation
import KaopingImport
import KaopingSyntax
import Testing

/// Mapping files (issue 22, point 2): parsed and checked like rule files — each mistake at its line and column,
/// in Chinese and English, with a did-you-mean against the canonical tables, columns, codes and formats.
@Suite("Mappings")
struct MappingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Parses and checks `text`.
    static func check(_ text: String) -> (mappings: [Mapping]?, diagnostics: [Diagnostic]) {
        MappingChecker.load(SourceFile(name: "test.mapping", text: text))
    }

    /// `text` with `body` in a cases mapping that maps every required column.
    static func cases(_ body: String) -> String {
        """
        mapping cases {
          case_no from "办件编号"
          center_id from "实施主体编码" by code
          kind = "promised"
          channel = "window"
          paused_days = 0
          status = "finished"
        \(body)
        }
        """
    }

    @Test("The shipped GB/T 39046 mapping checks clean; its codes, times, lookups and personal columns are read")
    func shipped() throws {
        let path = Self.root.appendingPathComponent("Rules/mappings/gbt39046-cases.mapping").path
        let source = SourceFile(name: path, text: try String(contentsOfFile: path, encoding: .utf8))
        let loaded = MappingChecker.load(source)
        #expect(loaded.diagnostics == [])
        let mapping = try #require(loaded.mappings?.first)
        #expect(mapping.table == "cases")
        #expect(mapping.columns.first { $0.target == "kind" }?.codes["承诺件"] == "promised")
        #expect(mapping.columns.first { $0.target == "center_id" }?.byCenterCode == true)
        #expect(mapping.personal.map(\.source).contains("申请人证件号码"))
        #expect(mapping.sourceColumns.contains("备注") && mapping.sourceColumns.contains("受理时间"))
    }

    @Test(
        "Each mistake is reported at its place with its id and a did-you-mean",
        arguments: [
            ("mapping casse {\n}", "K0510", "did you mean `cases`?", "1:9"),
            (cases("  acepted_at from \"受理时间\""), "K0511", "did you mean `accepted_at`?", "8:3"),
            (cases("  kind from \"类型\""), "K0512", "column kind is mapped twice (first on line 4)", "8:3"),
            (cases("  window_type from \"窗口\" codes { \"综合\" -> \"comprehensiv\" }"), "K0516", "did you mean `comprehensive`?", "8:41"),
            (cases("  accepted_at from \"受理时间\" time isoo"), "K0508", "did you mean `iso`?", "8:32"),
            (cases("  status2 = 1\n  accepted_at from \"受理时间\" tme iso"), "K0511", "there is no column of cases `status2`", "8:3"),
            (cases("  accepted_at from \"受理时间\" tme iso"), "K0505", "did you mean `time`?", "8:27"),
            (cases("  personal \"证件号码\""), "K0518", "says neither `drop` nor `hash`", "8:12"),
            (cases("  personal \"证件号码\" hash"), "K0518", "expected `into COLUMN` after `hash`", "8:19"),
            (cases("  personal \"证件号码\" hash into kind"), "K0511", "there is no text column of cases `kind`", "8:29"),
            (
                cases("  applicant_key from \"编号\"\n  personal \"证件号码\" hash into applicant_key"), "K0512",
                "column applicant_key is mapped twice (first on line 8)", "9:29"
            ),
            (cases("  ignore \"备注\"\n  item_code from \"备注\""), "K0519", "marked personal or ignored on line 8", "9:18"),
            (cases("  item_code from \"实施编码\" by code"), "K0517", "only the unit column (center_id) takes `by code`", "8:28"),
            (cases("  item_code from \"实施编码\" time iso"), "K0514", "column item_code is not a time", "8:30"),
            ("mapping cases {\n  case_no from \"办件编号\"\n}", "K0513", "the required column center_id of cases", "1:9"),
            ("mapping cases {\n  case_no from 办件编号\n}", "K0507", "expected a quoted source column name after `from`", "2:16"),
            ("mapping cases {\n  case_no\n}", "K0503", "expected `from \"source column\"` or `= constant` after `case_no`", "3:1"),
            ("cases {}", "K0501", "expected a `mapping` (or `table`) declaration", "1:1"),
            ("table cases {\n  x text\n  key x\n}", "K0520", "the table name `cases` is taken", "1:7"),
            ("table t {\n  x txt\n  key x\n}", "K0521", "did you mean `text`?", "2:5"),
            ("table t {\n  x text\n  key y\n}", "K0522", "there is no column of t `y`", "3:7"),
            ("table t {\n  x text\n  key x\n  period x\n}", "K0522", "the period column x must be a time or a day", "4:10"),
            ("table t {\n  center_id integer\n  key center_id\n}", "K0522", "the column center_id exists already", "2:3"),
            ("table t {\n  x text\n}", "K0522", "has no `key`", "1:7"),
        ])
    func mistakes(_ text: String, _ id: String, _ english: String, _ position: String) throws {
        let (mappings, diagnostics) = Self.check(text)
        #expect(mappings == nil)
        let diagnostic = try #require(diagnostics.first { $0.id == id }, "\(diagnostics.map { "\($0.id) \($0.englishMessage)" })")
        #expect(
            (diagnostic.englishMessage + " " + diagnostic.englishHint).contains(english),
            "\(diagnostic.englishMessage) | \(diagnostic.englishHint)")
        let location = SourceFile(name: "t", text: text).location(of: diagnostic.range.start)
        #expect("\(location.line):\(location.column)" == position, "\(id)")
        #expect(!diagnostic.message.isEmpty && diagnostic.message != diagnostic.englishMessage)
    }
}
