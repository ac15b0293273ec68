import Foundation

extension SourceFile {
    /// The rule file at `path`, named by its path.
    /// - Throws: the file-system error when it cannot be read, or `TooLarge` past `maximumSize`.
    public init(contentsOf path: String) throws {
        self.init(name: path, bytes: try SourceFile.contents(of: path))
    }

    /// The bytes of the file at `path`, read straight into an array (a rule file can be large); a pipe or a
    /// device, which has no size, is read to its end.
    private static func contents(of path: String) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            let bytes = [UInt8](try handle.readToEnd() ?? Data())
            guard bytes.count <= maximumSize else { throw TooLarge(size: bytes.count) }
            return bytes
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else { throw TooLarge(size: size) }
        // Read into the array's storage as it is made (not zeroed first: the file fills it).
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            filled = 0
            while filled < size {
                let read = Foundation.read(handle.fileDescriptor, buffer.baseAddress! + filled, size - filled)
                guard read > 0 else { break }
                filled += read
            }
        }
        // A file that grew while it was read is read on to its end.
        if let rest = try handle.readToEnd() { bytes += rest }
        guard bytes.count <= maximumSize else { throw TooLarge(size: bytes.count) }
        return bytes
    }

    /// A file past `maximumSize`.
    struct TooLarge: Error, CustomStringConvertible {
        let size: Int
        var description: String {
            "the file has \(size) bytes; a rule file may have at most \(maximumSize) (1 GiB)"
        }
    }

}
