import Foundation
import KaopingStore
import Testing

/// One hand-written row of a canonical table, every column given.
struct CanonicalRow: Sendable, CustomTestStringConvertible {
    let table: String
    let values: [(column: String, value: SQLValue)]

    var testDescription: String { table }

    var insertSQL: String {
        let names = values.map { quoteIdentifier($0.column) }.joined(separator: ", ")
        let marks = values.map { _ in "?" }.joined(separator: ", ")
        return "INSERT INTO \(quoteIdentifier(table)) (\(names)) VALUES (\(marks))"
    }

    var selectSQL: String {
        "SELECT " + values.map { quoteIdentifier($0.column) }.joined(separator: ", ") + " FROM \(quoteIdentifier(table))"
    }

    /// 2024-03-04 (Monday) 09:30 China time = 2024-03-04 01:30 UTC = 19786 days × 86400 + 5400.
    static let accepted: Int64 = 1_709_515_800

    static let all: [CanonicalRow] = [
        CanonicalRow(
            table: "centers",
            values: [
                ("id", 2), ("code", "320100F001"), ("name", "南京市政务服务中心不动产登记分中心"), ("kind", "sub_center"),
                ("level", "city"), ("region", "南京市"), ("county", nil), ("division_code", "320100"), ("parent_id", 1),
                ("department", "南京市自然资源和规划局"), ("head_changed_at", 1_718_848_800), ("head_change_filed_at", 1_719_280_800),
            ]),
        CanonicalRow(
            table: "integrations",
            values: [
                ("center_id", 2), ("system", "case_management"), ("status", "faulty"), ("connected_at", 1_600_000_000),
                ("last_sync_at", 1_735_660_800), ("sync_failures", 57), ("sync_batches", 366),
            ]),
        CanonicalRow(
            table: "catalog",
            values: [
                ("basic_code", "QR00101000"), ("name", "不动产首次登记"), ("item_type", "07"), ("legal_basis", "《不动产登记暂行条例》第十四条"),
            ]),
        CanonicalRow(
            table: "items",
            values: [
                ("item_code", "320100F001-QR00101000"), ("center_id", 2), ("basic_code", "QR00101000"), ("name", "不动产首次登记"),
                ("item_type", "07"), ("legal_basis", "《不动产登记暂行条例》第十四条"), ("statutory_days", 30), ("promised_days", 10),
                ("changed_at", 1_710_000_000), ("change_reported_at", nil),
            ]),
        CanonicalRow(
            table: "cases",
            values: [
                ("case_no", "32010020240000001"), ("center_id", 2), ("item_code", "320100F001-QR00101000"), ("kind", "promised"),
                ("channel", "window"), ("window_type", "comprehensive"), ("submitted_at", .integer(accepted - 600)),
                ("accepted_at", .integer(accepted)), ("finished_at", .integer(accepted + 7 * 86_400)), ("promised_days", 10),
                ("statutory_days", 30), ("paused_days", 2), ("status", "finished"), ("result", "granted"), ("one_thing", 1),
                ("proxy_service", 0), ("appointment", 1), ("off_hours", 0), ("corrections", 1), ("visits", 2),
                ("applicant_key", "5f2b6d0c9a8e7f4b3c1d2e6f8a9b0c7d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b"),
            ]),
        CanonicalRow(
            table: "reviews",
            values: [
                ("review_no", "PJ20240000001"), ("case_no", "32010020240000001"), ("center_id", 2), ("rating", 2), ("channel", "tablet"),
                ("is_default", 0), ("is_malicious", 0), ("rated_at", 1_710_200_000), ("replied_at", 1_710_210_000),
                ("verified_at", 1_710_300_000), ("rectified_at", nil), ("revisited_at", nil),
            ]),
        CanonicalRow(
            table: "inspections",
            values: [
                ("id", 1), ("center_id", 2), ("inspected_at", 1_710_150_000), ("mode", "covert"), ("inspector_level", "province"),
                ("category", "擅自离岗"), ("severity", "general"), ("description", "3月11日15:20，暗访发现窗口无人。"),
                ("due_at", 1_711_000_000), ("rectified_at", 1_710_800_000),
            ]),
        CanonicalRow(
            table: "complaints",
            values: [
                ("id", 1), ("center_id", 2), ("received_at", 1_710_400_000), ("due_at", 1_710_900_000), ("closed_at", nil),
                ("substantiated", 1),
            ]),
        CanonicalRow(table: "calendar", values: [("day", "2024-02-18"), ("is_workday", 1), ("region", "南京市")]),
        CanonicalRow(table: "kaoping_meta", values: [("key", "source"), ("value", "hand-written test row")]),
    ]
}

@Suite("Canonical schema: create, write, read back")
struct SchemaRoundTripTests {
    @Test("A new store has exactly the canonical tables and columns, stamped KPNG with the current version")
    func freshStoreLayout() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("new.sqlite"))
        #expect(try store.version == CanonicalSchema.version)
        // "KPNG" = 0x4B 0x50 0x4E 0x47 = 1263554119.
        #expect(try store.database.scalar("PRAGMA application_id") == .integer(1_263_554_119))
        #expect(
            try store.tableNames() == [
                "calendar", "cases", "catalog", "centers", "complaints", "inspections", "integrations", "items", "kaoping_meta", "reviews",
            ])
        for table in CanonicalSchema.tables {
            #expect(try store.columns(of: table.name).map(\.name) == table.columns.map(\.name), "\(table.name)")
        }
        #expect(try store.columns(of: "calendar").map(\.declaredType) == ["TEXT", "INTEGER", "TEXT"])
        #expect(try store.columns(of: "calendar").map(\.notNull) == [true, true, false])
    }

    @Test("The hand-written rows cover every canonical table and every column")
    func rowsCoverTheSchema() {
        #expect(CanonicalRow.all.map(\.table) == CanonicalSchema.tables.map(\.name))
        for row in CanonicalRow.all {
            #expect(row.values.map(\.column) == CanonicalSchema.table(row.table)?.columns.map(\.name), "\(row.table)")
        }
    }

    @Test("A row written to each table reads back unchanged", arguments: CanonicalRow.all)
    func roundTrip(row: CanonicalRow) throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("round-trip.sqlite")
        do {
            let store = try Store.create(at: path)
            try store.database.prepare(row.insertSQL).run(row.values.map(\.value))
        }
        let reopened = try Store.open(at: path, readOnly: true)
        let rows = try reopened.database.query(row.selectSQL)
        #expect(rows == [row.values.map(\.value)])
    }

    @Test("Defaults fill the flags and counters a source leaves out")
    func defaults() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("defaults.sqlite"))
        try store.database.execute(
            """
            INSERT INTO cases(case_no, center_id, kind, channel, status) VALUES ('C1', 2, 'instant', 'online', 'accepted');
            INSERT INTO integrations(center_id, system, status) VALUES (2, 'review', 'none');
            INSERT INTO reviews(review_no, center_id, rating, channel, rated_at) VALUES ('R1', 2, 5, 'qrcode', 1710000000);
            """)
        let caseRow = try store.database.query(
            "SELECT paused_days, one_thing, proxy_service, appointment, off_hours, corrections, visits, window_type FROM cases")
        #expect(caseRow == [[0, 0, 0, 0, 0, 0, nil, nil]])
        #expect(try store.database.query("SELECT sync_failures, sync_batches FROM integrations") == [[0, 0]])
        #expect(try store.database.query("SELECT is_default, is_malicious FROM reviews") == [[0, 0]])
    }

    @Test("create refuses to replace an existing file")
    func createRefusesExistingFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("taken.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SQLiteError.self) { try Store.create(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("keep me".utf8))
    }
}
