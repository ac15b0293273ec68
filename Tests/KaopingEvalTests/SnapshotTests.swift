import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// A run scores one committed state of the store: a write committed while it reads is kept out (rollback
/// journal) or stops the run (WAL), never mixed into its scores or its digest (issue 19, point 1).
@Suite("One snapshot per run", .serialized)
struct SnapshotTests {
    /// Runs the determinism rules over a copy of the determinism store, calling `during` once, from the
    /// progress callback, while the scan is under way.
    static func run(_ path: String, during: (@Sendable () -> Void)? = nil) throws -> ResultsDocument {
        let store = try Store.open(at: path, readOnly: true)
        let parsed = Parser.parse(SourceFile(name: "s.rules", text: DeterminismTests.rules))
        let plan = try #require(Checker.check(parsed.file, schema: try SchemaCatalog(store: store)).plan)
        let once = Once(during)
        let options = EvaluationOptions(threads: 2, progress: { _, _ in once.call() })
        return try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "0", options: options)
    }

    final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var action: (@Sendable () -> Void)?
        init(_ action: (@Sendable () -> Void)?) { self.action = action }
        func call() {
            lock.lock()
            let action = self.action
            self.action = nil
            lock.unlock()
            action?()
        }
    }

    static let update = "UPDATE cases SET paused_days = 9 WHERE rowid % 4 = 0"

    @Test("Rollback journal: a writer is kept out until the run ends, and the result is the state before")
    func rollbackJournal() throws {
        let copy = try ColumnCacheTests.Copy()
        let path = copy.path
        let before = try Self.run(path)
        let outcome = Outcome()
        let during = try Self.run(path) {
            // The run holds its read transaction: this writer waits, then gives up. (It waits briefly: while it
            // waits for the run's readers to finish, SQLite keeps new readers out, and they wait 5 s.)
            do {
                let writer = try Store.open(at: path)
                try writer.database.execute("PRAGMA busy_timeout = 200")
                try writer.database.execute(Self.update)
                outcome.set("committed")
            } catch {
                outcome.set("refused")
            }
        }
        #expect(outcome.value == "refused")
        #expect(during.json.text == before.json.text)
    }

    @Test("WAL: a commit during the run stops it with a plain message; a run after it scores the new state")
    func wal() throws {
        let copy = try ColumnCacheTests.Copy()
        let path = copy.path
        do {
            let writer = try Store.open(at: path)
            try writer.database.execute("PRAGMA journal_mode = WAL")
        }
        #expect(throws: EvaluationError.self) {
            try Self.run(path) {
                let writer = try? Store.open(at: path)
                try? writer?.database.execute(Self.update)
            }
        }
        let after = try Self.run(path)
        let writer = try Store.open(at: path)
        let count = try writer.database.scalar("SELECT count(*) FROM cases WHERE paused_days = 9")?.integer ?? 0
        #expect(count > 0)
        #expect(after.json.text == (try Self.run(path)).json.text)
    }

    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = ""
        func set(_ value: String) {
            lock.lock()
            stored = value
            lock.unlock()
        }
        var value: String {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
    }
}
