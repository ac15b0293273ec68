import Foundation
import KaopingSyntax

/// An indicator's body: what is written after its title, to the end of its declaration.
///
/// A rule file made by a program, or by copying, repeats indicators that differ only in id and title, and
/// the plan of an indicator depends on its body alone: the checker checks each body once and gives a repeat
/// the plan of the first, with its own id and title (see `Checker.checkIndicatorOnce`). Bodies are compared
/// as written, byte for byte: the same bytes are the same tokens, so the same syntax wherever they are.
/// (Their bytes are read in one run, as the file has them; walking two syntax trees, made long before and
/// spread over memory, would cost much of what checking again does.)
enum IndicatorBody {
    /// Where the body of `declaration` is in its file's bytes.
    static func range(of declaration: IndicatorDeclaration) -> Range<Int> {
        declaration.title.range.end..<max(declaration.title.range.end, declaration.range.end)
    }

    /// FNV-1a over the bytes (see `Fingerprint.add(bytes:)`).
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes: bytes)
        return fingerprint.value
    }

    /// Whether two bodies have the same bytes.
    static func same(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        lhs.count == rhs.count && (lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0)
    }
}
