/// Rank correlations of paired ranks, ties taken into account.
public enum RankCorrelation {
    /// Spearman's ρ: the Pearson correlation of the average ranks; `nil` with fewer than two pairs or no spread.
    public static func spearman(_ pairs: [(Int, Int)]) -> Double? {
        guard pairs.count > 1 else { return nil }
        let x = averageRanks(pairs.map(\.0))
        let y = averageRanks(pairs.map(\.1))
        let n = Double(pairs.count)
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        for index in x.indices {
            sxy += (x[index] - mx) * (y[index] - my)
            sxx += (x[index] - mx) * (x[index] - mx)
            syy += (y[index] - my) * (y[index] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Kendall's τ-b; `nil` with fewer than two pairs or when either side is all ties.
    public static func kendall(_ pairs: [(Int, Int)]) -> Double? {
        guard pairs.count > 1 else { return nil }
        var (concordant, discordant, tiesX, tiesY) = (0.0, 0.0, 0.0, 0.0)
        for i in pairs.indices {
            for j in pairs.indices where j > i {
                let dx = pairs[i].0 - pairs[j].0
                let dy = pairs[i].1 - pairs[j].1
                if dx == 0 && dy == 0 { continue }
                if dx == 0 {
                    tiesX += 1
                } else if dy == 0 {
                    tiesY += 1
                } else if (dx > 0) == (dy > 0) {
                    concordant += 1
                } else {
                    discordant += 1
                }
            }
        }
        let denominator = ((concordant + discordant + tiesX) * (concordant + discordant + tiesY)).squareRoot()
        return denominator > 0 ? (concordant - discordant) / denominator : nil
    }

    /// Each value's rank in ascending order, tied values sharing the average of their ranks (1-based).
    public static func averageRanks(_ values: [Int]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }
}
