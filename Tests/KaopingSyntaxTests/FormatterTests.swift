import Foundation
import KaopingSyntax
import Testing

/// Formats `text` as a file named `test.rules`; `nil` when the formatter refuses it.
func format(_ text: String) -> String? {
    Formatter.format(SourceFile(name: "test.rules", text: text)).text
}

@Suite("Formatter: one canonical layout, every comment kept, idempotent")
struct FormatterTests {
    /// Every rule file that ships under `Rules/`, as a path relative to the repository root.
    static let shippedFiles: [String] = {
        let rules = ProjectFolder.root.appendingPathComponent("Rules")
        let found = FileManager.default.enumerator(atPath: rules.path)?.allObjects as? [String] ?? []
        return found.filter { $0.hasSuffix(".rules") }.sorted().map { "Rules/" + $0 }
    }()

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: ProjectFolder.root.appendingPathComponent(path)))
    }

    @Test("The shipped rule files are found (so the tables below are not vacuous)")
    func shippedFilesFound() {
        #expect(FormatterTests.shippedFiles.contains("Rules/jiangsu-2024.rules"))
        #expect(FormatterTests.shippedFiles.contains("Rules/examples/yinchuan-branch-halls.rules"))
    }

    @Test(
        "Spacing inside a line",
        arguments: [
            ("param x=1+2*3", "param x = 1 + 2 * 3\n"),
            ("param x = a/b-c", "param x = a / b - c\n"),
            ("param x=-5", "param x = -5\n"),
            ("param x = - 5 * - y", "param x = -5 * -y\n"),
            ("param x = ( - a )", "param x = (-a)\n"),
            ("param x = a - -b", "param x = a - -b\n"),
            ("param x=[ 1 ,2,3 ]", "param x = [1, 2, 3]\n"),
            ("param x = rate ( a>=b )", "param x = rate(a >= b)\n"),
            ("param x = count(where(a or b)and not(c))", "param x = count(where (a or b) and not (c))\n"),
            ("param x = workdays( a , b )<=15", "param x = workdays(a, b) <= 15\n"),
            ("param x = item . catalog . name!=\"x\"", "param x = item.catalog.name != \"x\"\n"),
            ("param x = a is not null and b in[\"p\",\"q\"]", "param x = a is not null and b in [\"p\", \"q\"]\n"),
            ("param x = rectified_at<=rated_at+15 workdays", "param x = rectified_at <= rated_at + 15 workdays\n"),
            ("param x = 90%", "param x = 90%\n"),
            ("param x = 2024-01-01", "param x = 2024-01-01\n"),
            ("param x = 0.50", "param x = 0.50\n"),
            ("param x = case item{\"a\"->1;else->0}", "param x = case item { \"a\" -> 1; else -> 0 }\n"),
            ("param x = sum(case item { \"a\" -> 1 })", "param x = sum(case item { \"a\" -> 1 })\n"),
            ("param a = 1;param b = 2 ;", "param a = 1; param b = 2;\n"),
        ])
    func spacing(input: String, expected: String) {
        #expect(format(input) == expected)
    }

    @Test("Statement spacing: `..`, `:`, `/` between categories, one space before `{` and after `}`")
    func statementSpacing() {
        let input = """
            assessment "T"{
            period 2024-01-01..2024-12-31
            grades{优秀>=90;合格>=60;不合格}
            }
            indicator a "A"{
            category "一级"/"二级"
            when empty :full
            score linear{90%->0;100%->30}
            }
            """
        #expect(
            format(input) == """
                assessment "T" {
                  period 2024-01-01 .. 2024-12-31
                  grades { 优秀 >= 90; 合格 >= 60; 不合格 }
                }
                indicator a "A" {
                  category "一级" / "二级"
                  when empty: full
                  score linear { 90% -> 0; 100% -> 30 }
                }

                """)
    }

    @Test("Strings are re-escaped canonically: quote, backslash, newline and tab")
    func strings() {
        #expect(
            format(#"veto v "a\"b\\c\nd" when x > 0 reason ""# + "\t" + #"tab""#) == #"veto v "a\"b\\c\nd" when x > 0 reason "\ttab""#
                + "\n")
    }

    @Test("Indentation: two spaces per open block; a line starting with `}` dedents first")
    func blocks() {
        let input = """
            assessment "T" {
            \t\tperiod 2024-01-01 .. 2024-12-31
                  total 100
                category "服务效能" 40 {
            category "限时办结" 25
                      }
            }
            """
        #expect(
            format(input) == """
                assessment "T" {
                  period 2024-01-01 .. 2024-12-31
                  total 100
                  category "服务效能" 40 {
                    category "限时办结" 25
                  }
                }

                """)
    }

    @Test("Continuation lines: inside a bracket they align after it; after an operator, under the statement's expression")
    func continuations() {
        let input = """
            indicator a "A" {
            from cases where status == "finished" and
            kind == "promised"
            measure rate(verified_at is not null
            and rectified_at is not null)
            + count(where x > 1) * 2 -
            count()
            score 20 -
            measure
            }
            """
        #expect(
            format(input) == """
                indicator a "A" {
                  from cases where status == "finished" and
                                   kind == "promised"
                  measure rate(verified_at is not null
                               and rectified_at is not null)
                          + count(where x > 1) * 2 -
                          count()
                  score 20 -
                        measure
                }

                """)
    }

    @Test("A bracket that ends its line: the contents get four more spaces than that line, the closer its indentation")
    func bracketAtEndOfLine() {
        let input = """
            indicator a "A" {
            measure sum(
            x + 1,
            case item {
            "a" -> 1
            }
            ) - 3
            }
            """
        #expect(
            format(input) == """
                indicator a "A" {
                  measure sum(
                      x + 1,
                      case item {
                        "a" -> 1
                      }
                  ) - 3
                }

                """)
    }

    @Test("Formatting keeps every token and every comment of the shipped files, in order", arguments: shippedFiles)
    func keepsTokensAndComments(path: String) throws {
        let source = SourceFile(name: path, bytes: try FormatterTests.bytes(path))
        let text = try #require(Formatter.format(source).text)
        let before = Lexer.lex(source)
        let after = Lexer.lex(SourceFile(name: path, text: text))
        #expect(after.tokens.map(\.kind) == before.tokens.map(\.kind))
        #expect(after.tokens.map(\.text) == before.tokens.map(\.text))
        #expect(after.comments.map(\.text) == before.comments.map(\.text))
        #expect(after.comments.map(\.trailing) == before.comments.map(\.trailing))
        #expect(before.comments.count > 10)
    }

    @Test("A file with a parse error is not rewritten: nil text and the parser's diagnostics")
    func parseError() {
        let marked = MarkedSource("indicator a \"A\" {\n  points (10\n1️⃣}\n")
        let result = Formatter.format(marked.source())
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.id) == ["K0101"])
        #expect(result.diagnostics.first?.range.start == marked["1️⃣"])
    }

    @Test("A file with a lexical error (full-width punctuation) is not rewritten")
    func lexicalError() {
        let result = Formatter.format(SourceFile(name: "test.rules", text: "param x = rate（a）\n"))
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.id).first == "K0002")
    }

    @Test("Invalid UTF-8 inside a comment is not rewritten (K0001 at the bad byte) rather than turned into U+FFFD")
    func invalidUTF8InComment() {
        let bytes = Array("param x = 1 # ".utf8) + [0xFF] + Array("\n".utf8)
        let result = Formatter.format(SourceFile(name: "test.rules", bytes: bytes))
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.id) == ["K0001"])
        #expect(result.diagnostics.first?.range == SourceRange(14, 15))
    }

    @Test("An empty file formats to nothing")
    func emptyFile() {
        #expect(format("") == "")
        #expect(format("\n\n  \n") == "")
    }

    @Test("Every shipped rule file is already canonical: formatting returns its bytes", arguments: shippedFiles)
    func shippedFileIsCanonical(path: String) throws {
        let bytes = try FormatterTests.bytes(path)
        let result = Formatter.format(SourceFile(name: path, bytes: bytes))
        let text = try #require(result.text)
        #expect(firstDifference(text, bytes) == nil)
    }

    @Test("Formatting is idempotent on every shipped rule file, and on the file with its indentation stripped", arguments: shippedFiles)
    func idempotent(path: String) throws {
        let stripped = try stripIndentation(FormatterTests.bytes(path))
        let once = try #require(Formatter.format(SourceFile(name: path, text: stripped)).text)
        let twice = try #require(Formatter.format(SourceFile(name: path, text: once)).text)
        #expect(twice == once)
    }

    @Test("Stripping all leading whitespace from a shipped rule file and formatting gives back its bytes", arguments: shippedFiles)
    func strippedIndentationRestored(path: String) throws {
        let bytes = try FormatterTests.bytes(path)
        let stripped = stripIndentation(bytes)
        #expect(stripped != String(decoding: bytes, as: UTF8.self))
        let text = try #require(Formatter.format(SourceFile(name: path, text: stripped)).text)
        #expect(firstDifference(text, bytes) == nil)
    }

    /// The first line where `text` and `bytes` differ, as `line N: "…" ≠ "…"`; `nil` when they are the same bytes.
    private func firstDifference(_ text: String, _ bytes: [UInt8]) -> String? {
        let produced = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let expected = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in 0..<max(produced.count, expected.count) {
            let got = index < produced.count ? String(decoding: produced[index], as: UTF8.self) : "<none>"
            let want = index < expected.count ? String(decoding: expected[index], as: UTF8.self) : "<none>"
            if index >= produced.count || index >= expected.count || !produced[index].elementsEqual(expected[index]) {
                return "line \(index + 1): \"\(got)\" ≠ \"\(want)\""
            }
        }
        return nil
    }

    private func stripIndentation(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.drop { $0 == " " || $0 == "\t" } }.joined(separator: "\n")
    }
}

/// `kaoping fmt --fix`: the fixes the lexer and parser know, applied before formatting.
@Suite("Formatter: fixes")
struct FormatterFixTests {
    @Test("Full-width punctuation and digits become ASCII and `=` becomes `==`; the fixed file formats clean")
    func fixesEverySlipItKnows() {
        let typed = """
            assessment “A” ｛
              period 2024-01-01 ．． 2024-12-31
              grades { 优秀 >= ９０; 不合格 }
            }
            indicator a "A" {
              points 10
              from cases where status = “finished” and kind ＝ "promised"
              measure rate（corrections <＝ 1）
              score linear { 90％ -> 0; 100% -> full }
              when empty： full
            }

            """
        let source = SourceFile(name: "fix.rules", text: typed)
        let diagnostics = Parser.parse(source).diagnostics
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.fixIt != nil }, "\(diagnostics.filter { $0.fixIt == nil }.map(\.id))")
        let fixed = Formatter.fix(source)
        #expect(
            String(decoding: fixed.source.bytes, as: UTF8.self) == """
                assessment "A" {
                  period 2024-01-01 .. 2024-12-31
                  grades { 优秀 >= 90; 不合格 }
                }
                indicator a "A" {
                  points 10
                  from cases where status == "finished" and kind == "promised"
                  measure rate(corrections <= 1)
                  score linear { 90% -> 0; 100% -> full }
                  when empty: full
                }

                """)
        // Every diagnostic's fix, and one more: the second `=` of a statement is reported once the first is fixed.
        #expect(fixed.applied == diagnostics.count + 1)
        #expect(Parser.parse(fixed.source).diagnostics == [])
    }

    @Test("A file with nothing to fix is left as it is")
    func nothingToFix() {
        let source = SourceFile(name: "clean.rules", text: "param a = 1\n")
        let fixed = Formatter.fix(source)
        #expect(fixed.applied == 0)
        #expect(fixed.source == source)
    }
}
