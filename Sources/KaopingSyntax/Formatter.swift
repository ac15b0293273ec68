/// Rewrites a rule file into the one canonical layout that `kaoping fmt` produces.
///
/// The formatter works from the token stream and the comments, not from the tree, so it keeps what the
/// tree forgets: every comment, and the author's line breaks between statements and inside long
/// expressions. What it decides is everything else on a line — indentation, the spaces between tokens, the
/// padding that lines up `->` and trailing comments — so a file whose indentation was stripped comes back
/// byte for byte, and formatting a formatted file changes nothing.
///
/// Layout, in short: two spaces per open `{`; a continuation line lines up with the text after the
/// bracket it is inside (`rate(` …), or with the expression its statement began (`measure count(…) * 3`
/// then `+ count(…)` under `count`), or else four spaces past its statement (or past the line whose
/// bracket ends it). Runs of `X -> Y` lines in one block have their arrows aligned, the rows of a test
/// table have their `|` aligned in columns, and runs of lines with trailing comments have the comments
/// aligned on the next multiple of eight columns at least two past the code.
public enum Formatter {
    /// Formats `source`.
    ///
    /// - Returns: the canonical text (LF line ends, one final newline, no BOM), or `nil` text when the
    ///   file has lexical or parse errors, which are then in `diagnostics`; a broken file is never rewritten.
    public static func format(_ source: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) {
        let parsed = Parser.parse(source)
        guard !parsed.diagnostics.hasErrors else { return (nil, parsed.diagnostics) }
        if let invalid = firstInvalidUTF8(source.bytes) {
            // Only a comment can still hold bad bytes (the lexer skips comments undecoded); rewriting it
            // would turn them into U+FFFD.
            return (
                nil,
                parsed.diagnostics + [
                    Diagnostic(
                        "K0001", .error, file: source.name, range: SourceRange(invalid, invalid + 1),
                        zh: "文件在此处不是有效的 UTF-8 文本", en: "the file is not valid UTF-8 text here",
                        hint: "请用 UTF-8 编码保存规则文件", hintEn: "save the rule file as UTF-8")
                ]
            )
        }
        let lexed = Lexer.lex(source)
        var lines = splitLines(source, tokens: lexed.tokens, comments: lexed.comments)
        var layout = Layout()
        for index in lines.indices where !lines[index].tokens.isEmpty {
            layout.place(&lines[index])
        }
        indentComments(&lines)
        alignArrows(&lines)
        alignColumns(&lines)
        alignComments(&lines)
        return (emit(lines), parsed.diagnostics)
    }

    /// One line of the source: its tokens (rendered by the layout) and its comment, if any.
    struct Line {
        var tokens: [Token] = []
        /// The comment's text without trailing whitespace; trailing when `tokens` is not empty.
        var comment: String?
        var indent = 0
        /// Each token's text with the space that precedes it on the line (none before the first).
        var segments: [String] = []
        /// Each token's display column relative to the indentation.
        var offsets: [Int] = []
        /// Open brackets at the start of the line, for keeping alignment runs within one block.
        var depth = 0
        /// The index of the line's only `->` outside brackets, when it has exactly one and it is not first.
        var arrow: Int?
        /// The indices of the `|` outside brackets of a line that starts a statement (a row of a test table).
        var pipes: [Int] = []
        /// Spaces before the comment (trailing comments only).
        var commentGap = 2

        var isBlank: Bool { tokens.isEmpty && comment == nil }
        var content: String { segments.joined() }
    }

    /// Groups tokens and comments by the line they are on (tokens and comments never span lines).
    static func splitLines(_ source: SourceFile, tokens: [Token], comments: [Comment]) -> [Line] {
        var lines = [Line](repeating: Line(), count: source.lineStarts.count)
        var line = 0
        for token in tokens where token.kind != .end {
            while line + 1 < source.lineStarts.count, source.lineStarts[line + 1] <= token.range.start { line += 1 }
            lines[line].tokens.append(token)
        }
        line = 0
        for comment in comments {
            while line + 1 < source.lineStarts.count, source.lineStarts[line + 1] <= comment.range.start { line += 1 }
            var text = Substring(comment.text)
            while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
            lines[line].comment = String(text)
        }
        return lines
    }

    /// Own-line comments take the indentation of the next code line, or of the block's body before a `}`.
    static func indentComments(_ lines: inout [Line]) {
        var next: (indent: Int, closes: Bool) = (0, false)
        for index in lines.indices.reversed() {
            if let first = lines[index].tokens.first {
                next = (lines[index].indent, first.is("}"))
            } else if lines[index].comment != nil {
                lines[index].indent = next.closes ? next.indent + 2 : next.indent
            }
        }
    }

    /// Joins the lines: LF only, no trailing spaces, at most one blank line in a row, none at the start or
    /// end, none after a line ending in `{` or before a line starting with `}`, and one final newline.
    static func emit(_ lines: [Line]) -> String {
        var output: [String] = []
        var pendingBlank = false
        var previousOpens = false
        for line in lines {
            if line.isBlank {
                pendingBlank = !output.isEmpty && !previousOpens
                continue
            }
            if pendingBlank && !(line.tokens.first?.is("}") ?? false) { output.append("") }
            pendingBlank = false
            var text = String(repeating: " ", count: line.indent) + line.content
            if let comment = line.comment {
                text += line.tokens.isEmpty ? comment : String(repeating: " ", count: line.commentGap) + comment
            }
            output.append(text)
            previousOpens = line.tokens.last?.is("{") ?? false
        }
        return output.isEmpty ? "" : output.joined(separator: "\n") + "\n"
    }

    /// The offset of the first byte that is not part of valid UTF-8, if any.
    static func firstInvalidUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? where Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = utf8Length(bytes[index])
            var iterator = bytes[index..<min(bytes.endIndex, index + length)].makeIterator()
            var decoder = UTF8()
            guard bytes[index] < 0x80 || length > 1, case .scalarValue = decoder.decode(&iterator) else { return index }
            index += length
        }
        return nil
    }
}
