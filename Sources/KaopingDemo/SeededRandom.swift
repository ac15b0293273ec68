import Foundation

/// A deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// The demo must be byte-identical for the same seed on every run, so it never touches the system's
/// random source; every draw goes through this type.
struct SeededRandom: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for `seed`, optionally on an independent stream named by `stream`.
    init(seed: UInt64, stream: UInt64 = 0) {
        var mix = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A double uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// An integer uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 0x1.0p-60)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
    }

    /// A Poisson draw with mean `mean` (inversion for small means, a normal approximation above 50).
    mutating func poisson(_ mean: Double) -> Int {
        if mean <= 0 { return 0 }
        if mean > 50 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
        let limit = exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }

    /// A binomial draw: successes among `n` trials of probability `p`.
    mutating func binomial(_ n: Int, _ p: Double) -> Int {
        if n <= 0 || p <= 0 { return 0 }
        if p >= 1 { return n }
        if n < 40 {
            var count = 0
            for _ in 0..<n where unit() < p { count += 1 }
            return count
        }
        let mean = Double(n) * p
        let deviation = (mean * (1 - p)).squareRoot()
        return min(n, max(0, Int((mean + deviation * normal()).rounded())))
    }

    /// An element of `items` chosen with the given `weights` (same count, not all zero).
    mutating func pick<T>(_ items: [T], weights: [Double]) -> T {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (item, weight) in zip(items, weights) {
            target -= weight
            if target < 0 { return item }
        }
        return items[items.count - 1]
    }

    /// An element of a non-empty array, uniformly.
    mutating func element<T>(of items: [T]) -> T { items[int(0...(items.count - 1))] }
}
