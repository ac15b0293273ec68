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

    /// How many diagnostics the commands print for one run: a binary or wrongly encoded file can give
    /// millions, which no one reads; the rest are counted in a last line.
    public static let displayLimit = 1_000

    /// Every diagnostic, in order, as text ending with a newline; beyond `limit`, one line says how many
    /// more there are.
    public func render(_ diagnostics: [Diagnostic], limit: Int = .max) -> String {
        guard diagnostics.count > limit else { return diagnostics.map(render).joined() }
        let rest = diagnostics.count - limit
        let note =
            english
            ? "… \(rest) more diagnostics not shown: fix the ones above first\n" : "…… 另有 \(rest) 条诊断未显示：请先修正以上问题\n"
        return diagnostics.prefix(limit).map(render).joined() + note
    }

    /// The longest message or hint printed whole, in characters; past it, the text is cut with `…`. Messages
    /// quote what the file says, and a damaged file can hold a name of millions of characters.
    public static let messageLimit = 300

    /// One diagnostic.
    public func render(_ diagnostic: Diagnostic) -> String {
        let message = DiagnosticPrinter.shortened(english ? diagnostic.englishMessage : diagnostic.message)
        let hint = DiagnosticPrinter.shortened(english ? diagnostic.englishHint : diagnostic.hint)
        guard let source = sources[diagnostic.file] else {
            var text = "\(diagnostic.file): \(diagnostic.severity.rawValue): \(message) [\(diagnostic.id)]\n"
            if !hint.isEmpty { text += "    = \(english ? "hint" : "提示"): \(hint)\n" }
            return text
        }
        let start = source.location(of: diagnostic.range.start)
        var text = "\(diagnostic.file):\(start.line):\(start.column): \(diagnostic.severity.rawValue): \(message) [\(diagnostic.id)]\n"
        if start.line <= source.lineStarts.count, !source.bytes.isEmpty {
            let excerpt = Excerpt(source, line: start.line, from: start.offset, to: max(diagnostic.range.end, diagnostic.range.start))
            text += "    \(excerpt.line)\n"
            text +=
                "    " + String(repeating: " ", count: Formatter.displayWidth(excerpt.before))
                + String(repeating: "^", count: max(1, Formatter.displayWidth(excerpt.marked))) + "\n"
        }
        if !hint.isEmpty { text += "    = \(english ? "hint" : "提示"): \(hint)\n" }
        return text
    }

    /// `text`, or its first `messageLimit` characters and `…`.
    static func shortened(_ text: String) -> String {
        guard text.utf8.count > messageLimit, let cut = text.index(text.startIndex, offsetBy: messageLimit, limitedBy: text.endIndex),
            cut < text.endIndex
        else { return text }
        return text[..<cut] + "…"
    }
}

/// The part of a source line shown under a diagnostic: the whole line, or on a very long line (a minified
/// or binary file) a window around the range, with `…` where it was cut, so that printing stays fast and
/// readable whatever the file.
struct Excerpt {
    /// The text shown, tabs as spaces.
    var line: String
    /// What comes before the range, and the range itself (up to the line's end), as shown.
    var before: String
    var marked: String

    /// Bytes of context kept on each side of the range, and of the range itself, on a long line.
    static let context = 120
    static let longest = 400

    init(_ source: SourceFile, line number: Int, from start: Int, to end: Int) {
        let bytes = source.bytes
        let lineStart = source.lineStarts[number - 1]
        var lineEnd = number < source.lineStarts.count ? source.lineStarts[number] - 1 : bytes.count
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        lineEnd = max(lineStart, lineEnd)
        let markStart = min(max(start, lineStart), lineEnd)
        var markEnd = min(max(end, markStart), lineEnd)
        if markEnd == markStart, markStart < lineEnd {
            // An empty range marks the character it stands on.
            let lead = bytes[markStart]
            let length = lead < 0x80 ? 1 : (lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : (lead >= 0xC0 ? 2 : 1)))
            markEnd = min(lineEnd, markStart + length)
        }
        var from = lineStart
        var to = lineEnd
        if lineEnd - lineStart > Excerpt.longest {
            markEnd = min(markEnd, Excerpt.boundary(bytes, markStart + Excerpt.context, lowest: markStart))
            from = Excerpt.boundary(bytes, max(lineStart, markStart - Excerpt.context), lowest: lineStart)
            to = Excerpt.boundary(bytes, min(lineEnd, markEnd + Excerpt.context), lowest: markEnd)
        }
        // Tabs are shown as spaces (a tab's width depends on the terminal, the carets' would not).
        func text(_ low: Int, _ high: Int) -> String {
            let slice = bytes[low..<max(low, high)]
            guard slice.contains(UInt8(ascii: "\t")) else { return String(decoding: slice, as: UTF8.self) }
            return String(decoding: slice.map { $0 == UInt8(ascii: "\t") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        }
        let cutBefore = from > lineStart ? "…" : ""
        let cutAfter = to < lineEnd ? "…" : ""
        line = cutBefore + text(from, to) + cutAfter
        before = cutBefore + text(from, markStart)
        marked = text(markStart, markEnd)
    }

    /// The start of the UTF-8 sequence at or before `offset`, not below `lowest`.
    private static func boundary(_ bytes: [UInt8], _ offset: Int, lowest: Int) -> Int {
        var index = min(offset, bytes.count)
        while index > lowest, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}
