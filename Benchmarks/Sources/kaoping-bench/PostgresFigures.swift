/// What the PostgreSQL benchmark measured at one size, the server's settings, and what it checked.
struct PostgresFigures {
    /// The runs, in the order the table lists them.
    enum Kind: String, CaseIterable {
        case sqliteImport = "kaoping import into a new SQLite file"
        case postgresImport = "kaoping import into a new PostgreSQL database"
        case nativeCold = "kaoping run, SQLite, cold (--no-cache)"
        case nativeWarm = "kaoping run, SQLite, second (column cache)"
        case postgresRun = "kaoping run, PostgreSQL"
    }

    let cases: Int
    /// The records of every exported file.
    let records: Int
    /// The server's `name = setting` lines.
    let settings: [String]
    var usages: [Kind: ResourceUsage] = [:]
    var checks: [String] = []

    subscript(kind: Kind) -> ResourceUsage? { usages[kind] }

    mutating func keepFastest(_ kind: Kind, _ usage: ResourceUsage) {
        if let kept = usages[kind], kept.seconds <= usage.seconds { return }
        usages[kind] = usage
    }
}
