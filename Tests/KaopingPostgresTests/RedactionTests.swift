import Foundation
import KaopingPostgres
import Testing

/// No error or message shows a connection string's password: `redacted` hides it in every form libpq reads, and
/// a failed connection's error holds neither the password nor a piece of it.
@Suite("Connection strings: passwords redacted")
struct RedactionTests {
    @Test(
        "The password is replaced in a URI, in its query and in key=value pairs; nothing else changes",
        arguments: [
            (
                "postgresql://kaoping:s3cr3t@db.example.cn:5432/kaoping?sslmode=verify-full",
                "postgresql://kaoping:***@db.example.cn:5432/kaoping?sslmode=verify-full"
            ),
            ("postgres://kaoping:p%40ss@db/kaoping", "postgres://kaoping:***@db/kaoping"),
            ("postgresql://kaoping:pa@ss/w?rd@db:5432/kaoping", "postgresql://kaoping:***@db:5432/kaoping"),
            (
                "postgresql://kaoping@db/kaoping?password=s3cr3t&sslmode=require",
                "postgresql://kaoping@db/kaoping?password=***&sslmode=require"
            ),
            ("postgresql://db/kaoping?sslmode=require&password=s3cr3t", "postgresql://db/kaoping?sslmode=require&password=***"),
            ("postgresql://kaoping@db/kaoping", "postgresql://kaoping@db/kaoping"),
            ("postgresql://[::1]:5432/kaoping", "postgresql://[::1]:5432/kaoping"),
            ("host=db user=kaoping password=s3cr3t dbname=kaoping", "host=db user=kaoping password=*** dbname=kaoping"),
            ("host=db password = 'my s3cr3t \\' phrase' dbname=kaoping", "host=db password = *** dbname=kaoping"),
            ("host=db password=my\\ s3cr3t sslmode=require", "host=db password=*** sslmode=require"),
            ("service=kaoping", "service=kaoping"),
            ("kaoping", "kaoping"),
            ("", ""),
            // Malformed: everything after `password` is hidden.
            ("host=db password='never closed s3cr3t", "host=db password=***"),
        ])
    func redacted(input: String, expected: String) {
        #expect(PostgresConnection.redacted(input) == expected)
    }

    @Test("A refused login, a malformed URI and a malformed key=value string: no error text holds the password or a piece of it")
    func errorsHoldNoPassword() throws {
        // Port 1 answers nothing; a host that is not a host name; a port that is not a number; a value with a space.
        let attempts = [
            ("postgresql://kaoping:Zq7-s3cr3t-W0rd@127.0.0.1:1/kaoping?connect_timeout=2", ["Zq7-s3cr3t-W0rd"]),
            ("postgresql://kaoping:Zq7/s3cr3t@127.0.0.1:1/kaoping", ["Zq7/s3cr3t", "s3cr3t"]),
            ("postgresql://kaoping:Zq7s3cr3t@localhost:notaport/kaoping", ["Zq7s3cr3t"]),
            ("host=127.0.0.1 port=1 password=Zq7 s3cr3tword", ["s3cr3tword"]),
            ("host=127.0.0.1 port=1 password='Zq7s3cr3t", ["Zq7s3cr3t"]),
        ]
        for (connectionString, secrets) in attempts {
            do {
                _ = try PostgresConnection(connectionString)
                Issue.record("connected with \(PostgresConnection.redacted(connectionString))")
            } catch let error as PostgresError {
                let texts = [error.description, error.message, error.location, String(describing: error)]
                for secret in secrets {
                    #expect(!texts.contains { $0.contains(secret) }, "“\(secret)” shown: \(error.description)")
                }
                #expect(error.action == "connecting")
            }
        }
    }

    @Test("An @ in a URI's query still connects: its redaction hides more than the password, never less")
    func atInQuery() throws {
        try TestServer.withDatabase("@ in the query") { database in
            let name = try #require(try PostgresConnection(database).scalar("SELECT current_database()"))
            let uri = "postgresql://%2Fvar%2Frun%2Fpostgresql:5432/\(name)?application_name=kaoping@test"
            guard FileManager.default.fileExists(atPath: "/var/run/postgresql") else { return }
            let connection = try PostgresConnection(uri)
            #expect(try connection.scalar("SHOW application_name") == "kaoping@test")
            #expect(PostgresConnection.redacted(uri) == "postgresql://%2Fvar%2Frun%2Fpostgresql:***@test")
        }
    }

    @Test("A role with a password: the right one connects over TCP; a wrong one is refused without being shown")
    func passwordLogin() throws {
        try TestServer.withDatabase("password login") { database in
            let admin = try PostgresConnection(database)
            let role = "kaoping_test_role_\(getpid())_\(UInt16.random(in: 0...UInt16.max))"
            let password = "Zq7-s3cr3t:W0rd@/?"
            try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
            defer { try? admin.execute("DROP ROLE IF EXISTS \(role)") }
            let name = try #require(try admin.scalar("SELECT current_database()"))
            let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let connection = try PostgresConnection("postgresql://\(role):\(encoded)@127.0.0.1:5432/\(name)?sslmode=prefer")
            #expect(connection.location == "127.0.0.1:5432/\(name)")
            #expect(try connection.scalar("SELECT current_user") == role)
            let wrong = "Zq7-wr0ng-s3cr3t"
            do {
                _ = try PostgresConnection("host=127.0.0.1 port=5432 dbname=\(name) user=\(role) password=\(wrong)")
                Issue.record("a wrong password was accepted")
            } catch let error as PostgresError {
                #expect(!error.description.contains(wrong))
                #expect(error.description.contains("password=***"))
                #expect(error.description.contains("authentication failed"), "\(error)")
            }
        }
    }
}
