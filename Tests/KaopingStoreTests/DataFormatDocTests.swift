import Foundation
import KaopingStore
import Testing

/// docs/data-format.md is written for users from `CanonicalSchema`; these tests keep the two from drifting.
@Suite("docs/data-format.md documents the canonical schema")
struct DataFormatDocTests {
    let text: String

    init() throws {
        text = try String(contentsOf: ProjectFolder.root.appendingPathComponent("docs/data-format.md"), encoding: .utf8)
    }

    /// The section of a table: from its `### … `name`` heading to the next heading of that level.
    private func section(_ table: String) -> String? {
        let parts = text.components(separatedBy: "\n### ")
        return parts.first { $0.split(separator: "\n", maxSplits: 1).first?.contains("`\(table)`") == true }
    }

    /// The rows of a section's column table, keyed by the column name in the first cell.
    private func columnRows(_ section: String) -> [(name: String, line: String)] {
        section.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { line in
            let cell = line.dropFirst(3)
            guard let end = cell.firstIndex(of: "`") else { return nil }
            return (String(cell[..<end]), String(line))
        }
    }

    @Test("The file's mark and version are stated")
    func markAndVersion() {
        #expect(text.contains("0x" + String(CanonicalSchema.applicationID, radix: 16, uppercase: true)))
        #expect(text.contains(String(CanonicalSchema.applicationID)))
        #expect(text.contains("`PRAGMA user_version` is the schema version, currently `\(CanonicalSchema.version)`"))
        #expect(text.contains("# Kaoping data format — the canonical store (schema version \(CanonicalSchema.version))"))
    }

    @Test("Every canonical table has a section listing exactly its columns, in order", arguments: CanonicalSchema.tables.map(\.name))
    func columns(table: String) throws {
        let spec = try #require(CanonicalSchema.table(table))
        let body = try #require(section(table), "no section for `\(table)`")
        let rows = columnRows(body)
        #expect(rows.map(\.name) == spec.columns.map(\.name))
        for (column, row) in zip(spec.columns, rows) {
            #expect(row.line.contains(column.chinese), "\(table).\(column.name): Chinese meaning")
            #expect(row.line.contains(column.english), "\(table).\(column.name): English meaning")
            if !column.unit.isEmpty { #expect(row.line.contains(column.unit), "\(table).\(column.name): unit") }
            if !column.standard.isEmpty { #expect(row.line.contains(column.standard), "\(table).\(column.name): GB/T counterpart") }
            for code in column.codes { #expect(row.line.contains("`\(code)`"), "\(table).\(column.name): code \(code)") }
            #expect(row.line.contains("NOT NULL") == !column.nullable, "\(table).\(column.name): NOT NULL")
            for version in 2...CanonicalSchema.version {
                #expect(row.line.contains("(v\(version))") == (column.since == version), "\(table).\(column.name): version mark")
            }
        }
    }

    @Test("Each table's period column, or its absence, is stated", arguments: CanonicalSchema.tables.map(\.name))
    func periodColumn(table: String) throws {
        let spec = try #require(CanonicalSchema.table(table))
        let body = try #require(section(table))
        if let period = spec.periodColumn {
            #expect(body.contains("**Period column: `\(period)`.**"))
            #expect(text.contains("| `\(table)` | events | `\(period)` |"))
        } else {
            #expect(body.contains("State table (no period column"))
        }
        if let center = spec.centerColumn {
            #expect(body.contains("Center key: `\(center)`."))
        } else {
            #expect(body.contains("no center key"))
        }
    }

    @Test("The version history names every column added in version 2")
    func versionHistory() {
        let added = CanonicalSchema.tables.flatMap { table in table.columns.filter { $0.since == 2 }.map { "`\(table.name).\($0.name)`" } }
        #expect(added.count == 4)
        let line = text.split(separator: "\n").first { $0.hasPrefix("| 2 |") }.map(String.init) ?? ""
        for name in added { #expect(line.contains(name), "\(name)") }
    }

    @Test("The document has no section for a table the schema lacks")
    func noStaleTables() {
        let documented = text.components(separatedBy: "\n### 2.").dropFirst().compactMap { part -> String? in
            guard let open = part.firstIndex(of: "`") else { return nil }
            let rest = part[part.index(after: open)...]
            return rest.firstIndex(of: "`").map { String(rest[..<$0]) }
        }
        #expect(documented == CanonicalSchema.tables.map(\.name))
    }
}
