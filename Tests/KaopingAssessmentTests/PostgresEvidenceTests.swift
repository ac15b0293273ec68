import Foundation
import KaopingCheck
import KaopingEval
import KaopingPostgres
import KaopingResults
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// The records that cost points, picked in PostgreSQL (one statement per table, `SQLCompiler.evidenceRowsSQL`), are
/// those the native scan names: the same keys in the same order, counts and values shown, whatever the limit, on
/// canonical tables and on an extra table named by its rowid.
@Suite("The records that cost points, from PostgreSQL", .serialized)
struct PostgresEvidenceTests {
    @Test("An evidence limit of 0: every count and no record; an extra table's records by rowid (Yinchuan), --all included")
    func limitAndExtraTable() throws {
        let path = try ShippedRules.demo.get()
        try PostgresDemoStore.withCopy(of: path, test: "evidence limit 0, extra table", extraTables: true) { connectionString in
            let store = try Store.open(at: path, readOnly: true)
            let postgres = try PostgresStore.open(connectionString)
            let options = EvaluationOptions(columnCache: false)

            let jiangsu = try RuleLoader.load(path: ShippedRules.path("Rules/jiangsu-2024.rules"))
            var plan = try #require(Checker.check(jiangsu.files, schema: try SchemaCatalog(store: store)).plan)
            plan.evidenceLimit = 0
            let native = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "x", options: options)
            let inDatabase = try PostgresEvaluator.evaluate(plan: plan, store: postgres, rulesSHA256: "x")
            let limited = Self.compare(native, inDatabase)
            #expect(limited.named == 0 && limited.counted > 10_000, "\(limited)")

            let yinchuan = try RuleLoader.load(path: ShippedRules.path("Rules/examples/yinchuan-branch-halls.rules"))
            let nativePlan = try #require(Checker.check(yinchuan.files, schema: try SchemaCatalog(store: store)).plan)
            let postgresPlan = try #require(Checker.check(yinchuan.files, schema: try PostgresEvaluator.catalog(postgres)).plan)
            #expect(nativePlan.scans.contains { $0.table == "assessor_findings" && $0.keySlot != nil })
            let nativeResults = try Evaluator.evaluate(plan: nativePlan, store: store, rulesSHA256: "x", options: options)
            let postgresResults = try PostgresEvaluator.evaluate(plan: postgresPlan, store: postgres, rulesSHA256: "x")
            let extra = Self.compare(nativeResults, postgresResults)
            #expect(extra.named > 100, "\(extra)")

            // `kaoping sql --evidence --dialect postgresql` lists the extra table's records by rowid too: all of them, the
            // first ones those the native run names.
            var listed: [String: [String]] = [:]
            for row in try postgres.connection.query(try SQLCompiler(plan: postgresPlan, dialect: .postgresql).compileEvidence()) {
                listed["\(row[0] ?? "")/\(row[1] ?? "")", default: []].append(row[2] ?? "")
            }
            var compared = 0
            for center in nativeResults.centers {
                for indicator in center.indicators {
                    guard let count = indicator.evidenceCount, let evidence = indicator.evidence else { continue }
                    let records = listed["\(center.code)/\(indicator.id)"] ?? []
                    #expect(records.count == count, "\(center.code) \(indicator.id)")
                    #expect(Array(records.prefix(evidence.count)) == evidence.map(\.key), "\(center.code) \(indicator.id)")
                    compared += count
                }
            }
            #expect(compared > 100)

            // --all: every record of a center that lost points on the extra table, read both ways.
            let leadership = nativeResults.centers.max {
                ($0.indicators.first?.evidenceCount ?? 0) < ($1.indicators.first?.evidenceCount ?? 0)
            }
            let code = try #require(leadership?.code)
            let a = try Evaluator.explain(plan: nativePlan, store: store, center: code, all: true, rulesSHA256: "x", options: options)
            let b = try PostgresEvaluator.explain(plan: postgresPlan, store: postgres, center: code, all: true, rulesSHA256: "x")
            #expect(a.records.keys.sorted() == b.records.keys.sorted())
            #expect(a.records.keys.count > 1)
            for (owner, found) in a.records {
                #expect(b.records[owner]?.records == found.records && b.records[owner]?.count == found.count, "\(code) \(owner)")
            }
            #expect(a.records.values.contains { $0.count > 0 })
        }
    }

    /// Compares the records two documents name, every center's under every indicator, adjustment and veto; returns how
    /// many records were compared, how many were counted, and how many owners named none for a center (count 0).
    static func compare(_ native: ResultsDocument, _ other: ResultsDocument) -> (named: Int, counted: Int, none: Int) {
        var (named, counted, none) = (0, 0, 0)
        #expect(native.centers.map(\.code) == other.centers.map(\.code))
        for (a, b) in zip(native.centers, other.centers) {
            var pairs: [(String, [EvidenceRecord]?, Int?, [EvidenceRecord]?, Int?)] = []
            for (x, y) in zip(a.indicators, b.indicators) { pairs.append((x.id, x.evidence, x.evidenceCount, y.evidence, y.evidenceCount)) }
            for (x, y) in zip(a.adjustments, b.adjustments) {
                pairs.append((x.id, x.evidence, x.evidenceCount, y.evidence, y.evidenceCount))
            }
            if let x = a.veto, let y = b.veto { pairs.append((x.id, x.evidence, x.evidenceCount, y.evidence, y.evidenceCount)) }
            #expect((a.veto == nil) == (b.veto == nil), "\(a.code) veto")
            for (id, nativeRecords, nativeCount, records, count) in pairs {
                #expect(records == nativeRecords, "\(a.code) \(id): records")
                #expect(count == nativeCount, "\(a.code) \(id): \(String(describing: count)) vs \(String(describing: nativeCount))")
                named += nativeRecords?.count ?? 0
                counted += nativeCount ?? 0
                if nativeCount == 0 {
                    none += 1
                    #expect(records == [] && count == 0, "\(a.code) \(id): no record, none named")
                }
            }
        }
        return (named, counted, none)
    }
}
