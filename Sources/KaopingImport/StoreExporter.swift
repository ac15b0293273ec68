import Foundation
import KaopingStore
import KaopingSyntax

/// Writes a store as a folder of exports that `kaoping import --db NEW.sqlite FOLDER` reads back into the same rows
/// (issue 22, point 8: `kaoping demo --export`): one CSV per table that holds rows, with the Chinese headers of the
/// shipped mapping it is read with (`Rules/mappings/`, built into Kaoping and copied into `FOLDER/mappings/`), each
/// year's working-day calendar in the text form of `Rules/calendars/` (`FOLDER/calendars/`), and `import.manifest`
/// naming them all. Rows are written in the store's order, units before the units and rows that name them, so a
/// new store numbers them as this one does.
public struct StoreExporter {
    /// One file of the export: the table it holds, its name, the shipped mapping that reads it and its encoding.
    public struct File: Sendable, Equatable {
        public let table: String
        public let name: String
        public let mapping: String
        public let encoding: TextEncoding
    }

    /// The files an export is made of, in the order they are written: the cases in GB18030 (as the provincial
    /// platform writes them), the others in UTF-8 with a byte-order mark; the reviews as the provincial feed codes
    /// them (满意度 5 = 非常满意, the other way round from GB/T 39046).
    public static let files: [File] = [
        File(table: "centers", name: "单位.csv", mapping: "province-centers.mapping", encoding: .utf8),
        File(table: "integrations", name: "系统对接.csv", mapping: "province-integrations.mapping", encoding: .utf8),
        File(table: "catalog", name: "事项目录.csv", mapping: "gbt39046-catalog.mapping", encoding: .utf8),
        File(table: "items", name: "实施事项.csv", mapping: "province-items.mapping", encoding: .utf8),
        File(table: "cases", name: "办件.csv", mapping: "province-cases.mapping", encoding: .gb18030),
        File(table: "reviews", name: "评价.csv", mapping: "province-reviews.mapping", encoding: .utf8),
        File(table: "inspections", name: "明察暗访.csv", mapping: "province-inspections.mapping", encoding: .utf8),
        File(table: "complaints", name: "投诉.csv", mapping: "province-complaints.mapping", encoding: .utf8),
        File(table: "assessor_findings", name: "考评组检查发现.csv", mapping: "assessor-findings.mapping", encoding: .utf8),
    ]

    /// A problem that stops the export (a built-in mapping that does not load).
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    let store: Store
    /// The value of a personal column (`table`, source header) for the next row: personal data is never in a store,
    /// so an export makes it up (the demo draws plausible values from its seed). Called once per row and column, in
    /// the order the rows are written.
    public var personal: (_ table: String, _ column: String) -> String = { _, _ in "" }
    /// Comment lines at the top of `import.manifest` (without `#`).
    public var comment: [String] = []

    public init(store: Store) {
        self.store = store
    }

    /// Writes the export into `folder` (created when missing; files of the same names replaced).
    public func write(to folder: String) throws -> ExportSummary {
        let files = FileManager.default
        for sub in ["", "mappings", "calendars"] {
            try files.createDirectory(atPath: (folder as NSString).appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let tables = Set(try store.tableNames())
        let centers = try store.database.query("SELECT id, code FROM centers").compactMap { row -> (id: Int64, code: String)? in
            guard case .integer(let id) = row[0], case .text(let code) = row[1] else { return nil }
            return (id, code)
        }
        var summary = ExportSummary()
        var manifest = comment.map { "# " + $0 }
        manifest += try writeCalendars(folder, summary: &summary)
        for file in Self.files where tables.contains(file.table) {
            guard try store.database.scalar("SELECT EXISTS (SELECT 1 FROM \(quoteIdentifier(file.table)))") == .integer(1) else { continue }
            let (mapping, declaration, text) = try Self.load(file.mapping, table: file.table)
            let writer = MappingWriter(mapping: mapping, declaration: declaration, centers: centers)
            let rows = try write(file, writer: writer, to: (folder as NSString).appendingPathComponent(file.name), summary: &summary)
            try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("mappings/" + file.mapping)))
            manifest.append("import \"\(file.name)\" with \"mappings/\(file.mapping)\"")
            summary.files.append(.init(file: file.name, table: file.table, rows: rows, encoding: file.encoding))
        }
        let exported = Set(summary.files.map(\.table) + ["calendar", "kaoping_meta"])
        for table in tables.sorted() where !exported.contains(table) {
            if try store.database.scalar("SELECT EXISTS (SELECT 1 FROM \(quoteIdentifier(table)))") == .integer(1) {
                summary.leftOut.append(table)
            }
        }
        try Data((manifest.joined(separator: "\n") + "\n").utf8).write(
            to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(ImportManifest.fileName)))
        return summary
    }

    /// The built-in mapping `name` for `table`, checked, with its declaration (for the order of its codes) and its text.
    static func load(_ name: String, table: String) throws -> (Mapping, MappingDeclaration?, String) {
        guard let text = builtInMappings.first(where: { $0.name == name })?.text else {
            throw Problem(description: "Kaoping has no built-in mapping \(name)")
        }
        let source = SourceFile(name: name, text: text)
        guard let mapping = MappingChecker.load(source).mappings?.first(where: { $0.table == table }) else {
            throw Problem(description: "the built-in mapping \(name) does not load for \(table)")
        }
        let declaration = MappingParser.parse(source).file.mappings.first { $0.table.text == table }
        return (mapping, declaration, text)
    }

    /// Writes one table's rows in the store's order; the number written.
    private func write(_ file: File, writer: MappingWriter, to path: String, summary: inout ExportSummary) throws -> Int {
        try Data().write(to: URL(fileURLWithPath: path))
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var chunk = file.encoding == .utf8 ? "\u{FEFF}" : ""
        let flush = {
            let bytes = Array(chunk.utf8)
            try handle.write(contentsOf: file.encoding == .gb18030 ? try GB18030Encoder.encode(bytes) : bytes)
            chunk = ""
        }
        chunk += writer.header.map(MappingWriter.csv).joined(separator: ",") + "\r\n"
        let statement = try store.database.prepare(
            "SELECT \(writer.selected.map(quoteIdentifier).joined(separator: ", ")) FROM \(quoteIdentifier(file.table)) ORDER BY rowid")
        var rows = 0
        var problems: [(column: String, reason: String)] = []
        while try statement.step() {
            rows += 1
            let values = writer.selected.indices.map { statement.value($0) }
            let fields = writer.fields(values, ordinal: Int64(rows), personal: { personal(file.table, $0) }, problems: &problems)
            for problem in problems { summary.problem("\(file.table).\(problem.column) 第 \(rows) 行 (row \(rows)): \(problem.reason)") }
            problems.removeAll(keepingCapacity: true)
            chunk += fields.map(MappingWriter.csv).joined(separator: ",") + "\r\n"
            if chunk.utf8.count > 1 << 20 { try flush() }
        }
        try flush()
        return rows
    }

    /// Each year's calendar rows, the province's and each region's, as a calendar file (`holiday` for a weekday off,
    /// `workday` for a weekend day worked); the manifest's lines for them.
    private func writeCalendars(_ folder: String, summary: inout ExportSummary) throws -> [String] {
        var years: [String?: [Int: [(CivilDay, Bool)]]] = [:]
        for row in try store.database.query("SELECT day, is_workday, region FROM calendar ORDER BY region, day") {
            guard let text = row[0].text, let day = CivilDay(text) else { continue }
            years[row[2].text, default: [:]][day.components.year, default: []].append((day, row[1].integer == 1))
        }
        var lines: [String] = []
        for region in years.keys.sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
            for (year, days) in (years[region] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let length = CivilDay.isLeap(year) ? 366 : 365
                if days.count != length {
                    summary.problem(
                        "calendar \(year)\(region.map { "（\($0)）" } ?? ""): 只有 \(days.count) 天，导入时按整年写入 (\(days.count) days; an import writes the whole year)"
                    )
                }
                var text = [
                    "# \(year) 年工作日历\(region.map { "（\($0)）" } ?? "")，由数据库的 calendar 表写出：周一至周五休息为 holiday，周六、周日上班为 workday。",
                    "year \(year)",
                ]
                for (day, isWorkday) in days where isWorkday == day.isWeekend {
                    text.append(isWorkday ? "workday \(day) 调休上班" : "holiday \(day) 休息")
                }
                let name = "calendars/\(year)\(region.map { "-" + $0 } ?? "").txt"
                try Data((text.joined(separator: "\n") + "\n").utf8).write(
                    to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
                lines.append("calendar \"\(name)\"" + (region.map { " region \"\($0)\"" } ?? ""))
                summary.calendars.append(name)
            }
        }
        return lines
    }
}

/// What an export wrote, and what it could not write faithfully.
public struct ExportSummary: Sendable {
    public struct Written: Sendable, Equatable {
        public let file: String
        public let table: String
        public let rows: Int
        public let encoding: TextEncoding
    }

    public var files: [Written] = []
    /// The calendar files written (`calendars/YEAR.txt`).
    public var calendars: [String] = []
    /// Tables with rows that no file of the export holds.
    public var leftOut: [String] = []
    /// Values that would not read back the same (the first 20), and how many there were.
    public var problems: [String] = []
    public var problemCount = 0

    mutating func problem(_ text: String) {
        problemCount += 1
        if problems.count < 20 { problems.append(text) }
    }
}
