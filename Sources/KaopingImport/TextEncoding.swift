#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The encodings an export arrives in: UTF-8 (with or without a byte-order mark) and GB18030 (which the provincial
/// platform and Excel on a Chinese Windows write). GB18030 is read through the C library's iconv, a chunk at a time,
/// into UTF-8; ASCII bytes — commas, quotes, line breaks — are the same in both, so line numbers carry over.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    /// The encoding of a file that starts with `head`: UTF-8 when it has a byte-order mark or its bytes are valid
    /// UTF-8 (a character cut off at the end of `head` is allowed), GB18030 otherwise.
    public static func detect(_ head: [UInt8]) -> TextEncoding {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        return isUTF8(head) ? .utf8 : .gb18030
    }

    /// Whether `bytes` are valid UTF-8 but for a character cut off at their end.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if index + length > bytes.count { return bytes.count - index < 4 && bytes[(index + 1)...].allSatisfy { $0 & 0xC0 == 0x80 } }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}

/// Converts GB18030 to UTF-8 a chunk at a time (a character split between chunks is carried over).
final class GB18030Decoder {
    private let converter: iconv_t
    private var pending: [UInt8] = []

    init() throws {
        converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { throw ImportError.encodingUnavailable("GB18030") }
    }

    deinit { iconv_close(converter) }

    /// The UTF-8 of `chunk` (with what the last chunk left over); `final` for the last one.
    /// - Throws: `ImportError.invalidBytes` with the offset, within what was given, of a byte sequence that is not GB18030.
    func decode(_ chunk: [UInt8], final: Bool) throws -> [UInt8] {
        var input = pending + chunk
        pending = []
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var consumed = 0
        var produced = 0
        let total = input.count
        while consumed < total {
            var inLeft = total - consumed
            var outLeft = output.count - produced
            let result = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
            }
            let error = errno
            consumed = total - inLeft
            produced = output.count - outLeft
            if result != -1 { break }
            switch error {
            case E2BIG: output += [UInt8](repeating: 0, count: output.count)
            case EINVAL where !final:
                // A character cut off at the end of the chunk: keep it for the next one.
                pending = Array(input[consumed...])
                consumed = total
            default: throw ImportError.invalidBytes(offset: consumed)
            }
        }
        return Array(output[..<produced])
    }
}

/// Converts UTF-8 to GB18030 (for a rejects file written in its input's encoding).
public enum GB18030Encoder {
    /// `text` in GB18030.
    public static func encode(_ text: String) throws -> [UInt8] { try encode(Array(text.utf8)) }

    static func encode(_ utf8: [UInt8]) throws -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { throw ImportError.encodingUnavailable("GB18030") }
        defer { iconv_close(converter) }
        var input = utf8
        var output = [UInt8](repeating: 0, count: utf8.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(
                    to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(
                    to: CChar.self)
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        guard result != -1 else { throw ImportError.invalidBytes(offset: utf8.count - inLeft) }
        return Array(output[..<(output.count - outLeft)])
    }
}
