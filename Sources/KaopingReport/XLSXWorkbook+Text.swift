internal import CXLSXWriter

/// Text as a cell can hold it, and how wide it shows.
extension XLSXWorkbook {
    /// Each column's width, in the width of a digit: its widest cell, and its header — a header line of up to 12
    /// fits whole, a longer one may wrap onto two lines — held to 6…60.
    static func columnWidths(_ table: Table) -> [Int] {
        var widths = table.headers.map { header in
            header.split(separator: "\n").map { line in width(String(line)) }.map { $0 <= 12 ? $0 : ($0 + 1) / 2 }.max() ?? 0
        }
        for row in table.rows + table.totals {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], width(cell))
            }
        }
        return widths.map { min(max($0, Self.columnWidth.minimum), Self.columnWidth.maximum) }
    }

    /// How wide a cell shows, in the width of a digit.
    static func width(_ cell: Cell) -> Int {
        switch cell {
        case .text(let text): return width(text)
        case .number(let value, let format) where value.isFinite:
            return width(ScoringSentence.plain(format == .percent ? value * 100 : value, digits: 1)) + 3
        case .time(let text): return text.count
        case .number, .empty: return 0
        }
    }

    /// How many lines `text` takes in a column `width` wide (its margin holds a little more).
    static func lines(_ text: String, width: Int) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
            $0 + max(1, (Self.width(String($1)) + width) / (width + 1))
        }
    }

    /// `text` with the characters XML 1.0 cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) shown
    /// as `<U+0001>` — libxlsxwriter 1.1.4 writes U+FFFF as it is, which breaks the sheet's XML, and a C0 control as
    /// `_x0001_`, which Excel turns back into the invisible control. A `_x0041_` already in the text is kept literal
    /// (Excel would read it as `A`) by escaping its underscore as `_x005F_`, and a text longer than a cell holds
    /// is cut, saying so.
    static func shown(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if !isXMLCharacter(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)>".unicodeScalars)
            } else if scalar == "_", isExcelEscape(scalars[(index + 1)...]) {
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        let shown = String(out)
        guard shown.utf16.count > maxTextLength else { return shown }
        return prefix(shown, utf16: maxTextLength) + "…（已截断）"
    }

    /// Whether XML 1.0 can hold `scalar`.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Whether `rest` (what follows an underscore) is `xHHHH_`, Excel's escape of a character.
    private static func isExcelEscape(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let scalars = Array(rest.prefix(6))
        return scalars.count == 6 && scalars[0] == "x" && scalars[5] == "_" && scalars[1...4].allSatisfy(\.properties.isASCIIHexDigit)
    }

    /// The longest prefix of `text` of at most `limit` UTF-16 units (Excel's measure of length), whole characters.
    static func prefix(_ text: String, utf16 limit: Int) -> String {
        var count = 0
        var out = ""
        for character in text {
            count += character.utf16.count
            if count > limit { break }
            out.append(character)
        }
        return out
    }

    /// How wide `text` shows, in the width of a digit: a wide (CJK, full-width) character counts 2, others 1; the
    /// widest line of a text of several.
    static func width(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
        }.max() ?? 0
    }

    /// Whether `scalar` is East Asian wide or full-width (the common blocks).
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` as a date and time (`nil` when it is not one Excel can show).
    static func datetime(_ text: String) -> lxw_datetime? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0) }
        guard parts.count == 3 || parts.count == 6, text.count == (parts.count == 3 ? 10 : 19) else { return nil }
        let numbers = parts.compactMap { $0 }
        guard numbers.count == parts.count, (1900...9999).contains(numbers[0]), (1...12).contains(numbers[1]),
            (1...31).contains(numbers[2])
        else { return nil }
        let clock = numbers.count == 6 ? Array(numbers[3...]) : [0, 0, 0]
        guard (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...59).contains(clock[2]) else { return nil }
        return lxw_datetime(
            year: Int32(numbers[0]), month: Int32(numbers[1]), day: Int32(numbers[2]), hour: Int32(clock[0]),
            min: Int32(clock[1]), sec: Double(clock[2]))
    }
}
