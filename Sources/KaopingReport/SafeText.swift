/// Text from data, made safe for the places a report puts it (issue 21, point 11): in a spreadsheet cell a text
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula, so it is prefixed with `'`;
/// bidirectional control characters (U+202A–202E, U+2066–2069) would make a name read backwards, so they are
/// shown as visible escapes (`<U+202E>`). Numbers are never passed through here: they stay numbers.
public enum SafeText {
    /// `text` with every bidirectional control, and every control character but tab and line breaks, shown as
    /// `<U+XXXX>` (a control character is no text a reader can see, and XML cannot hold it).
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` for a spreadsheet's text cell: visible bidirectional controls, and a leading `'` when it would
    /// otherwise start a formula.
    public static func cell(_ text: String) -> String {
        let shown = visible(text)
        guard let first = shown.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return shown }
        return "'" + shown
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        isBidiControl(scalar) || (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
