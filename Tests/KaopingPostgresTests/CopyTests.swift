import KaopingPostgres
import Testing

/// `COPY … FROM STDIN` carries any text exactly, keeps NULL apart from the empty string, and reports a refused
/// row at its line, as the server names it.
@Suite("PostgreSQL COPY")
struct CopyTests {
    static let awkward: [String?] = [
        "plain", "", nil, "\t", "a\tb", "line\nbreak", "carriage\r\nreturn", "back\\slash", "\\N", "\\.", "ends with \\",
        "'single' \"double\"", "南京市政务服务中心不动产登记分中心", "emoji 🏛️ and 𠀀", "  spaces  ", ",;|", "\\t not a tab",
        String(repeating: "长", count: 100_000),
    ]

    @Test("Awkward text comes back exactly as sent: tabs, newlines, backslashes, quotes, Chinese, NULL vs empty")
    func roundTrip() throws {
        try TestServer.withDatabase("COPY round trip") { database in
            let connection = try PostgresConnection(database)
            try connection.execute("CREATE TABLE t (n bigint PRIMARY KEY, s text, t text COLLATE \"C\")")
            let rows = CopyTests.awkward.enumerated().map { [String($0.offset), $0.element, $0.element.map { "<\($0)>" }] }
            #expect(try connection.copy(into: "t", columns: ["n", "s", "t"], rows: rows) == rows.count)
            let back = try connection.query("SELECT n, s, t, s IS NULL FROM t ORDER BY n")
            #expect(back.count == rows.count)
            for (sent, received) in zip(rows, back) {
                #expect(received[0] == sent[0])
                #expect(received[1] == sent[1], "row \(sent[0]!)")
                #expect(received[2] == sent[2], "row \(sent[0]!)")
                #expect(received[3] == (sent[1] == nil ? "t" : "f"))
            }
            #expect(try connection.scalar("SELECT count(*) FROM t WHERE s = ''") == "1")
        }
    }

    @Test("Many rows stream in blocks: 200,000 rows in one COPY")
    func manyRows() throws {
        try TestServer.withDatabase("COPY many rows") { database in
            let connection = try PostgresConnection(database)
            try connection.execute("CREATE TABLE t (n bigint, s text)")
            let rows = (0..<200_000).lazy.map { [String($0), "第\($0)行\t\\"] as [String?] }
            #expect(try connection.copy(into: "t", columns: ["n", "s"], rows: rows) == 200_000)
            #expect(try connection.scalar("SELECT sum(n) FROM t") == String((0..<200_000).reduce(0, +)))
            #expect(try connection.scalar("SELECT s FROM t WHERE n = 7") == "第7行\t\\")
        }
    }

    @Test("A refused row names its line and column; none of the COPY's rows are kept; the connection goes on")
    func refusedRow() throws {
        try TestServer.withDatabase("COPY refused row") { database in
            let connection = try PostgresConnection(database)
            try connection.execute("CREATE TABLE t (n bigint CHECK (n >= 0), s text)")
            let bad: [[String?]] = [["1", "a"], ["2", "b"], ["x", "c"], ["4", "d"]]
            let error = #expect(throws: PostgresError.self) { try connection.copy(into: "t", columns: ["n", "s"], rows: bad) }
            #expect(error?.sqlState == "22P02")
            #expect(error?.context?.contains("line 3") == true, "\(String(describing: error))")
            #expect(error?.description.contains("copying rows into t") == true)
            let check = #expect(throws: PostgresError.self) {
                try connection.copy(into: "t", columns: ["n", "s"], rows: [["1", "a"], ["-1", "b"]])
            }
            #expect(check?.sqlState == "23514")
            #expect(check?.context?.contains("line 2") == true, "\(String(describing: check))")
            #expect(try connection.scalar("SELECT count(*) FROM t") == "0")
            // A row of the wrong width is caught before it is sent, and the COPY is cancelled.
            let width = #expect(throws: PostgresError.self) {
                try connection.copy(into: "t", columns: ["n", "s"], rows: [["1", "a"], ["2"]])
            }
            #expect(width?.message.contains("line 2 has 1 field(s), but 2 column(s)") == true)
            #expect(try connection.scalar("SELECT count(*) FROM t") == "0")
            // U+0000 cannot be PostgreSQL text: the server refuses it, at its line.
            let nul = #expect(throws: PostgresError.self) {
                try connection.copy(into: "t", columns: ["n", "s"], rows: [["1", "a\u{0}b"]])
            }
            #expect(nul?.context?.contains("line 1") == true, "\(String(describing: nul))")
            #expect(throws: PostgresError.self) { try connection.copy(into: "missing", columns: ["n"], rows: [["1"]]) }
            #expect(try connection.copy(into: "t", columns: ["n", "s"], rows: [["1", "a"]]) == 1)
        }
    }
}
