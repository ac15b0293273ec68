/// Points as a 通报 prints them: two decimals, and a row's parts adding up on the page to the total printed
/// beside them (issue 21: "each row adds up"). Each part rounded alone can miss the rounded total by a cent or
/// two (15.00 + 31.32 + 23.46 + 14.89 + 10.00 + 0.32 = 94.99 beside 95.00); the largest-remainder method gives
/// the missing cents to the parts whose rounding lost the most, so no part moves by more than one cent.
public enum PublishedRounding {
    /// `parts` in cents, adjusted to add up to `total` rounded to cents — when the difference is at most one cent
    /// per part (always, unless the total was held at 0); otherwise each part rounded alone.
    public static func cents(_ parts: [Double], total: Double) -> [Int] {
        let target = Int((total * 100).rounded(.toNearestOrAwayFromZero))
        let scaled = parts.map { $0 * 100 }
        var floors = scaled.map { Int($0.rounded(.down)) }
        let missing = target - floors.reduce(0, +)
        guard missing >= 0, missing <= parts.count else {
            return scaled.map { Int($0.rounded(.toNearestOrAwayFromZero)) }
        }
        let order = parts.indices.sorted { a, b in
            let (x, y) = (scaled[a] - Double(floors[a]), scaled[b] - Double(floors[b]))
            return x != y ? x > y : a < b
        }
        for index in order.prefix(missing) { floors[index] += 1 }
        return floors
    }

    /// Cents as published text: `94.99`, `-1.50`.
    public static func text(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
