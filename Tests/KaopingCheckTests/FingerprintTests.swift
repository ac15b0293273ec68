import Foundation
import Testing

@testable import KaopingCheck
@testable import KaopingSyntax

/// Fingerprints made from those of branches agree with fingerprints walked; `FingerprintTable` keeps what a
/// `Dictionary` would, whatever the fingerprints' bits.
@Suite("Fingerprints and fingerprint tables")
struct FingerprintTests {
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
            Fingerprint.of(
                AggregatePlan(function: .count, table: "cases", filter: .column(index % 97), argument: .constant(.integer(Int64(index))))
            )
            .fingerprint
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

    /// Every `and` in `expression` and below: the checker makes the fingerprint of an `and` from those of its
    /// two sides.
    static func conjunctions(in expression: TypedExpression) -> [(TypedExpression, TypedExpression, TypedExpression)] {
        switch expression {
        case .and(let lhs, let rhs): return [(expression, lhs, rhs)] + conjunctions(in: lhs) + conjunctions(in: rhs)
        case .or(let lhs, let rhs), .compare(_, let lhs, let rhs), .arithmetic(_, let lhs, let rhs):
            return conjunctions(in: lhs) + conjunctions(in: rhs)
        case .not(let operand), .negate(let operand), .isNull(let operand, _): return conjunctions(in: operand)
        default: return []
        }
    }

    @Test("The fingerprints of the shipped rules' aggregates, made from their branches' or walked, agree")
    func composedFingerprints() throws {
        let rules = try String(contentsOf: ProjectFolder.root.appendingPathComponent("Rules/jiangsu-2020.rules"), encoding: .utf8)
        let plan = try #require(Checker.check(Parser.parse(SourceFile(name: "rules", text: rules)).file, schema: .canonical).plan)
        var conjunctions = 0
        for aggregate in plan.aggregates {
            let walked = Fingerprint.of(aggregate)
            #expect(walked.filter == (aggregate.filter.map(Fingerprint.of) ?? Fingerprint.absent))
            #expect(walked.argument == (aggregate.argument.map(Fingerprint.of) ?? Fingerprint.absent))
            #expect(walked.fingerprint == Fingerprint.of(aggregate, filter: walked.filter, argument: walked.argument))
            for (both, lhs, rhs) in [aggregate.filter, aggregate.argument].compactMap({ $0 }).flatMap(Self.conjunctions) {
                #expect(Fingerprint.of(both) == Fingerprint.and(Fingerprint.of(lhs), Fingerprint.of(rhs)))
                conjunctions += 1
            }
        }
        #expect(conjunctions > 10)
        // Plans that differ anywhere differ in their fingerprints.
        let fingerprints = Set(plan.aggregates.map { Fingerprint.of($0).fingerprint })
        #expect(fingerprints.count == plan.aggregates.count)
    }

    @Test("Short texts are fingerprinted as their bytes are")
    func shortTexts() {
        for text in ["", "a", "==", "<=", "promised", "promised_", "已办结", "finished_at_12345"] {
            var fromText = Fingerprint()
            fromText.add(text)
            var fromBytes = Fingerprint()
            Array(text.utf8).withUnsafeBufferPointer { fromBytes.add(bytes: $0) }
            #expect(fromText.value == fromBytes.value, "\(text)")
        }
    }
}
