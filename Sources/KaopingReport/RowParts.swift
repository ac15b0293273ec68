import KaopingResults

/// One ranking row's published parts in cents, rounded together by `PublishedRounding` so they add up to the total
/// printed beside them (issue 21: "each row adds up"): a column per category or per indicator, and the bonuses and
/// deductions column. Shared by `report.csv`, `report.md` and the XLSX workbook, so every rendering prints the
/// same cents.
struct RowParts: Equatable {
    /// The categories' or indicators' points, in cents, in column order.
    var columns: [Int]
    /// The bonuses and deductions column (加扣分), in cents.
    var adjustments: Int

    /// The parts of `center` by the categories at `paths` (top-level ones, so they do not overlap). A category's
    /// points already lack the deductions taken from it, so the adjustments column holds the bonuses and the other
    /// deductions.
    init(_ center: CenterResult, categories paths: [String], assessment: Assessment) {
        let taken = Set(assessment.adjustments.filter { $0.category != nil }.map(\.id))
        let change = center.adjustments.reduce(0) { sum, adjustment in
            adjustment.kind == "bonus" ? sum + adjustment.points : (taken.contains(adjustment.id) ? sum : sum - adjustment.points)
        }
        let raw = paths.map { path in center.categories.first { $0.path == path }?.points ?? 0 }
        self.init(raw, change: change, total: center.total)
    }

    /// The parts of `center` by its indicators, in its order: their points add up to its base, so the adjustments
    /// column holds every bonus and deduction.
    init(indicatorsOf center: CenterResult) {
        let change = center.adjustments.reduce(0) { $0 + ($1.kind == "bonus" ? $1.points : -$1.points) }
        self.init(center.indicators.map(\.points), change: change, total: center.total)
    }

    private init(_ raw: [Double], change: Double, total: Double) {
        let cents = PublishedRounding.cents(raw + [change], total: total)
        columns = Array(cents.dropLast())
        adjustments = cents.last ?? 0
    }
}
