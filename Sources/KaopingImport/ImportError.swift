/// What stops an import before it writes anything (operational failures, thrown; a bad row is not one of them —
/// it is rejected and counted).
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// The C library cannot convert this encoding.
    case encodingUnavailable(String)
    /// Bytes that are not text in the file's encoding, at this byte offset of the file.
    case invalidBytes(offset: Int)

    public var description: String {
        switch self {
        case .encodingUnavailable(let name): return "本机的 iconv 不支持 \(name) 编码 (the C library cannot convert \(name))"
        case .invalidBytes(let offset): return "第 \(offset) 字节起不是有效的文本 (bytes at offset \(offset) are not text in the file's encoding)"
        }
    }
}
