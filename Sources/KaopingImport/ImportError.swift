/// What stops an import before it writes anything (operational failures, thrown; a bad row is not one of them —
/// it is rejected and counted).
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// The C library cannot convert this encoding.
    case encodingUnavailable(String)
    /// Bytes that are not text in the file's encoding, at this byte offset of the file.
    case invalidBytes(offset: Int)
    /// The `--pii-key` file holds fewer bytes than `PersonalDataKey.minimumBytes`.
    case keyTooShort(bytes: Int)
    /// A mapping hashes a personal column and no key was given.
    case keyMissing(table: String)

    public var description: String {
        switch self {
        case .encodingUnavailable(let name): return "本机的 iconv 不支持 \(name) 编码 (the C library cannot convert \(name))"
        case .invalidBytes(let offset): return "第 \(offset) 字节起不是有效的文本 (bytes at offset \(offset) are not text in the file's encoding)"
        case .keyTooShort(let bytes):
            return "个人信息密钥只有 \(bytes) 字节，至少要 \(PersonalDataKey.minimumBytes) 字节（如 openssl rand -hex 32 > office.key） "
                + "(the personal-data key has \(bytes) bytes; it needs at least \(PersonalDataKey.minimumBytes), e.g. openssl rand -hex 32 > office.key)"
        case .keyMissing(let table):
            return "\(table) 的映射要散列个人信息列（hash into），需用 --pii-key 给出密钥文件 "
                + "(the mapping of \(table) hashes a personal column: give the key file with --pii-key)"
        }
    }
}
