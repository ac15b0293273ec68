/// The compact encoding of one morsel of one cached column: the values of the rows of one rowid range,
/// as the scan decoded them.
///
/// Numbers that are all whole (or NULL) are stored as offsets from the block's smallest value in 1, 2 or
/// 4 bytes, the all-ones offset standing for NULL; other numbers as 8-byte doubles (NaN for NULL). Text is
/// a block dictionary — each distinct string once — and per row its index in 1, 2 or 4 bytes (all ones:
/// NULL). Every integer is little-endian.
enum ColumnBlock {
    /// The encoding tag, the first byte of a block.
    private enum Tag: UInt8 {
        case doubles = 0
        case offsets = 1
        case text = 2
    }

    /// What a block decodes to.
    enum Decoded {
        case numbers([Double])
        /// The block's distinct strings (UTF-8) and each row's index among them (−1: NULL).
        case text(strings: [[UInt8]], indices: [Int32])
    }

    // MARK: Encoding

    /// Encodes numbers, NaN standing for NULL.
    static func encode(numbers values: [Double], into out: inout [UInt8]) {
        var low = Double.infinity
        var high = -Double.infinity
        var whole = true
        for value in values {
            if value.isNaN {
                // A wrong-type mark is kept as it is, in doubles.
                if WrongType.isWrong(value) {
                    whole = false
                    break
                }
                continue
            }
            if value != value.rounded() || abs(value) > 9e15 || (value == 0 && value.sign == .minus) {
                whole = false
                break
            }
            if value < low { low = value }
            if value > high { high = value }
        }
        let span = whole && low <= high ? UInt64(high - low) : 0
        let width = whole ? Self.width(forLargest: span) : 0
        guard width > 0 else {
            out.append(Tag.doubles.rawValue)
            append(UInt32(values.count), to: &out)
            for value in values { append(value.bitPattern, to: &out) }
            return
        }
        let base = low <= high ? Int64(low) : 0
        out.append(Tag.offsets.rawValue)
        append(UInt32(values.count), to: &out)
        out.append(UInt8(width))
        append(UInt64(bitPattern: base), to: &out)
        let null = UInt64.max >> (64 - 8 * width)
        for value in values {
            let offset = value.isNaN ? null : UInt64(Int64(value) - base)
            appendBytes(offset, width: width, to: &out)
        }
    }

    /// Encodes text codes of a thread dictionary (−1 for NULL) with a block dictionary of their strings.
    static func encode(codes: [Int32], strings: [String], into out: inout [UInt8]) {
        var local: [Int32: UInt32] = [:]
        var order: [Int32] = []
        for code in codes where code >= 0 && local[code] == nil {
            local[code] = UInt32(order.count)
            order.append(code)
        }
        out.append(Tag.text.rawValue)
        append(UInt32(codes.count), to: &out)
        append(UInt32(order.count), to: &out)
        for code in order {
            let bytes = Array(strings[Int(code)].utf8)
            append(UInt32(bytes.count), to: &out)
            out += bytes
        }
        let width = Self.width(forLargest: UInt64(order.count))
        out.append(UInt8(width))
        let null = UInt64.max >> (64 - 8 * width)
        for code in codes {
            appendBytes(code < 0 ? null : UInt64(local[code] ?? 0), width: width, to: &out)
        }
    }

    /// Encodes texts kept apart from any dictionary (a record's key): row `r` is `bytes` up to `ends[r]`, each row
    /// its own string in the block (a key is unique).
    static func encode(texts bytes: [UInt8], ends: [Int], into out: inout [UInt8]) {
        out.append(Tag.text.rawValue)
        append(UInt32(ends.count), to: &out)
        append(UInt32(ends.count), to: &out)
        var start = 0
        for end in ends {
            append(UInt32(end - start), to: &out)
            out += bytes[start..<end]
            start = end
        }
        let width = Self.width(forLargest: UInt64(ends.count))
        out.append(UInt8(width))
        for row in ends.indices { appendBytes(UInt64(row), width: width, to: &out) }
    }

    /// The fewest bytes (1, 2 or 4) holding every value up to `largest` with the all-ones value kept for
    /// NULL, or 0 when even 4 bytes are too few.
    private static func width(forLargest largest: UInt64) -> Int {
        if largest < 0xFF { return 1 }
        if largest < 0xFFFF { return 2 }
        if largest < 0xFFFF_FFFF { return 4 }
        return 0
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func appendBytes(_ value: UInt64, width: Int, to out: inout [UInt8]) {
        var remaining = value
        for _ in 0..<width {
            out.append(UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    // MARK: Decoding

    /// Decodes a block, or returns `nil` when its bytes are not a well-formed block.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Decoded? {
        var reader = ByteReader(bytes)
        guard let tagByte = reader.integer(UInt8.self), let tag = Tag(rawValue: tagByte), let rows = reader.integer(UInt32.self) else {
            return nil
        }
        let count = Int(rows)
        switch tag {
        case .doubles:
            guard reader.remaining == count * 8 else { return nil }
            let bytes = reader.rest
            return .numbers(
                [Double](unsafeUninitializedCapacity: count) { out, initialized in
                    for row in 0..<count {
                        out.initializeElement(
                            at: row,
                            to: Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: row * 8, as: UInt64.self))))
                    }
                    initialized = count
                })
        case .offsets:
            guard let width = reader.integer(UInt8.self), [1, 2, 4].contains(width), let base = reader.integer(Int64.self),
                reader.remaining == count * Int(width)
            else { return nil }
            return .numbers(decodeOffsets(reader, count: count, width: Int(width), base: base))
        case .text:
            guard let distinct = reader.integer(UInt32.self), Int(distinct) <= reader.remaining else { return nil }
            var strings: [[UInt8]] = []
            strings.reserveCapacity(Int(distinct))
            for _ in 0..<distinct {
                guard let length = reader.integer(UInt32.self), let string = reader.bytes(Int(length)) else { return nil }
                strings.append(string)
            }
            guard let width = reader.integer(UInt8.self), [1, 2, 4].contains(width), reader.remaining == count * Int(width) else {
                return nil
            }
            guard let indices = decodeIndices(reader.rest, count: count, width: Int(width), distinct: distinct) else { return nil }
            return .text(strings: strings, indices: indices)
        }
    }

    /// Each row's index among the block's `distinct` strings (−1: NULL), or `nil` when one is out of range.
    private static func decodeIndices(_ bytes: UnsafeRawBufferPointer, count: Int, width: Int, distinct: UInt32) -> [Int32]? {
        let null = UInt32.max >> (32 - 8 * UInt32(width))
        var valid = true
        let indices = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            func fill(_ index: (Int) -> UInt32) {
                for row in 0..<count {
                    let value = index(row)
                    if value == null {
                        out.initializeElement(at: row, to: -1)
                    } else {
                        valid = valid && value < distinct
                        out.initializeElement(at: row, to: Int32(truncatingIfNeeded: value))
                    }
                }
            }
            switch width {
            case 1: fill { UInt32(bytes[$0]) }
            case 2: fill { UInt32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self))) }
            default: fill { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
            }
            initialized = count
        }
        return valid ? indices : nil
    }

    private static func decodeOffsets(_ reader: ByteReader, count: Int, width: Int, base: Int64) -> [Double] {
        let bytes = reader.rest
        return [Double](unsafeUninitializedCapacity: count) { out, initialized in
            switch width {
            case 1:
                for row in 0..<count {
                    let offset = bytes[row]
                    out.initializeElement(at: row, to: offset == 0xFF ? .nan : Double(base &+ Int64(offset)))
                }
            case 2:
                for row in 0..<count {
                    let offset = bytes.loadUnaligned(fromByteOffset: row * 2, as: UInt16.self).littleEndian
                    out.initializeElement(at: row, to: offset == 0xFFFF ? .nan : Double(base &+ Int64(offset)))
                }
            default:
                for row in 0..<count {
                    let offset = bytes.loadUnaligned(fromByteOffset: row * 4, as: UInt32.self).littleEndian
                    out.initializeElement(at: row, to: offset == 0xFFFF_FFFF ? .nan : Double(base &+ Int64(offset)))
                }
            }
            initialized = count
        }
    }
}

/// Reads little-endian integers and byte strings from a buffer, checking every length against the end.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    /// The bytes not read yet.
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[offset...]) }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        guard remaining >= MemoryLayout<T>.size else { return nil }
        return integerUnchecked(type)
    }

    /// The next integer; the caller has checked that enough bytes remain.
    mutating func integerUnchecked<T: FixedWidthInteger>(_: T.Type) -> T {
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
        return T(littleEndian: value)
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, remaining >= count else { return nil }
        let slice = Array(bytes[offset..<(offset + count)])
        offset += count
        return slice
    }
}

/// A fast 64-bit checksum of a block's bytes (multiply–rotate over 8-byte words), to notice a cache file
/// that was damaged or cut short. Not cryptographic: the cache is a copy the user did not write.
enum BlockChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        for index in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash << 31) | (hash >> 33)
        }
        for index in (words * 8)..<bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0xC4CE_B9FE_1A85_EC53
        }
        return hash ^ (hash >> 29)
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }
}
