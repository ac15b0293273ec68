import Foundation
import Testing

@testable import KaopingStore

/// Table digests as digests of sets of rows (issue 22, point 10): the same whatever the order rows are read in,
/// taken in parallel parts, and kept up to date by a write through `Store.write` without reading the table again.
@Suite("Row-set digests")
struct RowSetDigestTests {
    /// A store with `count` units whose ids are spread over several parallel parts.
    static func store(units count: Int) throws -> (TemporaryDirectory, Store) {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("store.sqlite"))
        try store.database.transaction {
            let insert = try store.database.prepare(
                "INSERT INTO centers (id, code, name, kind, level, region) VALUES (?, ?, ?, 'sub_center', 'city', '南京市')")
            for number in 0..<count {
                // Ids far apart, so that the table spans several parts of `DigestPass.partRows` rowids.
                let id = Int64(number) * 100_003 + 1
                try insert.run([.integer(id), .text(String(format: "3201%06d", number)), .text("单位\(number)")])
            }
        }
        return (folder, store)
    }

    @Test("Adding rows in any order gives one sum; removing a row undoes adding it; the sum survives JSON")
    func arithmetic() throws {
        let lines = (0..<50).map { Array("i\($0)\u{1F}t3:abc\u{1F}\n".utf8) }
        var forward = RowSetDigest(columns: ["id", "name"])
        var backward = RowSetDigest(columns: ["id", "name"])
        for line in lines { forward.add(line: line) }
        for line in lines.reversed() { backward.add(line: line) }
        #expect(forward == backward && forward.rows == 50)
        var less = forward
        less.remove(line: lines[7])
        #expect(less != forward && less.rows == 49)
        less.add(line: lines[7])
        #expect(less == forward)
        var empty = RowSetDigest(columns: ["id", "name"])
        for line in lines { empty.remove(line: line) }
        empty.merge(forward)
        #expect(empty.sumHex == String(repeating: "0", count: 64) && empty.rows == 0)
        let json = try JSONEncoder().encode(forward)
        #expect(try JSONDecoder().decode(RowSetDigest.self, from: json) == forward)
        #expect(forward.hexDigest.count == 64 && forward.hexDigest != RowSetDigest(columns: ["id", "name"]).hexDigest)
    }

    @Test("The documented definition, computed independently (Python's hashlib): the sum of the rows' SHA-256, then the table's")
    func definition() throws {
        let (folder, store) = try Self.store(units: 0)
        try store.database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'abc'), (2, NULL)")
        let digest = try store.rowSet(of: "t")
        #expect(digest.sumHex == "9f297264d0b098e1d2128be03c6cd259e30d2bd16474da7ba7f889ce5e5bbc06")
        #expect(digest.hexDigest == "1f51e782585af98e8a1f6bc89b1cb6b271b6a42357c4ca6ef65054a09e597dc2")
        _ = folder
    }

    @Test("Read in parallel parts, read whole on one connection, and in reverse insertion order: one digest")
    func parallelEqualsWhole() throws {
        let (folder, store) = try Self.store(units: 40)
        let parallel = try store.rowSet(of: "centers")
        #expect(parallel.rows == 40)
        // Inside a write transaction the table is read whole on the store's own connection.
        let whole = try store.database.transaction { try store.rowSet(of: "centers") }
        #expect(whole == parallel)
        try store.database.execute(
            "CREATE TEMP TABLE saved AS SELECT * FROM centers; DELETE FROM centers; INSERT INTO centers SELECT * FROM saved ORDER BY id DESC"
        )
        #expect(try store.rowSet(of: "centers") == parallel)
        try store.database.execute("UPDATE centers SET name = '改名' WHERE id = 1")
        #expect(try store.rowSet(of: "centers") != parallel)
        // Rowids at both ends of the 64-bit range: the parts widen, every row is read once.
        try store.database.execute(
            "UPDATE centers SET id = -9223372036854775808 WHERE id = 1; UPDATE centers SET id = 9223372036854775807 WHERE id = 100004")
        let spread = try store.rowSet(of: "centers")
        #expect(spread.rows == 40)
        #expect(try store.database.transaction { try store.rowSet(of: "centers") } == spread)
        _ = folder
    }

    @Test("A write through Store.write keeps digests.json current: inserts, updates and deletes adjust it exactly")
    func journal() throws {
        let (folder, store) = try Self.store(units: 5)
        let tables = ["calendar", "centers"]
        let before = try store.dataDigest(tables: tables)
        try store.write { journal in
            try journal.track("centers")
            try store.database.execute(
                """
                INSERT INTO centers (id, code, name, kind, level, region) VALUES (9, '3209000001', '新单位', 'sub_center', 'city', '南京市');
                UPDATE centers SET name = '改名' WHERE id = 1;
                DELETE FROM centers WHERE id = 100004;
                """)
        }
        // The cache was adjusted, not dropped: it holds centers for the store's new state …
        let cache = try #require(DigestCache.read(folder: store.sidecarFolder, token: try store.stateToken()))
        let kept = try #require(cache.tables["centers"])
        // … and it is what reading the table again gives.
        #expect(kept == (try store.rowSet(of: "centers")))
        #expect(kept.rows == 5)
        let after = try store.dataDigest(tables: tables)
        #expect(after != before)
        #expect(after == (try store.dataDigest(tables: tables, useCache: false)))
        // The calendar, not written, kept its digest; a calendar load adjusts it in turn.
        try store.loadCalendar(WorkingCalendar(files: []), years: 2024...2024)
        let loaded = try #require(DigestCache.read(folder: store.sidecarFolder, token: try store.stateToken())?.tables["calendar"])
        #expect(loaded.rows == 366)
        #expect(try loaded == store.rowSet(of: "calendar"))
        _ = folder
    }

    @Test("A new store's digests are known without reading it, and a first write through Store.write keeps them")
    func newStore() throws {
        let folder = try TemporaryDirectory()
        let store = try Store.create(at: folder.file("new.sqlite"))
        let cache = try #require(DigestCache.read(folder: store.sidecarFolder, token: try store.stateToken()))
        #expect(Set(cache.tables.keys) == Set(CanonicalSchema.tables.map(\.name)))
        #expect(try cache.tables["cases"] == store.rowSet(of: "cases"))
        try store.write { journal in
            try journal.track("centers")
            try store.database.execute(
                "INSERT INTO centers (id, code, name, kind, level, region) VALUES (1, '3201000001', '单位', 'sub_center', 'city', '南京市')")
        }
        let kept = try #require(DigestCache.read(folder: store.sidecarFolder, token: try store.stateToken())?.tables["centers"])
        #expect(kept.rows == 1)
        #expect(try kept == store.rowSet(of: "centers"))
    }

    @Test("A row written against a CHECK (checks off) drops its table from the cache: the next run reads it and stops")
    func brokenRowsAreNotTrusted() throws {
        let (folder, store) = try Self.store(units: 3)
        _ = try store.dataDigest(tables: ["centers"])
        try store.write { journal in
            try journal.track("centers")
            try store.database.execute(
                """
                PRAGMA ignore_check_constraints = 1;
                UPDATE centers SET level = 'galaxy' WHERE id = 1;
                PRAGMA ignore_check_constraints = 0;
                """)
        }
        #expect(DigestCache.read(folder: store.sidecarFolder, token: try store.stateToken())?.tables["centers"] == nil)
        #expect(throws: StoreError.self) { try store.dataDigest(tables: ["centers"]) }
        _ = folder
    }

    @Test("A write by another connection is not followed: the digests are read again")
    func otherWriters() throws {
        let (folder, store) = try Self.store(units: 3)
        let before = try store.dataDigest(tables: ["centers"])
        let other = try Database(path: store.database.path)
        try other.execute("UPDATE centers SET name = '别处改的' WHERE id = 1")
        #expect(DigestCache.read(folder: store.sidecarFolder, token: try store.stateToken()) == nil)
        #expect(try store.dataDigest(tables: ["centers"]) != before)
        _ = folder
    }
}

extension DigestCache: Equatable {
    public static func == (a: DigestCache, b: DigestCache) -> Bool { a.token == b.token && a.tables == b.tables }
}
