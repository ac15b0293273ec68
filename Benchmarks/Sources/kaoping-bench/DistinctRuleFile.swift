/// A rule file as large as asked, for the front-end benchmark: one assessment, then indicators of six kinds
/// in turn (on-time rates of cases, reply rates of reviews, bands of window cases, deductions per inspection
/// finding, complaint closure rates, active-review ratios), each with its own id, title, points, filter,
/// measure and score, so that no two are alike. About 370 bytes an indicator: 1 MB holds about 2,700.
/// It checks clean but for one warning (K0293: its points do not add up to the total).
enum DistinctRuleFile {
    /// The text, of at least `bytes` bytes, and how many indicators it holds.
    static func text(bytes: Int) -> (text: String, indicators: Int) {
        var text = """
            # 前端基准：互不相同的指标

            assessment "大文件" {
              period 2024-01-01 .. 2024-12-31
              total 100
              grades { 优秀 >= 90; 良好 >= 80; 合格 >= 60; 不合格 }
              rank by total within level
            }

            """
        var count = 0
        while text.utf8.count < bytes {
            text += indicator(count)
            count += 1
        }
        return (text, count)
    }

    /// The `index`th indicator.
    static func indicator(_ index: Int) -> String {
        let points = 1 + index % 9
        let body: String
        switch index % 6 {
        case 0:
            body = """
                  from cases where status == "finished" and kind == "promised" and promised_days >= \(index % 20)
                  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days + \(index % 3))
                  score linear { \(80 + index % 10)% -> 0; 100% -> \(points) }
                  when empty: not_applicable
                """
        case 1:
            body = """
                  from reviews where rating <= \(1 + index % 2) and is_default == 0 and is_malicious == 0
                  measure rate(replied_at is not null and workdays(rated_at, replied_at) <= \(1 + index % 5))
                  score deduct 0.5 per 1% below 100% max \(points)
                  when empty: full
                """
        case 2:
            body = """
                  from cases where channel == "window" and promised_days > \(index % 15)
                  measure rate(window_type == "comprehensive")
                  score bands {
                    >= \(90 + index % 9)% -> \(points)
                    >= 50% -> \(Double(points) / 2)
                    else -> 0
                  }
                  when empty: not_applicable
                """
        case 3:
            body = """
                  from inspections where rectified_at is null or workdays(inspected_at, rectified_at) > \(index % 10)
                  measure count(where severity in ["serious", "general"])
                  score deduct \(1 + index % 3) per 1 max \(points)
                  when empty: full
                """
        case 4:
            body = """
                  from complaints
                  measure rate(closed_at is not null and closed_at <= due_at + \(index % 7) days)
                  score linear { \(40 + index % 20)% -> 0; 100% -> \(points) }
                  when empty: full
                """
        default:
            body = """
                  from cases where status == "finished" and corrections <= \(index % 4)
                  measure ratio(count(reviews where is_default == 0 and rating >= \(1 + index % 5)), count())
                  score linear { \(5 + index % 10)% -> 0; 30% -> \(points) }
                  when empty: not_applicable
                """
        }
        return """

            # 第 \(index) 项：分值、筛选条件、计量和评分规则都随编号变化，与其他各项互不相同
            indicator d\(index) "指标\(index)" {
              points \(points)
            \(body)
              minimum \(index % 11)
            }

            """
    }
}
