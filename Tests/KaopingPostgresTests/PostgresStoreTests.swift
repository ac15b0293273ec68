import KaopingPostgres
import KaopingStore
import Testing

/// Creating, opening, refusing and migrating a PostgreSQL store, each in a database of its own.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test("Create makes every canonical table with PostgreSQL types, marks the version, and open accepts it")
    func createAndOpen() throws {
        try TestServer.withDatabase("create and open") { database in
            let created = try PostgresStore.create(database)
            #expect(try created.version == CanonicalSchema.version)
            #expect(created.schema == "public")
            #expect(try created.tableNames() == CanonicalSchema.tables.map(\.name).sorted())
            let store = try PostgresStore.open(database)
            #expect(store.place == store.connection.location)
            for table in CanonicalSchema.tables {
                let columns = try store.columns(of: table.name)
                #expect(columns.map(\.name) == table.columns.map(\.name))
                for (column, spec) in zip(columns, table.columns) {
                    #expect(column.notNull == !spec.nullable, "\(table.name).\(spec.name)")
                    #expect(column.declaredType == PostgresSchema.type(of: spec).replacingOccurrences(of: " COLLATE \"C\"", with: ""))
                }
            }
            #expect(try store.columns(of: "cases").first { $0.name == "one_thing" }?.declaredType == "smallint")
            #expect(try store.columns(of: "no_such_table").isEmpty)
            let mark = try store.connection.query("SELECT key, value FROM kaoping_meta ORDER BY key")
            #expect(mark == [["application", "KPNG"], ["schema_version", String(CanonicalSchema.version)]])
            let indexes = try store.connection.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname")
            #expect(Set(indexes.map { $0[0]! }).isSuperset(of: ["calendar_day", "cases_center", "items_center", "reviews_center"]))
            // The keys hold: the calendar's unique index treats a NULL region as one region.
            try store.connection.execute("INSERT INTO calendar (day, is_workday) VALUES ('2024-02-18', 1)")
            #expect(throws: PostgresError.self) {
                try store.connection.execute("INSERT INTO calendar (day, is_workday) VALUES ('2024-02-18', 0)")
            }
            try store.connection.execute("INSERT INTO calendar (day, is_workday, region) VALUES ('2024-02-18', 0, '南京市')")
            // PostgreSQL enforces REFERENCES (SQLite does only with PRAGMA foreign_keys = ON).
            let orphan = #expect(throws: PostgresError.self) {
                try store.connection.execute("INSERT INTO items (item_code, center_id, name) VALUES ('X1', 99, '事项')")
            }
            #expect(orphan?.sqlState == "23503")
        }
    }

    @Test("Create refuses a schema that already holds tables, and creates nothing")
    func createRefusesNonEmpty() throws {
        try TestServer.withDatabase("create refuses") { database in
            try PostgresConnection(database).execute("CREATE TABLE hotline (id bigint)")
            let error = #expect(throws: PostgresError.self) { try PostgresStore.create(database) }
            #expect(error?.message.contains("schema public already holds 1 table(s) or other relation(s) (hotline)") == true)
            #expect(try PostgresConnection(database).query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'") == [["hotline"]])
        }
    }

    @Test("A store in a schema of its own, named by the connection's search_path")
    func ownSchema() throws {
        try TestServer.withDatabase("own schema") { database in
            try PostgresConnection(database).execute("CREATE SCHEMA kaoping_2024; CREATE TABLE public.hotline (id bigint)")
            let connectionString = database + " options='-csearch_path=kaoping_2024'"
            let store = try PostgresStore.create(connectionString)
            #expect(store.schema == "kaoping_2024")
            #expect(store.place.hasSuffix("(schema kaoping_2024)"))
            #expect(try PostgresStore.open(connectionString).tableNames().count == CanonicalSchema.tables.count)
            let unmarked = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            #expect(unmarked?.description.contains("schema public has no table kaoping_meta") == true)
        }
    }

    @Test("Open refuses a database without the mark, another application's, and a newer version, naming the place")
    func refusals() throws {
        try TestServer.withDatabase("open refusals") { database in
            let connection = try PostgresConnection(database)
            let place = connection.location
            let empty = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            #expect(
                empty?.description
                    == "\(place) is not a Kaoping store: schema public has no table kaoping_meta, where Kaoping marks its stores")
            try connection.execute("CREATE TABLE kaoping_meta (key text PRIMARY KEY, value text NOT NULL)")
            let unmarked = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            #expect(unmarked?.description.contains("has no row application = KPNG") == true)
            try connection.execute("INSERT INTO kaoping_meta VALUES ('application', 'OTHR'), ('schema_version', '3')")
            let other = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            #expect(other?.description.contains("another application's (application = OTHR)") == true)
            try connection.execute("UPDATE kaoping_meta SET value = 'KPNG' WHERE key = 'application'")
            try connection.execute("UPDATE kaoping_meta SET value = '\(CanonicalSchema.version + 1)' WHERE key = 'schema_version'")
            let newer = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            #expect(newer == .newerVersion(path: place, found: CanonicalSchema.version + 1, supported: CanonicalSchema.version))
            #expect(newer?.description.contains("upgrade Kaoping") == true)
        }
    }

    /// A version-1 store as Kaoping 1 would have written it: only the tables and columns whose `since` is 1.
    private func writeVersion1(_ database: String) throws {
        let connection = try PostgresConnection(database)
        try connection.transaction {
            for statement in try PostgresSchema.statements(version: 1) { try connection.execute(statement) }
            try connection.execute(PostgresSchema.markStatement(version: 1))
            try connection.execute(
                """
                INSERT INTO centers(id, code, name, kind, level, region, parent_id)
                    VALUES (1, '320100Z001', '南京市政务服务中心', 'center', 'city', '南京市', NULL),
                           (2, '320100F001', '南京市政务服务中心不动产登记分中心', 'sub_center', 'city', '南京市', 1);
                INSERT INTO integrations(center_id, system, status, sync_failures) VALUES (2, 'platform', 'connected', 3);
                INSERT INTO cases(case_no, center_id, kind, channel, status, accepted_at, finished_at, promised_days)
                    VALUES ('C1', 2, 'promised', 'window', 'finished', 1709515800, 1710120600, 10);
                """)
        }
    }

    @Test("Opening a version-1 store migrates it in one transaction: new columns with defaults, old rows intact")
    func migrates() throws {
        try TestServer.withDatabase("migration") { database in
            try writeVersion1(database)
            let before = try PostgresConnection(database)
            #expect(try before.scalar("SELECT value FROM kaoping_meta WHERE key = 'schema_version'") == "1")
            #expect(try !before.query("SELECT attname FROM pg_attribute WHERE attrelid = 'cases'::regclass").contains(["corrections"]))
            let store = try PostgresStore.open(database)
            #expect(try store.version == CanonicalSchema.version)
            for table in CanonicalSchema.tables {
                let expected = table.columns.filter { $0.since == 1 }.map(\.name) + table.columns.filter { $0.since > 1 }.map(\.name)
                #expect(try store.columns(of: table.name).map(\.name) == expected, "\(table.name)")
            }
            let row = try store.connection.query("SELECT corrections, visits, applicant_key, paused_days FROM cases WHERE case_no = 'C1'")
            #expect(row == [["0", nil, nil, "0"]])
            #expect(try store.connection.scalar("SELECT sync_batches FROM integrations") == "0")
            #expect(try store.connection.scalar("SELECT division_code FROM centers WHERE id = 2") == nil)
            // The added columns carry their CHECKs.
            #expect(throws: PostgresError.self) { try store.connection.execute("UPDATE centers SET division_code = '32010' WHERE id = 2") }
            // Opening again changes nothing.
            #expect(try PostgresStore.open(database).version == CanonicalSchema.version)
        }
    }

    @Test("A migration that fails is rolled back whole: the store stays at version 1, its rows as they were")
    func failedMigrationRollsBack() throws {
        try TestServer.withDatabase("failed migration") { database in
            try writeVersion1(database)
            // A column of version 3 planted by hand, so that adding it fails after version 2's columns were added.
            try PostgresConnection(database).execute("ALTER TABLE cases ADD COLUMN applicant_key bigint")
            let error = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            #expect(error?.description.contains("could not migrate") == true)
            #expect(error?.description.contains("from schema version 1") == true)
            #expect(error?.description.contains("already exists") == true)
            let after = try PostgresConnection(database)
            #expect(try after.scalar("SELECT value FROM kaoping_meta WHERE key = 'schema_version'") == "1")
            let columns = try after.query("SELECT attname FROM pg_attribute WHERE attrelid = 'cases'::regclass AND attnum > 0").map {
                $0[0]
            }
            #expect(!columns.contains("corrections"))
            #expect(try after.scalar("SELECT count(*) FROM cases") == "1")
        }
    }
}
