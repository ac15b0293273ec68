/// Edits every indicator's population filter, for the warm runs: after a run has filled the column cache, the
/// analyst changes the filters and runs again.
///
/// Each indicator's `from TABLE where CONDITION` becomes `from TABLE where (CONDITION) and KEY > 0`, and a
/// `from TABLE` without a filter gains `where KEY > 0`, where KEY is the table's center key (`center_id`, or
/// `id` for `centers`). The filter really changes (a cache cannot reuse a filter it has seen), it reads no
/// column the rules did not read already, and every row of a demo store meets the new condition, so the
/// edited rules must give exactly the measures of the original ones, which the harness checks.
enum RuleEditor {
    /// The rule text with every indicator's filter edited.
    /// - Throws: `BenchError` when an indicator's `from` line is not of the shape above.
    static func editFilters(_ text: String, file: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        var indicators = 0
        var edited = 0
        var awaitingFrom = false
        for index in lines.indices {
            let trimmed = lines[index].drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("indicator ") {
                indicators += 1
                awaitingFrom = true
            } else if awaitingFrom, trimmed.hasPrefix("from ") {
                lines[index] = try editFrom(lines[index], file: file, line: index + 1)
                edited += 1
                awaitingFrom = false
            }
        }
        guard indicators > 0, edited == indicators else {
            throw BenchError("\(file): found \(indicators) indicators but \(edited) `from` lines to edit")
        }
        return lines.joined(separator: "\n")
    }

    /// `  from TABLE [where CONDITION]  [# comment]` with the condition extended.
    private static func editFrom(_ line: String, file: String, line number: Int) throws -> String {
        let (code, comment) = splitComment(line)
        let indent = String(code.prefix { $0 == " " || $0 == "\t" })
        let words = code.drop { $0 == " " || $0 == "\t" }.dropFirst("from ".count).drop { $0 == " " }
        let table = String(words.prefix { $0 != " " && $0 != "\t" })
        let rest = words.dropFirst(table.count).trimmingSpaces()
        let key = table == "centers" ? "id" : "center_id"
        var edited = "\(indent)from \(table) where "
        if rest.isEmpty {
            edited += "\(key) > 0"
        } else if rest.hasPrefix("where ") {
            edited += "(\(rest.dropFirst("where ".count).trimmingSpaces())) and \(key) > 0"
        } else {
            throw BenchError("\(file):\(number): cannot edit `\(line.trimmingSpaces())`")
        }
        return comment.isEmpty ? edited : edited + "  " + comment
    }

    /// The line before its `#` comment (a `#` inside a string does not start one) and the comment.
    private static func splitComment(_ line: String) -> (code: String, comment: String) {
        var inString = false
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if escaped {
                escaped = false
            } else if inString, character == "\\" {
                escaped = true
            } else if character == "\"" {
                inString.toggle()
            } else if character == "#", !inString {
                let code = line[..<index].reversed().drop { $0 == " " || $0 == "\t" }.reversed()
                return (String(code), String(line[index...]))
            }
        }
        return (line, "")
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
