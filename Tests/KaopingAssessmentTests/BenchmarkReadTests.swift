import Foundation
import KaopingCheck
import KaopingStore
import KaopingSyntax
import Testing

@testable import KaopingEval

/// The benchmark's raw read must read what the evaluator reads: `Benchmarks/*.read.sql` hold the SELECT of
/// each scan of `six.rules` and of the default rules, and must change when the rules or the scans do.
@Suite("The benchmark's raw-read queries are the evaluator's scans")
struct BenchmarkReadTests {
    @Test(
        "Each .read.sql is the scans of its rule file",
        arguments: [("Benchmarks/six.rules", "Benchmarks/six.read.sql"), ("Rules/jiangsu-2024.rules", "Benchmarks/jiangsu-2024.read.sql")])
    func readQueries(rules: String, queries: String) throws {
        let store = try Store.open(at: try ShippedRules.demo.get(), readOnly: true)
        let loader = try RuleLoader.load(path: ShippedRules.path(rules))
        let plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
        let expected = plan.scans.map { ScanQuery.select(table: $0.table, columns: $0.columns, joins: $0.joins) + ";" }
        var text = try String(contentsOfFile: ShippedRules.path(queries), encoding: .utf8)
        if ProcessInfo.processInfo.environment["KAOPING_REGENERATE"] != nil {
            // Keeps the file's comment lines, replaces its queries.
            let comments = text.split(separator: "\n").filter { $0.hasPrefix("--") }.map(String.init)
            text = (comments + expected).joined(separator: "\n") + "\n"
            try text.write(toFile: ShippedRules.path(queries), atomically: true, encoding: .utf8)
        }
        let written = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("--") && !$0.isEmpty }
        #expect(written == expected, "regenerate \(queries) from the scans of \(rules)")
    }
}
