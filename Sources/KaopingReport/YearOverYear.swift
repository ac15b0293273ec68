import KaopingResults

/// What changed for each unit since a previous run (`--previous OLD/results.json`, issue 21 point 9): its rank
/// and total then, matched by unit code; the units new this time (新增) and those assessed then but not now
/// (不再考核). Ranks are compared only within the same ranking group (a unit that changed groups has no rank change).
public struct YearOverYear: Sendable {
    /// One unit's change.
    public struct Change: Sendable, Equatable {
        /// Places gained (positive: moved up), `nil` when the unit was in another group or not assessed before.
        public var rank: Int?
        /// The total's change in cents as published (both totals rounded to cents first), `nil` when new.
        public var totalCents: Int?
        /// Whether the unit was not assessed in the previous run.
        public var isNew: Bool

        /// `↑3`, `↓2`, `—` (same place), `新增`, or empty when the rank is not comparable.
        public var rankText: String {
            if isNew { return "新增" }
            guard let rank else { return "" }
            return rank > 0 ? "↑\(rank)" : rank < 0 ? "↓\(-rank)" : "—"
        }

        /// `+1.25`, `-0.50`, `0.00`, or empty when new.
        public var totalText: String {
            guard let totalCents else { return "" }
            return (totalCents > 0 ? "+" : "") + PublishedRounding.text(totalCents)
        }
    }

    /// The previous run's title and period, for the note that says what the changes are measured against.
    public let previousTitle: String
    public let previousPeriod: String
    private let changes: [String: Change]
    /// The previous run's units that this run does not assess, in the previous run's order.
    public let dropped: [CenterResult]

    public init(current: ResultsDocument, previous: ResultsDocument) {
        let before = Dictionary(previous.centers.map { ($0.code, $0) }) { first, _ in first }
        var changes: [String: Change] = [:]
        for center in current.centers {
            guard let old = before[center.code] else {
                changes[center.code] = Change(rank: nil, totalCents: nil, isNew: true)
                continue
            }
            let cents = { (total: Double) in Int((total * 100).rounded(.toNearestOrAwayFromZero)) }
            changes[center.code] = Change(
                rank: old.group == center.group ? old.rank - center.rank : nil, totalCents: cents(center.total) - cents(old.total),
                isNew: false)
        }
        self.changes = changes
        let now = Set(current.centers.map(\.code))
        dropped = previous.centers.filter { !now.contains($0.code) }
        previousTitle = previous.assessment.title
        previousPeriod = "\(previous.assessment.period.start) — \(previous.assessment.period.end)"
    }

    /// The change of the unit with `code` (`nil`: not in this run).
    public func change(_ code: String) -> Change? { changes[code] }

    /// How a region's assessed units changed in number (第四条 能进则进): sub-centers and on-site points now less
    /// then, per region of this run's overview (a region new this time counts all its units as added).
    public static func regionChanges(current: Overview?, previous: Overview?) -> [String: (subCenters: Int, onsitePoints: Int)] {
        guard let current, let previous else { return [:] }
        let before = Dictionary(previous.regions.map { ($0.region, $0) }) { first, _ in first }
        var result: [String: (Int, Int)] = [:]
        for region in current.regions {
            let old = before[region.region]
            result[region.region] = (region.subCenters - (old?.subCenters ?? 0), region.onsitePoints - (old?.onsitePoints ?? 0))
        }
        return result
    }
}
