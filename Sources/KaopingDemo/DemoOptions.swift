/// What `kaoping demo` generates.
public struct DemoOptions: Sendable, Equatable {
    /// The number of cases (办件) to generate.
    public var cases: Int
    /// The seed: the same seed gives a byte-identical store.
    public var seed: UInt64
    /// The assessed year.
    public var year: Int

    /// Options with the documented defaults: 200,000 cases, seed 2024, year 2024.
    public init(cases: Int = 200_000, seed: UInt64 = 2024, year: Int = 2024) {
        self.cases = cases
        self.seed = seed
        self.year = year
    }
}

/// What a demo generation wrote, and which units carry each planted effect.
public struct DemoSummary: Sendable, Equatable {
    /// A unit that carries a planted effect.
    public struct PlantedUnit: Sendable, Equatable {
        public let effect: PlantedEffect
        public let code: String
        public let name: String
    }

    /// Rows written per table.
    public var rows: [String: Int] = [:]
    /// The units that carry planted effects, by effect then code.
    public var planted: [PlantedUnit] = []
    /// Codes of units whose names break the 第五条 naming rule.
    public var misnamed: [String] = []

    /// The codes of the units that carry `effect`.
    public func codes(_ effect: PlantedEffect) -> [String] {
        planted.filter { $0.effect == effect }.map(\.code)
    }
}
