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

    /// One step of a band or linear score rule (see `ScorePlan.stepCount`), labelled from the rule text.
    public struct Step: Sendable, Equatable, Hashable {
        /// The indicator's or adjustment's id.
        public var id: String
        public var index: Int
        /// `>= 100% -> 3`, `else -> 0`, `linear 90% .. 99%`, `linear <= 90%`.
        public var label: String
    }

    public var outcomes: [Outcome] = []
    /// Every indicator, bonus, deduction, veto and grade limit id of the rule files tested, in file order.
    public var ids: [String] = []
    /// The ids that at least one expectation names.
    public var tested: Set<String> = []
    /// The steps of the band and linear score rules, in file order.
    public var steps: [Step] = []
    /// The steps reached: an expectation names the id for a center whose measure falls in the step, `(id, index)`.
    public var reached: Set<[String]> = []

    public var passed: Int { outcomes.filter(\.passed).count }
    public var failed: Int { outcomes.count - passed }
    /// The ids no expectation names, in file order.
    public var untested: [String] { ids.filter { !tested.contains($0) } }
    /// The steps no expectation reaches, in file order.
    public var unreached: [Step] { steps.filter { !reached.contains([$0.id, String($0.index)]) } }

    public init() {}
}
