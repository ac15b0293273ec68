import KaopingCheck
import KaopingResults

/// Reads the result an expectation names, and compares it.
enum ResultField {
    static func value(of target: [String], in center: CenterResult, assessment: Assessment) -> Value? {
        if target.count == 1 {
            // A veto's or a grade limit's id: whether it holds for the center (1) or not (0).
            if assessment.vetoes.contains(where: { $0.id == target[0] }) { return .real(center.veto?.id == target[0] ? 1 : 0) }
            if (assessment.gradeLimits ?? []).contains(where: { $0.id == target[0] }) {
                return .real((center.gradeLimits ?? []).contains { $0.id == target[0] } ? 1 : 0)
            }
            switch target[0] {
            case "total": return .real(center.total)
            case "base": return .real(center.base)
            case "grade": return .text(center.grade)
            case "rank": return .real(Double(center.rank))
            case "group": return .text(center.group)
            case "veto": return center.veto.map { .text($0.id) } ?? .null
            default: break
            }
        }
        let field = target.count > 1 ? target[1] : "points"
        guard target.count <= 2 else { return nil }
        if let indicator = center.indicators.first(where: { $0.id == target[0] }) {
            switch field {
            case "points": return .real(indicator.points)
            case "max_points": return .real(indicator.maxPoints)
            case "measure": return indicator.measure.map(Value.real) ?? .null
            case "status": return .text(indicator.status.rawValue)
            case "population": return indicator.population.map { .real(Double($0)) } ?? .null
            case "numerator": return indicator.numerator.map { .real(Double($0)) } ?? .null
            default: return nil
            }
        }
        if let adjustment = center.adjustments.first(where: { $0.id == target[0] }) {
            switch field {
            case "points": return .real(adjustment.points)
            case "held_back": return .real(adjustment.heldBack)
            case "measure": return adjustment.measure.map(Value.real) ?? .null
            default: return nil
            }
        }
        if let category = center.categories.first(where: { $0.path == target[0] }), field == "points" {
            return .real(category.points)
        }
        return nil
    }

    /// Numbers compare with a tolerance of 1e-9 (relative, and absolute near zero); text exactly.
    static func holds(_ actual: Value, _ comparison: String, _ expected: Value) -> Bool {
        switch (actual, expected) {
        case (.real(let a), .real(let b)):
            let close = abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
            switch comparison {
            case "==": return close
            case "!=": return !close
            case "<": return a < b && !close
            case "<=": return a <= b || close
            case ">": return a > b && !close
            default: return a >= b || close
            }
        case (.null, .null): return comparison == "==" || comparison == "<=" || comparison == ">="
        case (.text(let a), .text(let b)):
            return comparison == "!=" ? a != b : a == b
        default:
            return comparison == "!="
        }
    }

    /// `actual ≈ expected within tolerance`: both numbers, at most `tolerance` apart (allowing for the rounding
    /// of the decimal digits written).
    static func holds(_ actual: Value, within tolerance: Double, of expected: Value) -> Bool {
        guard case .real(let a) = actual, case .real(let b) = expected else { return false }
        return abs(a - b) <= tolerance + 1e-12 * max(1, abs(a), abs(b))
    }

    static func display(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .text(let text): return "\"\(text)\""
        case .real(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .integer(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        }
    }
}
