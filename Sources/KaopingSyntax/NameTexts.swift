/// The texts of names the lexer made, by their spellings: one slot for each of 1,024 numbers mixed from a
/// spelling, holding the last name that fell in it. A name found there is not made again (checking its
/// bytes are valid UTF-8 and copying them cost more than the look-up); one not found is made and takes the
/// slot.
struct NameTexts {
    private var spellings = [Spelling](repeating: Spelling(), count: 1024)
    private var texts = [String](repeating: "", count: 1024)

    @inline(__always)
    private func slot(_ spelling: Spelling) -> Int { Int(truncatingIfNeeded: spelling.mixed >> 54) }

    /// The text spelled `spelling` (whole), if it is in its slot.
    @inline(__always)
    func text(of spelling: Spelling) -> String? {
        let slot = slot(spelling)
        return spellings[slot] == spelling ? texts[slot] : nil
    }

    /// Puts `text`, spelled `spelling` (whole), in its slot.
    mutating func keep(_ text: String, spelledAs spelling: Spelling) {
        let slot = slot(spelling)
        spellings[slot] = spelling
        texts[slot] = text
    }
}
