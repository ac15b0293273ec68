import Foundation
import KaopingPostgres

/// The local PostgreSQL server the tests run against, reached with libpq's defaults and the usual `PG*`
/// environment (`.ci/run` starts one and creates a login role and database for the current user). When none
/// answers, or `KAOPING_PG=off`, each test prints that it was skipped and why, and passes.
enum TestServer {
    /// `nil` when a server answers, otherwise why not.
    static let unavailable: String? = {
        if ProcessInfo.processInfo.environment["KAOPING_PG"] == "off" { return "KAOPING_PG=off" }
        do {
            _ = try PostgresConnection("").execute("SELECT 1")
            return nil
        } catch {
            return "no PostgreSQL server answers (\(error))"
        }
    }()

    /// Runs `body` with the connection string of a database created for it alone (`kaoping_test_<pid>_<random>`),
    /// dropped after; or prints that `test` was skipped, and why, when no server answers.
    static func withDatabase(_ test: String, _ body: (String) throws -> Void) throws {
        if let unavailable {
            print("PostgreSQL test “\(test)” skipped: \(unavailable)")
            return
        }
        let name = "kaoping_test_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection("")
        try admin.execute("CREATE DATABASE \(name)")
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        try body("dbname=\(name)")
    }
}
