import Foundation

/// A text as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// A `String` key of Chinese text is put in Unicode normal form each time it is hashed or compared, which costs
/// more than the rest of a lookup; the names in a rule file are compared as written.
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        equal(lhs.text, rhs.text)
    }

    /// Whether two texts have the same UTF-8 bytes (compared as blocks of memory, not byte by byte).
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        var (lhs, rhs) = (lhs, rhs)
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
