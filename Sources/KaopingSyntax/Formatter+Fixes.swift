/// `kaoping fmt --fix`: the changes that diagnostics already know (`FixIt`) — full-width punctuation and digits
/// typed on a Chinese keyboard, `=` for `==` — applied to a rule file before it is formatted.
extension Formatter {
    /// `source` with every fix its diagnostics carry, and how many were applied. Fixes are applied front to back;
    /// one that overlaps another waits for the next round (`＝` is made `=` first, then `==`), for a few rounds.
    public static func fix(_ source: SourceFile) -> (source: SourceFile, applied: Int) {
        var current = source
        var applied = 0
        for _ in 0..<4 {
            let fixes = Parser.parse(current).diagnostics.compactMap(\.fixIt).sorted { $0.range.start < $1.range.start }
            guard !fixes.isEmpty else { break }
            var bytes: [UInt8] = []
            var position = 0
            for fix in fixes where fix.range.start >= position {
                bytes += current.bytes[position..<fix.range.start]
                bytes += Array(fix.replacement.utf8)
                position = fix.range.end
                applied += 1
            }
            bytes += current.bytes[position...]
            current = SourceFile(name: current.name, bytes: bytes)
        }
        return (current, applied)
    }
}
