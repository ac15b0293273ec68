import Foundation
import KaopingStore
import Testing

/// The `kaoping` command line as a user meets it: the built binary, started with `Process`, its exit status and
/// what it prints. `swift test` builds the binary along with the tests (SwiftPM's test build includes every
/// executable target), into the same products folder as the test bundle, so it is found beside the bundle.
@Suite("Command line")
struct CommandLineTests {
    // MARK: - Paths

    @Test("A folder where a file is wanted: --db, the rule file (run, check, sql)")
    func folderForFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("demo.sqlite").path
        try Self.write("", to: store)
        let out = folder.appendingPathComponent("out").path
        Self.expectPlainSentence(
            try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", folder.path, "--out", out]), command: "run",
            ["--db \(folder.path) is a folder, not a file", "name the file in it, such as \(store)"])
        Self.expectPlainSentence(
            try Self.kaoping(["run", "Rules", "--db", store, "--out", out]), command: "run",
            ["the rule file Rules is a folder, not a file", "such as Rules/jiangsu-2024.rules"])
        Self.expectPlainSentence(
            try Self.kaoping(["check", "Rules/jiangsu-2024.rules", "--db", folder.path]), command: "check",
            ["--db \(folder.path) is a folder, not a file"])
        Self.expectPlainSentence(
            try Self.kaoping(["sql", "Rules/jiangsu-2024.rules", "--db", folder.path]), command: "sql",
            ["--db \(folder.path) is a folder, not a file"])
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written when a path is wrong")
    }

    @Test("A missing file: the nearest name beside it, or what to name")
    func missingFile() throws {
        Self.expectPlainSentence(
            try Self.kaoping(["check", "Rules/jiangsu-2042.rules"]), command: "check",
            ["Rules/jiangsu-2042.rules does not exist", "did you mean Rules/jiangsu-2024.rules?"])
        Self.expectPlainSentence(
            try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", "no-such-store.sqlite", "--out", "no-such-out"]),
            command: "run", ["--db no-such-store.sqlite does not exist", "kaoping demo"])
    }

    @Test("An existing file given as --out (run and demo)")
    func outIsAFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("results.json").path
        try Self.write("{}", to: file)
        Self.expectPlainSentence(
            try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", file, "--out", file]), command: "run",
            ["--out \(file) is a file, not a folder: name a folder to write the results into"])
        Self.expectPlainSentence(
            try Self.kaoping(["demo", "--cases", "0", "--out", file]), command: "demo",
            ["--out \(file) is a file, not a folder: name a folder to write"])
    }

    @Test("An --out that cannot be created: under a file, or (not as root) under a read-only folder")
    func outCannotBeCreated() throws {
        let folder = try Self.temporaryFolder()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let file = folder.appendingPathComponent("a-file").path
        try Self.write("", to: file)
        Self.expectPlainSentence(
            try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", file, "--out", file + "/results"]), command: "run",
            ["--out \(file)/results cannot be created: \(file) is a file, not a folder", "name a folder to write the results into"])
        Self.expectPlainSentence(
            try Self.kaoping(["demo", "--out", file + "/demo"]), command: "demo",
            ["--out \(file)/demo cannot be created: \(file) is a file, not a folder"])
        // Root may write anywhere: a read-only folder stops only other users.
        if geteuid() != 0 {
            let readOnly = folder.appendingPathComponent("read-only")
            try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
            chmod(readOnly.path, 0o555)
            defer { chmod(readOnly.path, 0o755) }
            Self.expectPlainSentence(
                try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", file, "--out", readOnly.path + "/out"]), command: "run",
                ["--out \(readOnly.path)/out cannot be created: \(readOnly.path) is not writable", "name a folder you may write"])
        }
    }

    @Test("A file that cannot be written: fmt's temporary file, run's results.json, is a folder")
    func fileCannotBeWritten() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("x.rules").path
        try Self.write("param x  =   5\n", to: rules)
        try FileManager.default.createDirectory(atPath: rules + ".partial", withIntermediateDirectories: false)
        Self.expectPlainSentence(
            try Self.kaoping(["fmt", rules]), command: "fmt",
            ["cannot write \(rules).partial: it is a folder, not a file: remove or rename that folder"])
        #expect(try String(contentsOfFile: rules, encoding: .utf8) == "param x  =   5\n")

        // A whole demo run (a small one), whose results.json cannot be written at the end.
        let out = folder.appendingPathComponent("demo").path
        try FileManager.default.createDirectory(atPath: out + "/results.json", withIntermediateDirectories: true)
        let run = try Self.kaoping(["demo", "--cases", "200", "--out", out])
        Self.expectPlainSentence(
            Run(status: run.status, stdout: run.stdout, stderr: run.errorLines.filter { $0.hasPrefix("kaoping") }.joined()),
            command: "demo",
            ["cannot write \(out)/results.json: it is a folder, not a file: remove or rename that folder, or name another --out"])
    }

    // MARK: - Mistyped commands and options

    @Test("A mistyped command gets a did-you-mean (exit status 64)")
    func mistypedCommand() throws {
        for arguments in [["chek"], ["help", "chek"], ["chek", "Rules/jiangsu-2024.rules"]] {
            let run = try Self.kaoping(arguments)
            #expect(run.status == 64)
            #expect(run.stderr.contains("unknown command `chek`: did you mean `check`?"), "\(run.stderr)")
        }
        let run = try Self.kaoping(["tset", "Rules/"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("did you mean `test`?"), "\(run.stderr)")
    }

    @Test("A mistyped option gets a did-you-mean, even when a required option is then missing")
    func mistypedOption() throws {
        let cases: [([String], String)] = [
            (["run", "--dbb", "x"], "`--dbb`: did you mean `--db`?"),
            (["run", "Rules/jiangsu-2024.rules", "--db", "x", "--outt", "y"], "`--outt`: did you mean `--out`?"),
            (["check", "Rules/jiangsu-2024.rules", "--strcit"], "`--strcit`: did you mean `--strict`?"),
            (["test", "Rules/", "--coverge"], "`--coverge`: did you mean `--coverage`?"),
            (["sql", "Rules/jiangsu-2024.rules", "--dialekt", "postgresql"], "`--dialekt`: did you mean `--dialect`?"),
            (["run", "-db", "x"], "`-db`: did you mean `--db`?"),
        ]
        for (arguments, message) in cases {
            let run = try Self.kaoping(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains("unknown option \(message)"), "\(arguments): \(run.stderr)")
        }
    }

    // MARK: - --format and --lang

    @Test("An empty --format is an error naming the formats")
    func emptyFormat() throws {
        for format in ["", ",", " , "] {
            let run = try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", "x", "--out", "y", "--format", format])
            #expect(run.status == 64, "`\(format)`")
            #expect(run.stderr.contains("--format names no format: use json, html"), "\(run.stderr)")
        }
    }

    @Test("A --param given twice is an error naming both values, in every command that has --param")
    func parameterTwice() throws {
        for arguments in [
            ["run", "Rules/jiangsu-2024.rules", "--db", "x", "--out", "y"], ["sql", "Rules/jiangsu-2024.rules"],
            ["demo", "--no-run", "--out", "y"],
        ] {
            let run = try Self.kaoping(arguments + ["--param", "reply_days=1", "--param", "reply_days=3"])
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains("--param reply_days is given twice (reply_days=1 and reply_days=3): give it once"), "\(run.stderr)")
        }
    }

    @Test("An unknown --lang is an error naming zh and en, in every command that has --lang")
    func unknownLanguage() throws {
        let commands = [
            ["run", "Rules/jiangsu-2024.rules", "--db", "x", "--out", "y"], ["check", "Rules/jiangsu-2024.rules"],
            ["test", "Rules/jiangsu-2024.rules"], ["sql", "Rules/jiangsu-2024.rules"], ["fmt", "--check", "Rules/jiangsu-2024.rules"],
        ]
        for command in commands {
            let run = try Self.kaoping(command + ["--lang", "fr"])
            #expect(run.status == 64, "\(command)")
            #expect(run.stderr.contains("--lang must be zh (Chinese) or en (English), not `fr`"), "\(command): \(run.stderr)")
        }
    }

    // MARK: - Outputs

    @Test("A run's outputs are a set: the report names the SHA-256 of its results.json, and no old output stays beside new ones")
    func outputsAsASet() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try Self.kaoping(["demo", "--cases", "3000", "--out", folder.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        let json = try Data(contentsOf: folder.appendingPathComponent("results.json"))
        let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("据以生成的 results.json SHA-256</dt><dd>\(SHA256.hex(Array(json)))"))
        // What a killed run left is cleared; a run of one format removes the other format's old output.
        let leftover = folder.appendingPathComponent(".kaoping-partial")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Self.write("{", to: leftover.appendingPathComponent("results.json").path)
        let store = folder.appendingPathComponent("demo.sqlite").path
        let run = try Self.kaoping(["run", "Rules/jiangsu-2024.rules", "--db", store, "--out", folder.path, "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results.json").path))
    }

    // MARK: - Help

    @Test("Help shows examples, and each command's Chinese name")
    func helpExamples() throws {
        let root = try Self.kaoping(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("Examples:\n  kaoping demo"))
        for name in ["生成演示数据", "考核评分", "检查规则文件", "运行规则测试", "生成 SQL 查询", "格式化规则文件"] {
            #expect(root.stdout.contains(name))
        }
        #expect(try Self.kaoping(["help"]).stdout == root.stdout)
        for command in ["demo", "run", "check", "test", "sql", "fmt"] {
            for arguments in [["help", command], [command, "--help"]] {
                let help = try Self.kaoping(arguments)
                #expect(help.status == 0, "\(arguments)")
                #expect(help.stdout.contains("Examples:\n  kaoping \(command)"), "\(arguments): \(help.stdout)")
            }
        }
        // --lang en is not an error in a help request.
        let en = try Self.kaoping(["help", "run", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("Examples:\n  kaoping run Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite"))
    }

    /// The long option names a help page lists (`--db`, `--allow-partial-data`), in order.
    static func optionNames(_ help: String) -> [String] {
        help.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  -") else { return nil }
            return line.split(separator: " ").first { $0.hasPrefix("--") }.map {
                String($0.trimmingCharacters(in: .punctuationCharacters.subtracting(["-"])))
            }
        }
    }

    @Test("--lang zh help: the same options as the English help, each explained in Chinese, with the examples")
    func chineseHelp() throws {
        for arguments in [["--help", "--lang", "zh"], ["help", "run", "--lang", "zh"], ["check", "-h", "--lang=zh"]] {
            let help = try Self.kaoping(arguments)
            #expect(help.status == 0, "\(arguments)")
            #expect(help.stdout.hasPrefix("概述："), "\(arguments): \(help.stdout)")
            #expect(help.stdout.contains("用法："))
            #expect(help.stdout.contains("示例：\n  kaoping"))
        }
        for command in ["demo", "run", "check", "test", "sql", "fmt"] {
            let english = try Self.kaoping([command, "--help"]).stdout
            let chinese = try Self.kaoping(["help", command, "--lang", "zh"]).stdout
            #expect(Self.optionNames(chinese) == Self.optionNames(english), "\(command)")
            for line in chinese.split(separator: "\n") where line.hasPrefix("  -") || line.hasPrefix("  <") {
                // Each option's text is Chinese (a CJK character), never left blank or in English.
                #expect(line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(command): \(line)")
            }
        }
    }

    // MARK: - kaoping test

    static let testedRules = """
        assessment "T" {
          period 2024-01-01 .. 2024-12-31
          grades { 合格 >= 60; 不合格 }
        }
        table visits {
          center_id integer
          visited_on day period
        }
        indicator v "走访" {
          points 10
          from visits
          measure count()
          score measure
        }
        test "两次走访" {
          table visits {
            center_id | visited_on
            1         | 2024-03-01
            1         | 2024-04-01
          }
          expect "C1" v.measure == 2
        }
        test "一次走访" {
          table visits {
            center_id | visited_on
            1         | 2024-03-01
          }
          expect "C1" v.measure == ONE
        }

        """

    @Test("kaoping test prints a line per rule file as it goes, then the totals as the last line")
    func testPerFileLines() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let passing = folder.appendingPathComponent("a.rules").path
        let failing = folder.appendingPathComponent("b.rules").path
        try Self.write(Self.testedRules.replacingOccurrences(of: "ONE", with: "1"), to: passing)
        try Self.write(Self.testedRules.replacingOccurrences(of: "ONE", with: "5"), to: failing)

        let run = try Self.kaoping(["test", folder.path, "--lang", "en"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex(of: "\(passing): 2 passed, 0 failed"), "\(run.stdout)")
        let second = try #require(lines.firstIndex(of: "\(failing): 1 passed, 1 failed"), "\(run.stdout)")
        #expect(first < second)
        #expect(lines[..<second].contains("FAIL \(failing): 一次走访"), "a failure prints before its file's line")
        #expect(lines.last == "3 passed, 1 failed")

        let coverage = try Self.kaoping(["test", passing, "--coverage"])
        #expect(coverage.status == 0)
        let covered = coverage.stdout.split(separator: "\n").map(String.init)
        #expect(covered.first == "\(passing): 2 passed, 0 failed")
        #expect(covered.dropFirst().first?.hasPrefix("coverage: 1/1 rules tested") == true, "\(coverage.stdout)")
        #expect(covered.last == "2 passed, 0 failed")
    }

    @Test("kaoping test's temporary stores are written without fsync or a journal file; a store that is kept is not")
    func throwawayStores() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratch = try Store.create(at: folder.appendingPathComponent("test.sqlite").path, durability: .throwaway)
        #expect(try scratch.database.scalar("PRAGMA synchronous")?.integer == 0)
        #expect(try scratch.database.scalar("PRAGMA journal_mode")?.text == "memory")
        let kept = try Store.create(at: folder.appendingPathComponent("kept.sqlite").path)
        #expect(try kept.database.scalar("PRAGMA synchronous")?.integer != 0)
        #expect(!["memory", "off"].contains(try kept.database.scalar("PRAGMA journal_mode")?.text ?? ""))
    }
}
