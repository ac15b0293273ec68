import Foundation
import KaopingStore
import Testing

/// The `regexp` function every Kaoping connection registers for SQLite's `REGEXP` (the SQLite form of matches()).
@Suite("REGEXP on Kaoping's connections")
struct RegexpFunctionTests {
    @Test("Occurs anywhere unless anchored, NULL for NULL, Swift's Regex syntax")
    func meaning() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.file("r.sqlite"), mode: .create)
        func regexp(_ text: String, _ pattern: String) throws -> SQLValue? {
            try database.scalar("SELECT \(text) REGEXP \(pattern)")
        }
        #expect(try regexp("'南京市政务服务中心人社分中心'", "'^.+政务服务中心.+(分中心|现场办理点)$'") == .integer(1))
        #expect(try regexp("'南京市政务服务中心人社窗口'", "'^.+政务服务中心.+(分中心|现场办理点)$'") == .integer(0))
        #expect(try regexp("'abc'", "'b'") == .integer(1))
        #expect(try regexp("'abc'", "'^b'") == .integer(0))
        #expect(try regexp("'南京 12'", "'^\\S{2}\\s\\d+$'") == .integer(1))
        #expect(try regexp("NULL", "'a'") == .null)
        #expect(try regexp("'a'", "NULL") == .null)
        #expect(throws: SQLiteError.self) { try regexp("'a'", "'(a'") }
    }

    @Test("One pattern over many rows of a statement (compiled once, kept as the statement's data)")
    func manyRows() throws {
        let folder = try TemporaryDirectory()
        let database = try Database(path: folder.file("r.sqlite"), mode: .create)
        try database.execute("CREATE TABLE t(x TEXT)")
        try database.transaction {
            let insert = try database.prepare("INSERT INTO t(x) VALUES (?)")
            for index in 0..<5_000 { try insert.run([.text(index % 3 == 0 ? "分中心\(index)" : "点\(index)")]) }
        }
        #expect(try database.scalar("SELECT sum(x REGEXP '^分中心[0-9]+$') FROM t") == .integer(1_667))
    }
}
