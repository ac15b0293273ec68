import KaopingResults

/// `kaoping diff`: what changed between two results documents — of two rule versions, two parameter values or two
/// states of the data — center by center, each change of a total attributed to the parts that made it.
public struct ResultsComparison {
    /// One center whose total, rank or grade changed.
    public struct Change: Sendable, Equatable {
        public let code: String
        public let name: String
        public let group: String
        public let totalA: Double
        public let totalB: Double
        public let rankA: Int
        public let rankB: Int
        public let gradeA: String
        public let gradeB: String
        /// The parts of `totalB − totalA`, in a fixed order (indicators, then adjustments, then the floor at 0); each
        /// part's `delta` non-zero, or a veto that appeared or went. They add up to the change of the total.
        public let attribution: [(part: String, delta: Double)]

        public static func == (lhs: Change, rhs: Change) -> Bool {
            lhs.code == rhs.code && lhs.totalA == rhs.totalA && lhs.totalB == rhs.totalB && lhs.rankA == rhs.rankA
                && lhs.rankB == rhs.rankB && lhs.gradeA == rhs.gradeA && lhs.gradeB == rhs.gradeB
                && lhs.attribution.elementsEqual(rhs.attribution) { $0.part == $1.part && $0.delta == $1.delta }
        }
    }

    /// How alike the two rankings of one group are, over the centers in that group in both.
    public struct GroupAgreement: Sendable, Equatable {
        public let group: String
        public let centers: Int
        public let spearman: Double?
        public let kendall: Double?
    }

    public let a: ResultsDocument
    public let b: ResultsDocument
    /// Largest change of the total first, then by code.
    public let changes: [Change]
    public let entered: [String]
    public let left: [String]
    /// How many centers went from one grade to another (the diagonal included), grades in A's order then B's.
    public let grades: [(from: String, to: String, count: Int)]
    public let groups: [GroupAgreement]

    public init(_ a: ResultsDocument, _ b: ResultsDocument) {
        self.a = a
        self.b = b
        let before = Dictionary(a.centers.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(b.centers.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        entered = b.centers.map(\.code).filter { before[$0] == nil }.sorted()
        left = a.centers.map(\.code).filter { after[$0] == nil }.sorted()
        var changes: [Change] = []
        var matrix: [String: [String: Int]] = [:]
        for center in b.centers {
            guard let old = before[center.code] else { continue }
            matrix[old.grade, default: [:]][center.grade, default: 0] += 1
            guard old.total != center.total || old.rank != center.rank || old.grade != center.grade else { continue }
            changes.append(
                Change(
                    code: center.code, name: center.name, group: center.group, totalA: old.total, totalB: center.total, rankA: old.rank,
                    rankB: center.rank, gradeA: old.grade, gradeB: center.grade, attribution: Self.attribution(old, center)))
        }
        self.changes = changes.sorted {
            let (x, y) = (abs($0.totalB - $0.totalA), abs($1.totalB - $1.totalA))
            return x != y ? x > y : $0.code < $1.code
        }
        let gradeOrder = a.assessment.grades.map(\.name) + b.assessment.grades.map(\.name)
        let position = { (grade: String) in gradeOrder.firstIndex(of: grade) ?? gradeOrder.count }
        grades = matrix.flatMap { from, row in row.map { (from, $0.key, $0.value) } }.sorted {
            position($0.0) != position($1.0) ? position($0.0) < position($1.0) : position($0.1) < position($1.1)
        }
        var members: [String: [(Int, Int)]] = [:]
        var groupOrder: [String] = []
        for center in b.centers {
            guard let old = before[center.code], old.group == center.group else { continue }
            if members[center.group] == nil { groupOrder.append(center.group) }
            members[center.group, default: []].append((old.rank, center.rank))
        }
        groups = groupOrder.map { group in
            let pairs = members[group] ?? []
            return GroupAgreement(
                group: group, centers: pairs.count, spearman: RankCorrelation.spearman(pairs), kendall: RankCorrelation.kendall(pairs))
        }
    }

    /// The parts of the change of one center's total: each indicator's points (split into its own scoring and the
    /// redistribution that scaled it), each adjustment, and the floor at 0; a veto that appeared or went as a part of
    /// 0 (it moves the grade and rank, not the total).
    static func attribution(_ old: CenterResult, _ new: CenterResult) -> [(part: String, delta: Double)] {
        var parts: [(part: String, delta: Double)] = []
        let oldIndicators = Dictionary(old.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        for indicator in new.indicators {
            seen.insert(indicator.id)
            guard let before = oldIndicators[indicator.id] else {
                parts.append(("indicator \(indicator.id)", indicator.points))
                continue
            }
            // points = scoring points × factor: (s₁ − s₀)·f₀ is the indicator's own change, s₁·(f₁ − f₀) redistribution's.
            let (s0, f0) = (before.scoring?.points ?? before.points, before.scoring?.factor ?? 1)
            let (s1, f1) = (indicator.scoring?.points ?? indicator.points, indicator.scoring?.factor ?? 1)
            let own = f0 == 0 ? indicator.points - before.points : (s1 - s0) * f0
            let redistributed = indicator.points - before.points - own
            parts.append(("indicator \(indicator.id)", own))
            parts.append(("redistribution \(indicator.id)", redistributed))
        }
        for indicator in old.indicators where !seen.contains(indicator.id) {
            parts.append(("indicator \(indicator.id)", -indicator.points))
        }
        let signed = { (adjustment: AdjustmentResult) in adjustment.kind == "bonus" ? adjustment.points : -adjustment.points }
        let oldAdjustments = Dictionary(old.adjustments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seenAdjustments: Set<String> = []
        for adjustment in new.adjustments {
            seenAdjustments.insert(adjustment.id)
            parts.append(("\(adjustment.kind) \(adjustment.id)", signed(adjustment) - (oldAdjustments[adjustment.id].map(signed) ?? 0)))
        }
        for adjustment in old.adjustments where !seenAdjustments.contains(adjustment.id) {
            parts.append(("\(adjustment.kind) \(adjustment.id)", -signed(adjustment)))
        }
        // The floor at 0 (a total never below 0): what remains of the change once every part is counted, beyond
        // the rounding of the parts themselves.
        let floor = (new.total - old.total) - parts.reduce(0) { $0 + $1.delta }
        if abs(floor) > 1e-9 { parts.append(("floor at 0", floor)) }
        if old.veto?.id != new.veto?.id {
            parts.append(("veto \(new.veto?.id ?? old.veto?.id ?? "")", 0))
        }
        return parts.filter { $0.delta != 0 || $0.part.hasPrefix("veto ") }
    }
}
