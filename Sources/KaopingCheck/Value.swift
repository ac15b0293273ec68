/// A value during evaluation: a cell of a row, a constant, or a per-center result.
///
/// Times are Unix seconds and days are day numbers (see `CivilDay`), both as `.integer`.
public enum Value: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)

    /// The value as a number, if it is one (a boolean counts as 0 or 1).
    public var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .boolean(let value): return value ? 1 : 0
        default: return nil
        }
    }

    /// Whether the value is true: a true boolean or a non-zero number. NULL is not true.
    public var isTrue: Bool {
        switch self {
        case .boolean(let value): return value
        case .integer(let value): return value != 0
        case .real(let value): return value != 0
        default: return false
        }
    }

    public var isNull: Bool { self == .null }
}

extension Double {
    /// The value rounded by `rule` to an integer of at most 2^53 in magnitude (0 for NaN): a conversion that
    /// cannot trap on a rule's absurd numbers (`minimum 99999999999999999999`, `1e300 days`).
    func clampedInteger(_ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int64 {
        guard !isNaN else { return 0 }
        let limit = 9_007_199_254_740_992.0
        return Int64(Swift.max(-limit, Swift.min(limit, rounded(rule))))
    }
}
