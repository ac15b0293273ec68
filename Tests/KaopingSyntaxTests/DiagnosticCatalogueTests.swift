import Foundation
import Testing

/// `docs/diagnostics.md` lists every diagnostic id the code can report, each under a `### Kdddd` heading, and
/// no id the code no longer reports.
@Suite("docs/diagnostics.md: one heading per diagnostic id")
struct DiagnosticCatalogueTests {
    /// Every id literal (`"K0230"`) in the Swift sources under `Sources/`.
    static func idsInSources() throws -> Set<String> {
        let sources = ProjectFolder.root.appendingPathComponent("Sources")
        let pattern = try Regex(#""(K[0-9]{4})""#)
        var ids: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { ids.insert(String(id)) }
            }
        }
        return ids
    }

    /// The id of every `### Kdddd …` heading of `docs/diagnostics.md`, in order.
    static func idsInCatalogue() throws -> [String] {
        let text = try String(contentsOf: ProjectFolder.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let heading = try Regex(#"^### (K[0-9]{4})\b"#)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            (try? heading.prefixMatch(in: line))?.output[1].substring.map(String.init)
        }
    }

    @Test("The sources report ids, and the scan finds them (a sanity check on the scan itself)")
    func scanFindsIds() throws {
        let ids = try Self.idsInSources()
        #expect(ids.contains("K0001"))
        #expect(ids.contains("K0101"))
        #expect(ids.contains("K0230"))
        #expect(ids.count > 50)
    }

    @Test("Every id in the sources has a heading in docs/diagnostics.md")
    func everyIdDocumented() throws {
        let documented = Set(try Self.idsInCatalogue())
        let missing = try Self.idsInSources().subtracting(documented).sorted()
        #expect(missing == [], "add a `### Kdddd` section to docs/diagnostics.md for each")
    }

    @Test("docs/diagnostics.md documents no id the sources no longer report")
    func noStaleIds() throws {
        let stale = Set(try Self.idsInCatalogue()).subtracting(try Self.idsInSources()).sorted()
        #expect(stale == [], "remove these sections from docs/diagnostics.md, or mark the id as retired elsewhere")
    }

    @Test("Each id has one heading, and the headings are in the order of their ids")
    func headingsUniqueAndOrdered() throws {
        let headings = try Self.idsInCatalogue()
        #expect(headings.count == Set(headings).count, "duplicated: \(headings.filter { id in headings.filter { $0 == id }.count > 1 })")
        #expect(headings == headings.sorted())
    }
}
