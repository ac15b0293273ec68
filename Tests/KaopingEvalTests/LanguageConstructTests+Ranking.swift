import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

// MARK: - Ranking and lists

extension LanguageConstructTests {
    @Suite("Language: ranking groups and the 红黑榜")
    struct RankingListConstructTests {
        /// Totals (promised_days / 1000): 南京市 county R1 90, R2 80, R3 80, R4 70, R5 95 (vetoed); city C1 70.
        /// 苏州市 county S1 60, S2 85; city C2 65.
        static func store() throws -> TestStore {
            let test = try TestStore(calendar: false)
            let centers: [(code: String, level: String, region: String, promised: Int64)] = [
                ("R1", "county", "南京市", 90_000), ("R2", "county", "南京市", 80_000), ("R3", "county", "南京市", 80_000),
                ("R4", "county", "南京市", 70_000), ("R5", "county", "南京市", 95_000), ("C1", "city", "南京市", 70_000),
                ("S1", "county", "苏州市", 60_000), ("S2", "county", "苏州市", 85_000), ("C2", "city", "苏州市", 65_000),
            ]
            for (index, center) in centers.enumerated() {
                let id = Int64(index + 1)
                try test.center(id, center.code, level: center.level, region: center.region)
                try test.addCase(id, accepted: at("2024-03-01"), promised: center.promised)
            }
            try test.addInspection(5, at: at("2024-06-01"), severity: "serious")  // R5 vetoed
            return test
        }

        static func rules(within: String, lists: String) -> String {
            """
            assessment "红黑榜" {
              period 2024-01-01 .. 2024-12-31
              grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
              rank by total within \(within)
              lists \(lists)
            }
            indicator base "基础分" {
              category "基础"
              points 100
              from cases
              measure sum(promised_days) / 1000
              score measure
            }
            veto serious "严重违纪" when count(inspections where severity == "serious") > 0 reason "明察暗访发现严重问题"

            """
        }

        @Test("Within region: ties at both edges kept whole, the vetoed best center never on the 红榜")
        func withinRegion() throws {
            let doc = try RankingListConstructTests.store().run(RankingListConstructTests.rules(within: "region", lists: "top 2 bottom 2"))
            #expect(doc.assessment.groupBy == ["region"])
            // 南京市: R1 90 #1; R2, R3 80 #2; C1, R4 70 #4; R5 (95, vetoed) #6. 苏州市: S2 85, C2 65, S1 60.
            #expect(
                doc.centers.map { "\($0.group) \($0.code) #\($0.rank)" } == [
                    "南京市 R1 #1", "南京市 R2 #2", "南京市 R3 #2", "南京市 C1 #4", "南京市 R4 #4", "南京市 R5 #6",
                    "苏州市 S2 #1", "苏州市 C2 #2", "苏州市 S1 #3",
                ])
            #expect(doc.lists.map(\.group) == ["南京市", "苏州市"])
            let nanjing = try #require(doc.lists.first)
            // Top 2: the 2nd is R2 at rank 2, tied with R3: both. R5 ranks last, and being vetoed is never on top.
            #expect(nanjing.top == ["R1", "R2", "R3"])
            // Bottom 2: the 2nd from the bottom is R4 at rank 4, tied with C1: R5, then C1 and R4.
            #expect(nanjing.bottom.first == "R5")
            #expect(Set(nanjing.bottom) == ["R5", "R4", "C1"])
            #expect(nanjing.bottom.count == 3)
            let suzhou = try #require(doc.lists.last)
            #expect(suzhou.top == ["S2", "C2"])
            #expect(suzhou.bottom == ["S1", "C2"])  // worst first
        }

        @Test("A vetoed center is not on the 红榜 even with top 1 and the highest total")
        func vetoedNeverOnTop() throws {
            let doc = try RankingListConstructTests.store().run(RankingListConstructTests.rules(within: "region", lists: "top 1 bottom 1"))
            #expect(doc.lists.map { "\($0.group) \($0.top) \($0.bottom)" } == ["南京市 [\"R1\"] [\"R5\"]", "苏州市 [\"S2\"] [\"S1\"]"])
        }

        @Test("Within two columns, level and region: groups keyed level/region, in level code order then region")
        func withinLevelAndRegion() throws {
            let doc = try RankingListConstructTests.store().run(
                RankingListConstructTests.rules(within: "level, region", lists: "top 2 bottom 2"))
            #expect(doc.assessment.groupBy == ["level", "region"])
            #expect(
                doc.centers.map { "\($0.group) \($0.code) #\($0.rank)" } == [
                    "city/南京市 C1 #1",
                    "city/苏州市 C2 #1",
                    "county/南京市 R1 #1", "county/南京市 R2 #2", "county/南京市 R3 #2", "county/南京市 R4 #4", "county/南京市 R5 #5",
                    "county/苏州市 S2 #1", "county/苏州市 S1 #2",
                ])
            #expect(doc.lists.map(\.group) == ["city/南京市", "city/苏州市", "county/南京市", "county/苏州市"])
            #expect(doc.lists.map(\.top) == [["C1"], ["C2"], ["R1", "R2", "R3"], ["S2", "S1"]])
            // county/南京市 bottom 2: the 2nd from the bottom is R4 (#4): R5, R4.
            #expect(doc.lists.map(\.bottom) == [["C1"], ["C2"], ["R5", "R4"], ["S1", "S2"]])
        }
    }
}
