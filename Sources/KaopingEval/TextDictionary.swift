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
        let hash = TextDictionary.hash(value)
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

    /// A hash of the bytes taken eight at a time (the values are short: codes, statuses, names).
    @inline(__always)
    static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(value.count)
        guard let base = value.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= value.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < value.count {
            tail |= UInt64(value[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 32)
    }

    /// The code of column `index` of the statement's current row, or -1 for NULL.
    func code(statement: OpaquePointer, column index: Int32) -> Int32 {
        // One column call, then the value's own accessors: cheaper than three column calls.
        guard let value = sqlite3_column_value(statement, index), sqlite3_value_type(value) != SQLITE_NULL,
            let text = sqlite3_value_text(value)
        else { return -1 }
        let length = Int(sqlite3_value_bytes(value))
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
