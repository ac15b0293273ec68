import Foundation

/// One cached column on disk: the column's blocks, one per morsel (rowid range) of its table, then an
/// index and a footer.
///
///     "KPCOL001"                                   8 bytes
///     block 0, block 1, …                          in the order they were written
///     index: per morsel offset (u64), length (u32), checksum (u64)
///     descriptor (UTF-8): the store state token and what the column is
///     footer: index offset (u64), morsels (u32), descriptor length (u32), checksum of index and descriptor
///             (u64), "KPCOLEND"
///
/// A file is used only when its footer, index checksum and descriptor match exactly; each block's
/// checksum is verified when the block is read.
final class ColumnFile: @unchecked Sendable {
    static let magic = Array("KPCOL001".utf8)
    static let endMagic = Array("KPCOLEND".utf8)
    static let footerSize = 32
    static let entrySize = 20

    struct Entry {
        var offset: UInt64
        var length: UInt32
        var checksum: UInt64
    }

    let path: String
    private let descriptor: String
    private let handle: Int32
    private let entries: [Entry]

    /// Opens `path` if it is a complete cache file for `descriptor` with `morsels` blocks; `nil` when it
    /// is missing. Throws `ColumnCacheError.corrupt` when it exists but cannot be trusted.
    init?(path: String, descriptor: String, morsels: Int) throws {
        let handle = open(path, O_RDONLY)
        guard handle >= 0 else { return nil }
        self.path = path
        self.descriptor = descriptor
        self.handle = handle
        do {
            entries = try ColumnFile.readIndex(handle, path: path, descriptor: descriptor, morsels: morsels)
        } catch {
            close(handle)
            throw error
        }
    }

    deinit {
        close(handle)
    }

    private static func readIndex(_ handle: Int32, path: String, descriptor: String, morsels: Int) throws -> [Entry] {
        let size = Int(lseek(handle, 0, SEEK_END))
        guard size >= magic.count + footerSize else { throw ColumnCacheError.corrupt(path: path, reason: "too short") }
        let footer = try read(handle, at: size - footerSize, count: footerSize, path: path)
        let expected = Array(descriptor.utf8)
        return try footer.withUnsafeBytes { raw -> [Entry] in
            var reader = ByteReader(raw)
            let indexOffset = reader.integerUnchecked(UInt64.self)
            let count = Int(reader.integerUnchecked(UInt32.self))
            let descriptorLength = Int(reader.integerUnchecked(UInt32.self))
            let checksum = reader.integerUnchecked(UInt64.self)
            guard reader.bytes(8) == endMagic else { throw ColumnCacheError.corrupt(path: path, reason: "no footer") }
            guard count == morsels, descriptorLength == expected.count, indexOffset <= UInt64(size),
                Int(indexOffset) + count * entrySize + descriptorLength == size - footerSize
            else { throw ColumnCacheError.corrupt(path: path, reason: "written for another state of the store") }
            let tail = try read(handle, at: Int(indexOffset), count: count * entrySize + descriptorLength, path: path)
            guard BlockChecksum.of(tail) == checksum else { throw ColumnCacheError.corrupt(path: path, reason: "index checksum") }
            guard Array(tail[(count * entrySize)...]) == expected else {
                throw ColumnCacheError.corrupt(path: path, reason: "written for another state of the store")
            }
            let entries = tail.withUnsafeBytes { index in
                var entries = ByteReader(index)
                return (0..<count).map { _ in
                    Entry(
                        offset: entries.integerUnchecked(UInt64.self), length: entries.integerUnchecked(UInt32.self),
                        checksum: entries.integerUnchecked(UInt64.self))
                }
            }
            guard entries.allSatisfy({ $0.offset >= UInt64(magic.count) && $0.offset + UInt64($0.length) <= indexOffset }) else {
                throw ColumnCacheError.corrupt(path: path, reason: "a block outside the file")
            }
            return entries
        }
    }

    /// The decoded block of `morsel`, its checksum verified; `buffer` is reused between calls.
    func block(_ morsel: Int, buffer: inout [UInt8]) throws -> ColumnBlock.Decoded {
        let entry = entries[morsel]
        let length = Int(entry.length)
        if buffer.count < length { buffer = [UInt8](repeating: 0, count: length) }
        let decoded = try buffer.withUnsafeMutableBytes { raw -> ColumnBlock.Decoded? in
            var done = 0
            while done < length {
                let got = pread(handle, raw.baseAddress! + done, length - done, off_t(Int(entry.offset) + done))
                guard got > 0 else { throw ColumnCacheError.corrupt(path: path, reason: "cut short") }
                done += got
            }
            let bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[0..<length])
            guard BlockChecksum.of(bytes) == entry.checksum else { throw ColumnCacheError.corrupt(path: path, reason: "block checksum") }
            return ColumnBlock.decode(bytes)
        }
        guard let decoded else { throw ColumnCacheError.corrupt(path: path, reason: "malformed block") }
        return decoded
    }

    private static func read(_ handle: Int32, at offset: Int, count: Int, path: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { pread(handle, $0.baseAddress, count, off_t(offset)) }
        guard got == count else { throw ColumnCacheError.corrupt(path: path, reason: "cut short") }
        return bytes
    }
}

/// Writes one cache file as a scan's threads deliver its blocks, in any order; the file appears under its
/// final name only when every block is in.
final class ColumnFileWriter: @unchecked Sendable {
    let path: String
    private let temporary: String
    private let descriptor: String
    private let handle: Int32
    private let lock = NSLock()
    private var entries: [ColumnFile.Entry?]
    private var end: Int
    private var failed = false

    init(path: String, descriptor: String, morsels: Int) throws {
        self.path = path
        self.descriptor = descriptor
        temporary = path + ".partial-\(getpid())"
        handle = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard handle >= 0 else { throw ColumnCacheError.unwritable(path: temporary, reason: String(cString: strerror(errno))) }
        entries = [ColumnFile.Entry?](repeating: nil, count: morsels)
        end = 0
        write(ColumnFile.magic)
    }

    deinit {
        close(handle)
        unlink(temporary)
    }

    /// Adds the block of `morsel`.
    func add(_ morsel: Int, _ block: [UInt8]) {
        let checksum = BlockChecksum.of(block)
        lock.lock()
        defer { lock.unlock() }
        entries[morsel] = ColumnFile.Entry(offset: UInt64(end), length: UInt32(block.count), checksum: checksum)
        write(block)
    }

    /// Writes the index and footer and gives the file its final name. Returns false (and leaves no file)
    /// when a block is missing or a write failed: the cache is an optimisation, never a reason to fail.
    @discardableResult
    func finish() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !failed, entries.allSatisfy({ $0 != nil }) else { return false }
        var tail: [UInt8] = []
        for entry in entries.compactMap({ $0 }) {
            withUnsafeBytes(of: entry.offset.littleEndian) { tail += $0 }
            withUnsafeBytes(of: entry.length.littleEndian) { tail += $0 }
            withUnsafeBytes(of: entry.checksum.littleEndian) { tail += $0 }
        }
        let descriptorBytes = Array(descriptor.utf8)
        tail += descriptorBytes
        var footer: [UInt8] = []
        withUnsafeBytes(of: UInt64(end).littleEndian) { footer += $0 }
        withUnsafeBytes(of: UInt32(entries.count).littleEndian) { footer += $0 }
        withUnsafeBytes(of: UInt32(descriptorBytes.count).littleEndian) { footer += $0 }
        withUnsafeBytes(of: BlockChecksum.of(tail).littleEndian) { footer += $0 }
        footer += ColumnFile.endMagic
        write(tail + footer)
        guard !failed else { return false }
        return rename(temporary, path) == 0
    }

    private func write(_ bytes: [UInt8]) {
        let written = bytes.withUnsafeBytes { pwrite(handle, $0.baseAddress, bytes.count, off_t(end)) }
        if written != bytes.count { failed = true }
        end += bytes.count
    }
}

/// Why a cache file was not used.
enum ColumnCacheError: Error, CustomStringConvertible {
    case corrupt(path: String, reason: String)
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case .corrupt(let path, let reason): return "column cache file \(path) cannot be trusted (\(reason))"
        case .unwritable(let path, let reason): return "cannot write the column cache file \(path): \(reason)"
        }
    }
}
