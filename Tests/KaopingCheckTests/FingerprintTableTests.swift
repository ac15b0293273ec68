import Testing

@testable import KaopingCheck

/// `FingerprintTable` keeps what a `Dictionary` would, whatever the fingerprints' bits.
@Suite("Fingerprint tables")
struct FingerprintTableTests {
    /// Puts `fingerprints` in a table and a dictionary, each with its index, then a second number for every third;
    /// the two must agree on every fingerprint put and on others never put.
    static func expectSameAsDictionary(_ fingerprints: [UInt64], capacity: Int = 6) {
        var table = FingerprintTable(capacity: capacity)
        var dictionary: [UInt64: Int] = [:]
        for (index, fingerprint) in fingerprints.enumerated() {
            #expect(table[fingerprint] == dictionary[fingerprint])
            table[fingerprint] = index
            dictionary[fingerprint] = index
        }
        for (index, fingerprint) in fingerprints.enumerated() where index % 3 == 0 {
            table[fingerprint] = index + 1_000_000
            dictionary[fingerprint] = index + 1_000_000
        }
        #expect(table.count == dictionary.count)
        for fingerprint in fingerprints { #expect(table[fingerprint] == dictionary[fingerprint]) }
        for absent: UInt64 in [0, 1, .max, 0xDEAD_BEEF] where dictionary[absent] == nil { #expect(table[absent] == nil) }
    }

    @Test("Fingerprints of real plans, growing from the smallest table")
    func realFingerprints() {
        let fingerprints = (0..<5000).map { index -> UInt64 in
            var fingerprint = Fingerprint()
            fingerprint.add(
                AggregatePlan(function: .count, table: "cases", filter: .column(index % 97), argument: .constant(.integer(Int64(index)))))
            return fingerprint.value
        }
        Self.expectSameAsDictionary(fingerprints)
        Self.expectSameAsDictionary(fingerprints + fingerprints.reversed(), capacity: 10_000)
    }

    @Test("Fingerprints that differ only in their low bits, only in their high bits, or not at all")
    func poorFingerprints() {
        Self.expectSameAsDictionary((0..<3000).map { UInt64($0) })
        Self.expectSameAsDictionary((0..<3000).map { UInt64($0) << 52 })
        Self.expectSameAsDictionary((0..<3000).map { UInt64($0 % 7) &* 0x9E37_79B9_7F4A_7C15 })
        Self.expectSameAsDictionary([0, 0, 0, .max, .max])
    }
}
