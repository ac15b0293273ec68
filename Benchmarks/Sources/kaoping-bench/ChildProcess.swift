import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One child process, started with `posix_spawnp`, with its standard input, output and error in files.
struct ChildProcess {
    /// A path, or a name looked up in `PATH`.
    var executable: String
    var arguments: [String]
    /// A file read as standard input (none: `/dev/null`).
    var standardInput: String?
    var standardOutput = "/dev/null"
    var standardError = "/dev/null"
    /// The exit status that counts as success (`kaoping check` exits 1 on a file with errors).
    var expectedStatus: Int32 = 0

    init(_ executable: String, _ arguments: [String], standardInput: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.standardInput = standardInput
    }

    /// Runs the process to its end.
    /// - Throws: `BenchError` when it cannot be started or does not exit with status 0; the message ends with
    ///   the last lines of its standard error.
    func run() throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw BenchError("cannot wait for \(executable): \(String(cString: strerror(errno)))") }
        }
        guard status == expectedStatus << 8 else {
            let signal = status & 0x7f
            let how = signal == 0 ? "exit status \((status >> 8) & 0xff)" : "signal \(signal)"
            throw BenchError("`\(commandLine)` failed (\(how))\(errorTail())")
        }
    }

    /// Runs the process through `measure` (`kaoping-measure`, which forks it and reaps it with `wait4`) and
    /// returns its whole-process wall time and peak resident memory. Spawned from this process directly, a
    /// child would report this process's peak memory as its own (see kaoping-measure/main.c).
    func measured(by measure: String) throws -> ResourceUsage {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-bench-\(getpid()).usage").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        var wrapped = self
        wrapped.executable = measure
        wrapped.arguments = [report, executable] + arguments
        try wrapped.run()
        let fields = (try String(contentsOfFile: report, encoding: .utf8)).split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let seconds = Double(fields[0]), let kilobytes = Double(fields[1]) else {
            throw BenchError("\(measure) wrote no usage for `\(commandLine)`")
        }
        return ResourceUsage(seconds: seconds, peakMB: kilobytes / 1024)
    }

    /// Runs the process and returns its standard output, trimmed.
    func output() throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-bench-\(getpid()).out").path
        defer {
            try? FileManager.default.removeItem(atPath: file)
            try? FileManager.default.removeItem(atPath: file + ".err")
        }
        var copy = self
        copy.standardOutput = file
        if standardError == "/dev/null" { copy.standardError = file + ".err" }
        try copy.run()
        return (try String(contentsOfFile: file, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The command as a shell would show it, for messages.
    var commandLine: String {
        var words = ([executable] + arguments).map { $0.contains(" ") ? "'\($0)'" : $0 }
        if let standardInput { words.append("< \(standardInput)") }
        return words.joined(separator: " ")
    }

    private func errorTail() -> String {
        guard standardError != "/dev/null", let text = try? String(contentsOfFile: standardError, encoding: .utf8) else { return "" }
        let lines = text.split(separator: "\n").suffix(12)
        return lines.isEmpty ? "" : ":\n" + lines.joined(separator: "\n")
    }
}
