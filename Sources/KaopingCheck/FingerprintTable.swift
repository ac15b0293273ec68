/// A number kept under each fingerprint (see `Fingerprint`), such as the index of the last plan with it.
///
/// A large file looks up hundreds of thousands of fingerprints, which a `Dictionary` would hash again. Here a
/// fingerprint's slot is the top bits of the fingerprint times a large odd number (Fibonacci hashing: one
/// multiplication, which carries every bit upwards). Open addressing, at most three quarters full.
struct FingerprintTable {
    private var fingerprints: [UInt64]
    /// The number in each slot, plus one; 0 in a free slot.
    private var numbers: [UInt32]
    /// How far a fingerprint times the odd number is shifted down to leave the bits that choose its slot.
    private var shift: UInt64
    private(set) var count = 0

    /// A table with room for `capacity` fingerprints before it grows.
    init(capacity: Int = 6) {
        let slots = 1 << (Int.bitWidth - (4 * max(capacity, 6) / 3).leadingZeroBitCount)
        fingerprints = Array(repeating: 0, count: slots)
        numbers = Array(repeating: 0, count: slots)
        shift = UInt64(Int.bitWidth - slots.trailingZeroBitCount)
    }

    /// The number kept under `fingerprint`: at least 0 and below 2³² − 1. Numbers are replaced, never removed.
    subscript(fingerprint: UInt64) -> Int? {
        get {
            let number = numbers[slot(of: fingerprint)]
            return number == 0 ? nil : Int(number) - 1
        }
        set {
            guard let newValue else { preconditionFailure("numbers are replaced in a fingerprint table, never removed") }
            var place = slot(of: fingerprint)
            if numbers[place] == 0 {
                if 4 * (count + 1) > 3 * numbers.count {
                    grow()
                    place = slot(of: fingerprint)
                }
                count += 1
            }
            fingerprints[place] = fingerprint
            numbers[place] = UInt32(newValue + 1)
        }
    }

    /// The slot that holds `fingerprint`, or the free one it would go in.
    private func slot(of fingerprint: UInt64) -> Int {
        let mask = numbers.count - 1
        var place = Int(truncatingIfNeeded: (fingerprint &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while numbers[place] != 0, fingerprints[place] != fingerprint { place = (place + 1) & mask }
        return place
    }

    private mutating func grow() {
        let (oldFingerprints, oldNumbers) = (fingerprints, numbers)
        fingerprints = Array(repeating: 0, count: 2 * oldNumbers.count)
        numbers = Array(repeating: 0, count: 2 * oldNumbers.count)
        shift -= 1
        for index in oldNumbers.indices where oldNumbers[index] != 0 {
            let place = slot(of: oldFingerprints[index])
            (fingerprints[place], numbers[place]) = (oldFingerprints[index], oldNumbers[index])
        }
    }
}
