/// What was measured on the store of one size, and what was checked there.
struct SizeFigures {
    /// The kinds of run, in the order the table lists them for each rule set.
    enum Kind: String, CaseIterable {
        case rawRead = "raw read, 1 thread"
        case cold = "kaoping cold (--no-cache)"
        case coldWithoutEvidence = "kaoping cold, --evidence 0"
        case warm = "kaoping warm, filters edited"
        case reference = "sqlite3 < reference.sql"
    }

    struct Key: Hashable {
        let kind: Kind
        /// The rule set's label (`six.rules`, `default rules`).
        let rules: String
    }

    let cases: Int
    let store: String
    var usages: [Key: ResourceUsage] = [:]
    var checks: [String] = []

    subscript(kind: Kind, rules: String) -> ResourceUsage? {
        get { usages[Key(kind: kind, rules: rules)] }
        set { usages[Key(kind: kind, rules: rules)] = newValue }
    }

    /// `1M`, `250k`, `1234`.
    static func label(_ cases: Int) -> String {
        if cases % 1_000_000 == 0 { return "\(cases / 1_000_000)M" }
        if cases % 1_000 == 0 { return "\(cases / 1_000)k" }
        return String(cases)
    }
}
