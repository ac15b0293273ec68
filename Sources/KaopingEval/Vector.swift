/// A column of values for the rows of one chunk, typed.
///
/// Numbers (integers, reals, times, days, flags) are doubles, exact for every integer below 2^53, with NaN
/// standing for NULL; text is dictionary codes (−1 for NULL); truth values are 0 (false), 1 (true) or 2 (NULL).
enum Vector {
    case number([Double])
    case text([Int32])
    case truth([UInt8])

    static let nullTruth: UInt8 = 2

    var count: Int {
        switch self {
        case .number(let values): return values.count
        case .text(let codes): return codes.count
        case .truth(let values): return values.count
        }
    }

    /// The vector as truth values: numbers are true when non-zero.
    var truths: [UInt8] {
        switch self {
        case .truth(let values): return values
        case .number(let values): return values.map { $0.isNaN ? Vector.nullTruth : ($0 != 0 ? 1 : 0) }
        case .text(let codes): return codes.map { _ in Vector.nullTruth }
        }
    }

    /// The vector as numbers: truth values are 0 or 1.
    var numbers: [Double] {
        switch self {
        case .number(let values): return values
        case .truth(let values): return values.map { $0 == Vector.nullTruth ? .nan : Double($0) }
        case .text(let codes): return codes.map { _ in .nan }
        }
    }

    /// Whether row `index` is NULL.
    func isNull(_ index: Int) -> Bool {
        switch self {
        case .number(let values): return values[index].isNaN
        case .text(let codes): return codes[index] < 0
        case .truth(let values): return values[index] == Vector.nullTruth
        }
    }
}

/// The rows of one table read in one go: typed columns, each row's dense center number and its rowid.
struct Chunk {
    var count = 0
    var columns: [Vector] = []
    var centers: [Int32] = []
}
