import Foundation

/// Syntax a parser remembers by the bytes it was parsed from (see `Parser+Repeats.swift`), each entry found by
/// a key: a hash of the bytes its text starts with. The key only points to a candidate; its bytes are compared
/// whole. Remembering stops when it does not pay (`RepeatWindow`).
struct RepeatedSyntax<Value> {
    /// What one text was parsed into: `bytes`, the text compared; `tokens`, how many it has (see `Parser.index`).
    struct Entry {
        var bytes: Range<Int>
        var tokens: Int
        var value: Value
    }

    /// How many bytes, at most, a key is made from.
    static var keyLength: Int { 64 }

    /// Whether texts are still looked up and remembered.
    private(set) var isOn: Bool
    private var window = RepeatWindow()
    /// What was remembered; read in place through this property (a subscript would hand out copies, and an
    /// entry holds a whole declaration).
    private(set) var entries: [Entry] = []
    /// The index in `entries` of the last one remembered under each key.
    private var byKey: [UInt64: Int] = [:]

    init(isOn: Bool = true) {
        self.isOn = isOn
    }

    /// FNV-1a over the first `keyLength` bytes from `offset` (fewer at the end of the file).
    static func key(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes[offset..<min(offset + keyLength, bytes.count)] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The index of the entry under `key` whose bytes are those at `offset`, if there is one. Counted in the
    /// window.
    mutating func find(at offset: Int, key: UInt64, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard isOn else { return nil }
        var found: Int?
        if let index = byKey[key] {
            let text = entries[index].bytes
            if offset + text.count <= bytes.count,
                memcmp(bytes.baseAddress! + offset, bytes.baseAddress! + text.lowerBound, text.count) == 0
            {
                found = index
            }
        }
        if !window.count(found: found != nil) { self = RepeatedSyntax(isOn: false) }
        return found
    }

    mutating func remember(_ entry: Entry, key: UInt64) {
        guard isOn else { return }
        byKey[key] = entries.count
        entries.append(entry)
    }
}
