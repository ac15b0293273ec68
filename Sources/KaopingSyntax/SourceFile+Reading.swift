import Foundation

extension SourceFile {
    /// The rule file at `path`, named by its path.
    /// - Throws: the file-system error when it cannot be read, or `TooLarge` past `maximumSize`.
    public init(contentsOf path: String) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            // A pipe or a device, which has no size, is read to its end.
            let bytes = [UInt8](try handle.readToEnd() ?? Data())
            guard bytes.count <= SourceFile.maximumSize else { throw TooLarge(size: bytes.count) }
            self.init(name: path, bytes: bytes)
            return
        }
        let size = Int(status.st_size)
        guard size <= SourceFile.maximumSize else { throw TooLarge(size: size) }
        let (bytes, lineStarts) = SourceFile.read(size, from: handle.fileDescriptor)
        // A file that changed size while it was read is read again whole, as it is now. (`pread` leaves the
        // handle's offset at the start.)
        try handle.seek(toOffset: UInt64(bytes.count))
        guard bytes.count == size, (try handle.readToEnd() ?? Data()).isEmpty else {
            try handle.seek(toOffset: 0)
            let bytes = [UInt8](try handle.readToEnd() ?? Data())
            guard bytes.count <= SourceFile.maximumSize else { throw TooLarge(size: bytes.count) }
            self.init(name: path, bytes: bytes)
            return
        }
        self.init(name: path, bytes: bytes, lineStarts: lineStarts)
    }

    /// The first `size` bytes of the file open as `descriptor` (fewer if it is shorter), read straight into an
    /// array, with its line starts. A large file is read in pieces at once, each piece's line starts found
    /// as it is read, a block at a time, while the block is in the cache.
    /// (`unit`: the fewest bytes worth a piece of their own.)
    static func read(_ size: Int, from descriptor: Int32, unit: Int = 1 << 22) -> (bytes: [UInt8], lineStarts: [Int]) {
        let pieces = Parallel.pieces(of: size, unit: unit)
        let block = min(unit, 1 << 18)
        var lineStarts: [[Int]] = []
        var complete = true
        // Read into the array's storage as it is made (not zeroed first: the file fills it).
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            let read = Parallel.map(pieces) { piece in
                let range = size * piece / pieces..<size * (piece + 1) / pieces
                var starts: [Int] = []
                starts.reserveCapacity(range.count / 24)
                var done = range.lowerBound
                while done < range.upperBound {
                    let count = pread(descriptor, buffer.baseAddress! + done, min(range.upperBound - done, block), off_t(done))
                    guard count > 0 else { break }
                    appendLineStarts(of: UnsafeBufferPointer(buffer), in: done..<(done + count), to: &starts)
                    done += count
                }
                return (complete: done == range.upperBound, starts: starts)
            }
            complete = read.allSatisfy(\.complete)
            lineStarts = read.map(\.starts)
            filled = complete ? size : 0
        }
        guard complete else { return ([], []) }
        var starts = [0]
        starts.reserveCapacity(lineStarts.reduce(1) { $0 + $1.count })
        for piece in lineStarts { starts += piece }
        return (bytes, starts)
    }

    /// A file past `maximumSize`.
    struct TooLarge: Error, CustomStringConvertible {
        let size: Int
        var description: String {
            "the file has \(size) bytes; a rule file may have at most \(maximumSize) (1 GiB)"
        }
    }

}
