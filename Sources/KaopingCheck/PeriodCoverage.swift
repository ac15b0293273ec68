import KaopingStore
import KaopingSyntax

/// The lint that needs data: does the store's data cover the assessment period?
public enum PeriodCoverage {
    /// Warnings for each table the plan reads whose rows start well after the period starts, end well
    /// before it ends, or miss it entirely, and for a working-day calendar that does not cover the period.
    public static func lint(_ files: [RuleFile], plan: Plan, store: Store) throws -> [Diagnostic] {
        guard
            let (file, assessment) = files.lazy.compactMap({ file -> (RuleFile, AssessmentDeclaration)? in
                for case .assessment(let declaration) in file.declarations { return (file, declaration) }
                return nil
            }).first, let period = assessment.period
        else { return [] }
        let range = period.start.range.union(period.end.range)
        let start = CivilDay(number: plan.periodStart)
        let end = CivilDay(number: plan.periodEnd)
        var diagnostics: [Diagnostic] = []
        func warn(_ zh: String, _ en: String, hint: String, hintEn: String) {
            diagnostics.append(
                Diagnostic("K0295", .warning, file: file.source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
        }
        for scan in plan.scans {
            guard let column = scan.periodColumn else { continue }
            let row = try store.database.query(
                "SELECT min(\(quoteIdentifier(column))), max(\(quoteIdentifier(column))) FROM \(quoteIdentifier(scan.table))")
            guard let low = row.first?[0].integer, let high = row.first?[1].integer else {
                warn(
                    "表 \(scan.table) 没有数据，考核期 \(start)–\(end) 内无可考核记录", "table `\(scan.table)` has no rows for the period \(start)–\(end)",
                    hint: "检查是否导入了该表的数据", hintEn: "check that the table's data was imported")
                continue
            }
            let first = CivilDay(instant: low)
            let last = CivilDay(instant: high)
            if last < start || first > end {
                warn(
                    "表 \(scan.table) 的数据（\(first)–\(last)）与考核期 \(start)–\(end) 不重叠",
                    "the data of `\(scan.table)` (\(first)–\(last)) does not overlap the period \(start)–\(end)",
                    hint: "检查 period 的年份或导入的数据", hintEn: "check the period's year or the data imported")
            } else if first.number > start.number + 7 || last.number < end.number - 7 {
                warn(
                    "表 \(scan.table) 的数据只覆盖 \(first)–\(last)，不足考核期 \(start)–\(end)",
                    "the data of `\(scan.table)` only covers \(first)–\(last) of the period \(start)–\(end)",
                    hint: "缺少部分月份的数据会使结果偏差", hintEn: "missing months bias the results")
            }
        }
        if plan.usesCalendar {
            let calendar = try store.workingCalendar()
            if !calendar.covers(start) || !calendar.covers(end) {
                warn(
                    "工作日历未覆盖考核期 \(start)–\(end)，超出部分按周一至周五计算",
                    "the working-day calendar does not cover the period \(start)–\(end); days outside it count Monday to Friday",
                    hint: "导入该年份的国务院节假日安排", hintEn: "load that year's State Council holiday schedule")
            }
        }
        return diagnostics
    }
}
