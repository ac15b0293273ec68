import KaopingSyntax

/// A rule text with positions marked by 1️⃣ 2️⃣ 3️⃣ 4️⃣, as swift-syntax's tests mark them: the markers are
/// removed and their byte offsets in the remaining text kept.
struct MarkedSource {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣"]

    /// The text without its markers.
    let text: String
    /// The byte offset of each marker in `text`.
    let offsets: [String: Int]

    init(_ marked: String) {
        var text = marked
        var offsets: [String: Int] = [:]
        while let (marker, range) = MarkedSource.markers.compactMap({ marker in text.range(of: marker).map { (marker, $0) } })
            .min(by: { $0.1.lowerBound < $1.1.lowerBound })
        {
            offsets[marker] = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            text.removeSubrange(range)
        }
        self.text = text
        self.offsets = offsets
    }

    /// The source file of the text, named `name`.
    func source(_ name: String = "test.rules") -> SourceFile {
        SourceFile(name: name, text: text)
    }

    /// The offset of `marker`, or -1 when the text has no such marker (so a comparison fails visibly).
    subscript(_ marker: String) -> Int { offsets[marker] ?? -1 }
}

/// Parses `text` as a rule file named `test.rules`.
func parse(_ text: String) -> (file: RuleFile, diagnostics: [Diagnostic]) {
    Parser.parse(SourceFile(name: "test.rules", text: text))
}

/// Parses `param p = EXPRESSION` and returns the expression with the parse's diagnostics.
func parseExpression(_ text: String) -> (expression: Expression?, diagnostics: [Diagnostic], source: SourceFile) {
    let source = SourceFile(name: "test.rules", text: "param p = " + text)
    let parsed = Parser.parse(source)
    guard case .parameter(let parameter)? = parsed.file.declarations.first else { return (nil, parsed.diagnostics, source) }
    return (parameter.value, parsed.diagnostics, source)
}

/// An expression as an S-expression, so a test can state a whole tree in one line:
/// `a + b * c` is `(+ a (* b c))`; unary operators have one operand, binary ones two.
func sexp(_ expression: Expression?) -> String {
    guard let expression else { return "<none>" }
    switch expression.kind {
    case .number(let value, let isInteger): return isInteger ? String(Int64(value)) : "\(value)"
    case .percent(let fraction): return "pct(\(fraction))"
    case .string(let value): return "\"\(value)\""
    case .date(let text): return "date(\(text))"
    case .boolean(let value): return value ? "true" : "false"
    case .null: return "null"
    case .name(let name): return name
    case .member(let base, let name): return "(. \(sexp(base)) \(name.text))"
    case .unary(let op, let operand): return "(\(op) \(sexp(operand)))"
    case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(sexp(lhs)) \(sexp(rhs)))"
    case .isNull(let operand, let negated): return "(\(negated ? "is-not-null" : "is-null") \(sexp(operand)))"
    case .inList(let operand, let items, let negated):
        return "(\(negated ? "not-in" : "in") \(sexp(operand)) [\(items.map(sexp).joined(separator: " "))])"
    case .call(let name, let arguments, let filter):
        let parts = [name.text] + arguments.map(sexp) + (filter.map { ["where", sexp($0)] } ?? [])
        return "(" + parts.joined(separator: " ") + ")"
    case .list(let items): return "[\(items.map(sexp).joined(separator: " "))]"
    case .invalid: return "<invalid>"
    default: return "<\(expression.kind)>"
    }
}

/// The 1-based line and column of a diagnostic's start.
func lineColumn(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
    let location = source.location(of: diagnostic.range.start)
    return "\(location.line):\(location.column)"
}
