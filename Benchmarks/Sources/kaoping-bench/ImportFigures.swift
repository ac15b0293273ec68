/// What the import benchmark measured on the cases of one store, and what it checked there.
struct ImportFigures {
    /// The runs, in the order the table lists them.
    enum Kind: String, CaseIterable {
        case kaopingImport = "kaoping import (Benchmarks/cases.mapping)"
        case sqliteImport = "sqlite3 .import into a bare table"
        case firstRun = "kaoping run, first after the import"
        case coldRun = "kaoping run, cold (--no-cache)"
        case warmRun = "kaoping run, second (warm)"
    }

    let cases: Int
    let store: String
    /// The size of the CSV file, in MB.
    let csvMB: Double
    var usages: [Kind: ResourceUsage] = [:]
    var checks: [String] = []

    subscript(kind: Kind) -> ResourceUsage? { usages[kind] }

    mutating func keepFastest(_ kind: Kind, _ usage: ResourceUsage) {
        if let kept = usages[kind], kept.seconds <= usage.seconds { return }
        usages[kind] = usage
    }

    /// Rows imported per second by a run (`kaopingImport`, `sqliteImport`).
    func rowsPerSecond(_ kind: Kind) -> Double? {
        usages[kind].map { Double(cases) / $0.seconds }
    }
}
