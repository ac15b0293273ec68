/// A number kept under each fingerprint (see `Fingerprint`), such as the index of the last plan with it.
///
/// A large file looks up hundreds of thousands of fingerprints, which a `Dictionary` would hash again. Here a
/// fingerprint's slot is the top bits of the fingerprint times a large odd number (Fibonacci hashing: one
/// multiplication, which carries every bit upwards). Open addressing, at most three quarters full. A slot holds
/// the fingerprint and its number side by side: a large table is far bigger than the processor's caches, and
/// a lookup then waits for memory once, not once for each.
struct FingerprintTable {
    private struct Slot {
        var fingerprint: UInt64 = 0
        /// The number, plus one; 0 in a free slot.
        var number: UInt32 = 0
    }

    private var slots: [Slot]
    /// How far a fingerprint times the odd number is shifted down to leave the bits that choose its slot.
    private var shift: UInt64
    private(set) var count = 0

    /// A table with room for `capacity` fingerprints before it grows.
    init(capacity: Int = 6) {
        let count = 1 << (Int.bitWidth - (4 * max(capacity, 6) / 3).leadingZeroBitCount)
        slots = Array(repeating: Slot(), count: count)
        shift = UInt64(Int.bitWidth - count.trailingZeroBitCount)
    }

    /// The number kept under `fingerprint`: at least 0 and below 2³² − 1. Numbers are replaced, never removed.
    subscript(fingerprint: UInt64) -> Int? {
        get {
            let number = slots[slot(of: fingerprint)].number
            return number == 0 ? nil : Int(number) - 1
        }
        set {
            guard let newValue else { preconditionFailure("numbers are replaced in a fingerprint table, never removed") }
            var place = slot(of: fingerprint)
            if slots[place].number == 0 {
                if 4 * (count + 1) > 3 * slots.count {
                    grow()
                    place = slot(of: fingerprint)
                }
                count += 1
            }
            slots[place] = Slot(fingerprint: fingerprint, number: UInt32(newValue + 1))
        }
    }

    /// The slot that holds `fingerprint`, or the free one it would go in.
    private func slot(of fingerprint: UInt64) -> Int {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var place = Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[place].number != 0, slots[place].fingerprint != fingerprint { place = (place + 1) & mask }
            return place
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: 2 * old.count)
        shift -= 1
        for entry in old where entry.number != 0 { slots[slot(of: entry.fingerprint)] = entry }
    }
}
