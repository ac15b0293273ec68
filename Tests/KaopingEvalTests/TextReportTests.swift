import Foundation
import KaopingReport
import KaopingResults
import Testing

/// `report.csv` and `report.md` (issue 21, points 7 and 11): text from data stays text.
@Suite("CSV and Markdown reports")
struct TextReportTests {
    /// The ranking document, with units named to attack a spreadsheet, a Markdown page and a reader's eye.
    static func hostile() throws -> ResultsDocument {
        var (_, document) = try ResultsOutputTests.document()
        let names = [
            "=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2", "@SUM(A1)", "\t制表", "<script>alert(1)</script>", "单位\u{202E}名反", "逗号,引号\"|竖线",
        ]
        for (index, name) in names.enumerated() where index < document.centers.count {
            document.centers[index].name = name
        }
        return document
    }

    @Test("CSV: a byte-order mark, CRLF rows, one per unit; formula starts quoted away, bidi controls visible, numbers numeric")
    func csv() throws {
        let document = try Self.hostile()
        let text = CSVReport(results: document).render()
        #expect(text.hasPrefix("\u{FEFF}组,名次,单位代码,单位名称,设区市,"))
        let rows = text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == document.centers.count + 1)
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\","))
        #expect(text.contains(",'+1+1,") && text.contains(",'-2,") && text.contains(",'@SUM(A1),") && text.contains(",'\t制表,"))
        #expect(text.contains("单位<U+202E>名反") && !text.unicodeScalars.contains { $0.value == 0x202E })
        #expect(text.contains("\"逗号,引号\"\"|竖线\""))
        // Each unit's total is a plain number with two decimals, in the column before the grade.
        for (row, center) in zip(rows.dropFirst(), document.centers) {
            let fields = Self.fields(row)
            #expect(fields.count == 5 + center.indicators.count + 4, "\(row)")
            #expect(fields[fields.count - 3] == String(format: "%.2f", roundedTwo(center.total)))
        }
    }

    /// The fields of one CSV row (RFC 4180 quoting).
    static func fields(_ row: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(row)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    @Test("Markdown: names are text in table cells (no HTML, no markup, no broken rows), bidi controls visible")
    func markdown() throws {
        let text = MarkdownReport(results: try Self.hostile()).render()
        #expect(!text.contains("<script>"))
        #expect(text.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(text.contains("逗号,引号\"\\|竖线"))
        #expect(text.contains("单位<U+202E>名反") == false)
        #expect(text.contains("单位\\<U+202E\\>名反"))
        // Every ranking row (its first cell a rank) has as many cells as its header: an escaped `|` splits none.
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("| 名次") })
        let cells = header.components(separatedBy: " | ").count
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && line.dropFirst(2).first?.isNumber == true {
            #expect(line.replacingOccurrences(of: "\\|", with: "").components(separatedBy: " | ").count == cells, "\(line)")
        }
    }

    @Test("Published rounding: parts rounded so they add up to the rounded total, none moved by more than a cent")
    func rounding() {
        // 0.333 + 0.333 + 0.334 = 1.00, but each alone rounds to 0.33 (0.99 in all): the cent goes to 0.334.
        let parts = [0.333, 0.333, 0.334]
        let cents = PublishedRounding.cents(parts, total: 1)
        #expect(cents == [33, 33, 34])
        for (part, cent) in zip(parts, cents) { #expect(abs(Double(cent) - part * 100) < 1) }
        #expect(PublishedRounding.text(-150) == "-1.50")
        #expect(PublishedRounding.text(9499) == "94.99")
        #expect(PublishedRounding.text(5) == "0.05")
    }

    @Test("Each CSV row's parts add up to its total, to the cent")
    func rowsAddUp() throws {
        let (_, document) = try ResultsOutputTests.document()
        let rows = CSVReport(results: document).render().dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        for row in rows.dropFirst() {
            let fields = Self.fields(row)
            let cents = fields[5..<(fields.count - 3)].compactMap { Int($0.replacingOccurrences(of: ".", with: "")) }
            let total = Int(fields[fields.count - 3].replacingOccurrences(of: ".", with: ""))
            #expect(cents.reduce(0, +) == total, "\(row)")
        }
    }

    @Test("The same results give the same bytes")
    func deterministic() throws {
        let document = try Self.hostile()
        #expect(CSVReport(results: document).render() == CSVReport(results: document).render())
        #expect(MarkdownReport(results: document).render() == MarkdownReport(results: document).render())
    }
}
