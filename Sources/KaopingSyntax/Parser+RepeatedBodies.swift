import Foundation

/// A rule file made by a program, or by copying, repeats its indicators' bodies — all that follows the id and
/// the title — by the thousand. The parser remembers each body it parsed without a diagnostic, and an indicator
/// whose bytes after its title begin with those of a remembered body takes that body's tree, moved to where it is
/// (`IndicatorDeclaration.body(shiftedBy:id:title:range:)`), instead of lexing and parsing the same text again.
///
/// The tree taken is the one parsing would make: equal bytes are equal tokens, and parsing a body that gives no
/// diagnostic depends on its tokens alone — the lexer's state after a title and the parser's at a body's `{` are
/// always the same, and nothing in a body looks past its closing brace. After it the parser goes on as it would
/// after that brace. Tests compare whole files parsed both ways.
extension Parser {
    /// Where a remembered body is, and what it came to.
    struct RepeatedBody {
        /// Its bytes: from the end of its indicator's title to the end of its closing brace.
        var bytes: Range<Int>
        /// How many tokens it has (see `Parser.index`).
        var tokens: Int
        var declaration: IndicatorDeclaration
    }

    /// The body of the indicator titled `title` that starts as a remembered one does, if one does; then the
    /// parser is past it.
    mutating func takeRepeatedBody(after title: StringLiteral, id: Name, start: Int, key: UInt64) -> IndicatorDeclaration? {
        guard let found = repeatedBodies.body(at: title.range.end, key: key, in: lexer.bytes) else { return nil }
        // (Read in place: a remembered declaration is large, and copying it costs more than moving it.)
        let delta = title.range.end - repeatedBodies[found].bytes.lowerBound
        let end = repeatedBodies[found].bytes.upperBound + delta
        let declaration = repeatedBodies[found].declaration.body(shiftedBy: delta, id: id, title: title, range: SourceRange(start, end))
        index += repeatedBodies[found].tokens
        previousEnd = end
        lexer.resume(afterTokenEndingAt: end)
        current = lexer.next()
        following = lexer.next()
        if lexer.diagnostics.count + diagnostics.count >= Parser.diagnosticLimit { giveUp() }
        return declaration
    }
}

/// The bodies a parser remembers, each found by a key: a hash of the bytes its text starts with (the key only
/// points to a candidate; its bytes are compared whole). Remembering stops when it does not pay (`RepeatWindow`).
struct RepeatedBodies {
    /// How many bytes, at most, the key is made from.
    static let keyLength = 64

    /// Whether bodies are still looked up and remembered.
    private(set) var isOn: Bool
    private var window = RepeatWindow()
    private var bodies: [Parser.RepeatedBody] = []
    /// The index in `bodies` of the last one remembered under each key.
    private var byKey: [UInt64: Int] = [:]

    init(isOn: Bool = true) {
        self.isOn = isOn
    }

    /// FNV-1a over the first `keyLength` bytes from `offset` (fewer at the end of the file).
    static func key(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes[offset..<min(offset + keyLength, bytes.count)] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    subscript(index: Int) -> Parser.RepeatedBody { bodies[index] }

    /// The index of the remembered body under `key` whose bytes are those at `offset`, if there is one. Counted
    /// in the window.
    mutating func body(at offset: Int, key: UInt64, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard isOn else { return nil }
        var found: Int?
        if let index = byKey[key] {
            let body = bodies[index].bytes
            if offset + body.count <= bytes.count,
                memcmp(bytes.baseAddress! + offset, bytes.baseAddress! + body.lowerBound, body.count) == 0
            {
                found = index
            }
        }
        if !window.count(found: found != nil) { self = RepeatedBodies(isOn: false) }
        return found
    }

    mutating func remember(_ body: Parser.RepeatedBody, key: UInt64) {
        guard isOn else { return }
        byKey[key] = bodies.count
        bodies.append(body)
    }
}
