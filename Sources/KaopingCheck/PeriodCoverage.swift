import KaopingStore
import KaopingSyntax

/// How a table's rows fall against the assessment period, by the column that decides (its period column:
/// `accepted_at` for cases, `rated_at` for reviews …). Rows whose column is NULL are not counted here.
public struct TableCoverage: Sendable, Equatable {
    public var table: String
    /// The period column.
    public var column: String
    /// Rows with a value in the column, and how many fall before and after the period.
    public var rows: Int
    public var before: Int
    public var after: Int
    /// The first and last day the column names (China time), if there is a row.
    public var first: CivilDay?
    public var last: CivilDay?

    public init(table: String, column: String, rows: Int, before: Int, after: Int, first: CivilDay?, last: CivilDay?) {
        self.table = table
        self.column = column
        self.rows = rows
        self.before = before
        self.after = after
        self.first = first
        self.last = last
    }

    /// The rows in the period.
    public var inPeriod: Int { rows - before - after }
}

/// Does the store's data cover the assessment period? `check --db` asks the store; `run` counts as it scans.
/// Both report the same: a table without a row in the period (K0295, or for a run the error K0287), data that
/// misses the period or covers only part of it (K0295), more than 1% of a table's rows outside it (K0288), and a
/// year of the period with no working-day calendar when the rules count working days (K0289).
public enum PeriodCoverage {
    /// The share of a table's rows outside the period past which a warning says so.
    public static let outsideShare = 0.01

    /// The coverage of every table `plan` scans that has a period column, counted by the store.
    public static func measure(plan: Plan, store: Store) throws -> [TableCoverage] {
        let start = CivilDay(number: plan.periodStart)
        let end = CivilDay(number: plan.periodEnd)
        let catalog = try SchemaCatalog(store: store)
        return try plan.scans.compactMap { scan -> TableCoverage? in
            guard let column = scan.periodColumn else { return nil }
            let days = catalog.type(of: column, in: scan.table) == .day
            let low = days ? "'\(start)'" : String(start.startInstant)
            let high = days ? "'\(CivilDay(number: end.number + 1))'" : String(CivilDay(number: end.number + 1).startInstant)
            let quoted = quoteIdentifier(column)
            let row = try store.database.query(
                "SELECT count(\(quoted)), count(CASE WHEN \(quoted) < \(low) THEN 1 END), count(CASE WHEN \(quoted) >= \(high) THEN 1 END), "
                    + "min(\(quoted)), max(\(quoted)) FROM \(quoteIdentifier(scan.table))")
            guard let values = row.first else { return nil }
            func day(_ value: SQLValue) -> CivilDay? {
                days ? value.text.flatMap { CivilDay($0) } : value.integer.map { CivilDay(instant: $0) }
            }
            return TableCoverage(
                table: scan.table, column: column, rows: Int(values[0].integer ?? 0), before: Int(values[1].integer ?? 0),
                after: Int(values[2].integer ?? 0), first: day(values[3]), last: day(values[4]))
        }
    }

    /// What `check --db` says of the store's coverage of the period.
    public static func lint(_ files: [RuleFile], plan: Plan, store: Store) throws -> [Diagnostic] {
        try diagnostics(measure(plan: plan, store: store), files: files, plan: plan, store: store, refusingEmpty: false)
    }

    /// The diagnostics of `coverage`, at the assessment's `period`. `refusingEmpty`: a table without a row in
    /// the period is an error (K0287: a run does not write results from no data) rather than a warning.
    public static func diagnostics(_ coverage: [TableCoverage], files: [RuleFile], plan: Plan, store: Store, refusingEmpty: Bool) throws
        -> [Diagnostic]
    {
        try diagnostics(coverage, files: files, plan: plan, calendar: { try store.workingCalendar() }, refusingEmpty: refusingEmpty)
    }

    /// The same, with the store's province-wide working calendar from `calendar` (a store in PostgreSQL).
    public static func diagnostics(
        _ coverage: [TableCoverage], files: [RuleFile], plan: Plan, calendar workingCalendar: () throws -> WorkingCalendar,
        refusingEmpty: Bool
    ) throws -> [Diagnostic] {
        guard
            // The period where it is written: a variant's own, or its base's.
            let (file, period) = files.lazy.compactMap({ file -> (RuleFile, (start: Expression, end: Expression))? in
                for case .assessment(let declaration) in file.declarations { return declaration.period.map { (file, $0) } }
                return nil
            }).first
        else { return [] }
        let range = period.start.range.union(period.end.range)
        let start = CivilDay(number: plan.periodStart)
        let end = CivilDay(number: plan.periodEnd)
        var diagnostics: [Diagnostic] = []
        func warn(_ zh: String, _ en: String, hint: String, hintEn: String) {
            diagnostics.append(
                Diagnostic("K0295", .warning, file: file.source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
        }
        for table in coverage {
            let name = table.table
            guard let first = table.first, let last = table.last, table.inPeriod > 0 else {
                let found = table.first.flatMap { first in table.last.map { "，表中数据在 \(first)–\($0)" } } ?? "，表是空的"
                let foundEn = table.first.flatMap { first in table.last.map { "; its data runs \(first)–\($0)" } } ?? "; the table is empty"
                if refusingEmpty {
                    diagnostics.append(
                        Diagnostic(
                            "K0287", .error, file: file.source.name, range: range,
                            zh: "表 \(name) 在考核期 \(start)–\(end) 内没有数据（按 \(table.column) 划分\(found)），不能据此出具考核结果",
                            en:
                                "table `\(name)` has no row in the period \(start)–\(end) (by \(table.column)\(foundEn)): no results are written from no data",
                            hint: "检查 period 的年份和导入的数据；确知如此（如该项今年不考核）时加 --allow-partial-data",
                            hintEn: "check the period's year and the data imported; if it is known and meant, add --allow-partial-data"))
                } else {
                    warn(
                        "表 \(name) 在考核期 \(start)–\(end) 内没有数据（按 \(table.column) 划分\(found)）",
                        "table `\(name)` has no rows for the period \(start)–\(end) (by \(table.column)\(foundEn))",
                        hint: "检查 period 的年份或导入的数据", hintEn: "check the period's year or the data imported")
                }
                continue
            }
            if first.number > start.number + 7 || last.number < end.number - 7 {
                warn(
                    "表 \(name) 的数据只覆盖 \(max(first, start))–\(min(last, end))，不足考核期 \(start)–\(end)",
                    "the data of `\(name)` only covers \(max(first, start))–\(min(last, end)) of the period \(start)–\(end)",
                    hint: "缺少部分月份的数据会使结果偏差", hintEn: "missing months bias the results")
            }
            let outside = table.before + table.after
            if Double(outside) > outsideShare * Double(table.rows) {
                let share = Checker.number((Double(outside) / Double(table.rows) * 1000).rounded() / 10)
                diagnostics.append(
                    Diagnostic(
                        "K0288", .warning, file: file.source.name, range: range,
                        zh:
                            "表 \(name) 有 \(share)% 的行（\(outside) 行：考核期前 \(table.before)、后 \(table.after)）的 \(table.column) 不在考核期 \(start)–\(end) 内，不计入考核",
                        en:
                            "\(share)% of the rows of `\(name)` (\(outside): \(table.before) before, \(table.after) after) have \(table.column) outside the period \(start)–\(end) and are not assessed",
                        hint: "考核期按 \(name) 的 \(table.column) 划分，考核期外的行不计入（如上年受理、本年办结的办件按受理时间算上年）；若应计入，调整 period 或数据",
                        hintEn:
                            "the period is decided by `\(name).\(table.column)`, and rows outside it are not assessed (a case accepted last year and finished this year belongs to last year); to count them, change the period or the data"
                    ))
            }
        }
        if plan.usesCalendar {
            let calendar = try workingCalendar()
            let missing = (start.components.year...end.components.year).filter { !calendar.announces(year: $0) }
            if !missing.isEmpty {
                let years = missing.map(String.init).joined(separator: "、")
                let yearsEn = missing.map(String.init).joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        "K0289", .error, file: file.source.name, range: range,
                        zh: "规则按工作日计算，但考核期的 \(years) 年没有工作日历（既未内置，库中也没有）",
                        en:
                            "the rules count working days, but there is no working-day calendar for \(yearsEn) in the period (none built in, none in the store)",
                        hint: "把该年的国务院节假日安排按 Rules/calendars 的格式写成文件，导入库的 calendar 表",
                        hintEn:
                            "write that year's State Council holiday schedule in the format of Rules/calendars and load it into the store's calendar table"
                    ))
            }
        }
        return diagnostics
    }
}
