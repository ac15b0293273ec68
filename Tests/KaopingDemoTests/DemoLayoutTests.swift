import Foundation
import KaopingDemo
import KaopingStore
import Testing

/// The demo province as the default seed lays it out (read from a 5,000-case store: the layout does not depend
/// on the number of cases).
@Suite("The demo province: units, names, items, volumes")
struct DemoLayoutTests {
    let fixture: DemoFixture
    let store: Store

    init() throws {
        fixture = try DemoFixture.small.get()
        store = try fixture.open()
    }

    @Test("A valid Kaoping store of the current version")
    func isAStore() throws {
        #expect(try store.version == CanonicalSchema.version)
        // The canonical tables plus one extra table, the assessors' findings of the 银川 example.
        #expect(try store.tableNames() == (CanonicalSchema.tables.map(\.name) + ["assessor_findings"]).sorted())
        #expect(
            try store.database.query("SELECT key, value FROM kaoping_meta ORDER BY key") == [
                ["demo.cases", "5000"], ["demo.seed", "2024"], ["demo.year", "2024"],
                ["period_column.assessor_findings", "found_at"], ["source", "kaoping demo"],
            ])
    }

    /// Jiangsu: one province center, the 13 prefecture-level cities, and 95 county-level divisions
    /// (55 districts, 21 county-level cities, 19 counties), each with its comprehensive center.
    @Test("13 cities and their counties, each with a comprehensive center")
    func centers() throws {
        let db = store.database
        #expect(
            try db.query("SELECT level, count(*) FROM centers WHERE kind = 'center' GROUP BY level ORDER BY level") == [
                ["city", 13], ["county", 95], ["province", 1],
            ])
        #expect(
            try Set(db.texts("SELECT region FROM centers WHERE kind = 'center' AND level = 'city'")) == [
                "南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市",
            ])
        #expect(try db.integer("SELECT count(DISTINCT region) FROM centers WHERE level <> 'province'") == 13)
        // Every assessed unit hangs under the comprehensive center of its own place.
        #expect(
            try db.integer(
                """
                SELECT count(*) FROM centers u JOIN centers p ON p.id = u.parent_id
                WHERE u.kind <> 'center' AND (p.kind <> 'center' OR p.level <> u.level OR p.region <> u.region
                                              OR coalesce(p.county, '') <> coalesce(u.county, ''))
                """) == 0)
        #expect(try db.integer("SELECT count(*) FROM centers WHERE kind <> 'center' AND parent_id IS NULL") == 0)
    }

    @Test("About 1,500 assessed units: sub-centers of named departments and on-site points at every level")
    func assessedUnits() throws {
        let db = store.database
        let assessed = try db.integer("SELECT count(*) FROM centers WHERE kind <> 'center'")
        #expect((1_400...1_600).contains(assessed), "\(assessed) assessed units")
        #expect(try db.integer("SELECT count(DISTINCT level) FROM centers WHERE kind = 'sub_center'") == 3)
        #expect(try db.integer("SELECT count(DISTINCT level) FROM centers WHERE kind = 'onsite_point'") == 3)
        #expect(try db.integer("SELECT count(*) FROM centers WHERE kind <> 'center' AND (department IS NULL OR department = '')") == 0)
        #expect(try db.integer("SELECT count(*) FROM centers WHERE division_code IS NULL") == 0)
        #expect(try db.integer("SELECT count(DISTINCT code) FROM centers") == db.integer("SELECT count(*) FROM centers"))
    }

    /// 第五条: "××政务服务中心××分中心" (on-site points: "××政务服务中心××现场办理点"). GLOB's `?` is one character.
    static let namingRule = """
        ((kind = 'sub_center' AND name GLOB '?*政务服务中心?*分中心')
         OR (kind = 'onsite_point' AND name GLOB '?*政务服务中心?*现场办理点'))
        """

    @Test("A few names break the 第五条 naming rule, and the summary lists exactly those")
    func misnamed() throws {
        let db = store.database
        let breaking = try db.texts("SELECT code FROM centers WHERE kind <> 'center' AND NOT \(Self.namingRule) ORDER BY code")
        #expect(!fixture.summary.misnamed.isEmpty)
        #expect(fixture.summary.misnamed.sorted() == breaking)
        let assessed = try db.integer("SELECT count(*) FROM centers WHERE kind <> 'center'")
        #expect(breaking.count * 20 < assessed, "a few, not many: \(breaking.count) of \(assessed)")
        for code in fixture.summary.misnamed {
            let name = try db.texts("SELECT name FROM centers WHERE code = ?", [.text(code)]).first ?? ""
            let follows = name.wholeMatch(of: /.+政务服务中心.+(分中心|现场办理点)/) != nil
            #expect(!follows, "\(code) \(name)")
        }
    }

    @Test("The catalog and the units' items, some of which do not match it")
    func items() throws {
        let db = store.database
        #expect(try db.integer("SELECT count(*) FROM catalog") > 100)
        #expect(try db.integer("SELECT count(*) FROM items WHERE basic_code NOT IN (SELECT basic_code FROM catalog)") > 0)
        #expect(
            try db.integer(
                """
                SELECT count(*) FROM items i JOIN catalog c ON c.basic_code = i.basic_code WHERE i.name <> c.name OR i.item_type <> c.item_type
                """) > 0)
        // Most items match: the mismatches are planted in a minority of units.
        #expect(
            try db.integer("SELECT count(*) FROM items WHERE basic_code IN (SELECT basic_code FROM catalog)") * 10
                > db.integer("SELECT count(*) FROM items") * 9)
        #expect(
            try db.integer(
                "SELECT count(*) FROM centers u WHERE kind <> 'center' AND NOT EXISTS (SELECT 1 FROM items WHERE center_id = u.id)") == 0)
    }

    @Test("The case count is exact, and reviews cover about 30% of the cases")
    func volumes() throws {
        let db = store.database
        #expect(try db.integer("SELECT count(*) FROM cases") == 5_000)
        #expect(fixture.summary.rows["cases"] == 5_000)
        let reviews = try db.integer("SELECT count(*) FROM reviews")
        #expect((1_250...1_750).contains(reviews), "\(reviews) reviews for 5000 cases")
        #expect(fixture.summary.rows["reviews"] == reviews)
        // 2020-01-01 … 2026-12-31: 7 × 365 + 2 leap days.
        #expect(try db.integer("SELECT count(*) FROM calendar") == 2_557)
        #expect(try db.integer("SELECT sum(is_workday) FROM calendar WHERE day LIKE '2024-%'") == 251)
        // Every unit has its four systems.
        #expect(
            try db.integer("SELECT count(*) FROM integrations") == 4 * db.integer("SELECT count(*) FROM centers WHERE kind <> 'center'"))
    }

    /// 2024-01-01 00:00 China time is 1704038400; 2025-01-01 00:00 China time is 1735660800.
    @Test("Cases are consistent: accepted in 2024, finished after acceptance, kinds match time limits")
    func caseConsistency() throws {
        let db = store.database
        #expect(try db.integer("SELECT count(*) FROM cases WHERE accepted_at < 1704038400 OR accepted_at >= 1735660800") == 0)
        #expect(try db.integer("SELECT count(*) FROM cases WHERE submitted_at > accepted_at") == 0)
        #expect(try db.integer("SELECT count(*) FROM cases WHERE finished_at < accepted_at") == 0)
        #expect(try db.integer("SELECT count(*) FROM cases WHERE (status = 'finished') <> (finished_at IS NOT NULL)") == 0)
        #expect(try db.integer("SELECT count(*) FROM cases WHERE (kind = 'promised') <> (promised_days > 0)") == 0)
        #expect(try db.integer("SELECT count(*) FROM cases WHERE (channel = 'window') <> (window_type IS NOT NULL)") == 0)
        #expect(
            try db.integer(
                "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.item_code = c.item_code AND i.center_id = c.center_id)"
            ) == 0)
        #expect(
            try db.integer(
                "SELECT count(*) FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_no = r.case_no AND c.center_id = r.center_id)"
            ) == 0)
        #expect(try db.integer("SELECT count(*) FROM cases WHERE kind = 'instant'") > 0)
        #expect(try db.integer("SELECT count(*) FROM cases WHERE kind = 'promised'") > 0)
    }

    @Test("Planted units: a few per effect, distinct, city-level sub-centers with well-formed names")
    func plantedUnits() throws {
        let planted = fixture.summary.planted
        let expected: [PlantedEffect: Int] = [.overdue: 6, .unrectified: 6, .serious: 5, .unconnected: 6, .excellent: 8]
        for effect in PlantedEffect.allCases {
            #expect(fixture.summary.codes(effect).count == expected[effect], "\(effect)")
        }
        #expect(Set(planted.map(\.code)).count == planted.count)
        let misnamed = Set(fixture.summary.misnamed)
        for unit in planted {
            let row = try store.database.query("SELECT name, kind, level FROM centers WHERE code = ?", [.text(unit.code)])
            #expect(row == [[.text(unit.name), "sub_center", "city"]], "\(unit.code)")
            #expect(!misnamed.contains(unit.code))
        }
    }

    @Test("docs/demo.md names every planted unit of the default seed")
    func documented() throws {
        let doc = try String(contentsOf: DemoFixture.projectRoot.appendingPathComponent("docs/demo.md"), encoding: .utf8)
        for unit in fixture.summary.planted {
            #expect(doc.contains(unit.name), "\(unit.effect): \(unit.name)")
        }
    }
}
