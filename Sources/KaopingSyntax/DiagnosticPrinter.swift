/// Prints diagnostics as compilers do: `file:line:col: error: message [id]`, the source line, carets
/// under the range, then the hint.
public struct DiagnosticPrinter {
    let sources: [String: SourceFile]
    let english: Bool

    /// A printer for diagnostics of `source`, in Chinese unless `english`.
    public init(source: SourceFile, english: Bool = false) {
        self.init(sources: [source], english: english)
    }

    /// A printer for diagnostics of several files (a rule file and its includes).
    public init(sources: [SourceFile], english: Bool = false) {
        self.sources = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.english = english
    }

    /// Every diagnostic, in order, as text ending with a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// One diagnostic.
    public func render(_ diagnostic: Diagnostic) -> String {
        let message = english ? diagnostic.englishMessage : diagnostic.message
        guard let source = sources[diagnostic.file] else {
            var text = "\(diagnostic.file): \(diagnostic.severity.rawValue): \(message) [\(diagnostic.id)]\n"
            let hint = english ? diagnostic.englishHint : diagnostic.hint
            if !hint.isEmpty { text += "    = \(english ? "hint" : "提示"): \(hint)\n" }
            return text
        }
        let start = source.location(of: diagnostic.range.start)
        var text = "\(diagnostic.file):\(start.line):\(start.column): \(diagnostic.severity.rawValue): \(message) [\(diagnostic.id)]\n"
        if start.line <= source.lineStarts.count, !source.bytes.isEmpty {
            let line = source.lineText(start.line).replacingTabs()
            let end = source.location(of: max(diagnostic.range.end, diagnostic.range.start))
            let lastColumn = end.line == start.line ? max(end.column, start.column + 1) : line.count + 1
            let prefix = String(line.prefix(start.column - 1))
            let marked = String(line.dropFirst(start.column - 1).prefix(max(1, lastColumn - start.column)))
            text += "    \(line)\n"
            text +=
                "    " + String(repeating: " ", count: displayWidth(prefix)) + String(repeating: "^", count: max(1, displayWidth(marked)))
                + "\n"
        }
        let hint = english ? diagnostic.englishHint : diagnostic.hint
        if !hint.isEmpty { text += "    = \(english ? "hint" : "提示"): \(hint)\n" }
        return text
    }

    /// Terminal columns: East Asian wide characters take two.
    private func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}

extension String {
    func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
