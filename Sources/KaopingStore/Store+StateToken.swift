import Foundation

extension Store {
    /// A cheap token of the store file's state that changes whenever anyone writes it or puts another file in its
    /// place: SQLite's file change counter and page count (header bytes 24–31, updated by every committed write in
    /// rollback-journal mode), the file's size, and its identity — device, inode and status-change time to the
    /// nanosecond, which a `cp` over it, a `mv` into its place or any write changes, whatever its modification
    /// time says — and the size and header of a `-wal` file if one exists (not its times, which opening the store
    /// in WAL mode touches).
    public func stateToken() throws -> String {
        let path = database.path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.missing(path: path) }
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 100) ?? Data()
        let counter = header.count >= 32 ? header[24..<32].map { String(format: "%02x", $0) }.joined() : "none"
        guard let file = Store.identity(path) else { throw StoreError.missing(path: path) }
        var token = "v2-\(counter)-\(file)"
        if let wal = try Store.walState(path) { token += "-wal\(wal)" }
        return token
    }

    /// What the store's committed content is, cheaply, for telling whether anyone committed a write while a run
    /// read it: the main file's change counter, page count and size, and the `-wal` file's size and header (its
    /// salts change whenever the log is restarted). Unlike `stateToken()` it leaves out what merely opening the
    /// store changes in WAL mode (the `-wal` file created empty, its times).
    public func contentToken() throws -> String {
        let path = database.path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.missing(path: path) }
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 32) ?? Data()
        var token = header.suffix(from: min(24, header.count)).map { String(format: "%02x", $0) }.joined()
        token += "-\(Store.size(path) ?? 0)"
        if let wal = try Store.walState(path) { token += "-wal\(wal)" }
        return token
    }

    /// The `-wal` file's size and header (whose salts change whenever the log restarts), or `nil` when there is
    /// none: what every commit in WAL mode changes, and what merely opening the store does not (it creates the
    /// file empty and touches its times).
    static func walState(_ path: String) throws -> String? {
        guard let wal = FileHandle(forReadingAtPath: path + "-wal") else { return nil }
        defer { try? wal.close() }
        let header = try wal.read(upToCount: 32) ?? Data()
        return "\(Store.size(path + "-wal") ?? 0)-" + header.map { String(format: "%02x", $0) }.joined()
    }

    static func size(_ path: String) -> Int64? {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : nil
    }

    /// `SIZE-DEVICE-INODE-CTIME` of the file at `path` (the change time in nanoseconds), or `nil` when there is none.
    static func identity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size)-\(info.st_dev)-\(info.st_ino)-\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }

    /// The folder beside the store where Kaoping keeps what it derived from it (`demo.sqlite.kaoping/`).
    public var sidecarFolder: String { database.path + ".kaoping" }
}
