import Foundation
import KaopingReport
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A workbook written by `XLSXReport` and read back: its parts, its sheets in order and their cells, shared strings
/// resolved.
struct XLSXBook {
    /// A cell as stored: text (a shared string), a number, or nothing.
    enum Value: Equatable, CustomStringConvertible {
        case text(String)
        case number(Double)
        case empty

        var number: Double? {
            if case .number(let value) = self { return value }
            return nil
        }

        var description: String {
            switch self {
            case .text(let text): return text
            case .number(let number): return "\(number)"
            case .empty: return ""
            }
        }
    }

    let parts: [String: Data]
    let sheetNames: [String]
    /// Per sheet name, its cells by row and column.
    private let cells: [String: [Int: [Int: Value]]]

    init(_ report: XLSXReport) throws {
        let folder = try XLSXReportTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.xlsx"
        try report.write(to: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
        let strings = XMLCollector.collect(parts["xl/sharedStrings.xml"] ?? Data()).strings
        sheetNames = XMLCollector.collect(parts["xl/workbook.xml"] ?? Data()).sheets
        var cells: [String: [Int: [Int: Value]]] = [:]
        for (index, name) in sheetNames.enumerated() {
            let sheet = XMLCollector.collect(parts["xl/worksheets/sheet\(index + 1).xml"] ?? Data())
            for cell in sheet.cells {
                let value: Value =
                    switch (cell.type, cell.value) {
                    case (_, nil): .empty
                    case ("s", let index?): .text(strings[Int(index) ?? -1])
                    case (_, let number?): .number(Double(number) ?? .nan)
                    }
                cells[name, default: [:]][cell.row, default: [:]][cell.column] = value
            }
        }
        self.cells = cells
    }

    /// A part's text.
    func xml(_ path: String) throws -> String {
        String(decoding: try #require(parts[path], "no part \(path)"), as: UTF8.self)
    }

    /// The part holding the sheet called `name`.
    func path(of name: String) -> String {
        "xl/worksheets/sheet\((sheetNames.firstIndex(of: name) ?? -1) + 1).xml"
    }

    /// Row `row` (0: the header) of a sheet, up to its last cell.
    func row(_ row: Int, of sheet: String) -> [Value] {
        let values = cells[sheet]?[row] ?? [:]
        guard let last = values.keys.max() else { return [] }
        return (0...last).map { values[$0] ?? .empty }
    }

    /// The cells under `header` down to the first empty row (the notes come after it).
    func column(_ header: String, of sheet: String) -> [Value] {
        guard let column = row(0, of: sheet).firstIndex(of: .text(header)) else { return [] }
        var values: [Value] = []
        var row = 1
        while let cells = cells[sheet]?[row], !cells.isEmpty {
            values.append(cells[column] ?? .empty)
            row += 1
        }
        return values
    }
}

/// Collects what the tests read from a part: shared strings, sheet names, and cells (reference, type, value).
private final class XMLCollector: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var sheets: [String] = []
    var cells: [(row: Int, column: Int, type: String?, value: String?)] = []
    private var text: String?
    private var cell: (row: Int, column: Int, type: String?)?
    private var value: String?

    static func collect(_ data: Data) -> XMLCollector {
        let collector = XMLCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "si": text = ""
        case "sheet": sheets.append(attributes["name"] ?? "")
        case "c": cell = Self.position(attributes["r"] ?? "").map { ($0.row, $0.column, attributes["t"]) }
        case "v": value = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if value != nil { value? += string } else if text != nil { text? += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si":
            strings.append(text ?? "")
            text = nil
        case "c":
            if let cell { cells.append((cell.row, cell.column, cell.type, value)) }
            (cell, value) = (nil, nil)
        default: break
        }
    }

    /// `B3` as row 2, column 1.
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        let letters = reference.prefix { $0.isLetter }
        guard let row = Int(reference.dropFirst(letters.count)) else { return nil }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return (row - 1, column - 1)
    }
}
