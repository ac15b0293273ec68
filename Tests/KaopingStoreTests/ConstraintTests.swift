import KaopingStore
import Testing

/// A statement with one slot, filled once with a value the schema must refuse and once with one it accepts.
struct ConstraintCase: Sendable, CustomTestStringConvertible {
    let label: String
    let template: String
    let bad: String
    let good: String

    var testDescription: String { label }

    func statement(_ value: String) -> String { template.replacingOccurrences(of: "{}", with: value) }

    static let center = "INSERT INTO centers(id, code, name, kind, level, region, division_code) VALUES (9, 'X9', '测试单位', {})"
    static let caseRow =
        "INSERT INTO cases(case_no, center_id, kind, channel, window_type, status, one_thing, paused_days, accepted_at) VALUES ({})"
    static let review = "INSERT INTO reviews(review_no, center_id, rating, channel, rated_at) VALUES ('R9', 2, {})"
    static let inspection =
        "INSERT INTO inspections(center_id, inspected_at, mode, inspector_level, category, severity) VALUES (2, 1709515800, {})"
    static let integration = "INSERT INTO integrations(center_id, system, status, sync_failures) VALUES (2, {})"
    static let calendarRow = "INSERT INTO calendar(day, is_workday, region) VALUES ({}, NULL)"

    static let all: [ConstraintCase] = [
        ConstraintCase(
            label: "centers.kind bureau", template: center,
            bad: "'bureau', 'city', '南京市', NULL", good: "'onsite_point', 'city', '南京市', NULL"),
        ConstraintCase(
            label: "centers.level town", template: center,
            bad: "'sub_center', 'town', '南京市', NULL", good: "'sub_center', 'county', '南京市', NULL"),
        ConstraintCase(
            label: "centers.division_code of 4 digits", template: center,
            bad: "'sub_center', 'city', '南京市', '3201'", good: "'sub_center', 'city', '南京市', '320100'"),
        ConstraintCase(
            label: "centers.code duplicated",
            template: "INSERT INTO centers(id, code, name, kind, level, region) VALUES (9, {}, '测试单位', 'center', 'city', '南京市')",
            bad: "'320100Z001'", good: "'320100Z002'"),
        ConstraintCase(
            label: "integrations.status ok", template: integration, bad: "'platform', 'ok', 0", good: "'platform', 'in_progress', 0"),
        ConstraintCase(label: "integrations.system erp", template: integration, bad: "'erp', 'none', 0", good: "'monitoring', 'none', 0"),
        ConstraintCase(
            label: "integrations.sync_failures −1", template: integration, bad: "'review', 'faulty', -1", good: "'review', 'faulty', 1"),
        ConstraintCase(
            label: "catalog.item_type of 1 digit", template: "INSERT INTO catalog(basic_code, name, item_type) VALUES ('XK1', '某许可', {})",
            bad: "'1'", good: "'01'"),
        ConstraintCase(
            label: "cases.case_no duplicated", template: caseRow,
            bad: "'C1', 2, 'instant', 'online', NULL, 'accepted', 0, 0, 1709515800",
            good: "'C2', 2, 'instant', 'online', NULL, 'accepted', 0, 0, 1709515800"),
        ConstraintCase(
            label: "cases.kind urgent", template: caseRow,
            bad: "'C2', 2, 'urgent', 'online', NULL, 'accepted', 0, 0, 1709515800",
            good: "'C2', 2, 'promised', 'online', NULL, 'accepted', 0, 0, 1709515800"),
        ConstraintCase(
            label: "cases.channel fax", template: caseRow,
            bad: "'C2', 2, 'instant', 'fax', NULL, 'accepted', 0, 0, 1709515800",
            good: "'C2', 2, 'instant', 'mail', NULL, 'accepted', 0, 0, 1709515800"),
        ConstraintCase(
            label: "cases.window_type counter", template: caseRow,
            bad: "'C2', 2, 'instant', 'window', 'counter', 'accepted', 0, 0, 1709515800",
            good: "'C2', 2, 'instant', 'window', 'dedicated', 'accepted', 0, 0, 1709515800"),
        ConstraintCase(
            label: "cases.status done", template: caseRow,
            bad: "'C2', 2, 'instant', 'online', NULL, 'done', 0, 0, 1709515800",
            good: "'C2', 2, 'instant', 'online', NULL, 'voided', 0, 0, 1709515800"),
        ConstraintCase(
            label: "cases.one_thing 2", template: caseRow,
            bad: "'C2', 2, 'instant', 'online', NULL, 'accepted', 2, 0, 1709515800",
            good: "'C2', 2, 'instant', 'online', NULL, 'accepted', 1, 0, 1709515800"),
        ConstraintCase(
            label: "cases.paused_days −1", template: caseRow,
            bad: "'C2', 2, 'instant', 'online', NULL, 'accepted', 0, -1, 1709515800",
            good: "'C2', 2, 'instant', 'online', NULL, 'accepted', 0, 3, 1709515800"),
        ConstraintCase(
            label: "cases.accepted_at as date text", template: caseRow,
            bad: "'C2', 2, 'instant', 'online', NULL, 'accepted', 0, 0, '2024-03-04 09:30'",
            good: "'C2', 2, 'instant', 'online', NULL, 'accepted', 0, 0, 1709515800"),
        ConstraintCase(
            label: "cases.accepted_at with a fraction", template: caseRow,
            bad: "'C2', 2, 'instant', 'online', NULL, 'accepted', 0, 0, 1709515800.5",
            good: "'C2', 2, 'instant', 'online', NULL, 'accepted', 0, 0, NULL"),
        ConstraintCase(label: "reviews.rating 6", template: review, bad: "6, 'pc', 1709515800", good: "5, 'pc', 1709515800"),
        ConstraintCase(label: "reviews.rating 0", template: review, bad: "0, 'pc', 1709515800", good: "1, 'pc', 1709515800"),
        ConstraintCase(label: "reviews.channel wechat", template: review, bad: "3, 'wechat', 1709515800", good: "3, 'sms', 1709515800"),
        ConstraintCase(label: "reviews.rated_at missing", template: review, bad: "3, 'phone', NULL", good: "3, 'phone', 1709515800"),
        ConstraintCase(
            label: "inspections.mode drone", template: inspection,
            bad: "'drone', 'city', '擅自离岗', 'minor'", good: "'video', 'city', '擅自离岗', 'minor'"),
        ConstraintCase(
            label: "inspections.severity fatal", template: inspection,
            bad: "'open', 'city', '擅自离岗', 'fatal'", good: "'open', 'city', '擅自离岗', 'serious'"),
        ConstraintCase(
            label: "inspections.inspector_level town", template: inspection,
            bad: "'open', 'town', '擅自离岗', 'minor'", good: "'open', 'county', '擅自离岗', 'minor'"),
        ConstraintCase(label: "calendar.is_workday 2", template: calendarRow, bad: "'2024-02-18', 2", good: "'2024-02-18', 1"),
        ConstraintCase(label: "calendar.day with slashes", template: calendarRow, bad: "'2024/02/18', 1", good: "'2024-02-18', 1"),
        ConstraintCase(label: "calendar.day without padding", template: calendarRow, bad: "'2024-2-18', 1", good: "'2024-02-18', 1"),
    ]
}

@Suite("Canonical schema: constraints")
struct ConstraintTests {
    /// A store holding one center (id 1, code 320100Z001) and one case (C1), for the duplicates to collide with.
    private func seededStore(_ folder: TemporaryDirectory) throws -> Store {
        let store = try Store.create(at: folder.file("constraints.sqlite"))
        try store.database.execute(
            """
            INSERT INTO centers(id, code, name, kind, level, region) VALUES (1, '320100Z001', '南京市政务服务中心', 'center', 'city', '南京市');
            INSERT INTO cases(case_no, center_id, kind, channel, status) VALUES ('C1', 1, 'instant', 'online', 'accepted');
            """)
        return store
    }

    @Test("A value outside the schema throws a constraint error; the corrected value is accepted", arguments: ConstraintCase.all)
    func violation(_ check: ConstraintCase) throws {
        let folder = try TemporaryDirectory()
        let store = try seededStore(folder)
        let error = #expect(throws: SQLiteError.self) { try store.database.execute(check.statement(check.bad)) }
        // SQLITE_CONSTRAINT is 19; the extended codes (CHECK 275, UNIQUE 2067, NOT NULL 1299) keep it in the low byte.
        #expect(error.map { $0.code & 0xFF } == 19, "\(error.map(\.message) ?? "")")
        #expect(error?.sql == check.statement(check.bad))
        try store.database.execute(check.statement(check.good))
    }

    @Test("A time given as digits in text is stored as an integer (INTEGER affinity), so it passes the check")
    func numericTextBecomesInteger() throws {
        let folder = try TemporaryDirectory()
        let store = try seededStore(folder)
        try store.database.execute(
            "INSERT INTO cases(case_no, center_id, kind, channel, status, accepted_at) VALUES ('C2', 1, 'instant', 'mail', 'accepted', '1709515800')"
        )
        #expect(
            try store.database.query("SELECT typeof(accepted_at), accepted_at FROM cases WHERE case_no = 'C2'") == [
                ["integer", 1_709_515_800]
            ])
    }

    @Test("A failed statement inside a transaction leaves nothing behind")
    func transactionRollsBack() throws {
        let folder = try TemporaryDirectory()
        let store = try seededStore(folder)
        #expect(throws: SQLiteError.self) {
            try store.database.transaction {
                try store.database.execute(
                    "INSERT INTO cases(case_no, center_id, kind, channel, status) VALUES ('C2', 1, 'instant', 'mail', 'accepted')")
                try store.database.execute(
                    "INSERT INTO cases(case_no, center_id, kind, channel, status) VALUES ('C1', 1, 'instant', 'mail', 'accepted')")
            }
        }
        #expect(try store.database.scalar("SELECT group_concat(case_no) FROM cases") == "C1")
    }
}
