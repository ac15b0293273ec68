import CSQLite
import Foundation

/// Dictionary coding of the text values one scan thread reads: each distinct text gets a small integer code,
/// so filters compare codes instead of strings. Not shared between threads.
final class TextDictionary {
    // The hot path reads these for every text value of a scan: no dynamic exclusivity checks (the
    // dictionary belongs to one thread, and no access overlaps another).
    @exclusivity(unchecked) private(set) var strings: [String] = []
    @exclusivity(unchecked) private var buckets: [Int32]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var bytes: [[UInt8]] = []

    init() {
        buckets = [Int32](repeating: -1, count: 64)
    }

    /// The code of `text`, adding it if it is new.
    func code(of text: String) -> Int32 {
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { code(of: $0) }
    }

    /// The code of the UTF-8 bytes, adding them if they are new (no String is made for a known value).
    func code(of value: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in value {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        let mask = buckets.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = buckets[slot]
            if existing < 0 { break }
            if hashes[Int(existing)] == hash && equal(bytes[Int(existing)], value) { return existing }
            slot = (slot + 1) & mask
        }
        let code = Int32(strings.count)
        let stored = Array(value)
        bytes.append(stored)
        hashes.append(hash)
        strings.append(String(decoding: stored, as: UTF8.self))
        buckets[slot] = code
        if strings.count * 2 > buckets.count { grow() }
        return code
    }

    /// The code of column `index` of the statement's current row, or -1 for NULL.
    func code(statement: OpaquePointer, column index: Int32) -> Int32 {
        guard sqlite3_column_type(statement, index) != SQLITE_NULL, let text = sqlite3_column_text(statement, index) else { return -1 }
        let length = Int(sqlite3_column_bytes(statement, index))
        return code(of: UnsafeBufferPointer(start: text, count: length))
    }

    private func equal(_ stored: [UInt8], _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == value.count else { return false }
        guard let base = value.baseAddress else { return stored.isEmpty }
        return stored.withUnsafeBufferPointer { storedBytes in
            guard let storedBase = storedBytes.baseAddress else { return false }
            return memcmp(storedBase, base, value.count) == 0
        }
    }

    private func grow() {
        buckets = [Int32](repeating: -1, count: buckets.count * 2)
        let mask = buckets.count - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while buckets[slot] >= 0 { slot = (slot + 1) & mask }
            buckets[slot] = Int32(code)
        }
    }

    var count: Int { strings.count }
}
