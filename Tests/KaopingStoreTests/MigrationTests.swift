import Foundation
import KaopingStore
import Testing

@Suite("Migration from schema version 1")
struct MigrationTests {
    /// Writes a version-1 store the way Kaoping 1 did: only the columns and tables whose `since` is 1.
    /// `extra` runs before stamping, to plant a conflict.
    private func writeVersion1(at path: String, extra: String = "") throws {
        let database = try Database(path: path, mode: .create)
        for table in CanonicalSchema.tables where table.since <= 1 {
            try database.execute(table.createStatement(version: 1))
            for index in table.indexes { try database.execute(index) }
        }
        try database.execute(
            """
            INSERT INTO centers(id, code, name, kind, level, region, parent_id)
                VALUES (1, '320100Z001', '南京市政务服务中心', 'center', 'city', '南京市', NULL),
                       (2, '320100F001', '南京市政务服务中心不动产登记分中心', 'sub_center', 'city', '南京市', 1);
            INSERT INTO integrations(center_id, system, status, sync_failures) VALUES (2, 'platform', 'connected', 3);
            INSERT INTO cases(case_no, center_id, kind, channel, status, accepted_at, finished_at, promised_days)
                VALUES ('C1', 2, 'promised', 'window', 'finished', 1709515800, 1710120600, 10);
            INSERT INTO calendar(day, is_workday) VALUES ('2024-02-18', 1);
            """)
        if !extra.isEmpty { try database.execute(extra) }
        try database.execute("PRAGMA application_id = \(CanonicalSchema.applicationID); PRAGMA user_version = 1")
    }

    private func rawVersion(_ path: String) throws -> Int64? {
        try Database(path: path, mode: .readOnly).scalar("PRAGMA user_version")?.integer
    }

    @Test("Version 1 has none of the version-2 columns")
    func version1Layout() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("v1.sqlite")
        try writeVersion1(at: path)
        let database = try Database(path: path, mode: .readOnly)
        let names = try database.query("SELECT name FROM pragma_table_info('centers')").compactMap { $0[0].text }
        #expect(!names.contains("division_code"))
        #expect(names.count == 11)
        #expect(try rawVersion(path) == 1)
    }

    @Test("Opening a version-1 store migrates it in place: new columns with defaults, old rows intact")
    func migrates() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("v1.sqlite")
        try writeVersion1(at: path)
        let store = try Store.open(at: path)
        #expect(try store.version == CanonicalSchema.version)
        // ALTER TABLE appends, so a migrated table has the version-1 columns first and the new ones after them.
        for table in CanonicalSchema.tables {
            let expected = table.columns.filter { $0.since == 1 }.map(\.name) + table.columns.filter { $0.since > 1 }.map(\.name)
            #expect(try store.columns(of: table.name).map(\.name) == expected, "\(table.name)")
        }
        #expect(try store.columns(of: "centers").last?.name == "division_code")
        // The version-2 columns: centers.division_code (NULL), integrations.sync_batches (DEFAULT 0),
        // cases.corrections (DEFAULT 0) and cases.visits (NULL).
        #expect(
            try store.database.query("SELECT id, code, parent_id, division_code FROM centers ORDER BY id") == [
                [1, "320100Z001", nil, nil], [2, "320100F001", 1, nil],
            ])
        #expect(
            try store.database.query("SELECT system, status, sync_failures, sync_batches FROM integrations") == [
                ["platform", "connected", 3, 0]
            ])
        #expect(
            try store.database.query("SELECT case_no, accepted_at, finished_at, promised_days, paused_days, corrections, visits FROM cases")
                == [
                    ["C1", 1_709_515_800, 1_710_120_600, 10, 0, 0, nil]
                ])
        #expect(try store.database.query("SELECT day, is_workday, region FROM calendar") == [["2024-02-18", 1, nil]])
        // The new columns carry their constraints.
        #expect(throws: SQLiteError.self) { try store.database.execute("UPDATE centers SET division_code = '32' WHERE id = 2") }
        #expect(throws: SQLiteError.self) { try store.database.execute("UPDATE cases SET corrections = -1") }
        #expect(try rawVersion(path) == Int64(CanonicalSchema.version))
    }

    @Test("Opening a version-1 store read-only migrates it and returns a read-only connection")
    func migratesForReadOnly() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("v1.sqlite")
        try writeVersion1(at: path)
        let store = try Store.open(at: path, readOnly: true)
        #expect(try store.version == CanonicalSchema.version)
        #expect(throws: SQLiteError.self) { try store.database.execute("DELETE FROM cases") }
    }

    /// `cases.visits` already exists, so the last ALTER fails after the ALTERs on centers, integrations and
    /// cases.corrections have run: the whole migration must roll back.
    @Test("A failing migration step leaves the file at version 1, unchanged")
    func failureRollsBack() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("v1.sqlite")
        try writeVersion1(at: path, extra: "ALTER TABLE cases ADD COLUMN visits TEXT")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try Store.open(at: path) }
        guard case .migrationFailed(let reported, let from, let reason)? = error else {
            Issue.record("expected .migrationFailed, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(from == 1)
        #expect(reason.contains("duplicate column name: visits"))
        #expect(try rawVersion(path) == 1)
        let database = try Database(path: path, mode: .readOnly)
        let centerColumns = try database.query("SELECT name FROM pragma_table_info('centers')").compactMap { $0[0].text }
        let integrationColumns = try database.query("SELECT name FROM pragma_table_info('integrations')").compactMap { $0[0].text }
        #expect(!centerColumns.contains("division_code"))
        #expect(!integrationColumns.contains("sync_batches"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
