/// When remembering repeats stops paying: the rule the parser's `RepeatedSyntax` and the checker's `RepeatedTexts`
/// share.
///
/// Remembering costs a little for every text and pays only where texts repeat. Lookups are counted in windows
/// of `size`: a window that finds fewer than one repeat in `rarity` says to stop remembering for good. A file
/// that repeats itself finds its repeats within the first window (they are what made it large); one whose
/// texts all differ then costs no more than reading them.
package struct RepeatWindow {
    package static let size = 512
    package static let rarity = 64

    private var lookups = 0
    private var repeats = 0

    package init() {}

    /// Counts one lookup, and whether it found a repeat; `false` when that ends a window with too few repeats.
    package mutating func count(found: Bool) -> Bool {
        lookups += 1
        if found { repeats += 1 }
        guard lookups == RepeatWindow.size else { return true }
        defer { (lookups, repeats) = (0, 0) }
        return repeats * RepeatWindow.rarity >= lookups
    }
}
