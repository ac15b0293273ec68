import KaopingPostgres
import KaopingStore
import Testing

/// Keys by unit (issue 23, point 5): `cases` and `reviews` unique by (center_id, number), the form Citus needs to
/// distribute them by `center_id` — created so, or changed so in place, and accepted when the store is opened.
@Suite("PostgreSQL store keyed by unit")
struct UnitKeysTests {
    /// What keeps `table` from being distributed by `center_id` on Citus, which keeps a table's unique keys only
    /// when each includes the column it is spread by: the unique indexes (primary key included) without it.
    static func citusObstacles(_ table: String, _ connection: PostgresConnection) throws -> [String] {
        try connection.query(
            """
            SELECT i.relname FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            WHERE t.relname = $1 AND x.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'center_id' AND a.attnum = ANY (x.indkey))
            ORDER BY 1
            """, [table]
        ).compactMap { $0.first ?? nil }
    }

    @Test("Created keyed by unit: every unique key of cases and reviews includes center_id; open accepts it")
    func created() throws {
        try TestServer.withDatabase("created keyed by unit") { database in
            let connection = try PostgresConnection(database)
            let national = try PostgresStore.create(database)
            // As Kaoping makes a store by default, Citus would refuse to distribute both.
            #expect(try Self.citusObstacles("cases", connection) == ["cases_case_no_key"])
            #expect(try Self.citusObstacles("reviews", connection) == ["reviews_review_no_key"])
            for name in PostgresStore.unitKeyedTables {
                #expect(try national.isKeyedByUnit(try #require(CanonicalSchema.table(name))) == false)
            }
            try connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")

            let store = try PostgresStore.create(database, keysByUnit: true)
            for name in PostgresStore.unitKeyedTables {
                #expect(try Self.citusObstacles(name, connection) == [], "\(name)")
                #expect(try store.isKeyedByUnit(try #require(CanonicalSchema.table(name))))
            }
            // The other tables are as before, and the number is still indexed for lookups by number.
            #expect(try store.isKeyedByUnit(try #require(CanonicalSchema.table("centers"))) == false)
            let indexes = try connection.query("SELECT indexname FROM pg_indexes WHERE tablename IN ('cases', 'reviews') ORDER BY 1")
            #expect(
                indexes.compactMap { $0.first ?? nil } == [
                    "cases_case_no", "cases_center", "cases_center_id_case_no_key", "reviews_center", "reviews_center_id_review_no_key",
                    "reviews_review_no",
                ])
            _ = try PostgresStore.open(database)
            #expect(try store.keyByUnit() == [], "keyed already: nothing to change")
        }
    }

    @Test("A store with rows is keyed by unit in place: rows kept, the keys hold, open accepts it")
    func changedInPlace() throws {
        try TestServer.withDatabase("keyed by unit in place") { database in
            let store = try PostgresStore.create(database)
            let connection = store.connection
            try connection.execute(
                """
                INSERT INTO centers (id, code, name, kind, level, region) VALUES (1, 'A', '甲', 'sub_center', 'city', '南京市'), (2, 'B', '乙', 'sub_center', 'city', '南京市');
                INSERT INTO cases (case_no, center_id, status, kind, channel)
                    VALUES ('K1', 1, 'finished', 'instant', 'window'), ('K2', 2, 'finished', 'instant', 'window');
                INSERT INTO reviews (review_no, case_no, center_id, rating, channel, rated_at) VALUES ('R1', 'K1', 1, 5, 'pc', 1700000100);
                """)
            #expect(try store.keyByUnit() == ["cases", "reviews"])
            #expect(try Self.citusObstacles("cases", connection) == [])
            #expect(try Self.citusObstacles("reviews", connection) == [])
            #expect(try connection.scalar("SELECT string_agg(case_no || ':' || center_id, ',' ORDER BY case_no) FROM cases") == "K1:1,K2:2")
            #expect(try connection.scalar("SELECT count(*) FROM reviews") == "1")
            _ = try PostgresStore.open(database)
            // The key is now the unit and the number: the same number twice in one unit is refused.
            #expect(throws: PostgresError.self) {
                try connection.execute(
                    "INSERT INTO cases (case_no, center_id, status, kind, channel) VALUES ('K1', 1, 'finished', 'instant', 'window')")
            }
        }
    }

    @Test(
        "Open refuses a table keyed by neither form, or by the number before the unit",
        arguments: [
            ("ALTER TABLE cases DROP CONSTRAINT cases_center_id_case_no_key", "cases", "lets two rows share one case_no"),
            (
                "ALTER TABLE reviews DROP CONSTRAINT reviews_center_id_review_no_key; ALTER TABLE reviews ADD UNIQUE (review_no, center_id)",
                "reviews", "lets two rows share one review_no"
            ),
        ])
    func refusesNeither(_ change: (sql: String, table: String, problem: String)) throws {
        try TestServer.withDatabase("keyed by neither: \(change.table)") { database in
            _ = try PostgresStore.create(database, keysByUnit: true)
            try PostgresConnection(database).execute(change.sql)
            let error = #expect(throws: StoreError.self) { try PostgresStore.open(database) }
            let message = error.map { "\($0)" } ?? ""
            #expect(message.contains("table \(change.table) ") && message.contains(change.problem), "\(message)")
        }
    }
}
