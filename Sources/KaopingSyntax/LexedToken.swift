/// A token as the lexer hands it to the parser: its kind, where it is, and where its text is. The text
/// itself is made only when the parser asks for it (`Lexer.text(of:)`): most tokens, keywords, symbols
/// and numbers, are known by their bytes alone, and a 50 MB file has millions of them.
///
/// `Lexer.lex` turns these into `Token`s, with their text, for the formatter.
///
/// Its fields are laid out to take 32 bytes (four words), so that the lexer hands it over in registers: a
/// larger token is returned through memory, and reading it back whole right after the lexer wrote it field by
/// field stalls the processor on every token.
struct LexedToken {
    /// The text's first sixteen bytes (zero past its end), enough to tell any keyword or symbol of the
    /// language without reading the source again.
    private let spelling: Spelling
    let kind: Token.Kind
    /// Whether it is the first token on its line (set by `Lexer.next`).
    var startsLine = false
    /// Where the text is: `LexedToken.inRange`, `LexedToken.inQuotes`, or the index of a text the lexer made
    /// (a string with escapes, full-width punctuation read as ASCII) in `Lexer.madeTexts`.
    let text: Int32
    let range: SourceRange

    /// The text is the source's bytes in the token's range.
    static let inRange: Int32 = -1
    /// The text is the source's bytes between the quotes of a string (with no escape in it).
    static let inQuotes: Int32 = -2

    /// A token whose text is in the source (`inRange` or `inQuotes`) and is spelled `spelling` (which only
    /// symbols and identifiers need: the parser compares no other token with a keyword).
    init(kind: Token.Kind, range: SourceRange, text: Int32, spelling: Spelling = Spelling()) {
        self.kind = kind
        self.range = range
        self.text = text
        self.spelling = spelling
    }

    /// A token whose text the lexer made.
    init(kind: Token.Kind, range: SourceRange, made index: Int, text: String) {
        self.kind = kind
        self.range = range
        self.text = Int32(index)
        self.spelling = Spelling(text.utf8)
    }

    /// Whether this is the symbol `symbol`.
    @inline(__always)
    func `is`(_ symbol: Spelling) -> Bool { kind == .symbol && spelling == symbol }

    /// The spelling of an identifier that it holds whole (see `Spelling.isWhole`), if it is one.
    var wholeIdentifier: Spelling? { kind == .identifier && spelling.isWhole ? spelling : nil }

    /// Whether this is the identifier `word` (keywords are identifiers that matter in context).
    @inline(__always)
    func isWord(_ word: Spelling) -> Bool { kind == .identifier && spelling == word }

    /// 1 for `{`, -1 for `}`, 0 for any other token: what it adds to the braces open.
    var braces: Int { self.is("{") ? 1 : self.is("}") ? -1 : 0 }

    /// Whether this is one of the identifiers `words`.
    func isWord(in words: Keywords) -> Bool { kind == .identifier && words.spellings.contains(spelling) }

    /// Which of the identifiers `words` this is, if it is one.
    func index(in words: Keywords) -> Int? { kind == .identifier ? words.spellings.firstIndex(of: spelling) : nil }

    /// Matches a keyword in a `switch` over a token: `case "points":` is `isWord("points")`.
    @inline(__always)
    static func ~= (word: Spelling, token: LexedToken) -> Bool { token.isWord(word) }
}

/// The bytes of a keyword or a symbol (all ASCII, at most 16 bytes) packed in two words, with their count:
/// a token's text is that keyword or symbol when their spellings are equal. Longer texts keep their first 16
/// bytes and the count 17, and so equal no keyword.
struct Spelling: Equatable, ExpressibleByStringLiteral {
    private var head: UInt64
    private var tail: UInt64
    private var count: UInt8

    /// No text (that of a token never compared with a keyword).
    init() {
        head = 0
        tail = 0
        count = 0
    }

    /// The spelling of `bytes`.
    init<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        var spelling = Spelling()
        for byte in bytes { spelling.append(byte) }
        self = spelling
    }

    /// The spelling of `bytes[range]`, read eight bytes at a time where the array has them.
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard range.lowerBound + 16 <= bytes.count else {
            self.init(bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 17)])
            return
        }
        self.init()
        let count = range.count
        let start = UnsafeRawPointer(bytes.baseAddress! + range.lowerBound)
        let words = (
            UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)), UInt64(littleEndian: (start + 8).loadUnaligned(as: UInt64.self))
        )
        head = Spelling.keep(words.0, bytes: count)
        tail = Spelling.keep(words.1, bytes: count - 8)
        self.count = UInt8(min(count, 17))
    }

    /// The first `bytes` bytes of `word` (all eight, or none).
    @inline(__always)
    private static func keep(_ word: UInt64, bytes: Int) -> UInt64 {
        bytes >= 8 ? word : bytes <= 0 ? 0 : word & ((1 << (8 * UInt64(bytes))) - 1)
    }

    /// Adds a byte to the text (the lexer spells a name as it reads it).
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count < 8 {
            head |= UInt64(byte) << (8 * UInt64(count))
        } else if count < 16 {
            tail |= UInt64(byte) << (8 * UInt64(count - 8))
        }
        if count < 17 { count += 1 }
    }

    @inline(__always)
    init(stringLiteral text: StaticString) {
        let count = text.utf8CodeUnitCount
        precondition(count <= 16, "keywords and symbols have at most 16 bytes")
        var head: UInt64 = 0
        var tail: UInt64 = 0
        for index in 0..<count {
            let byte = UInt64(text.utf8Start[index])
            if index < 8 { head |= byte << (8 * UInt64(index)) } else { tail |= byte << (8 * UInt64(index - 8)) }
        }
        self.head = head
        self.tail = tail
        self.count = UInt8(count)
    }

    static func == (lhs: Spelling, rhs: Spelling) -> Bool {
        lhs.head == rhs.head && lhs.tail == rhs.tail && lhs.count == rhs.count
    }

    /// Whether the spelling holds the whole text (at most 16 bytes), and so tells it from every other.
    var isWhole: Bool { count > 0 && count <= 16 }

    /// A number mixed from the whole spelling, for looking it up.
    var mixed: UInt64 { (head ^ tail &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9 }
}

/// A list of keywords, with their spellings worked out once.
struct Keywords: ExpressibleByArrayLiteral {
    /// The keywords as written, for messages.
    let names: [String]
    let spellings: [Spelling]

    init(arrayLiteral keywords: StaticString...) {
        names = keywords.map(\.description)
        spellings = keywords.map { Spelling(stringLiteral: $0) }
    }
}
