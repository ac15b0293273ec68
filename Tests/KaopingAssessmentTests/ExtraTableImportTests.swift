import Foundation
import KaopingResults
import Testing

/// A table outside the canonical schema, declared in a mapping file (issue 22, point 6): the import creates it
/// (its key, its unit index, its period column), and a rule file assesses it like any table.
@Suite("An extra table, imported and assessed")
struct ExtraTableImportTests {
    @Test("The assessors' score sheet: declared, imported, imported again unchanged, and scored by a rule file")
    func assessorScores() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("office.sqlite").path
        let units = folder.appendingPathComponent("单位.csv").path
        try ImportCommandTests.writeUnits(
            ["320100F001,南京市政务服务中心税务分中心,分中心,市级,南京市,,320100,税务局,,,,", "320100F002,南京市政务服务中心人社分中心,分中心,市级,南京市,,320100,人社局,,,,"], to: units)
        #expect(
            try CommandLineTests.kaoping(["import", "--db", store, "--mapping", "Rules/mappings/gbt39046-centers.mapping", units]).status
                == 0)
        let mapping = folder.appendingPathComponent("scores.mapping").path
        try CommandLineTests.write(
            """
            # 评估组现场打分表：不在标准表中，在此声明
            table assessor_scores "评估组打分" {
              scored_at time required
              indicator text required
              score real required
              key center_id, indicator
              period scored_at
            }
            mapping assessor_scores {
              center_id from "单位代码" by code
              scored_at from "打分时间"
              indicator from "指标"
              score     from "得分"
              ignore "评估人"
            }

            """, to: mapping)
        let sheet = folder.appendingPathComponent("打分.csv").path
        try CommandLineTests.write(
            "单位代码,打分时间,指标,得分,评估人\n320100F001,2024-11-05 10:00,领导重视,80,甲\n320100F002,2024-11-06 10:00,领导重视,95.5,乙\n"
                + "320100F002,2024-11-06 11:00,领导重视,90,丙\n", to: sheet)
        let imported = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", mapping, sheet])
        #expect(imported.status == 3, "\(imported.stderr)")  // the third row repeats the second's key
        #expect(imported.stdout.contains("read 3 = inserted 2 + updated 0 + unchanged 0 + rejected 1"), "\(imported.stdout)")
        let again = try CommandLineTests.kaoping(["import", "--db", store, "--mapping", mapping, sheet])
        #expect(again.stdout.contains("inserted 0 + updated 0 + unchanged 2 + rejected 1"), "\(again.stdout)")
        let rules = folder.appendingPathComponent("scores.rules").path
        try CommandLineTests.write(
            """
            assessment "评估组打分" {
              period 2024-01-01 .. 2024-12-31
              assess centers where kind == "sub_center"
              grades { 合格 >= 60; 不合格 }
            }
            indicator leadership "领导重视" {
              points 100
              from assessor_scores where indicator == "领导重视"
              measure avg(score)
              score linear { 0 -> 0; 100 -> 100 }
              when empty: zero
            }

            """, to: rules)
        let out = folder.appendingPathComponent("out").path
        let run = try CommandLineTests.kaoping(["run", rules, "--db", store, "--out", out, "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let results = try ResultsDocument.read(from: Data(contentsOf: URL(fileURLWithPath: out + "/results.json")))
        let totals = Dictionary(uniqueKeysWithValues: results.centers.map { ($0.code, $0.total) })
        #expect(totals["320100F001"] == 80 && totals["320100F002"] == 95.5, "\(totals)")
    }
}
