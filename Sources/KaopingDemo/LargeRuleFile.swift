/// A rule file as large as asked, for the stress tests and the benchmarks of the rule front end: one
/// assessment, then copies of one realistic indicator with ids `i0`, `i1`, … until the text reaches the size.
/// It checks clean but for one warning (K0293: its points do not add up to the total).
public enum LargeRuleFile {
    /// The text, of at least `bytes` bytes, and how many indicators it holds.
    public static func text(bytes: Int) -> (text: String, indicators: Int) {
        var text = """
            assessment "大文件" {
              period 2024-01-01 .. 2024-12-31
              total 100
              grades { 优秀 >= 90; 合格 >= 60; 不合格 }
            }

            """
        var count = 0
        while text.utf8.count < bytes {
            text += """

                indicator i\(count) "指标\(count)" {
                  points 1
                  from cases where status == "finished" and kind == "promised"
                  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
                  score linear { 90% -> 0; 100% -> 1 }
                  when empty: not_applicable
                }

                """
            count += 1
        }
        return (text, count)
    }
}
