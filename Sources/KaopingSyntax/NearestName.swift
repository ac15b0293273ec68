/// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
public func nearestName(_ name: String, among candidates: [String]) -> String? {
    // A likely typo is at most three edits away, and each edit changes the length by one at most: a name
    // longer than every candidate by more than that is nobody's typo (a name of millions of characters, from
    // a damaged file, is not spelled out to find that).
    let longest = candidates.map(\.count).max() ?? 0
    guard name.utf8.count <= 4 * (longest + 3) else { return nil }
    let source = Array(name.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
        let target = Array(candidate.lowercased())
        guard abs(source.count - target.count) <= 3 else { continue }
        let distance = editDistance(source, target)
        let limit = max(1, min(3, max(source.count, candidate.count) / 3))
        if distance <= limit, distance < (best?.1 ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.0
}

/// Levenshtein distance between two character arrays, with adjacent swaps counted as one edit.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
