/// A large file is parsed in pieces, several per core. Each piece starts at a line that begins with a declaration
/// keyword, and its parser runs on to the end of the file but stops if it reaches the start of a later piece
/// between two declarations. There the parser's state is what a new parser's is, so the later piece's result
/// is what parsing on would give. If a piece's start falls inside a declaration (a keyword at the start of a
/// line in a malformed block), the parser before it simply runs past it, and that piece's result is unused:
/// the tree and the diagnostics are always those of one parser reading the whole file.
extension Parser {
    /// The fewest bytes worth a piece of their own.
    static let pieceSize = 1 << 20

    /// What one piece's parser found.
    private struct Piece {
        var declarations: [Declaration]
        var lexerDiagnostics: [Diagnostic]
        var diagnostics: [Diagnostic]
        /// The start of the later piece it stopped at, or `nil` if it read to the end.
        var stoppedAt: Int?
    }

    /// Parses `source`: its syntax tree and its diagnostics.
    public static func parse(_ source: SourceFile) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        parse(source, pieces: Parallel.pieces(of: source.bytes.count, unit: pieceSize))
    }

    /// Parses `source` in (at most) `pieces` pieces; `remembersRepeats` off, every indicator body is parsed, even
    /// one that repeats another (see `Parser+Repeats.swift`).
    static func parse(_ source: SourceFile, pieces: Int, remembersRepeats: Bool = true) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        parse(source, starts: pieceStarts(source, pieces: pieces), remembersRepeats: remembersRepeats)
    }

    /// Parses `source` in pieces starting at `starts`: 0, then line starts in increasing order.
    static func parse(_ source: SourceFile, starts: [Int], remembersRepeats: Bool = true) -> (file: RuleFile, diagnostics: [Diagnostic]) {
        let pieces = Parallel.map(starts.count) { index in
            source.bytes.withUnsafeBufferPointer { bytes in
                var parser = Parser(source: source, bytes: bytes, from: starts[index], stops: Array(starts.dropFirst(index + 1)))
                parser.repeatedBodies = RepeatedSyntax(isOn: remembersRepeats)
                for kind in parser.repeatedStatements.indices { parser.repeatedStatements[kind] = RepeatedSyntax(isOn: remembersRepeats) }
                let declarations = parser.parseFile()
                var piece = Piece(
                    declarations: declarations, lexerDiagnostics: parser.lexer.diagnostics,
                    diagnostics: parser.diagnostics, stoppedAt: parser.stoppedAt)
                if let stop = parser.stoppedAt {
                    // The lexer looked a token past the stop: what it found there belongs to the next piece.
                    piece.lexerDiagnostics.removeAll { $0.range.start >= stop }
                }
                return piece
            }
        }
        // A file that reaches the diagnostic limit is parsed again in one piece, so that it stops where one
        // parser stops (its pieces each count their own).
        var chain: [Piece] = []
        var next: Int? = 0
        while let index = next {
            chain.append(pieces[index])
            next = pieces[index].stoppedAt.flatMap { starts.firstIndex(of: $0) }
        }
        if starts.count > 1, chain.reduce(0, { $0 + $1.lexerDiagnostics.count + $1.diagnostics.count }) >= diagnosticLimit {
            return parse(source, pieces: 1, remembersRepeats: remembersRepeats)
        }
        // The first piece's arrays are the start of the whole (the others' are copied on to them).
        var file = RuleFile(source: source, declarations: chain[0].declarations)
        var lexerDiagnostics = chain[0].lexerDiagnostics
        var diagnostics = chain[0].diagnostics
        for piece in chain.dropFirst() {
            file.declarations += piece.declarations
            lexerDiagnostics += piece.lexerDiagnostics
            diagnostics += piece.diagnostics
        }
        return (file, lexerDiagnostics.isEmpty ? diagnostics : lexerDiagnostics + diagnostics)
    }

    /// Whether the parser, between two declarations, is at the start of a later piece (and so stops there).
    mutating func reachedStop() -> Bool {
        let start = current.range.start
        while stopIndex < stops.count, stops[stopIndex] < start { stopIndex += 1 }
        guard stopIndex < stops.count, stops[stopIndex] == start, atLineStart else { return false }
        stoppedAt = start
        return true
    }

    /// Where `pieces` pieces of about equal size start: the first at 0, each other at the first line in its
    /// share that begins with a declaration keyword. Fewer when a share has no such line (a file of one huge
    /// declaration, or no rule file at all).
    static func pieceStarts(_ source: SourceFile, pieces: Int) -> [Int] {
        var starts = [0]
        guard pieces > 1 else { return starts }
        let lines = source.lineStarts
        source.bytes.withUnsafeBufferPointer { bytes in
            for piece in 1..<pieces {
                let shareStart = max(bytes.count * piece / pieces, starts[starts.count - 1] + 1)
                let shareEnd = bytes.count * (piece + 1) / pieces
                // The first line that starts after the share's start, found by bisection.
                var line = 0
                var high = lines.count
                while line < high {
                    let middle = (line + high) / 2
                    if lines[middle] > shareStart { high = middle } else { line = middle + 1 }
                }
                while line < lines.count, lines[line] <= shareEnd {
                    if startsDeclaration(bytes, at: lines[line]) {
                        starts.append(lines[line])
                        break
                    }
                    line += 1
                }
            }
        }
        return starts
    }

    /// Whether a declaration keyword, followed by a space, starts at `offset`.
    static func startsDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        // Every keyword starts with a small ASCII letter: most other lines are told at their first byte.
        guard offset < bytes.count, bytes[offset] &- UInt8(ascii: "a") < 26 else { return false }
        return declarationKeywords.names.contains { keyword in
            let word = keyword.utf8
            guard offset + word.count < bytes.count, bytes[offset + word.count] == UInt8(ascii: " ") else { return false }
            return word.enumerated().allSatisfy { bytes[offset + $0.offset] == $0.element }
        }
    }
}
