import Foundation
import KaopingCheck
import KaopingSyntax

/// A rule text with positions marked by 1️⃣ 2️⃣ 3️⃣: the markers are removed and their byte offsets kept.
struct MarkedSource {
    static let markers = ["1️⃣", "2️⃣", "3️⃣"]

    let text: String
    let offsets: [String: Int]

    init(_ marked: String) {
        var text = marked
        var offsets: [String: Int] = [:]
        while let (marker, range) = MarkedSource.markers.compactMap({ marker in text.range(of: marker).map { (marker, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound })
        {
            offsets[marker] = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            text.removeSubrange(range)
        }
        self.text = text
        self.offsets = offsets
    }

    /// The offset of `marker`, or -1 when the text has none.
    subscript(_ marker: String) -> Int { offsets[marker] ?? -1 }
}

/// The outcome of parsing and checking a rule text against the canonical schema.
struct Checked {
    let source: SourceFile
    let parseDiagnostics: [Diagnostic]
    let plan: Plan?
    let diagnostics: [Diagnostic]

    /// Line and column of each diagnostic, `line:column`.
    func position(_ diagnostic: Diagnostic) -> String {
        let location = source.location(of: diagnostic.range.start)
        return "\(location.line):\(location.column)"
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

/// Parses and checks `text` (named `test.rules`) against the canonical schema.
func check(_ text: String, overrides: [String: String] = [:]) -> Checked {
    let source = SourceFile(name: "test.rules", text: text)
    let parsed = Parser.parse(source)
    let checked = Checker.check(parsed.file, schema: .canonical, overrides: overrides)
    return Checked(source: source, parseDiagnostics: parsed.diagnostics, plan: checked.plan, diagnostics: checked.diagnostics)
}

/// A complete header: period and grades, nothing else.
let header = """
    assessment "考核" {
      period 2024-01-01 .. 2024-12-31
      grades { 优秀 >= 90; 合格 >= 60; 不合格 }
    }

    """

/// An indicator `a` of 10 points in category 效能 with the given lines (from, measure, score …).
func indicator(_ lines: String, id: String = "a") -> String {
    "indicator \(id) \"A\" {\n  category \"效能\"\n  points 10\n" + lines + "\n}\n"
}

/// A valid indicator over cases.
let validIndicator = indicator(
    """
      from cases where status == "finished"
      measure rate(promised_days >= 1)
      score linear { 90% -> 0; 100% -> 10 }
      when empty: not_applicable
    """)

/// Files that ship with the project, found from this source file's location.
enum ProjectFolder {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
