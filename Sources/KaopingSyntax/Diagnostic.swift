/// A problem found in a rule file: a value with a stable id, a severity, a range, a message and a hint.
public struct Diagnostic: Sendable, Equatable, Hashable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Equatable, Hashable, Comparable {
        case error, warning, note

        private var order: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
    }

    /// The stable id, e.g. `K0201`; listed in `docs/diagnostics.md`.
    public let id: String
    public let severity: Severity
    /// The file it concerns.
    public let file: String
    public let range: SourceRange
    /// The message in Chinese.
    public let message: String
    /// The message in English.
    public let englishMessage: String
    /// What was probably meant or how to fix it, in Chinese (empty if none).
    public let hint: String
    /// The hint in English.
    public let englishHint: String
    /// The change that resolves it, when that is certain (full-width punctuation, `=` for `==`): what
    /// `kaoping fmt --fix` applies.
    public let fixIt: FixIt?

    /// Creates a diagnostic.
    public init(
        _ id: String, _ severity: Severity, file: String, range: SourceRange, zh message: String, en englishMessage: String,
        hint: String = "", hintEn englishHint: String = "", fixIt: FixIt? = nil
    ) {
        self.id = id
        self.severity = severity
        self.file = file
        self.range = range
        self.message = message
        self.englishMessage = englishMessage
        self.hint = hint
        self.englishHint = englishHint.isEmpty ? hint : englishHint
        self.fixIt = fixIt
    }
}

/// A change to a rule file that resolves a diagnostic: the text of `range` replaced by `replacement`.
public struct FixIt: Sendable, Equatable, Hashable {
    public let range: SourceRange
    public let replacement: String

    public init(_ range: SourceRange, _ replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
