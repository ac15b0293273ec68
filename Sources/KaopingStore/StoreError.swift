/// Why a file could not be used as a Kaoping store.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// There is no file at the path.
    case missing(path: String)
    /// The file is not a Kaoping store (another SQLite database, or not SQLite at all).
    case notAStore(path: String, reason: String)
    /// The store was written by a newer Kaoping.
    case newerVersion(path: String, found: Int, supported: Int)
    /// A migration step failed; the store was left unchanged.
    case migrationFailed(path: String, from: Int, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no store at \(path) (`kaoping demo` creates a demo store)"
        case .notAStore(let path, let reason):
            return "\(path) is not a Kaoping store: \(reason)"
        case .newerVersion(let path, let found, let supported):
            return "\(path) has schema version \(found), newer than this Kaoping supports (\(supported)); upgrade Kaoping"
        case .migrationFailed(let path, let from, let reason):
            return "could not migrate \(path) from schema version \(from): \(reason); the file was left unchanged"
        }
    }
}
