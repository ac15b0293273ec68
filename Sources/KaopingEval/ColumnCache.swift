import Foundation
import KaopingCheck
import KaopingStore

/// The column cache of a store: a compact columnar copy of every column a run read, kept in
/// `STORE.kaoping/columns/` so that a re-score after an edit of the rules does not read SQLite again.
///
/// Each column of a scan (a column of the table, or of a row joined to it) is one `ColumnFile` named after
/// the table and column. The folder's `STATE` file holds the store's state token (`Store.stateToken()`,
/// which changes whenever Kaoping or anything else writes the store); when it differs from the store's,
/// every cached column is deleted first. Each file also records the token and what the column is, and is
/// used only when they match exactly.
public final class ColumnCache: @unchecked Sendable {
    public let folder: String
    let token: String

    /// Opens (creating it if needed) the cache of `store`, emptied if the store changed since it was
    /// written. Returns `nil` when the folder cannot be created: the run then reads the store directly.
    public static func open(for store: Store) -> ColumnCache? {
        guard let token = try? store.stateToken() else { return nil }
        let folder = store.sidecarFolder + "/columns"
        let manager = FileManager.default
        guard (try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let statePath = folder + "/STATE"
        let recorded = (try? String(contentsOfFile: statePath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if recorded != token {
            for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where name != "STATE" {
                try? manager.removeItem(atPath: folder + "/" + name)
            }
            guard (try? (token + "\n").write(toFile: statePath, atomically: true, encoding: .utf8)) != nil else { return nil }
        }
        removeAbandoned(in: folder)
        return ColumnCache(folder: folder, token: token)
    }

    /// Removes the half-written files (`NAME.partial-PID`) of runs that were killed: those whose process is gone.
    /// A run still writing its own is left alone.
    static func removeAbandoned(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let marker = name.range(of: ".partial-", options: .backwards), let pid = Int32(name[marker.upperBound...]) else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    private init(folder: String, token: String) {
        self.folder = folder
        self.token = token
    }

    /// The file of column `slot` of `scan`: `TABLE.COLUMN.kpc`, bytes other than letters, digits, `_`,
    /// `-` and `.` written as `%XX`.
    func path(_ scan: TableScan, _ slot: Int) -> String {
        folder + "/" + ColumnCache.fileName(scan.table + "." + scan.columns[slot]) + ".kpc"
    }

    /// What the column is, recorded in its file: the store's state, the table, the column, the chain of
    /// joins that reaches it, the type it was decoded to, and the morsel layout of the table.
    func descriptor(_ scan: TableScan, _ slot: Int, low: Int64) -> String {
        let column = scan.columns[slot]
        let parts = column.split(separator: ".").dropLast()
        var lines = [
            "kaoping column cache 2", "state \(token)", "table \(scan.table)", "column \(column)",
            "type \(scan.columnTypes[slot].rawValue)",
            "morsels of \(EvaluationOptions.morselRows) rows from rowid \(low)",
        ]
        for depth in parts.indices {
            let path = parts[...depth].joined(separator: ".")
            if let join = scan.joins.first(where: { $0.path == path }) {
                lines.append("join \(join.path) = \(join.table).\(join.key) on \(join.fromPath).\(join.fromColumn)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Deletes a file found damaged, so that the next scan rebuilds it.
    func discard(_ path: String) {
        unlink(path)
    }

    static func fileName(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
