internal import CXLSXWriter
import Foundation

/// A thin owner of one libxlsxwriter workbook (workbook → worksheets → formats) that writes whole tables: a bold,
/// wrapped, frozen header row, the rows under an autofilter, bold total rows and notes below them, column widths
/// fitted to the text, and a landscape A4 print setup one page wide with the header repeated on every page.
///
/// libxlsxwriter writes nothing until `close()`; the workbook is freed by `close()`, or when the value goes away
/// unclosed (after an error).
final class XLSXWorkbook {
    /// One cell: text (shown through `SafeText.cell`, characters XML cannot hold made visible), a number with its
    /// format, a China-time day or time, or nothing.
    enum Cell: Equatable {
        case text(String)
        case number(Double, NumberFormat)
        /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`, written as a date cell (as text when it is not one).
        case time(String)
        case empty

        /// A count.
        static func integer(_ value: Int) -> Cell { .number(Double(value), .integer) }

        /// Cents as points (`0.00`).
        static func cents(_ value: Int) -> Cell { .number(Double(value) / 100, .points) }
    }

    /// Excel number formats, by their format string.
    enum NumberFormat: String {
        case integer = "0"
        case signedInteger = "+0;-0;0"
        case points = "0.00"
        case signedPoints = "+0.00;-0.00;0.00"
        case percent = "0.0%"
        case date = "yyyy-mm-dd"
        case dateTime = "yyyy-mm-dd hh:mm:ss"
    }

    /// One sheet's content.
    struct Table {
        var name: String
        var headers: [String]
        var rows: [[Cell]]
        /// Bold rows below the filtered rows (a total row stays at the bottom when the rows are sorted).
        var totals: [[Cell]] = []
        /// Lines below the table, after an empty row: a legend.
        var notes: [String] = []
    }

    private enum Style: Hashable {
        case header, note
        case text(bold: Bool, layout: TextLayout)
        case number(NumberFormat, bold: Bool)
    }

    /// How a column's text sits: short codes and names centred, long text wrapped, the rest left.
    private enum TextLayout: Hashable { case left, centered, wrapped }

    /// A Chinese-capable font every Excel and WPS in China has, with the GB2312 character set.
    static let fontName = "宋体"
    /// Column widths, in the width of a digit (before a margin of 2): the narrowest, the widest (its text wrapped),
    /// and the widest whose text is centred.
    static let columnWidth = (minimum: 6, maximum: 60, centered: 12)
    /// Excel's limits: rows per sheet, characters per cell, characters per sheet name.
    static let maxRows = 1_048_576
    static let maxTextLength = 32_000
    static let maxSheetName = 31
    /// The height of a line of 11-point text, in points.
    static let lineHeight = 15.0

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// The file errors name.
    private let path: String
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []

    /// A workbook to be written to `file`, its parts staged in `scratch` (a folder the caller removes); errors name
    /// `path`, the file the caller writes it for.
    init(writingTo file: String, for path: String, scratch: String) throws {
        self.path = path
        var options = lxw_workbook_options()
        // libxlsxwriter copies the folder's name.
        handle = scratch.withCString { folder in
            options.tmpdir = UnsafeMutablePointer(mutating: folder)
            return workbook_new_opt(file, &options)
        }
        if handle == nil { throw XLSXReportError(path: path, step: .creating, reason: "out of memory") }
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    /// Sets the document's title, author and creation time (Unix seconds, never 0: libxlsxwriter reads 0 as now).
    func setProperties(title: String, author: String, created: Int) throws {
        let title = strdup(Self.shown(title))
        let author = strdup(author)
        defer {
            free(title)
            free(author)
        }
        var properties = lxw_doc_properties()
        properties.title = title
        properties.author = author
        properties.created = time_t(created)
        try check(workbook_set_properties(handle, &properties), .properties)
    }

    /// Adds `table` as the next sheet, under its name made valid and unique.
    func add(_ table: Table) throws {
        let name = uniqueName(table.name)
        guard let worksheet = workbook_add_worksheet(handle, name) else {
            throw XLSXReportError(path: path, step: .sheet(name), reason: "invalid sheet name")
        }
        let table = Self.shown(table)
        let widths = Self.columnWidths(table)
        let layouts = widths.map {
            $0 <= Self.columnWidth.centered ? TextLayout.centered : $0 >= Self.columnWidth.maximum ? .wrapped : .left
        }
        let sheet = Sheet(handle: worksheet, name: name, layouts: layouts)
        let lastRow = try writeCells(of: table, in: sheet, widths: widths)
        try layout(sheet, widths: widths, headers: table.headers, lastRow: lastRow)
    }

    /// Writes the file; the workbook is freed whatever happens.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        try check(workbook_close(handle), .saving)
    }

    /// `table` with its text as the cells show it (`SafeText.cell`, then `shown(_:)`), so that the widths fit it.
    private static func shown(_ table: Table) -> Table {
        let show = { (text: String) in shown(SafeText.cell(text)) }
        let cells = { (cells: [Cell]) in
            cells.map { cell -> Cell in
                if case .text(let text) = cell { return .text(show(text)) }
                return cell
            }
        }
        return Table(
            name: table.name, headers: table.headers.map(show), rows: table.rows.map(cells), totals: table.totals.map(cells),
            notes: table.notes.map(show))
    }

    /// Writes the header, the rows (as many as a sheet holds, saying so when they do not all fit), the totals and the
    /// notes; returns the last row under the autofilter.
    private func writeCells(of table: Table, in sheet: Sheet, widths: [Int]) throws -> Int {
        for (column, header) in table.headers.enumerated() {
            try write(.text(header), in: sheet, row: 0, column: column, role: .header)
        }
        // Room for the header, the totals, an empty row and the notes (one more when the rows do not fit).
        let room = Self.maxRows - 3 - table.totals.count - table.notes.count
        let lastRow = min(table.rows.count, room)
        var row = 0
        for (index, values) in (table.rows.prefix(room) + table.totals).enumerated() {
            row += 1
            for (column, cell) in values.enumerated() {
                try write(cell, in: sheet, row: row, column: column, role: index < lastRow ? .body : .total)
            }
            try fitHeight(of: row, values, in: sheet, widths: widths)
        }
        var notes = table.notes
        if table.rows.count > room { notes.insert("仅列出前 \(room) 行（共 \(table.rows.count) 行，超出 Excel 每表的行数上限）。", at: 0) }
        row += 1
        for note in notes {
            row += 1
            try write(.text(note), in: sheet, row: row, column: 0, role: .note)
        }
        return lastRow
    }

    // MARK: - Cells

    /// A sheet being written, its name for errors, and how each column's text sits.
    private struct Sheet {
        let handle: UnsafeMutablePointer<lxw_worksheet>
        let name: String
        let layouts: [TextLayout]
    }

    /// Where a cell stands, which decides its format.
    private enum Role { case header, body, total, note }

    /// Writes `cell` (its text as shown).
    private func write(_ cell: Cell, in sheet: Sheet, row: Int, column: Int, role: Role) throws {
        let (at, to) = (lxw_row_t(row), lxw_col_t(column))
        let bold = role == .total
        let text = Style.text(bold: bold, layout: column < sheet.layouts.count ? sheet.layouts[column] : .left)
        let error: lxw_error
        switch cell {
        case .text(let value):
            let style = role == .header ? .header : role == .note ? .note : text
            error = worksheet_write_string(sheet.handle, at, to, value, format(style))
        case .number(let value, let numberFormat) where value.isFinite:
            error = worksheet_write_number(sheet.handle, at, to, value, format(.number(numberFormat, bold: bold)))
        case .time(let value):
            guard var time = Self.datetime(value) else { return try write(.text(value), in: sheet, row: row, column: column, role: role) }
            let numberFormat: NumberFormat = value.count > 10 ? .dateTime : .date
            error = worksheet_write_datetime(sheet.handle, at, to, &time, format(.number(numberFormat, bold: bold)))
        case .number, .empty:
            error = worksheet_write_blank(sheet.handle, at, to, format(text))
        }
        try check(error, .cell(sheet: sheet.name, row: row, column: column))
    }

    /// Makes `row` tall enough for the lines of its wrapped text (neither Excel nor LibreOffice fits the height of a
    /// row libxlsxwriter wrote).
    private func fitHeight(of row: Int, _ cells: [Cell], in sheet: Sheet, widths: [Int]) throws {
        var lines = 1
        for (column, cell) in cells.enumerated() where column < widths.count && sheet.layouts[column] == .wrapped {
            if case .text(let text) = cell { lines = max(lines, Self.lines(text, width: widths[column])) }
        }
        guard lines > 1 else { return }
        try check(worksheet_set_row(sheet.handle, lxw_row_t(row), Double(lines) * Self.lineHeight, nil), .layout(sheet.name))
    }

    /// The columns' widths, the header row tall enough for its lines, frozen, under an autofilter, and the print
    /// setup.
    private func layout(_ target: Sheet, widths: [Int], headers: [String], lastRow: Int) throws {
        let (sheet, name) = (target.handle, target.name)
        var lines = 1
        for (column, header) in headers.enumerated() {
            lines = max(lines, Self.lines(header, width: widths[column]))
            try check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(widths[column] + 2), nil), .layout(name))
        }
        try check(worksheet_set_row(sheet, 0, Double(lines) * Self.lineHeight + 3, nil), .layout(name))
        worksheet_freeze_panes(sheet, 1, 0)
        if !headers.isEmpty {
            try check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(lastRow), lxw_col_t(headers.count - 1)), .layout(name))
        }
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)  // A4
        worksheet_fit_to_pages(sheet, 1, 0)
        worksheet_set_margins(sheet, 0.4, 0.4, 0.6, 0.6)
        try check(worksheet_repeat_rows(sheet, 0, 0), .layout(name))
        try check(worksheet_set_header(sheet, "&C&A"), .layout(name))
        try check(worksheet_set_footer(sheet, "&C第 &P 页，共 &N 页"), .layout(name))
    }

    /// The format of `style`, made once per workbook.
    private func format(_ style: Style) -> UnsafeMutablePointer<lxw_format>? {
        if let made = formats[style] { return made }
        guard let format = workbook_add_format(handle) else { return nil }
        format_set_font_name(format, Self.fontName)
        format_set_font_charset(format, 134)
        format_set_font_size(format, 11)
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        if style != .note { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        switch style {
        case .header:
            format_set_bold(format)
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_bg_color(format, 0xD9E1F2)
        case .note: break
        case .text(let bold, let layout):
            if bold { format_set_bold(format) }
            if layout == .centered { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
            if layout == .wrapped { format_set_text_wrap(format) }
        case .number(let numberFormat, let bold):
            format_set_num_format(format, numberFormat.rawValue)
            if bold { format_set_bold(format) }
        }
        formats[style] = format
        return format
    }

    private func check(_ error: lxw_error, _ step: XLSXReportError.Step) throws {
        guard error != LXW_NO_ERROR else { return }
        throw XLSXReportError(path: path, step: step, reason: String(cString: lxw_strerror(error)))
    }

    /// `name` without the characters a sheet name cannot hold, at most 31 characters, unlike every earlier name
    /// (Excel compares them ignoring case).
    private func uniqueName(_ name: String) -> String {
        let forbidden = Set("[]:*?/\\'".unicodeScalars)
        var base = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { forbidden.contains($0) || !Self.isXMLCharacter($0) || SafeText.isBidiControl($0) ? "_" : $0 }))
        if base.isEmpty { base = "Sheet" }
        var candidate = Self.prefix(base, utf16: Self.maxSheetName)
        var counter = 1
        while sheetNames.contains(candidate.lowercased()) {
            counter += 1
            let suffix = "（\(counter)）"
            candidate = Self.prefix(base, utf16: Self.maxSheetName - suffix.utf16.count) + suffix
        }
        sheetNames.insert(candidate.lowercased())
        return candidate
    }
}
