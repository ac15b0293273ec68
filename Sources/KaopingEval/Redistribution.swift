import KaopingCheck
import KaopingResults

/// Moves the points of indicators that could not be scored onto those that could.
///
/// The points of a `not_applicable` or `insufficient_data` indicator go to the scored indicators of the
/// same category, in proportion to their points; when no indicator of that category was scored, they go
/// to every scored indicator of the assessment the same way. Both `points` and `max_points` are scaled, so
/// a center's possible total stays the assessment's total.
enum Redistribution {
    /// The indicators of each category (its exact path), categories in order of first appearance, so that
    /// orphaned points are always added up in the same order. Worked out once per plan.
    static func groups(_ plan: Plan) -> [[Int]] {
        var paths: [String] = []
        var groups: [[Int]] = []
        for (index, indicator) in plan.indicators.enumerated() {
            if let position = paths.firstIndex(of: indicator.category) {
                groups[position].append(index)
            } else {
                paths.append(indicator.category)
                groups.append([index])
            }
        }
        return groups
    }

    static func apply(_ results: [IndicatorResult], groups: [[Int]]) -> [IndicatorResult] {
        var scaled = results
        let scored = { (result: IndicatorResult) in result.status == .ok || result.status == .empty }
        var orphaned = 0.0
        var factors = [Double](repeating: 1, count: results.count)
        for members in groups {
            let open = members.filter { !scored(results[$0]) }.reduce(0.0) { $0 + results[$1].maxPoints }
            let kept = members.filter { scored(results[$0]) }.reduce(0.0) { $0 + results[$1].maxPoints }
            guard open > 0 else { continue }
            if kept > 0 {
                for index in members where scored(results[index]) { factors[index] = (kept + open) / kept }
            } else {
                orphaned += open
            }
        }
        if orphaned > 0 {
            let base = results.indices.filter { scored(results[$0]) }.reduce(0.0) { $0 + results[$1].maxPoints * factors[$1] }
            if base > 0 {
                for index in results.indices where scored(results[index]) { factors[index] *= (base + orphaned) / base }
            }
        }
        for index in scaled.indices {
            if scored(scaled[index]) {
                scaled[index].points *= factors[index]
                scaled[index].maxPoints *= factors[index]
                scaled[index].scoring?.factor = factors[index]
            } else {
                scaled[index].points = 0
                scaled[index].maxPoints = 0
            }
        }
        return scaled
    }
}
