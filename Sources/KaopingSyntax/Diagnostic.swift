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

extension String {
    /// `first`, `second` and `third` one after another, made in one allocation. A file with a great many
    /// mistakes (a rule file copied into itself) makes a message for each, and interpolating text into a
    /// Chinese message appends it piece by piece, which costs several times as much.
    public static func joined(_ first: String, _ second: String, _ third: String) -> String {
        var (first, second, third) = (first, second, third)
        return first.withUTF8 { first in
            second.withUTF8 { second in
                third.withUTF8 { third in
                    let count = first.count + second.count + third.count
                    guard count > 0 else { return "" }
                    return String(unsafeUninitializedCapacity: count) { buffer in
                        var end = 0
                        func append(_ part: UnsafeBufferPointer<UInt8>) {
                            guard let base = part.baseAddress else { return }
                            (buffer.baseAddress! + end).initialize(from: base, count: part.count)
                            end += part.count
                        }
                        append(first)
                        append(second)
                        append(third)
                        return end
                    }
                }
            }
        }
    }
}
