/// Plain lines, which the parser may skip whole when it recovers from a mistake.
extension Lexer {
    /// What the rest of the current line holds, from `offset` to its line break (or the end of the file), if
    /// it is all plain: what the lexer reads without a diagnostic or a comment — blanks, ASCII letters and
    /// digits, the symbols of the language but `!` and `%` (which stand alone only by mistake), and strings
    /// closed on the line that hold only printable ASCII without `\`. Then the tokens on it matter to a parser
    /// skipping them only by their braces: `braces` is how many `{` there are more than `}` outside strings,
    /// `end` where the line ends, and `lastCode` the end of its last token (`nil` if the rest is blank). `nil`
    /// for any other rest of a line: the lexer must read it token by token.
    func plainRestOfLine() -> (end: Int, lastCode: Int?, braces: Int)? {
        // Bit `b` of the two masks is set for each plain byte `b` below 128.
        let low: UInt64 = 0x7FFF_FF01_0000_2200
        let high: UInt64 = 0x3FFF_FFFE_AFFF_FFFE
        var index = offset
        var braces = 0
        var lastCode: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\"") {
                guard let close = plainStringEnd(from: index + 1) else { return nil }
                index = close + 1
                lastCode = index
                continue
            }
            let plain = byte < 64 ? low >> UInt64(byte) & 1 == 1 : byte < 128 && high >> UInt64(byte - 64) & 1 == 1
            guard plain else { return nil }
            if byte == UInt8(ascii: "{") { braces += 1 } else if byte == UInt8(ascii: "}") { braces -= 1 }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { lastCode = index + 1 }
            index += 1
        }
        return (index, lastCode, braces)
    }

    /// From `offset`, the rest of the line and the lines after it while they are plain (see `plainRestOfLine`),
    /// for a parser skipping to the next declaration: it stops before a line that begins with one of
    /// `keywords` once `nesting`, with the braces before that line, is at most 0, and before a line that is
    /// not plain. `end` is then the line break before the line it stops at (or the end of the file).
    func plainLines(nesting: Int, stoppingAt keywords: Keywords) -> (end: Int, lastCode: Int?, braces: Int)? {
        guard var line = plainRestOfLine() else { return nil }
        var braces = line.braces
        var lastCode = line.lastCode
        var lexer = self
        while line.end < bytes.count {
            // The next line: blanks, then its first word, which may be a keyword.
            var first = line.end + 1
            while first < bytes.count, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { first += 1 }
            if nesting + braces <= 0, startsKeyword(at: first, keywords) { break }
            lexer.offset = line.end + 1
            guard let next = lexer.plainRestOfLine() else { break }
            braces += next.braces
            lastCode = next.lastCode ?? lastCode
            line = next
        }
        return (line.end, lastCode, braces)
    }

    /// Whether one of `keywords` starts at `index` as a whole word (or might: a name that goes on in a byte
    /// that is not ASCII counts, so that the lexer reads that line itself).
    private func startsKeyword(at index: Int, _ keywords: Keywords) -> Bool {
        let end = bytes.asciiNameEnd(from: index)
        guard end > index else { return false }
        if end < bytes.count, bytes[end] >= 0x80 { return true }
        return keywords.spellings.contains(Spelling(bytes, index..<end))
    }

    /// The index of the quote that closes a string whose text starts at `start`, if the text is printable ASCII
    /// without `\` and the quote is on the same line.
    private func plainStringEnd(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return index }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// Moves on to `end`, the end of a plain line (see `plainRestOfLine`).
    mutating func skipPlainLine(to end: Int) {
        offset = end
    }
}
