import CSQLite

/// The `regexp(pattern, text)` SQL function behind SQLite's `text REGEXP pattern`, registered on every connection
/// Kaoping opens, so that the SQLite form of a rule's `matches(text, "pattern")` runs on Kaoping's own connection
/// with the native evaluator's meaning: Swift's `Regex`, true when the pattern occurs anywhere in the text
/// (`firstMatch`), NULL when either is NULL. The compiled pattern is kept for the rest of the statement.
enum RegexpFunction {
    /// A compiled pattern kept as a statement's auxiliary data.
    private final class Compiled {
        let regex: Regex<AnyRegexOutput>
        init(_ regex: Regex<AnyRegexOutput>) { self.regex = regex }
    }

    /// Registers `regexp` on the connection `handle`.
    static func register(on handle: OpaquePointer) -> Int32 {
        sqlite3_create_function_v2(
            handle, "regexp", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, count, arguments in
                guard let context, let arguments, count == 2 else { return }
                RegexpFunction.call(context, pattern: arguments[0], text: arguments[1])
            }, nil, nil, nil)
    }

    private static func call(_ context: OpaquePointer, pattern: OpaquePointer?, text: OpaquePointer?) {
        guard let pattern, let text, sqlite3_value_type(pattern) != SQLITE_NULL, sqlite3_value_type(text) != SQLITE_NULL else {
            sqlite3_result_null(context)
            return
        }
        let compiled: Compiled
        if let kept = sqlite3_get_auxdata(context, 0) {
            compiled = Unmanaged<Compiled>.fromOpaque(kept).takeUnretainedValue()
        } else {
            let source = string(pattern)
            guard let regex = try? Regex(source) else {
                sqlite3_result_error(context, "regexp: \(source) is not a valid regular expression", -1)
                return
            }
            compiled = Compiled(regex)
            // SQLite owns the retained reference from here on, and releases it when the statement is done with it
            // (or at once, calling the destructor, when it cannot keep it).
            sqlite3_set_auxdata(
                context, 0, Unmanaged.passRetained(compiled).toOpaque(),
                { pointer in pointer.map { Unmanaged<Compiled>.fromOpaque($0).release() } })
        }
        let found = (try? compiled.regex.firstMatch(in: string(text))) != nil
        sqlite3_result_int(context, found ? 1 : 0)
    }

    private static func string(_ value: OpaquePointer) -> String {
        guard let bytes = sqlite3_value_text(value) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value))), as: UTF8.self)
    }
}
