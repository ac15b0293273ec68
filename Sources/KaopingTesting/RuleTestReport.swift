import KaopingSyntax

/// What `kaoping test` found: each test's outcome and which indicators the tests cover.
public struct RuleTestReport: Sendable, Equatable {
    /// One test block's outcome.
    public struct Outcome: Sendable, Equatable {
        public var name: String
        public var file: String
        public var range: SourceRange
        /// Expectations that did not hold, and problems building or checking the test (errors only).
        public var failures: [Diagnostic]

        public var passed: Bool { failures.isEmpty }
    }

    public var outcomes: [Outcome] = []
    /// Every indicator, bonus and deduction id of the rule files tested, in file order.
    public var indicators: [String] = []
    /// The ids that at least one expectation names.
    public var tested: Set<String> = []

    public var passed: Int { outcomes.filter(\.passed).count }
    public var failed: Int { outcomes.count - passed }
    /// The indicators no expectation names, in file order.
    public var untested: [String] { indicators.filter { !tested.contains($0) } }

    public init() {}
}
