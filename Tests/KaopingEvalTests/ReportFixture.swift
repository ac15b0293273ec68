import Foundation
import KaopingResults
import KaopingStore

/// A small province whose results exercise every part of the 通报: a notice, categories, a bonus and a deduction,
/// a veto, rates with the records behind lost points, inspection findings with their facts, two cities (one unit
/// name in both), units named to attack HTML, XML and spreadsheets, and a previous run to compare with.
enum ReportFixture {
    static let rules = """
        assessment "测试考核" {
          period 2024-01-01 .. 2024-12-31
          assess centers where kind in ["sub_center", "onsite_point"]
          total 100
          category "服务效能" 60
          category "窗口作风" 40
          grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
          rank by total within level
          lists top 2 bottom 2
          evidence 2
        }
        notice {
          issuer "测试省政务服务管理办公室"
          number "测政务办发〔2025〕1号"
          title "关于2024年度测试考核结果的通报"
          to "各设区市政务服务管理办公室"
          date 2025-03-14
          copy "省政府办公厅"
          printer "测试省政务服务管理办公室"
          printed 2025-03-17
          rectification "各单位要于30日内完成整改。"
          use "考核结果纳入年度绩效考核。"
        }
        indicator timeliness "按时办结率" {
          category "服务效能"
          points 60
          from cases where status == "finished"
          measure rate(finished_at <= accepted_at + promised_days days)
          score linear { 50% -> 0; 100% -> 60 }
          when empty: not_applicable
        }
        indicator conduct "明察暗访" {
          category "窗口作风"
          points 40
          from inspections
          measure count()
          score deduct 10 per 1 max 40
          when empty: full
        }
        bonus reviews "主动评价" {
          from reviews where is_default == 0
          measure count()
          score linear { 0 -> 0; 2 -> 2 }
          max 2
        }
        veto serious "严重违纪" {
          when count(inspections where severity == "serious") > 0
          reason "明察暗访发现严重问题"
        }
        """

    /// The units: id, code, name, level, region; names shared across cities and hostile ones on purpose.
    static let units: [(Int64, String, String, String, String)] = [
        (1, "320000F001", "测试省政务服务中心公安分中心", "province", "测试省"),
        (2, "320100F001", "<script>alert(1)</script>", "city", "甲市"),
        (3, "320200F001", "=HYPERLINK(\"http://x\")", "city", "乙市"),
        (4, "320102F001", "城区政务服务中心税务分中心", "county", "甲市"),
        (5, "320202F001", "城区政务服务中心税务分中心", "county", "乙市"),
        (6, "320103F001", "单位\u{202E}名反 & \u{1}控制", "county", "甲市"),
    ]

    /// The results of the current year.
    static func results() throws -> ResultsDocument {
        let test = try TestStore(calendar: false)
        for (id, code, name, level, region) in units {
            try test.center(id, code, name: name, level: level, region: region)
        }
        for id in Int64(1)...6 {
            for day in 0..<Int64(4) {
                let accepted = at("2024-03-0\(day + 1)")
                let late = day < id % 3
                try test.addCase(id, accepted: accepted, finished: accepted + (late ? 9 : 2) * 86_400, promised: 5)
            }
            try test.addReview(id, rating: 5, rated: at("2024-04-01"))
        }
        try test.insert(
            "inspections",
            [
                "id": 901, "center_id": 2, "inspected_at": .integer(at("2024-05-06", 10, 5)), "mode": "covert",
                "inspector_level": "province",
                "category": "擅自离岗", "severity": "general", "description": "5月6日10:05，暗访发现该单位窗口无人值守<b>。",
                "due_at": .integer(at("2024-05-20")), "rectified_at": .integer(at("2024-05-10")),
            ])
        try test.insert(
            "inspections",
            [
                "id": 902, "center_id": 5, "inspected_at": .integer(at("2024-07-08", 15, 30)), "mode": "video", "inspector_level": "city",
                "category": "违规收受管理服务对象财物", "severity": "serious", "description": "7月8日15:30，视频巡查发现该单位工作人员收受财物。",
                "due_at": .integer(at("2024-07-22")),
            ])
        return try test.run(rules)
    }

    /// The previous year's results: the current ones with unit 6 not yet assessed, a unit since dropped, and
    /// other totals and ranks.
    static func previous(of current: ResultsDocument) -> ResultsDocument {
        var previous = current
        previous.assessment.title = "2023年度测试考核"
        previous.assessment.period = .init(start: "2023-01-01", end: "2023-12-31")
        previous.centers.removeAll { $0.code == "320103F001" }
        for index in previous.centers.indices {
            previous.centers[index].total -= Double(index) * 1.25
            previous.centers[index].rank = previous.centers.count - index
        }
        var dropped = current.centers[0]
        dropped.code = "320300F009"
        dropped.name = "已撤并的分中心"
        previous.centers.append(dropped)
        previous.overview = Overview(centers: previous.centers, grades: previous.assessment.grades.map(\.name))
        return previous
    }
}
