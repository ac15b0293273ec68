import Foundation
import KaopingStore

/// Writes the demo province into a new store: centers, catalog and items, integrations, cases, reviews,
/// inspections, complaints and the working calendar, with the planted effects of `docs/demo.md`.
public struct DemoGenerator {
    let options: DemoOptions
    let calendar: WorkingCalendar
    let calendarYears: ClosedRange<Int>
    let units: [DemoUnit]

    /// A generator for `options` over the given announcement files.
    public init(options: DemoOptions, calendarFiles: [CalendarFile]) {
        self.options = options
        self.calendar = WorkingCalendar(files: calendarFiles)
        let years = calendarFiles.map(\.year)
        self.calendarYears = (years.min() ?? options.year)...(years.max() ?? options.year)
        self.units = DemoProvince.build(seed: options.seed)
    }

    /// Generates the store at `path`, replacing any file there only once the new one is complete.
    /// - Throws: `SQLiteError` or a file-system error; nothing is left at `path` on failure.
    @discardableResult
    public func write(to path: String) throws -> DemoSummary {
        let partial = path + ".partial"
        let files = FileManager.default
        if files.fileExists(atPath: partial) { try files.removeItem(atPath: partial) }
        do {
            let summary = try fill(Store.create(at: partial, indexes: false))
            // rename(2) replaces the target atomically: readers see the old store or the new one, never half of one.
            guard rename(partial, path) == 0 else {
                throw SQLiteError(code: 0, message: "cannot rename \(partial) to \(path)", path: path)
            }
            // Kept up to date at write time: the digests every results document records. The partial file's own
            // folder (the empty digests a new store starts with) does not describe the store and goes too.
            try? FileManager.default.removeItem(atPath: path + ".kaoping")
            try? FileManager.default.removeItem(atPath: partial + ".kaoping")
            let store = try Store.open(at: path, readOnly: true)
            _ = try store.dataDigest(tables: try store.tableNames())
            return summary
        } catch {
            try? files.removeItem(atPath: partial)
            try? files.removeItem(atPath: partial + ".kaoping")
            throw error
        }
    }

    private func fill(_ store: Store) throws -> DemoSummary {
        let database = store.database
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
        var summary = DemoSummary()
        try store.loadCalendar(calendar, years: calendarYears)
        summary.rows["calendar"] = try count(database, "calendar")
        try database.transaction {
            try writeCenters(database)
            try writeCatalogAndItems(database)
            try writeIntegrations(database)
            try writeInspections(database)
            try writeComplaints(database)
            try writeMeta(database)
            try writeFindings(database)
        }
        try writeCasesAndReviews(database)
        try store.createIndexes()
        try database.execute("PRAGMA journal_mode = DELETE")
        for table in ["centers", "catalog", "items", "integrations", "cases", "reviews", "inspections", "complaints", "assessor_findings"] {
            summary.rows[table] = try count(database, table)
        }
        for effect in PlantedEffect.allCases {
            for unit in units where unit.profile.effect == effect {
                summary.planted.append(.init(effect: effect, code: unit.code, name: unit.name))
            }
        }
        summary.misnamed = units.filter { $0.isAssessed && !$0.followsNamingRule }.map(\.code)
        return summary
    }

    private func count(_ database: Database, _ table: String) throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM \(quoteIdentifier(table))")?.integer ?? 0)
    }

    private func writeCenters(_ database: Database) throws {
        var random = SeededRandom(seed: options.seed, stream: 2)
        let insert = try database.prepare(
            """
            INSERT INTO centers(id, code, name, kind, level, region, county, division_code, parent_id, department,
                                head_changed_at, head_change_filed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for unit in units {
            var changed: Int64?
            var filed: Int64?
            if unit.profile.headChange != .none {
                let day = randomDay(&random)
                changed = day.startInstant + 36_000
                switch unit.profile.headChange {
                case .filed: filed = calendar.adding(workdays: random.int(1...10), to: day).startInstant + 40_000
                case .late: filed = day.adding(days: random.int(40...90)).startInstant + 40_000
                case .unfiled, .none: filed = nil
                }
            }
            try insert.run([
                .integer(Int64(unit.id)), .text(unit.code), .text(unit.name), .text(unit.kind), .text(unit.level),
                .text(unit.region), unit.county.sql, .text(unit.divisionCode), unit.parentID.map { Int64($0) }.sql,
                unit.department.sql, changed.sql, filed.sql,
            ])
        }
    }

    private func writeCatalogAndItems(_ database: Database) throws {
        var random = SeededRandom(seed: options.seed, stream: 3)
        let catalogInsert = try database.prepare(
            "INSERT OR IGNORE INTO catalog(basic_code, name, item_type, legal_basis) VALUES (?, ?, ?, ?)")
        let all = DemoGazetteer.departments.flatMap(\.items) + DemoGazetteer.onsitePoints.flatMap(\.items)
        for item in all {
            try catalogInsert.run([.text(item.basicCode), .text(item.name), .text(item.itemType), .text(item.legalBasis)])
        }
        let insert = try database.prepare(
            """
            INSERT INTO items(item_code, center_id, basic_code, name, item_type, legal_basis, statutory_days, promised_days,
                              changed_at, change_reported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for unit in units where unit.isAssessed {
            for item in unit.items {
                var basicCode = item.basicCode
                var name = item.name
                var type = item.itemType
                if random.chance(unit.profile.itemMismatch) {
                    switch random.int(0...2) {
                    case 0: basicCode = String(item.basicCode.prefix(7)) + "999"
                    case 1: name = item.name + "（本级）"
                    default: type = item.itemType == "20" ? "10" : "20"
                    }
                }
                var changed: Int64?
                var reported: Int64?
                if random.chance(0.12) {
                    let day = randomDay(&random)
                    changed = day.startInstant + 34_000
                    let draw = unit.profile.effect == .excellent ? 0 : random.unit()
                    if draw < 0.85 {
                        reported = calendar.adding(workdays: random.int(1...10), to: day).startInstant + 50_000
                    } else if draw < 0.93 {
                        reported = day.adding(days: random.int(30...60)).startInstant + 50_000
                    }
                }
                try insert.run([
                    .text(unit.code + "-" + item.basicCode), .integer(Int64(unit.id)), .text(basicCode), .text(name), .text(type),
                    .text(item.legalBasis), .integer(Int64(item.statutoryDays)), .integer(Int64(item.promisedDays)),
                    changed.sql, reported.sql,
                ])
            }
        }
    }

    private func writeIntegrations(_ database: Database) throws {
        var random = SeededRandom(seed: options.seed, stream: 4)
        let insert = try database.prepare(
            """
            INSERT INTO integrations(center_id, system, status, connected_at, last_sync_at, sync_failures, sync_batches)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let yearEnd = yearDays.upperBound
        for unit in units where unit.isAssessed {
            for system in CanonicalSchema.systems {
                let status = unit.profile.systems[system] ?? "connected"
                var connected: Int64?
                var lastSync: Int64?
                var failures = 0
                var batches = 0
                switch status {
                case "connected":
                    connected = CivilDay(number: yearDays.lowerBound.number - random.int(30...1400)).startInstant + 36_000
                    lastSync = yearEnd.startInstant + Int64(random.int(3600...80_000))
                    batches = 366
                    failures = unit.profile.effect == .excellent ? 0 : random.int(0...4)
                case "faulty":
                    connected = CivilDay(number: yearDays.lowerBound.number - random.int(30...1400)).startInstant + 36_000
                    lastSync = yearEnd.adding(days: -random.int(20...150)).startInstant + 36_000
                    batches = 366
                    failures = random.int(40...160)
                default:
                    break
                }
                try insert.run([
                    .integer(Int64(unit.id)), .text(system), .text(status), connected.sql, lastSync.sql,
                    .integer(Int64(failures)), .integer(Int64(batches)),
                ])
            }
        }
    }

    private func writeInspections(_ database: Database) throws {
        var random = SeededRandom(seed: options.seed, stream: 5)
        let insert = try database.prepare(
            """
            INSERT INTO inspections(center_id, inspected_at, mode, inspector_level, category, severity, description, due_at, rectified_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let modeNames = ["open": "明察", "covert": "暗访", "video": "视频巡查"]
        for unit in units where unit.isAssessed {
            let total = random.poisson(unit.profile.findings) + unit.profile.seriousFindings
            for index in 0..<total {
                let serious = index < unit.profile.seriousFindings
                let day = randomWorkday(&random)
                let minute = random.int(540...1050)
                let instant = day.startInstant + Int64(minute * 60)
                let mode = random.pick(["open", "covert", "video"], weights: [0.3, 0.5, 0.2])
                let inspector =
                    unit.level == "county"
                    ? random.pick(["province", "city", "county"], weights: [0.15, 0.45, 0.4])
                    : random.pick(["province", "city"], weights: [0.3, 0.7])
                let severity = serious ? "serious" : random.chance(0.6) ? "minor" : "general"
                let category =
                    serious
                    ? random.element(of: ["违规收受管理服务对象财物", "刁难群众、吃拿卡要", "擅自离岗导致窗口长时间无人"])
                    : random.element(of: DemoGazetteer.inspectionCategories)
                let (_, month, dayOfMonth) = day.components
                let description =
                    "\(month)月\(dayOfMonth)日\(minute / 60):\(twoDigits(minute % 60))，\(modeNames[mode] ?? mode)发现该单位窗口存在“\(category)”问题。"
                let due = calendar.adding(workdays: 10, to: day).startInstant + 64_800
                var rectified: Int64?
                let draw = random.unit()
                if draw < 0.85 {
                    rectified = calendar.adding(workdays: random.int(1...9), to: day).startInstant + 50_000
                } else if draw < 0.95 {
                    rectified = calendar.adding(workdays: random.int(12...30), to: day).startInstant + 50_000
                }
                try insert.run([
                    .integer(Int64(unit.id)), .integer(instant), .text(mode), .text(inspector), .text(category), .text(severity),
                    .text(description), .integer(due), rectified.sql,
                ])
            }
        }
    }

    private func writeComplaints(_ database: Database) throws {
        var random = SeededRandom(seed: options.seed, stream: 6)
        let insert = try database.prepare(
            "INSERT INTO complaints(center_id, received_at, due_at, closed_at, substantiated) VALUES (?, ?, ?, ?, ?)")
        for unit in units where unit.isAssessed {
            for _ in 0..<random.poisson(unit.profile.complaints) {
                let day = randomDay(&random)
                let received = day.startInstant + Int64(random.int(28_800...75_600))
                let dueDay = calendar.adding(workdays: 5, to: day)
                var closed: Int64?
                if random.chance(unit.profile.complaintsOnTime) {
                    closed = calendar.adding(workdays: random.int(1...5), to: day).startInstant + 54_000
                } else if random.chance(0.8) {
                    closed = calendar.adding(workdays: random.int(1...10), to: dueDay).startInstant + 54_000
                }
                try insert.run([
                    .integer(Int64(unit.id)), .integer(received), .integer(dueDay.startInstant + 64_800), closed.sql,
                    .integer(random.chance(0.3) ? 1 : 0),
                ])
            }
        }
    }

    private func writeMeta(_ database: Database) throws {
        let insert = try database.prepare("INSERT INTO kaoping_meta(key, value) VALUES (?, ?)")
        try insert.run(["source", "kaoping demo"])
        try insert.run(["demo.seed", .text(String(options.seed))])
        try insert.run(["demo.cases", .text(String(options.cases))])
        try insert.run(["demo.year", .text(String(options.year))])
    }

    /// The days of the assessed year.
    var yearDays: ClosedRange<CivilDay> {
        let first = CivilDay(year: options.year, month: 1, day: 1) ?? CivilDay(number: 0)
        let last = CivilDay(year: options.year, month: 12, day: 31) ?? first
        return first...last
    }

    func randomDay(_ random: inout SeededRandom) -> CivilDay {
        CivilDay(number: random.int(yearDays.lowerBound.number...yearDays.upperBound.number))
    }

    func randomWorkday(_ random: inout SeededRandom) -> CivilDay {
        var day = randomDay(&random)
        while !calendar.isWorkday(day) { day = day.adding(days: 1) }
        return day
    }
}
