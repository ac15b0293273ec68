import Foundation
import KaopingSyntax

/// What checking some texts of a rule file came to, found again by the texts' bytes.
///
/// A rule file made by a program, or by copying, repeats itself: indicators that differ only in id and title,
/// or in their points while their `from`, `where` and `measure` repeat. What checking such texts comes to is
/// remembered (see `Checker+Repeats.swift`), and a repeat takes it. Texts are compared as written, byte for
/// byte: the same bytes are the same tokens, so the same syntax wherever they are. (Their bytes are read in one
/// run, as the file has them; walking two syntax trees, made long before and spread over memory, would cost
/// much of what checking again does.)
///
/// Remembering stops, for this checker, when it does not pay (`RepeatWindow`), and forgets what it held.
struct RepeatedTexts<Value> {
    /// Whether texts are still looked up and remembered.
    private(set) var isOn = true
    private var window = RepeatWindow()

    /// The index in `entries` of the last texts remembered with each fingerprint.
    private var last = FingerprintTable()
    /// Each one remembered: its file's index, where its parts are in `parts`, and the index of the one before it
    /// with the same fingerprint (-1: none). What it came to is in `values`, at the same index: a lookup reads
    /// these plain numbers, and copies a value (with its strings and trees) only when it takes it.
    private var entries: [(file: Int, parts: Range<Int>, earlier: Int)] = []
    private var values: [Value] = []
    /// The ranges of the texts of every entry, one entry's after another's (`nil`: a part not written): kept in
    /// one array, not one per entry, since a large file remembers hundreds of thousands.
    private var parts: [Range<Int>?] = []

    /// FNV-1a over the texts' bytes (see `Fingerprint.add(bytes:)`), a part not written counted apart.
    static func fingerprint(of parts: [Range<Int>?], in source: SourceFile) -> UInt64 {
        var fingerprint = Fingerprint()
        source.bytes.withUnsafeBufferPointer { bytes in
            for part in parts {
                if let part { fingerprint.add(bytes: UnsafeBufferPointer(rebasing: bytes[part])) } else { fingerprint.add(0xFFFF) }
            }
        }
        return fingerprint.value
    }

    /// What texts with the bytes of `parts` of `files[file]` came to, if some were remembered (the last
    /// remembered of those `accept` takes: texts may come to other values elsewhere). Counted in the window,
    /// and so never asked while remembering is off.
    mutating func value(
        for parts: [Range<Int>?], inFile file: Int, fingerprint: UInt64, files: [RuleFile], where accept: (Value) -> Bool = { _ in true }
    ) -> Value? {
        precondition(isOn, "a text looked up after remembering stopped")
        let found = lookUp(parts, inFile: file, fingerprint: fingerprint, files: files, where: accept)
        if !window.count(found: found != nil) { self = RepeatedTexts(isOn: false) }
        return found
    }

    private func lookUp(
        _ parts: [Range<Int>?], inFile file: Int, fingerprint: UInt64, files: [RuleFile], where accept: (Value) -> Bool
    ) -> Value? {
        var candidate = last[fingerprint] ?? -1
        while candidate >= 0 {
            let entry = entries[candidate]
            if accept(values[candidate]),
                RepeatedTexts.same(self.parts[entry.parts], inFile: entry.file, as: parts, inFile: file, files: files)
            {
                return values[candidate]
            }
            candidate = entry.earlier
        }
        return nil
    }

    /// Nothing remembered; `isOn`: whether texts will be.
    init(isOn: Bool = true) {
        self.isOn = isOn
    }

    /// Remembers what the texts `parts` of file `file` came to.
    mutating func remember(_ value: Value, for parts: [Range<Int>?], inFile file: Int, fingerprint: UInt64) {
        guard isOn else { return }
        entries.append((file, self.parts.count..<self.parts.count + parts.count, last[fingerprint] ?? -1))
        values.append(value)
        self.parts += parts
        last[fingerprint] = entries.count - 1
    }

    /// Whether each part has the bytes of the other's (or neither is written).
    private static func same(
        _ lhs: ArraySlice<Range<Int>?>, inFile lhsFile: Int, as rhs: [Range<Int>?], inFile rhsFile: Int, files: [RuleFile]
    )
        -> Bool
    {
        files[lhsFile].source.bytes.withUnsafeBufferPointer { left in
            files[rhsFile].source.bytes.withUnsafeBufferPointer { right in
                lhs.count == rhs.count
                    && zip(lhs, rhs).allSatisfy { lhs, rhs in
                        guard let lhs, let rhs else { return lhs == nil && rhs == nil }
                        return lhs.count == rhs.count
                            && (lhs.isEmpty
                                || memcmp(left.baseAddress! + lhs.lowerBound, right.baseAddress! + rhs.lowerBound, lhs.count) == 0)
                    }
            }
        }
    }
}
