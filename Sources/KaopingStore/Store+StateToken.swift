import Foundation

extension Store {
    /// A cheap token of the store file's state that changes whenever anyone writes it: SQLite's file change
    /// counter and page count (header bytes 24–31, updated by every committed write in rollback-journal mode),
    /// the file's size, and the size and modification time of a `-wal` file if one exists.
    public func stateToken() throws -> String {
        let path = database.path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.missing(path: path) }
        defer { try? handle.close() }
        let header = try handle.read(upToCount: 100) ?? Data()
        let counter = header.count >= 32 ? header[24..<32].map { String(format: "%02x", $0) }.joined() : "none"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        var token = "v1-\(counter)-\(size)"
        if let wal = try? FileManager.default.attributesOfItem(atPath: path + "-wal") {
            let walSize = (wal[.size] as? NSNumber)?.int64Value ?? 0
            let walTime = (wal[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            token += "-wal\(walSize)-\(Int64(walTime * 1000))"
        }
        return token
    }

    /// The folder beside the store where Kaoping keeps what it derived from it (`demo.sqlite.kaoping/`).
    public var sidecarFolder: String { database.path + ".kaoping" }
}
