import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// The thread count and the chunk size never change a result (issue 7): the same store and rules give a
/// byte-identical results.json however the scan is split.
@Suite("Evaluation is deterministic across threads and chunk sizes")
struct DeterminismTests {
    /// Rules whose sums and averages are of doubles that do not add up exactly (0.1, 1/3, …), so a
    /// different order of addition would show in the last bits.
    static let rules = """
        assessment "确定性" {
          period 2024-01-01 .. 2024-12-31
          grades { 优秀 >= 90; 合格 >= 60; 不合格 }
          rank by total within level
        }
        indicator mean_time "平均办理时长" {
          points 40
          from cases where status == "finished"
          measure avg(hours(accepted_at, finished_at) / 3 + paused_days * 0.1)
          score 40 - measure / 10
          when empty: zero
        }
        indicator spread "时长总和" {
          points 30
          from cases
          measure sum(case kind { "promised" -> promised_days / 7; else -> 0.1 }) / (count() + 1)
          score linear { 0 -> 30; 5 -> 0 }
          when empty: zero
        }
        indicator late "超期率" {
          points 30
          from cases where status == "finished" and kind == "promised"
          measure rate(workdays(accepted_at, finished_at) - paused_days > promised_days)
          score linear { 0% -> 30; 20% -> 0 }
          when empty: not_applicable
        }
        """

    /// A store of 40 centers and 30,000 cases spread over rowids well past one morsel (65,536 rowids), with
    /// gaps, so several morsels and chunk boundaries fall inside each center's rows.
    nonisolated(unsafe) static let store: Result<TestStore, any Error> = Result {
        let test = try TestStore()
        let db = test.store.database
        for id in 1...40 { try test.center(Int64(id), "D\(id)", level: id % 2 == 0 ? "city" : "county") }
        try db.transaction {
            let insert = try db.prepare(
                """
                INSERT INTO cases(rowid, case_no, center_id, kind, channel, accepted_at, finished_at, promised_days, paused_days, status)
                VALUES (?, ?, ?, ?, 'window', ?, ?, ?, ?, ?)
                """)
            var state: UInt64 = 12345
            func next(_ bound: UInt64) -> Int64 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int64((state >> 33) % bound)
            }
            let start = CivilDay(year: 2024, month: 1, day: 2)?.startInstant ?? 0
            for index in 0..<30_000 {
                let accepted = start + next(360) * 86_400 + 32_400 + next(28_000)
                let promised = next(4) == 0 ? nil : next(20) + 1
                let finished = next(10) == 0 ? nil : accepted + next(30 * 86_400) + 1
                try insert.run([
                    .integer(Int64(index) * 7 + 1 + (index > 20_000 ? 200_000 : 0)), .text("K\(index)"), .integer(next(40) + 1),
                    .text(promised == nil ? "instant" : "promised"), .integer(accepted), finished.sql, promised.sql, .integer(next(3)),
                    .text(finished == nil ? "accepted" : "finished"),
                ])
            }
        }
        return test
    }

    static func results(threads: Int, chunkSize: Int) throws -> String {
        // Tests run in parallel: each evaluation opens its own connection (a connection is not shared by threads).
        let store = try Store.open(at: try DeterminismTests.store.get().path, readOnly: true)
        let parsed = Parser.parse(SourceFile(name: "d.rules", text: rules))
        let checked = Checker.check(parsed.file, schema: try SchemaCatalog(store: store))
        let plan = try #require(checked.plan)
        let options = EvaluationOptions(threads: threads, chunkSize: chunkSize)
        return try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "0", options: options).json.text
    }

    @Test("--threads 1 and --threads 2 give the same bytes", arguments: [1, 2, 3, 8])
    func threads(count: Int) throws {
        let reference = try DeterminismTests.results(threads: 1, chunkSize: 4096)
        #expect(try DeterminismTests.results(threads: count, chunkSize: 4096) == reference)
    }

    @Test("Any chunk size gives the same bytes", arguments: [1, 7, 1000, 65_536])
    func chunks(size: Int) throws {
        let reference = try DeterminismTests.results(threads: 1, chunkSize: 4096)
        #expect(try DeterminismTests.results(threads: 2, chunkSize: size) == reference)
    }

    @Test("The sums really are order-sensitive doubles: the measure has a fraction")
    func sumsHaveFractions() throws {
        let text = try DeterminismTests.results(threads: 2, chunkSize: 4096)
        let document = try ResultsDocument.read(from: Data(text.utf8))
        let measures = document.centers.compactMap { $0.indicators.first?.measure }
        #expect(measures.count == 40)
        #expect(measures.contains { $0 != $0.rounded() })
    }
}

/// Rows the evaluator cannot use are left out and counted (issue 7, data quality).
@Suite("Data quality: planted bad rows are left out and counted")
struct DataQualityTests {
    @Test("NULL and unknown centers, NULL period times and out-of-order times")
    func plantedBadRows() throws {
        let test = try TestStore()
        try test.center(1, "A")
        let day = try #require(CivilDay(year: 2024, month: 3, day: 4)).startInstant + 36_000
        try test.addCase(1, accepted: day, finished: day + 86_400, promised: 5)  // good
        try test.addCase(1, accepted: day, finished: day - 3_600, promised: 5)  // finished before accepted
        try test.addCase(1, accepted: nil, finished: day, promised: 5)  // no acceptance time: not in any period
        try test.addCase(99, accepted: day, finished: day + 60, promised: 5)  // no center 99
        try test.store.database.execute("PRAGMA ignore_check_constraints = 1")
        let document = try evaluate(
            """
            assessment "质量" {
              period 2024-01-01 .. 2024-12-31
              grades { 合格 >= 60; 不合格 }
            }
            indicator ontime "按时" {
              points 100
              from cases
              measure rate(finished_at is not null)
              score linear { 0% -> 0; 100% -> 100 }
              when empty: zero
            }
            """, on: test.store)
        #expect(
            document.dataQuality == [
                DataQualityEntry(table: "cases", reason: "accepted_at is NULL", rows: 1),
                DataQualityEntry(table: "cases", reason: "center_id names no center", rows: 1),
                DataQualityEntry(table: "cases", reason: "finished_at before accepted_at", rows: 1),
            ])
        // Only the good case is left: population 1.
        #expect(document.centers.first?.indicators.first?.population == 1)
    }
}
