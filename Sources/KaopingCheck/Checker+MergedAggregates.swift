import KaopingSyntax

/// The aggregates of the pieces a large file is checked in, put together on every core.
///
/// Each piece planned its own aggregates, each once, in the order it met them. Put together, the aggregates
/// are those of checking the file in one piece: every piece's in order, less those an earlier piece planned
/// too. A file whose indicators differ plans hundreds of thousands, too many to look up one by one: they
/// are dealt into buckets by fingerprint, the buckets find their repeats at once, then the pieces number
/// their first-met aggregates at once, each from how many the pieces before it met first.
extension Checker {
    /// How many bits of a fingerprint choose its bucket.
    private static let bucketBits = 6

    /// The aggregates one piece planned, taken out of its checker, with their fingerprints.
    struct PlannedAggregates {
        var plans: [AggregatePlan]
        var fingerprints: [AggregateFingerprints]
    }

    /// Makes `aggregates` those the pieces planned (`pieces[0]` those of this checker's piece), their columns
    /// renumbered by `renumberings` (one per piece, but for aggregates), and returns the index there of each
    /// aggregate of each piece.
    ///
    /// The merged aggregates are not entered in the table of fingerprints: nothing is planned after the
    /// pieces, and an aggregate added later would only be compared with those added after it.
    mutating func mergeAggregates(_ pieces: consuming [PlannedAggregates], renumberings: [Renumbering]) -> [[Int]] {
        pieces.withUnsafeMutableBufferPointer { pieces in
            _ = Parallel.map(pieces.count) { Checker.renumber(&pieces[$0], by: renumberings[$0]) }
        }
        // Every aggregate by its position in the pieces' aggregates one after another.
        let starts = pieces.reduce(into: [0]) { $0.append($0.last! + $1.plans.count) }
        let allFingerprints = pieces.flatMap(\.fingerprints)
        let fingerprints = allFingerprints.map(\.fingerprint)
        func plan(at position: Int) -> AggregatePlan {
            let piece = starts.lastIndex { $0 <= position }!
            return pieces[piece].plans[position - starts[piece]]
        }
        // `firsts[position]`: the position of the first aggregate equal to that one (its own if it is the first).
        var firsts = [Int](repeating: 0, count: fingerprints.count)
        let dealt = Parallel.map(pieces.count) { Checker.deal(fingerprints[starts[$0]..<starts[$0 + 1]]) }
        firsts.withUnsafeMutableBufferPointer { firsts in
            fingerprints.withUnsafeBufferPointer { fingerprints in
                // Where each first aggregate goes on from the one before it with the same fingerprint.
                var chains = [Int](repeating: -1, count: firsts.count)
                chains.withUnsafeMutableBufferPointer { chains in
                    _ = Parallel.map(1 << Checker.bucketBits) { bucket in
                        // The last first aggregate with each fingerprint.
                        var lastWith = FingerprintTable(capacity: dealt.reduce(0) { $0 + $1[bucket].count })
                        for piece in dealt.indices {
                            for position in dealt[piece][bucket] {
                                let fingerprint = fingerprints[position]
                                let last = lastWith[fingerprint] ?? -1
                                var candidate = last
                                while candidate >= 0, plan(at: candidate) != plan(at: position) { candidate = chains[candidate] }
                                if candidate < 0 {
                                    chains[position] = last
                                    lastWith[fingerprint] = position
                                }
                                firsts[position] = candidate < 0 ? position : candidate
                            }
                        }
                    }
                }
            }
        }
        // The aggregates each piece met first, numbered in order from how many the pieces before it met first.
        let firstMet = Parallel.map(pieces.count) { piece in (starts[piece]..<starts[piece + 1]).filter { firsts[$0] == $0 } }
        let offsets = firstMet.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var numbers = [Int](repeating: 0, count: firsts.count)
        numbers.withUnsafeMutableBufferPointer { numbers in
            _ = Parallel.map(pieces.count) { piece in
                for (rank, position) in firstMet[piece].enumerated() { numbers[position] = offsets[piece] + rank }
            }
            // An aggregate met before takes the number of the first (in an earlier piece, numbered above).
            _ = Parallel.map(pieces.count) { piece in
                for position in starts[piece]..<starts[piece + 1] where firsts[position] != position {
                    numbers[position] = numbers[firsts[position]]
                }
            }
        }
        let count = offsets.last!
        aggregateFingerprints = Array(unsafeUninitializedCapacity: count) { merged, initialized in
            _ = Parallel.map(pieces.count) { piece in
                for (rank, position) in firstMet[piece].enumerated() {
                    (merged.baseAddress! + offsets[piece] + rank).initialize(to: (allFingerprints[position], -1))
                }
            }
            initialized = count
        }
        // The plans met first are moved, not copied, each piece's by its own thread, which then frees the rest.
        aggregates = Array(unsafeUninitializedCapacity: count) { merged, initialized in
            pieces.withUnsafeMutableBufferPointer { pieces in
                _ = Parallel.map(pieces.count) { piece in
                    pieces[piece].plans.withUnsafeMutableBufferPointer { plans in
                        for (rank, position) in firstMet[piece].enumerated() {
                            let place = plans.baseAddress! + position - starts[piece]
                            (merged.baseAddress! + offsets[piece] + rank).moveInitialize(from: place, count: 1)
                            place.initialize(to: AggregatePlan(function: .count, table: "", filter: nil, argument: nil))
                        }
                    }
                    pieces[piece] = PlannedAggregates(plans: [], fingerprints: [])
                }
            }
            initialized = count
        }
        aggregatesByFingerprint = FingerprintTable()
        return pieces.indices.map { Array(numbers[starts[$0]..<starts[$0 + 1]]) }
    }

    /// Renumbers the columns and center columns of the aggregates one piece planned, and works out their
    /// fingerprints again, unless none moves.
    private static func renumber(_ planned: inout PlannedAggregates, by renumbering: Renumbering) {
        guard !renumbering.changesNothing else { return }
        planned.plans = planned.plans.map { renumbering.apply(to: $0) }
        planned.fingerprints = planned.plans.map(Fingerprint.of)
    }

    /// The positions of `fingerprints` in each bucket, by the top bits of each.
    private static func deal(_ fingerprints: ArraySlice<UInt64>) -> [[Int]] {
        var buckets = [[Int]](repeating: [], count: 1 << bucketBits)
        for position in fingerprints.indices { buckets[Int(fingerprints[position] >> (64 - UInt64(bucketBits)))].append(position) }
        return buckets
    }
}
