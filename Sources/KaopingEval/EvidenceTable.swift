import Foundation
import KaopingCheck

/// A record's natural key as the scan read it: a number (an integer id, a rowid) or the bytes of a text key,
/// ordered as SQLite orders them (numbers by value, text by its UTF-8 bytes, numbers first).
enum EvidenceKey: Comparable, Hashable, Sendable {
    case number(Double)
    case text([UInt8])

    static func < (lhs: EvidenceKey, rhs: EvidenceKey) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a < b
        case (.text(let a), .text(let b)): return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { precedes(x, $0) } }
        case (.number, .text): return true
        case (.text, .number): return false
        }
    }

    /// Whether bytes `a` come before bytes `b` (memcmp order, a prefix first).
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order < 0 || (order == 0 && a.count < b.count)
    }

    /// The key as results name it.
    var text: String {
        switch self {
        case .number(let value): return value.isNaN ? "" : String(Int64(value))
        case .text(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// The evidence a scan collects for each of its evidence indicators and each center: how many records cost
/// points, and the first `limit` of their keys in key order. Bounded per center; merged morsel by morsel, and
/// the same whatever the order of merging, so results do not depend on threads or chunks.
struct EvidenceTable: Sendable {
    let limit: Int
    let centers: Int
    /// Per evidence indicator of the scan, per center.
    var counts: [[Int]]
    var first: [[[EvidenceKey]]]

    init(indicators: Int, centers: Int, limit: Int) {
        self.limit = limit
        self.centers = centers
        counts = [[Int]](repeating: [Int](repeating: 0, count: centers), count: indicators)
        first = [[[EvidenceKey]]](repeating: [[EvidenceKey]](repeating: [], count: centers), count: indicators)
    }

    /// Counts one record of `center`.
    mutating func count(_ indicator: Int, center: Int) {
        counts[indicator][center] += 1
    }

    /// Whether a record whose key `precedes` says how it orders would be among the first `limit` kept, here and
    /// in the table whose last kept keys are `cutoffs` (the records merged so far: a key after theirs is not needed).
    func wants(_ indicator: Int, center: Int, cutoffs: [[EvidenceKey?]], precedes: (EvidenceKey) -> Bool) -> Bool {
        guard limit > 0 else { return false }
        let kept = first[indicator][center]
        if kept.count == limit, let last = kept.last { return precedes(last) }
        if let cutoff = cutoffs.isEmpty ? nil : cutoffs[indicator][center] { return precedes(cutoff) }
        return true
    }

    /// For each indicator and center, the last key kept when `limit` are kept (`nil` while fewer are).
    var cutoffs: [[EvidenceKey?]] {
        first.map { centers in centers.map { $0.count == limit ? $0.last : nil } }
    }

    /// Keeps `key` among the first `limit` of `center`, in order.
    mutating func insert(_ key: EvidenceKey, _ indicator: Int, _ center: Int) {
        let position = first[indicator][center].firstIndex { key < $0 } ?? first[indicator][center].count
        first[indicator][center].insert(key, at: position)
        if first[indicator][center].count > limit { first[indicator][center].removeLast() }
    }

    /// The first `limit` of two sorted lists of keys, in order.
    private static func merged(_ a: [EvidenceKey], _ b: [EvidenceKey], limit: Int) -> [EvidenceKey] {
        if b.isEmpty || (a.count == limit && !(b[0] < a[limit - 1])) { return a }
        if a.isEmpty { return b }
        var result: [EvidenceKey] = []
        result.reserveCapacity(min(limit, a.count + b.count))
        var (i, j) = (0, 0)
        while result.count < limit && (i < a.count || j < b.count) {
            if j == b.count || (i < a.count && !(b[j] < a[i])) {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        return result
    }

    /// Adds another part of the table's records.
    mutating func merge(_ other: EvidenceTable) {
        for indicator in counts.indices {
            for center in 0..<centers where other.counts[indicator][center] > 0 {
                counts[indicator][center] += other.counts[indicator][center]
                first[indicator][center] = Self.merged(first[indicator][center], other.first[indicator][center], limit: limit)
            }
        }
    }
}
