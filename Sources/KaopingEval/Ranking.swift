import KaopingCheck
import KaopingResults
import KaopingStore

/// Grades and ranks centers within their groups.
///
/// A center's grade is the first band whose minimum its total (rounded to two decimals) reaches; a vetoed
/// center gets the last band. Ranks are competition ranks within a group on the rounded total and then the
/// tie-breaks (`rank by total, then "服务效能"`): what is still equal shares a rank and the next rank skips
/// (同分同名次), and every vetoed center ranks after every center of its group that was not.
enum Ranking {
    static func rank(_ centers: [CenterResult], plan: Plan) -> [CenterResult] {
        let lowest = plan.grades.last?.name ?? ""
        var graded = centers.map { center -> CenterResult in
            var center = center
            let total = roundedTwo(center.total)
            let earned = plan.grades.first { ($0.minimum ?? -Double.infinity) <= total }?.name ?? lowest
            let limitedGrade = limited(earned, by: &center, plan: plan)
            center.grade = center.veto != nil ? lowest : limitedGrade
            return center
        }
        let groups = Dictionary(grouping: graded.indices, by: { graded[$0].group })
        // What each center is ranked on: its rounded total, then each tie-break, higher first (negated when
        // ascending), all rounded to two decimals as published.
        let keys = graded.map { center in [roundedTwo(center.total)] + plan.tieBreaks.map { tieBreakValue($0, center) } }
        var ordered: [CenterResult] = []
        for key in groups.keys.sorted(by: groupOrder(plan)) {
            let members = (groups[key] ?? []).sorted { a, b in
                let (x, y) = (graded[a], graded[b])
                if (x.veto == nil) != (y.veto == nil) { return x.veto == nil }
                if keys[a] != keys[b] { return keys[a].lexicographicallyPrecedes(keys[b], by: >) }
                return x.code < y.code
            }
            var previous: (vetoed: Bool, key: [Double])?
            var rank = 0
            for (position, index) in members.enumerated() {
                let current = (vetoed: graded[index].veto != nil, key: keys[index])
                if previous.map({ $0.vetoed != current.vetoed || $0.key != current.key }) ?? true { rank = position + 1 }
                previous = current
                graded[index].rank = rank
                ordered.append(graded[index])
            }
        }
        return ordered
    }

    /// The grade `earned` by the total, no better than every grade limit that holds for `center` allows: each limit
    /// is judged from the earned grade (`downgrade 1` from 优秀 is 良好, whatever other limits say), and the worst
    /// wins. Each limit records the grade before it.
    private static func limited(_ earned: String, by center: inout CenterResult, plan: Plan) -> String {
        let names = plan.grades.map(\.name)
        guard var limits = center.gradeLimits, !limits.isEmpty, let start = names.firstIndex(of: earned) else { return earned }
        var worst = start
        for index in limits.indices {
            limits[index].gradeBefore = earned
            guard let limit = plan.gradeLimits.first(where: { $0.id == limits[index].id }) else { continue }
            switch limit.effect {
            case .downgrade(let steps): worst = max(worst, min(names.count - 1, start + steps))
            case .atMost(let grade): worst = max(worst, names.firstIndex(of: grade) ?? start)
            }
        }
        center.gradeLimits = limits
        return names[worst]
    }

    /// A grade limit's effect as written: `downgrade 1`, `at most 良好`.
    static func describe(_ effect: GradeLimitPlan.Effect) -> String {
        switch effect {
        case .downgrade(let steps): return "downgrade \(steps)"
        case .atMost(let grade): return "at most \(grade)"
        }
    }

    /// A center's value for a tie-break, rounded to two decimals, negated when lower ranks first.
    private static func tieBreakValue(_ tieBreak: TieBreakPlan, _ center: CenterResult) -> Double {
        let points: Double
        switch tieBreak.key {
        case .category(let path): points = center.categories.first { $0.path == path }?.points ?? 0
        case .indicator(let id): points = center.indicators.first { $0.id == id }?.points ?? 0
        }
        return tieBreak.descending ? roundedTwo(points) : -roundedTwo(points)
    }

    /// Groups in the order of the grouping column's codes where it has them (province, city, county), else by text.
    private static func groupOrder(_ plan: Plan) -> (String, String) -> Bool {
        let codeLists: [String: [String]] = ["level": CanonicalSchema.levels, "kind": CanonicalSchema.centerKinds]
        return { a, b in
            let (partsA, partsB) = (a.split(separator: "/").map(String.init), b.split(separator: "/").map(String.init))
            for (index, column) in plan.rankWithin.enumerated() where index < partsA.count && index < partsB.count {
                guard partsA[index] != partsB[index] else { continue }
                if let codes = codeLists[column], let x = codes.firstIndex(of: partsA[index]), let y = codes.firstIndex(of: partsB[index]) {
                    return x < y
                }
                return partsA[index] < partsB[index]
            }
            return a < b
        }
    }

    /// The top and bottom `N` of each group, ties at the edge included: the top list holds every
    /// non-vetoed center ranked at or above the N-th; the bottom list, worst first, every center ranked at
    /// or below the N-th from the bottom.
    static func lists(_ ranked: [CenterResult], top: Int, bottom: Int) -> [GroupList] {
        guard top > 0 || bottom > 0 else { return [] }
        var order: [String] = []
        var members: [String: [CenterResult]] = [:]
        for center in ranked {
            if members[center.group] == nil { order.append(center.group) }
            members[center.group, default: []].append(center)
        }
        return order.map { group in
            let centers = members[group] ?? []
            let eligible = centers.filter { $0.veto == nil }
            var best: [String] = []
            if top > 0, !eligible.isEmpty {
                let edge = eligible[min(top, eligible.count) - 1]
                best = eligible.filter { $0.rank <= edge.rank }.map(\.code)
            }
            var worst: [String] = []
            if bottom > 0, !centers.isEmpty {
                let edge = centers[max(0, centers.count - bottom)]
                // Ranks grow monotonically down the group (vetoed centers come last), so the tail is a rank cut.
                let tail = centers.filter { $0.rank >= edge.rank }
                worst = tail.reversed().map(\.code)
            }
            return GroupList(group: group, top: best, bottom: worst)
        }
    }
}
