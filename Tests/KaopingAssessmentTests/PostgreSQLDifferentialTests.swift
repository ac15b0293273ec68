import Foundation
import KaopingCheck
import KaopingEval
import KaopingSQL
import KaopingStore
import KaopingSyntax
import Testing

/// The PostgreSQL dialect of `kaoping sql`, run by a PostgreSQL server on a copy of the demo store, agrees with
/// the native evaluator (issue 8). The server is reached with `psql` and the usual `PG*` environment; when
/// there is none, the test says it was skipped and why. `.ci/run` installs and starts one.
@Suite("PostgreSQL and the native evaluator agree", .serialized)
struct PostgreSQLDifferentialTests {
    /// Runs `psql` quietly, unaligned, tuples only, stopping at the first error.
    static func psql(_ script: String) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-f", "-"]
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(script.utf8)); try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// `nil` when a server answers, otherwise why not.
    static let unavailable: String? = {
        if ProcessInfo.processInfo.environment["KAOPING_PG"] == "off" { return "KAOPING_PG=off" }
        guard let probe = try? psql("SELECT 1;") else { return "psql is not installed" }
        guard probe.status == 0, probe.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1" else {
            return "no PostgreSQL server answers psql (\(probe.error.split(separator: "\n").first ?? ""))"
        }
        return nil
    }()

    @Test("Every center and indicator of every shipped rule file on a copy of the demo store", arguments: SQLDifferentialTests.files)
    func agree(file: String) throws {
        try compare(file, storePath: try ShippedRules.demo.get())
    }

    @Test("A region's own calendar counts for its centers' working days, the province's for the others")
    func regionalCalendar() throws {
        for file in ["Rules/jiangsu-2024.rules", SQLDifferentialTests.constructs] {
            try compare(file, storePath: try RegionalCalendarStore.path.get())
        }
    }

    @Test("Median, percentile and working days added by a row's count, on a copy of the demo store")
    func constructs() throws {
        try compare(SQLDifferentialTests.constructs, storePath: try ShippedRules.demo.get())
    }

    /// Copies the tables the plan of `file` reads into a schema of its own, runs the PostgreSQL statement there
    /// and compares every row with the native evaluator's.
    private func compare(_ file: String, storePath: String) throws {
        if let reason = PostgreSQLDifferentialTests.unavailable {
            print("PostgreSQL differential test skipped (\(file)): \(reason)")
            return
        }
        let store = try Store.open(at: storePath, readOnly: true)
        let loader = try RuleLoader.load(path: ShippedRules.path(file))
        let plan = try #require(Checker.check(loader.files, schema: try SchemaCatalog(store: store)).plan)
        let native = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "")
        let schema = "kaoping_test_\(getpid())"
        var script = "DROP SCHEMA IF EXISTS \(schema) CASCADE; CREATE SCHEMA \(schema); SET search_path TO \(schema);\n"
        let tables = Set(
            plan.scans.map(\.table) + ["centers", "calendar", "items", "catalog"] + plan.centerJoins.map(\.table)
                + plan.scans.flatMap(\.joins).map(\.table)
        ).sorted()
        for table in tables {
            script += try PostgreSQLDifferentialTests.copies.text("\(storePath)|\(table)") { try copy(table, from: store) }
        }
        // The statement is long and its estimated cost high: PostgreSQL's JIT would spend seconds compiling it.
        script += "CREATE INDEX ON calendar(day);\nSET jit = off;\n"
        script += try SQLCompiler(plan: plan, dialect: .postgresql).compile() + ";\n"
        script += "DROP SCHEMA \(schema) CASCADE;\n"
        let result = try PostgreSQLDifferentialTests.psql(script)
        #expect(result.status == 0, "\(file): \(result.error.prefix(2000))")
        var rows: [String: [String]] = [:]
        for line in result.output.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { continue }
            rows["\(fields[0])/\(fields[1])"] = Array(fields[2...])
        }
        #expect(rows.count == native.centers.count * plan.indicators.count, "\(file)")
        for center in native.centers {
            #expect(center.indicators.count == plan.indicators.count, "\(file) \(center.code)")
            for indicator in center.indicators {
                let row = try #require(rows["\(center.code)/\(indicator.id)"], "\(file) \(center.code) \(indicator.id)")
                #expect(Int(row[0]) == indicator.population, "\(file) \(center.code) \(indicator.id) population")
                #expect(Int(row[1]) == indicator.numerator, "\(file) \(center.code) \(indicator.id) numerator")
                switch (Double(row[2]), indicator.measure) {
                case (nil, nil): break
                case (let a?, let b?):
                    #expect(
                        abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)), "\(file) \(center.code) \(indicator.id): PostgreSQL \(a), native \(b)"
                    )
                default:
                    Issue.record(
                        "\(file) \(center.code) \(indicator.id): PostgreSQL \(row[2]), native \(String(describing: indicator.measure))")
                }
            }
        }
    }

    /// The `copy` text of each table of each store, made once per test run (it takes seconds in a debug build).
    static let copies = CopyTexts()

    final class CopyTexts: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String: String] = [:]

        func text(_ key: String, _ make: () throws -> String) rethrows -> String {
            lock.lock()
            defer { lock.unlock() }
            if let text = texts[key] { return text }
            let text = try make()
            texts[key] = text
            return text
        }
    }

    /// `CREATE TABLE` with PostgreSQL types and the rows as `COPY … FROM STDIN` CSV.
    private func copy(_ table: String, from store: Store) throws -> String {
        let columns = try store.columns(of: table)
        let definitions = columns.map { column -> String in
            let declared = column.declaredType.uppercased()
            let type = declared.contains("INT") ? "bigint" : (declared.contains("REAL") ? "double precision" : "text")
            return "\(quoteIdentifier(column.name)) \(type)"
        }
        var text = "CREATE TABLE \(quoteIdentifier(table)) (\(definitions.joined(separator: ", ")));\n"
        text += "COPY \(quoteIdentifier(table)) FROM STDIN WITH (FORMAT csv);\n"
        let statement = try store.database.prepare(
            "SELECT \(columns.map { quoteIdentifier($0.name) }.joined(separator: ", ")) FROM \(quoteIdentifier(table))")
        while try statement.step() {
            let fields = (0..<columns.count).map { index -> String in
                switch statement.value(index) {
                case .null: return ""
                case .integer(let value): return String(value)
                case .real(let value): return "\(value)"
                case .text(let value): return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                }
            }
            text += fields.joined(separator: ",") + "\n"
        }
        return text + "\\.\n"
    }
}
