import Foundation
internal import ZIPFoundation

/// Rewrites a zip so that every entry carries one given time, the entries in their order, deflated: for
/// `report.xlsx`, whose entries libxlsxwriter stamps 1980-01-01, so that they follow the workbook's pinned creation
/// time (issue 21: the same results, the same bytes, dated by the results, never by the clock).
enum ZipRestamp {
    /// Rewrites the zip at `path` in place, every entry dated `time` (its UTC wall-clock time is what the entry shows).
    static func rewrite(_ path: String, time: Date) throws {
        let source = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let target = try Archive(accessMode: .create)
        for entry in source {
            var bytes = Data()
            _ = try source.extract(entry, skipCRC32: false) { bytes.append($0) }
            try target.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: time, permissions: 0o644,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        guard let data = target.data else { throw CocoaError(.fileWriteUnknown) }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
