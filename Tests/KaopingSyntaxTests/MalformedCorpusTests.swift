import Foundation
import KaopingCheck
import KaopingSyntax
import Testing

/// Never a crash: every file of `Malformed/` (truncated at every construct, random bytes, invalid UTF-8,
/// full-width punctuation, deep nesting …) and a few extremes built here go through the whole front end —
/// parse, check, format, print — and come out as diagnostics, without a trap, a hang or a stack overflow.
@Suite("Malformed corpus: diagnostics, never a crash")
struct MalformedCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Malformed")

    /// The corpus, by file name.
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".rules") }.sorted()

    /// Files that are valid by design: a BOM, CRLF line ends, tabs, ideographic spaces and a last comment
    /// without a newline are all allowed, so these give no diagnostic at all.
    static let validByDesign: Set<String> = [
        "bom.rules", "crlf.rules", "tabs.rules", "ideographic-space.rules", "comment-at-eof-without-newline.rules",
    ]

    /// The full-width files and the ASCII characters their K0002 hints must name.
    static let fullWidth: [String: [String]] = [
        "fullwidth-parens.rules": ["(", ")"],
        "fullwidth-comma.rules": [","],
        "fullwidth-colon.rules": [":"],
        "fullwidth-quotes.rules": ["\""],
        "fullwidth-operators.rules": [">", "=", "!"],
        "fullwidth-semicolon.rules": [";"],
        "fullwidth-brackets.rules": ["[", "]"],
        "fullwidth-braces.rules": ["{", "}"],
        "fullwidth-percent.rules": ["%"],
        "fullwidth-equals.rules": ["="],
        "fullwidth-arrow-and-minus.rules": ["-", ">"],
        "chinese-period-and-dunhao.rules": [".", ","],
    ]

    /// What the front end made of one file.
    struct Outcome {
        var diagnostics: [Diagnostic]
        var rendered: String
        var formatted: String?
    }

    /// Runs `source` through everything `kaoping check` and `kaoping fmt` do: parse; check when the parse is
    /// clean (the checker's diagnostics count then, as in `kaoping check`), and check the partial tree anyway,
    /// since it must not crash either; format; print in both languages.
    static func run(_ source: SourceFile) -> Outcome {
        let parsed = Parser.parse(source)
        let checked = Checker.check(parsed.file, schema: .canonical)
        let diagnostics = parsed.diagnostics.hasErrors ? parsed.diagnostics : parsed.diagnostics + checked.diagnostics
        let formatted = Formatter.format(source)
        let rendered =
            DiagnosticPrinter(source: source).render(diagnostics)
            + DiagnosticPrinter(source: source, english: true).render(diagnostics + formatted.diagnostics)
        return Outcome(diagnostics: diagnostics, rendered: rendered, formatted: formatted.text)
    }

    static func source(_ name: String) throws -> SourceFile {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return SourceFile(name: name, bytes: Array(data))
    }

    @Test("The corpus holds at least 60 small files, each under 4 KB")
    func corpusSize() throws {
        #expect(Self.files.count >= 60)
        for name in Self.files {
            #expect(try Self.source(name).bytes.count <= 4_096, "\(name) is too large")
        }
        for name in Self.validByDesign.union(Self.fullWidth.keys) {
            #expect(Self.files.contains(name), "\(name) is missing from Malformed/")
        }
    }

    @Test("Each file gives diagnostics (none for those valid by design), inside the file, each printed with its position", arguments: files)
    func corpusFile(_ name: String) throws {
        let source = try Self.source(name)
        let outcome = Self.run(source)
        if Self.validByDesign.contains(name) {
            #expect(outcome.diagnostics.isEmpty, "\(outcome.rendered)")
            #expect(outcome.formatted != nil)
        } else {
            #expect(!outcome.diagnostics.isEmpty)
        }
        if let formatted = outcome.formatted {
            // What the formatter writes is a file it leaves alone.
            #expect(Formatter.format(SourceFile(name: name, text: formatted)).text == formatted)
        }
        for diagnostic in outcome.diagnostics {
            #expect(diagnostic.file == name)
            #expect(0 <= diagnostic.range.start && diagnostic.range.start <= diagnostic.range.end, "\(diagnostic.id) \(diagnostic.range)")
            #expect(diagnostic.range.end <= source.bytes.count, "\(diagnostic.id) ends past the file")
        }
        // Both languages print a `name:line:col: severity: message [id]` header per diagnostic.
        let headers = try Regex(#"^(.+):[0-9]+:[0-9]+: (error|warning|note): .* \[K[0-9]{4}\]$"#)
        let printed = outcome.rendered.split(separator: "\n").filter { (try? headers.wholeMatch(in: $0)) != nil }
        #expect(printed.count >= 2 * outcome.diagnostics.count)
    }

    @Test("Full-width punctuation gives K0002 with a hint naming the ASCII character to type", arguments: fullWidth.keys.sorted())
    func fullWidthHint(_ name: String) throws {
        let outcome = Self.run(try Self.source(name))
        let hints = outcome.diagnostics.filter { $0.id == "K0002" }
        for ascii in Self.fullWidth[name] ?? [] {
            #expect(
                hints.contains { $0.hint.contains("“\(ascii)”") && $0.englishHint.contains("`\(ascii)`") }, "no K0002 hint names \(ascii)")
        }
    }

    @Test("A BOM, CRLF, tabs and ideographic spaces do not change the formatted text")
    func encodingsFormatAlike() throws {
        let texts = try ["bom.rules", "crlf.rules", "tabs.rules", "ideographic-space.rules"].map { try Self.run(Self.source($0)).formatted }
        #expect(texts[0] != nil)
        #expect(texts.allSatisfy { $0 == texts[0] })
    }
}
