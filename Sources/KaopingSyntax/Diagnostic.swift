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

    /// Creates a diagnostic.
    public init(
        _ id: String, _ severity: Severity, file: String, range: SourceRange, zh message: String, en englishMessage: String,
        hint: String = "", hintEn englishHint: String = ""
    ) {
        self.id = id
        self.severity = severity
        self.file = file
        self.range = range
        self.message = message
        self.englishMessage = englishMessage
        self.hint = hint
        self.englishHint = englishHint.isEmpty ? hint : englishHint
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
