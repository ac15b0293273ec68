import KaopingStore
import Testing

/// SHA-256 against the FIPS 180-4 examples, fed whole, in pieces that cross block boundaries, and a byte at a time.
@Suite("SHA-256")
struct SHA256Tests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ]

    @Test("The FIPS 180-4 examples, whole and in pieces")
    func vectors() {
        for (text, digest) in Self.vectors {
            let bytes = Array(text.utf8)
            #expect(SHA256.hex(bytes) == digest)
            #expect(SHA256.hex(bytes.lazy.map { $0 }) == digest)
            var pieces = SHA256()
            var start = 0
            for size in [1, 63, 2, 64, 65, 7] where start < bytes.count {
                let end = min(bytes.count, start + size)
                pieces.update(Array(bytes[start..<end]))
                start = end
            }
            if start < bytes.count { pieces.update(bytes[start...]) }
            #expect(pieces.hexDigest() == digest)
        }
    }

    @Test("A million times `a`")
    func million() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
