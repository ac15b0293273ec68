/// Plain lines, which the parser may skip whole when it recovers from a mistake.
extension Lexer {
    /// What the rest of the current line holds, from `offset` to its line break (or the end of the file), if
    /// every byte of it is plain: one the lexer reads without a diagnostic, a comment or a string — blanks,
    /// ASCII letters and digits, and the symbols of the language but `!` and `%` (which stand alone only by
    /// mistake). Then the tokens on it matter to a parser skipping them only by their braces: `braces` is how
    /// many `{` there are more than `}`, `end` where the line ends, and `lastCode` the end of its last token
    /// (`nil` if the rest is blank). `nil` for any other rest of a line: the lexer must read it token by token.
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
            let plain = byte < 64 ? low >> UInt64(byte) & 1 == 1 : byte < 128 && high >> UInt64(byte - 64) & 1 == 1
            guard plain else { return nil }
            if byte == UInt8(ascii: "{") { braces += 1 } else if byte == UInt8(ascii: "}") { braces -= 1 }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { lastCode = index + 1 }
            index += 1
        }
        return (index, lastCode, braces)
    }

    /// Moves on to `end`, the end of a plain line (see `plainRestOfLine`).
    mutating func skipPlainLine(to end: Int) {
        offset = end
    }
}
