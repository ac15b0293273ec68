import CLibPQ

/// Where a libpq connection string holds a password, so that no message Kaoping writes ever shows it.
///
/// libpq takes a URI (`postgresql://user:password@host:port/db?password=…`), `key=value` pairs
/// (`host=h password='…'`) or a bare database name. The password is found the way libpq reads each form, and
/// more widely where a malformed string could make libpq read it otherwise: too much is hidden rather than too little.
enum ConnectionString {
    /// What a password is replaced with.
    static let mask = "***"

    /// The string with every password replaced by `***`.
    static func redacted(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var at = 0
        for range in passwordRanges(bytes) {
            result += bytes[at..<range.lowerBound]
            result += Array(mask.utf8)
            at = range.upperBound
        }
        result += bytes[at...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Every text a message must not contain: each password as written, as libpq decodes it, and as libpq read it.
    /// Longest first, so that a password is replaced whole before a shorter one inside it.
    static func secrets(_ text: String) -> [String] {
        var found = Set(writtenPasswords(text))
        for range in passwordRanges(Array(text.utf8)) { found.insert(String(decoding: Array(text.utf8)[range], as: UTF8.self)) }
        if let parsed = libpqPassword(text) { found.insert(parsed) }
        return found.filter { $0.utf8.count >= 3 }.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// Why libpq cannot read the string, or `nil` when it can. libpq's complaint is about the redacted string when the
    /// original's could quote the password.
    static func unreadable(_ text: String) -> String? {
        guard text.contains("=") || uriPrefixLength(Array(text.utf8)) != nil else { return nil }  // a bare database name
        guard let complaint = libpqComplaint(text) else { return nil }
        let shown = redacted(text)
        guard shown != text else { return "libpq cannot read the connection string: \(complaint)" }
        if let safe = libpqComplaint(shown) { return "libpq cannot read the connection string: \(safe)" }
        return "libpq cannot read the connection string (its message is withheld, as it quotes the password)"
    }

    /// Whether libpq reads another password than the one written: a character of it needs percent-encoding in a URI,
    /// and libpq's messages (an "invalid port", an unknown host) could quote a piece of the password.
    static func misread(_ text: String) -> Bool {
        guard let written = writtenPasswords(text).last else { return false }
        return (libpqPassword(text) ?? "") != written
    }

    /// What a connection failure says when libpq misread the string.
    static let misreadReason =
        "libpq's message is withheld, as libpq reads the connection string differently from the way it is written "
        + "(and could quote the password): in a URI, write @ / ? : # & in a password as %40 %2F %3F %3A %23 %26, or "
        + "keep the password in PGPASSWORD or ~/.pgpass"

    /// The passwords as written, decoded (percent-encoding in a URI, quotes and backslashes in `key=value`).
    private static func writtenPasswords(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let uri = uriPrefixLength(bytes) != nil
        return passwordRanges(bytes).map {
            String(decoding: uri ? percentDecoded(Array(bytes[$0])) : unquoted(Array(bytes[$0])), as: UTF8.self)
        }
    }

    /// libpq's complaint about the string's syntax, on one line, or `nil` when it reads it.
    private static func libpqComplaint(_ text: String) -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &errorMessage) else {
            let complaint = errorMessage.map { String(cString: $0) } ?? "libpq ran out of memory"
            PQfreemem(errorMessage)
            return PostgresConnection.plain(complaint)
        }
        PQconninfoFree(options)
        return nil
    }

    /// `message` with every secret of the connection string replaced by `***`.
    static func scrub(_ message: String, secrets: [String]) -> String {
        secrets.reduce(message) { $0.replacingOccurrences(of: $1, with: mask) }
    }

    /// The byte ranges of the passwords, in order.
    static func passwordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        if let prefix = uriPrefixLength(bytes) { return uriPasswordRanges(bytes, from: prefix) }
        if !bytes.contains(UInt8(ascii: "=")) { return [] }  // a bare database name
        return keywordPasswordRanges(bytes) ?? looseRanges(bytes)
    }

    private static func uriPrefixLength(_ bytes: [UInt8]) -> Int? {
        for prefix in ["postgresql://", "postgres://"] where bytes.starts(with: prefix.utf8) { return prefix.utf8.count }
        return nil
    }

    /// `scheme://user:PASSWORD@host…` and `?…&password=PASSWORD&…`. The password runs from the first `:` to the
    /// last `@` of the string, so an unescaped `@`, `/` or `?` in it stays hidden (an `@` in the query, as in
    /// `?user=a@b`, hides more than the password: never less).
    private static func uriPasswordRanges(_ bytes: [UInt8], from start: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        if let lastAt = bytes[start...].lastIndex(of: UInt8(ascii: "@")),
            let colon = bytes[start..<lastAt].firstIndex(of: UInt8(ascii: ":"))
        {
            ranges.append((colon + 1)..<lastAt)
        }
        for index in start..<bytes.count where bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "&") {
            let keyStart = index + 1
            let end = bytes[keyStart...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if let equals = bytes[keyStart..<end].firstIndex(of: UInt8(ascii: "=")),
                String(decoding: percentDecoded(Array(bytes[keyStart..<equals])), as: UTF8.self).lowercased() == "password"
            {
                ranges.append((equals + 1)..<end)
            }
        }
        return merged(ranges)
    }

    /// Ranges in order, overlapping ones joined.
    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `keyword = value` pairs as libpq reads them: a value is single-quoted (with `\'` and `\\`) or runs to the next
    /// white space (with backslash escapes). `nil` when the string is not of that form.
    private static func keywordPasswordRanges(_ bytes: [UInt8]) -> [Range<Int>]? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var ranges: [Range<Int>] = []
        var index = 0
        func skipSpaces() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }
        while true {
            skipSpaces()
            guard index < bytes.count else { return ranges }
            let keyStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), !isSpace(bytes[index]) { index += 1 }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self).lowercased()
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skipSpaces()
            let valueStart = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "'") {
                index += 1
                var closed = false
                while index < bytes.count, !closed {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                    } else {
                        closed = bytes[index] == UInt8(ascii: "'")
                        index += 1
                    }
                }
                guard closed else { return nil }
            } else {
                while index < bytes.count, !isSpace(bytes[index]) { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            }
            index = min(index, bytes.count)
            if key == "password" { ranges.append(valueStart..<index) }
        }
    }

    /// For a string libpq cannot read: everything after the first `password` (and its `=`), whatever follows it.
    private static func looseRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        let word = Array("password".utf8)
        guard lower.count > word.count, let start = (0...(lower.count - word.count)).first(where: { lower[$0...].starts(with: word) }),
            start + word.count < bytes.count
        else { return [] }
        let value = bytes[(start + word.count)...].firstIndex { $0 != 0x20 && $0 != UInt8(ascii: "=") } ?? bytes.count
        return value < bytes.count ? [value..<bytes.count] : []
    }

    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                result.append(value)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static func unquoted(_ bytes: [UInt8]) -> [UInt8] {
        var body = bytes[...]
        if body.first == UInt8(ascii: "'") { body = body.dropFirst().dropLast() }
        var result: [UInt8] = []
        var escaped = false
        for byte in body {
            if !escaped && byte == UInt8(ascii: "\\") {
                escaped = true
                continue
            }
            escaped = false
            result.append(byte)
        }
        return result
    }

    /// The password as libpq itself reads the string, when it can.
    private static func libpqPassword(_ text: String) -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &errorMessage) else {
            PQfreemem(errorMessage)
            return nil
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "password", let value = option.pointee.val { return String(cString: value) }
            option += 1
        }
        return nil
    }
}
