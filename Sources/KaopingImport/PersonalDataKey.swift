import Crypto
import Foundation

/// The office's key for personal data (`kaoping import --pii-key FILE`): a personal column the mapping hashes is
/// kept only as HMAC-SHA256 of its value under this key, so that the same applicant gives the same 64 hex digits
/// in every import with the same key (repeat applicants can be counted) and nobody without the key can test a
/// guess. The key is read from its file and written nowhere.
public struct PersonalDataKey: Sendable {
    /// Fewer bytes than this make guessing the key too easy.
    public static let minimumBytes = 16
    let key: SymmetricKey

    /// A key of the file's bytes, less a final line break (`openssl rand -hex 32 > office.key` writes one).
    /// - Throws: `ImportError.keyTooShort` when fewer than `minimumBytes` remain.
    public init(bytes: [UInt8]) throws {
        var bytes = bytes
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard bytes.count >= Self.minimumBytes else { throw ImportError.keyTooShort(bytes: bytes.count) }
        key = SymmetricKey(data: bytes)
    }

    /// The value as it is kept: HMAC-SHA256 of its UTF-8 bytes, as 64 lowercase hexadecimal digits. Latin letters
    /// are taken as capitals first, so that an ID number's check letter `x` and `X` are the same applicant.
    public func pseudonym(_ value: String) -> String {
        let bytes = value.utf8.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 0x20 : $0 }
        let code = HMAC<SHA256>.authenticationCode(for: bytes, using: key)
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: code.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}
