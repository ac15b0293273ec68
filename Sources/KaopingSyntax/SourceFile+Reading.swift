import Foundation

extension SourceFile {
    /// What reading a rule file gave.
    public enum Reading: Sendable, Equatable {
        /// The file, read whole and named by its path.
        case file(SourceFile)
        /// A file of `size` bytes, more than the limit: it was not read (its size is all that is known of it).
        case tooLarge(size: Int)
    }

    /// Reads the rule file at `path`, unless it has more than `limit` bytes (a file of megabytes is no rule
    /// file an analyst wrote, and is refused before anything of it is parsed: `tooLarge(path:size:limit:)`).
    /// - Throws: the file-system error when it cannot be read.
    public static func read(_ path: String, limit: Int = maximumSize) throws -> Reading {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var status = stat()
        if fstat(handle.fileDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > limit {
            return .tooLarge(size: Int(status.st_size))
        }
        // A pipe has no size to ask for, and a file may grow while it is read: what is read is counted too.
        var bytes: [UInt8] = []
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            size += chunk.count
            if size <= limit { bytes += chunk }
        }
        guard size <= limit else { return .tooLarge(size: size) }
        return .file(SourceFile(name: path, bytes: bytes))
    }

    /// The error (K0113) refusing the rule file `path` of `size` bytes, over `maximumSize`: it has no place
    /// in the file, which was not read.
    public static func tooLarge(path: String, size: Int) -> Diagnostic {
        Diagnostic(
            "K0113", .error, file: path, range: .at(0),
            zh: "规则文件有 \(grouped(size)) 字节，超过上限 \(grouped(maximumSize)) 字节（8 MiB），未读取",
            en: "the rule file has \(grouped(size)) bytes, over the limit of \(grouped(maximumSize)) bytes (8 MiB); it was not read",
            hint: "规则文件一般只有几十 KB：请确认选的是规则文件，而不是数据或导出的文件",
            hintEn: "a rule file is usually tens of kilobytes: check that this is the rule file, not data or an export")
    }

    /// `number` with a comma between each group of three digits (our own, not the locale's).
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return number < 0 ? "-" + digits : digits
    }
}
