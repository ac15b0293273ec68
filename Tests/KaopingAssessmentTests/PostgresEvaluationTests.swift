import Foundation
import KaopingCheck
import KaopingEval
import KaopingPostgres
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// `kaoping run --db postgresql://…` (issue 23, point 2): the demo store copied into PostgreSQL and assessed there
/// gives the results the native path gives on the SQLite store, the records that cost points included.
@Suite("An assessment in PostgreSQL agrees with the native one", .serialized)
struct PostgresEvaluationTests {
    @Test("Jiangsu 2024 on the demo: the same points, totals, grades, ranks, populations, measures, records and data digest")
    func sameResults() throws {
        let path = try ShippedRules.demo.get()
        try PostgresDemoStore.withCopy(of: path, test: "the same results") { connectionString in
            let store = try Store.open(at: path, readOnly: true)
            let loader = try RuleLoader.load(path: ShippedRules.path("Rules/jiangsu-2024.rules"))
            let plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
            let clock = ContinuousClock()
            var native = ResultsDocument(assessment: ShippedRules.emptyAssessment, centers: [])
            let nativeTime = try clock.measure {
                native = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "x", options: EvaluationOptions(columnCache: false))
            }
            let postgres = try PostgresStore.open(connectionString)
            let postgresCatalog = try PostgresEvaluator.catalog(postgres)
            // Every canonical table of the SQLite store, typed the same (its extra tables are not copied; the PostgreSQL
            // store also holds the canonical tables the demo leaves out).
            for table in try SchemaCatalog(store: store).tables where CanonicalSchema.table(table.name) != nil {
                #expect(postgresCatalog.table(table.name) == table, "\(table.name)")
            }
            var inDatabase = ResultsDocument(assessment: ShippedRules.emptyAssessment, centers: [])
            let postgresTime = try clock.measure {
                inDatabase = try PostgresEvaluator.evaluate(plan: plan, store: postgres, rulesSHA256: "x")
            }
            print("Jiangsu 2024 on the demo: native \(nativeTime), PostgreSQL \(postgresTime)")
            #expect(native.centers.count > 1000)
            #expect(inDatabase.centers.map(\.code) == native.centers.map(\.code))
            for (a, b) in zip(native.centers, inDatabase.centers) {
                #expect(a.total == b.total && a.grade == b.grade && a.rank == b.rank && a.base == b.base, "\(a.code)")
                for (x, y) in zip(a.indicators, b.indicators) {
                    #expect(x.points == y.points && x.status == y.status, "\(a.code) \(x.id) points")
                    #expect(x.population == y.population && x.numerator == y.numerator, "\(a.code) \(x.id) population")
                    #expect(
                        PostgresEvaluationTests.close(x.measure, y.measure),
                        "\(a.code) \(x.id): \(String(describing: x.measure)) vs \(String(describing: y.measure))")
                }
            }
            // The records that cost points: every center's, every indicator's, adjustment's and veto's, the same keys
            // in the same order, the same counts and the same values shown.
            let records = PostgresEvidenceTests.compare(native, inDatabase)
            #expect(records.named > 10_000 && records.none > 100, "\(records)")
            try Self.expectSame(native, inDatabase)
            #expect(inDatabase.assessment.dataDigest == native.assessment.dataDigest)
            #expect(inDatabase.dataQuality == native.dataQuality)
            #expect(inDatabase.dataCoverage == native.dataCoverage)
            #expect(inDatabase.overview?.findings == native.overview?.findings)
        }
    }

    /// A run in PostgreSQL's `results.json` against the native run's: every measure equal to 1e-12, then, with the
    /// measures (and the sentences that show them) taken from one side, the whole document the same to the byte
    /// except the stamp, which names the database read — its host, port and name, no user, no password — where a
    /// SQLite file's names none.
    static func expectSame(_ native: ResultsDocument, _ inDatabase: ResultsDocument) throws {
        var expected = native
        for center in expected.centers.indices where center < inDatabase.centers.count {
            for indicator in expected.centers[center].indicators.indices {
                let measure = inDatabase.centers[center].indicators[indicator].measure
                #expect(close(expected.centers[center].indicators[indicator].measure, measure))
                expected.centers[center].indicators[indicator].measure = measure
                expected.centers[center].indicators[indicator].scoring = inDatabase.centers[center].indicators[indicator].scoring
            }
        }
        #expect(native.assessment.dataSource == nil)
        let source = try #require(inDatabase.assessment.dataSource)
        #expect(source.kind == "postgresql" && !source.port.isEmpty && source.database.hasPrefix("kaoping_"), "\(source)")
        expected.assessment.dataSource = source
        #expect(inDatabase.json == expected.json)
    }

    /// Two measures equal to 1e-12 of the larger (both absent, or both present).
    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
        default: return false
        }
    }
}
