import Testing

@testable import KaopingEval

/// The cache's block encoding gives back exactly what it was given: every width, NULLs, fractions,
/// negative zero, huge numbers and many distinct strings.
@Suite("Column cache blocks round-trip")
struct ColumnBlockTests {
    static func roundTrip(_ values: [Double]) -> [Double]? {
        var bytes: [UInt8] = []
        ColumnBlock.encode(numbers: values, into: &bytes)
        guard case .numbers(let decoded)? = bytes.withUnsafeBytes({ ColumnBlock.decode($0) }) else { return nil }
        return decoded
    }

    /// Equal including NaN positions and the sign of zero.
    static func same(_ a: [Double], _ b: [Double]?) -> Bool {
        guard let b, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    @Test(
        "Numbers",
        arguments: [
            [], [1, 2, 3], [.nan, 5, .nan], [.nan, .nan], [0, 254], [0, 255], [-70_000, 0, .nan], [1_700_000_000, 1_731_000_000, .nan],
            [0, 5_000_000_000], [0.5, 1, .nan], [-0.0, 1], [9e15, -9e15], [1e300, -1e-300], [Double.greatestFiniteMagnitude, 0],
        ])
    func numbers(values: [Double]) {
        #expect(Self.same(values, Self.roundTrip(values)))
    }

    @Test("Whole numbers take the fewest bytes that hold them")
    func widths() {
        func size(_ values: [Double]) -> Int {
            var bytes: [UInt8] = []
            ColumnBlock.encode(numbers: values, into: &bytes)
            return bytes.count
        }
        let header = 1 + 4 + 1 + 8
        #expect(size([Double](repeating: 1, count: 100)) == header + 100)
        #expect(size((0..<1000).map(Double.init)) == header + 2000)
        #expect(size([0, 1_000_000] + [Double](repeating: .nan, count: 98)) == header + 400)
        #expect(size([0.5, 1]) == 1 + 4 + 16)
    }

    @Test("Text, with NULLs, one to 70,000 distinct strings")
    func text() {
        let strings = (0..<70_000).map { "值\($0)" }
        for distinct in [1, 200, 300, 70_000] {
            let codes: [Int32] = (0..<(distinct + 10)).map { $0 % 7 == 3 ? -1 : Int32($0 % distinct) }
            var bytes: [UInt8] = []
            ColumnBlock.encode(codes: codes, strings: strings, into: &bytes)
            guard case .text(let table, let indices)? = bytes.withUnsafeBytes({ ColumnBlock.decode($0) }) else {
                Issue.record("not decoded")
                continue
            }
            let decoded = indices.map { $0 < 0 ? nil : String(decoding: table[Int($0)], as: UTF8.self) }
            #expect(decoded == codes.map { $0 < 0 ? nil : strings[Int($0)] })
        }
    }

    @Test("Damaged blocks are refused, never misread")
    func damaged() {
        var bytes: [UInt8] = []
        ColumnBlock.encode(numbers: [1, 2, 3], into: &bytes)
        for cut in 0..<bytes.count {
            #expect(Array(bytes[0..<cut]).withUnsafeBytes { ColumnBlock.decode($0) } == nil)
        }
        var text: [UInt8] = []
        ColumnBlock.encode(codes: [0, 1, -1], strings: ["a", "b"], into: &text)
        text[text.count - 3] = 9  // an index past the block's two strings
        #expect(text.withUnsafeBytes { ColumnBlock.decode($0) } == nil)
    }
}
