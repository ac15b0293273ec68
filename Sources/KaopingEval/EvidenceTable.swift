import KaopingCheck

/// A record's natural key as the scan read it: a number (an integer id, a rowid) or the bytes of a text key,
/// ordered as SQLite orders them (numbers by value, text by its UTF-8 bytes, numbers first).
enum EvidenceKey: Comparable, Hashable, Sendable {
    case number(Double)
    case text([UInt8])

    static func < (lhs: EvidenceKey, rhs: EvidenceKey) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a < b
        case (.text(let a), .text(let b)): return a.lexicographicallyPrecedes(b)
        case (.number, .text): return true
        case (.text, .number): return false
        }
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

    /// Whether a record whose key `precedes` says how it orders would be among the first `limit` kept.
    func wants(_ indicator: Int, center: Int, precedes: (EvidenceKey) -> Bool) -> Bool {
        guard limit > 0 else { return false }
        let kept = first[indicator][center]
        guard kept.count == limit, let last = kept.last else { return true }
        return precedes(last)
    }

    /// Keeps `key` among the first `limit` of `center`, in order.
    mutating func insert(_ key: EvidenceKey, _ indicator: Int, _ center: Int) {
        var kept = first[indicator][center]
        let position = kept.firstIndex { key < $0 } ?? kept.count
        kept.insert(key, at: position)
        if kept.count > limit { kept.removeLast() }
        first[indicator][center] = kept
    }

    /// Adds another part of the table's records.
    mutating func merge(_ other: EvidenceTable) {
        for indicator in counts.indices {
            for center in 0..<centers where other.counts[indicator][center] > 0 {
                counts[indicator][center] += other.counts[indicator][center]
                let merged = (first[indicator][center] + other.first[indicator][center]).sorted()
                first[indicator][center] = Array(merged.prefix(limit))
            }
        }
    }
}
