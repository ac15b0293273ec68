import Foundation
import KaopingCheck
import KaopingEval
import KaopingResults
import KaopingStore
import KaopingSyntax
import Testing

/// The column cache (issue 8): a run copies the columns it reads beside the store, a re-score of edited
/// rules reads them from there and fetches only what it lacks, and a stale or damaged cache is rebuilt,
/// never trusted. Every answer is compared with a run that reads the store directly.
@Suite("Column cache: warm re-scores agree with the store, stale and damaged caches are rebuilt")
struct ColumnCacheTests {
    /// The determinism rules, edited: every filter changed and a column none of them read before.
    static let editedRules = DeterminismTests.rules
        .replacingOccurrences(
            of: "from cases where status == \"finished\"\n", with: "from cases where status == \"finished\" and paused_days < 2\n"
        )
        .replacingOccurrences(of: "from cases\n", with: "from cases where channel == \"window\" and appointment == 0\n")
        .replacingOccurrences(of: "kind == \"promised\"\n", with: "kind == \"promised\" and corrections <= 1\n")

    /// A scratch copy of the determinism store (several morsels, gaps in the rowids), so that each test
    /// has a cache of its own.
    final class Copy {
        let folder: String
        let path: String

        init() throws {
            folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("kaoping-cache-tests-" + UUID().uuidString)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            path = folder + "/store.sqlite"
            try FileManager.default.copyItem(atPath: try DeterminismTests.store.get().path, toPath: path)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: folder)
        }

        var cacheFolder: String { path + ".kaoping/columns" }

        func cacheFiles() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasSuffix(".kpc") }.sorted()
        }

        /// The results JSON and the scan reports of one run.
        func run(_ rules: String, cache: Bool = true, threads: Int = 2, chunkSize: Int = 4096) throws -> (
            json: String, reports: [ScanReport]
        ) {
            let store = try Store.open(at: path, readOnly: true)
            let parsed = Parser.parse(SourceFile(name: "c.rules", text: rules))
            let checked = Checker.check(parsed.file, schema: try SchemaCatalog(store: store))
            #expect(checked.diagnostics.filter { $0.severity == .error } == [])
            let plan = try #require(checked.plan)
            let reports = ReportBox()
            let options = EvaluationOptions(
                threads: threads, chunkSize: chunkSize, columnCache: cache, digestCache: cache, scanReport: { reports.add($0) })
            let json = try Evaluator.evaluate(plan: plan, store: store, rulesSHA256: "0", options: options).json.text
            return (json, reports.all.sorted { $0.table < $1.table })
        }
    }

    final class ReportBox: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [ScanReport] = []
        func add(_ report: ScanReport) {
            lock.lock()
            reports.append(report)
            lock.unlock()
        }
        var all: [ScanReport] {
            lock.lock()
            defer { lock.unlock() }
            return reports
        }
    }

    @Test("The first run fills the cache, the second reads every column from it, with the same bytes")
    func warmRunReadsTheCache() throws {
        let copy = try Copy()
        let direct = try copy.run(DeterminismTests.rules, cache: false)
        #expect(!FileManager.default.fileExists(atPath: copy.cacheFolder))
        let first = try copy.run(DeterminismTests.rules)
        #expect(first.json == direct.json)
        #expect(first.reports.allSatisfy { $0.cached.isEmpty })
        #expect(try copy.cacheFiles().contains("cases.accepted_at.kpc"))
        for threads in [1, 2] {
            for chunkSize in [7, 4096] {
                let warm = try copy.run(DeterminismTests.rules, threads: threads, chunkSize: chunkSize)
                #expect(warm.json == direct.json)
                #expect(warm.reports.allSatisfy { $0.fromStore.isEmpty && !$0.cached.isEmpty })
            }
        }
    }

    @Test("Edited rules read the cached columns and fetch only the new ones from the store")
    func editedRulesFetchOnlyNewColumns() throws {
        let copy = try Copy()
        _ = try copy.run(DeterminismTests.rules)
        let before = try copy.cacheFiles()
        let edited = try copy.run(Self.editedRules)
        #expect(edited.json == (try copy.run(Self.editedRules, cache: false)).json)
        let cases = try #require(edited.reports.first { $0.table == "cases" })
        #expect(Set(cases.fromStore) == ["channel", "appointment", "corrections"])
        #expect(cases.cached.contains("accepted_at"))
        #expect(Set(try copy.cacheFiles()) == Set(before + ["cases.channel.kpc", "cases.appointment.kpc", "cases.corrections.kpc"]))
        let again = try copy.run(Self.editedRules)
        #expect(again.json == edited.json)
        #expect(again.reports.allSatisfy { $0.fromStore.isEmpty })
    }

    @Test("A damaged cache file is noticed, deleted and rebuilt", arguments: ["flip a byte", "cut short", "empty", "garbage"])
    func damagedFileIsRebuilt(damage: String) throws {
        let copy = try Copy()
        let direct = try copy.run(DeterminismTests.rules, cache: false)
        _ = try copy.run(DeterminismTests.rules)
        let file = copy.cacheFolder + "/cases.finished_at.kpc"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        switch damage {
        case "flip a byte": bytes[bytes.count / 2] ^= 0x5A
        case "cut short": bytes.removeLast(bytes.count / 3)
        case "empty": bytes = []
        default: bytes = Array("not a cache file at all, but long enough to have a footer".utf8)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let repaired = try copy.run(DeterminismTests.rules)
        #expect(repaired.json == direct.json)
        let cases = try #require(repaired.reports.first { $0.table == "cases" })
        #expect(cases.rebuilt == [file])
        #expect(cases.fromStore == ["finished_at"])
        let after = try copy.run(DeterminismTests.rules)
        #expect(after.json == direct.json)
        #expect(after.reports.allSatisfy { $0.fromStore.isEmpty && $0.rebuilt.isEmpty })
    }

    @Test("A write to the store, by anyone, makes the whole cache stale")
    func storeWriteInvalidatesTheCache() throws {
        let copy = try Copy()
        _ = try copy.run(DeterminismTests.rules)
        let writer = try Store.open(at: copy.path)
        try writer.database.execute("UPDATE cases SET paused_days = paused_days + 1 WHERE rowid % 5 = 0")
        let afterWrite = try copy.run(DeterminismTests.rules)
        #expect(afterWrite.json == (try copy.run(DeterminismTests.rules, cache: false)).json)
        #expect(afterWrite.reports.allSatisfy { $0.cached.isEmpty })
        let warm = try copy.run(DeterminismTests.rules)
        #expect(warm.json == afterWrite.json)
        #expect(warm.reports.allSatisfy { $0.fromStore.isEmpty })
    }

    @Test(
        "A store replaced by another of the same size and change counter (cp, with or without its times) makes the cache and the digests stale",
        arguments: [false, true])
    func replacedFile(preservingTimes: Bool) throws {
        // Two stores from one base, one commit each: the same size, page count and change counter.
        let first = try Copy()
        let second = try Copy()
        // (Values of one storage size: 0 and 1 take no bytes in a SQLite record, 5 and 7 one each.)
        for (copy, change) in [(first, "5"), (second, "7")] {
            let writer = try Store.open(at: copy.path)
            try writer.database.execute("UPDATE cases SET paused_days = \(change) WHERE rowid % 3 = 0")
        }
        let expected = try second.run(DeterminismTests.rules, cache: false).json
        _ = try first.run(DeterminismTests.rules)
        #expect(try first.run(DeterminismTests.rules).json != expected)
        // `cp second first` (`cp -p` keeps the modification time too): the bytes change in place.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: second.path))
        let modified = try FileManager.default.attributesOfItem(atPath: first.path)[.modificationDate]
        try bytes.write(to: URL(fileURLWithPath: first.path))
        if preservingTimes, let modified {
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: first.path)
        }
        let replaced = try first.run(DeterminismTests.rules)
        #expect(replaced.json == expected)
        #expect(replaced.reports.allSatisfy { $0.cached.isEmpty })
        // --no-cache reads no remembered digest either.
        #expect(try first.run(DeterminismTests.rules, cache: false).json == expected)
    }

    @Test("--no-cache neither reads nor writes the cache")
    func noCacheLeavesItAlone() throws {
        let copy = try Copy()
        _ = try copy.run(DeterminismTests.rules)
        let direct = try copy.run(Self.editedRules, cache: false)
        #expect(direct.reports.allSatisfy { $0.cached.isEmpty })
        #expect(!(try copy.cacheFiles()).contains("cases.channel.kpc"))
    }
}
