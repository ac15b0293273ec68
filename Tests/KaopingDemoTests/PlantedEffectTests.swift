import Foundation
import KaopingDemo
import KaopingStore
import Testing

/// Each planted effect, measured with SQL on a 100,000-case store of the default seed, the way an assessment
/// (and docs/demo.md) measures it.
@Suite("Planted effects are present and measurable")
struct PlantedEffectTests {
    let fixture: DemoFixture
    let store: Store

    init() throws {
        fixture = try DemoFixture.large.get()
        store = try fixture.open()
    }

    /// Finished promised cases of a unit, and how many took more working days than promised. Working days are
    /// counted from the store's own calendar table, from the day after acceptance through the day of finishing,
    /// minus the paused days (特别程序) — an implementation independent of `WorkingCalendar`.
    static let overdueSQL = """
        SELECT count(*), coalesce(sum(used > promised_days), 0) FROM (
            SELECT c.promised_days,
                   (SELECT count(*) FROM calendar k
                     WHERE k.region IS NULL AND k.is_workday = 1
                       AND k.day >  date(c.accepted_at, 'unixepoch', '+8 hours')
                       AND k.day <= date(c.finished_at, 'unixepoch', '+8 hours')) - c.paused_days AS used
              FROM cases c JOIN centers u ON u.id = c.center_id
             WHERE u.code = ? AND c.kind = 'promised' AND c.status = 'finished')
        """

    private func overdue(_ code: String) throws -> (finished: Int, overdue: Int) {
        let row = try store.database.query(Self.overdueSQL, [.text(code)]).first ?? []
        return (Int(row.first?.integer ?? 0), Int(row.last?.integer ?? 0))
    }

    @Test("The store holds exactly the requested cases")
    func caseCount() throws {
        #expect(try store.database.integer("SELECT count(*) FROM cases") == 100_000)
    }

    @Test("overdue: at least 20% of each unit's finished promised cases exceed the promised working days")
    func overdueUnits() throws {
        let codes = fixture.summary.codes(.overdue)
        #expect(!codes.isEmpty)
        for code in codes {
            let (finished, late) = try overdue(code)
            #expect(finished >= 20, "\(code): \(finished) finished promised cases")
            #expect(late * 5 >= finished, "\(code): \(late) of \(finished) overdue")
        }
    }

    @Test("The SQL count of overdue cases agrees with WorkingCalendar over the store's calendar")
    func overdueAgreesWithWorkingCalendar() throws {
        let calendar = try store.workingCalendar()
        for code in fixture.summary.codes(.overdue) + fixture.summary.codes(.excellent) {
            let rows = try store.database.query(
                """
                SELECT c.accepted_at, c.finished_at, c.paused_days, c.promised_days FROM cases c JOIN centers u ON u.id = c.center_id
                 WHERE u.code = ? AND c.kind = 'promised' AND c.status = 'finished'
                """, [.text(code)])
            let late = rows.filter { row in
                let used = calendar.workdays(from: row[0].integer ?? 0, to: row[1].integer ?? 0) - Int(row[2].integer ?? 0)
                return used > Int(row[3].integer ?? 0)
            }.count
            #expect(try (rows.count, late) == overdue(code), "\(code)")
        }
    }

    @Test("Units without the effect are mostly on time: under 10% overdue across the province")
    func backgroundIsOnTime() throws {
        let plantedOverdue = fixture.summary.codes(.overdue).map { "'\($0)'" }.joined(separator: ", ")
        let sql = Self.overdueSQL.replacingOccurrences(of: "u.code = ?", with: "u.code NOT IN (\(plantedOverdue))")
        let row = try store.database.query(sql).first ?? []
        let finished = Int(row.first?.integer ?? 0)
        let late = Int(row.last?.integer ?? 0)
        #expect(finished > 10_000)
        #expect(late * 10 < finished, "\(late) of \(finished) overdue")
    }

    @Test("unrectified: each unit has bad reviews (rating ≤ 2, not default) and none of them is rectified")
    func unrectifiedUnits() throws {
        let codes = fixture.summary.codes(.unrectified)
        #expect(!codes.isEmpty)
        for code in codes {
            let row =
                try store.database.query(
                    """
                    SELECT count(*), count(r.rectified_at), count(r.revisited_at) FROM reviews r JOIN centers u ON u.id = r.center_id
                     WHERE u.code = ? AND r.rating <= 2 AND r.is_default = 0
                    """, [.text(code)]
                ).first ?? []
            #expect((row.first?.integer ?? 0) > 0, "\(code): no bad reviews")
            #expect(row.dropFirst() == [0, 0], "\(code): rectified or revisited bad reviews")
        }
        // Elsewhere most bad reviews are rectified.
        let list = codes.map { "'\($0)'" }.joined(separator: ", ")
        let elsewhere =
            try store.database.query(
                """
                SELECT count(*), count(r.rectified_at) FROM reviews r JOIN centers u ON u.id = r.center_id
                 WHERE u.code NOT IN (\(list)) AND r.rating <= 2 AND r.is_default = 0
                """
            ).first ?? []
        #expect((elsewhere.last?.integer ?? 0) * 2 > (elsewhere.first?.integer ?? 0))
    }

    @Test("serious: each unit has a serious inspection finding")
    func seriousUnits() throws {
        let codes = fixture.summary.codes(.serious)
        #expect(!codes.isEmpty)
        for code in codes {
            let serious = try store.database.integer(
                """
                SELECT count(*) FROM inspections i JOIN centers u ON u.id = i.center_id WHERE u.code = ? AND i.severity = 'serious'
                """, [.text(code)])
            #expect(serious >= 1, "\(code)")
        }
        // Serious findings are rare: only the planted units have them.
        let list = codes.map { "'\($0)'" }.joined(separator: ", ")
        #expect(
            try store.database.integer(
                """
                SELECT count(*) FROM inspections i JOIN centers u ON u.id = i.center_id WHERE u.code NOT IN (\(list)) AND i.severity = 'serious'
                """) == 0)
    }

    @Test("unconnected: each unit's platform integration has status none")
    func unconnectedUnits() throws {
        let codes = fixture.summary.codes(.unconnected)
        #expect(!codes.isEmpty)
        for code in codes {
            let status = try store.database.texts(
                """
                SELECT g.status FROM integrations g JOIN centers u ON u.id = g.center_id WHERE u.code = ? AND g.system = 'platform'
                """, [.text(code)])
            #expect(status == ["none"], "\(code)")
        }
    }

    @Test("excellent: no overdue case, all four systems connected, no inspection findings")
    func excellentUnits() throws {
        let codes = fixture.summary.codes(.excellent)
        #expect(!codes.isEmpty)
        for code in codes {
            let (finished, late) = try overdue(code)
            #expect(finished > 0, "\(code)")
            #expect(late == 0, "\(code): \(late) overdue")
            let connected = try store.database.texts(
                """
                SELECT g.system FROM integrations g JOIN centers u ON u.id = g.center_id
                 WHERE u.code = ? AND g.status = 'connected' ORDER BY g.system
                """, [.text(code)])
            #expect(connected == ["case_management", "monitoring", "platform", "review"], "\(code)")
            #expect(
                try store.database.integer(
                    "SELECT count(*) FROM inspections i JOIN centers u ON u.id = i.center_id WHERE u.code = ?", [.text(code)]) == 0,
                "\(code)")
        }
    }
}
