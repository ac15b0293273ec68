import Foundation
import KaopingDemo

/// Measures `kaoping check` on the large inputs of issue 5 — 50 MB of valid indicators (copies of one, then
/// ones that differ in their points, then in their filters too), 50 MB of the shipped rules repeated, 50 MB of
/// one bracket, and 50 MB of bytes that are no rule file — and on the shipped default rules;
/// checks what each run reports before any figure counts.
struct FrontEndBenchmark {
    let tools: Tools
    /// Where the generated files and the runs' output go: `OUT/front-end`.
    let folder: String
    let repetitions: Int

    /// One measured input: its file, what `kaoping check` must exit with, and a text its output must contain.
    struct Input {
        var name: String
        var path: String
        var status: Int32
        var expected: String
    }

    /// The figures, as markdown.
    func run() throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let inputs = [
            Input(name: "Rules/jiangsu-2020.rules", path: "\(tools.root)/Rules/jiangsu-2020.rules", status: 0, expected: ""),
            Input(name: "50 MB of valid indicators", path: try validFile(), status: 0, expected: "0 error(s), 1 warning(s)"),
            Input(
                name: "50 MB of indicators, other points", path: try distinctFile(varyingFilters: false), status: 0,
                expected: "0 error(s), 1 warning(s)"),
            Input(
                name: "50 MB of indicators, other filters", path: try distinctFile(varyingFilters: true), status: 0,
                expected: "0 error(s), 1 warning(s)"),
            Input(name: "50 MB of the default rules, repeated", path: try repeatedFile(), status: 1, expected: "[K0203]"),
            Input(name: "50 MB of `{`", path: try bracketFile(), status: 1, expected: "[K0101]"),
            Input(name: "50 MB of random bytes", path: try randomFile(), status: 1, expected: "[K0112]"),
        ]
        var lines = [
            "| `kaoping check` on | MB | s | peak MB | ≤ 1 s |",
            "|---|---:|---:|---:|:---:|",
        ]
        for input in inputs {
            var best: ResourceUsage?
            for _ in 0..<repetitions {
                var check = ChildProcess(tools.kaoping, ["check", input.path])
                check.standardOutput = "\(folder)/check.out"
                check.standardError = "\(folder)/check.err"
                check.expectedStatus = input.status
                let usage = try check.measured(by: tools.measure)
                let output =
                    try String(contentsOfFile: check.standardOutput, encoding: .utf8)
                    + String(contentsOfFile: check.standardError, encoding: .utf8)
                guard input.expected.isEmpty || output.contains(input.expected) else {
                    throw BenchError("`kaoping check` on \(input.name) did not report \(input.expected):\n\(output.suffix(2000))")
                }
                if best == nil || usage.seconds < best!.seconds { best = usage }
            }
            let size = Double((try FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0) / 1_000_000
            Log.line(
                String(
                    format: "  check %@ %9.3f s %7.0f MB", input.name.padding(toLength: 30, withPad: " ", startingAt: 0), best!.seconds,
                    best!.peakMB))
            lines.append(
                String(
                    format: "| %@ | %.2f | %.2f | %.0f | %@ |", input.name, size, best!.seconds, best!.peakMB,
                    best!.seconds <= 1 ? "yes" : "**no**"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `LargeRuleFile` of 50,000,000 bytes, the generated case of `MalformedCorpusTests+Generated.swift`.
    private func validFile() throws -> String {
        let path = "\(folder)/valid-50mb.rules"
        if FileManager.default.fileExists(atPath: path) { return path }
        let text = LargeRuleFile.text(bytes: 50_000_000).text
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// As `validFile`, but no two indicators alike: the `i`th is worth `i + 1` points, its score reaching them,
    /// and (`varyingFilters`) its filter asks for the kind `promised_i`, so that no statement repeats either.
    /// (The checker checks a repeated body once, and a repeated `from`, `where` and `measure` once: these are
    /// the files where the one, then both, cannot help.)
    private func distinctFile(varyingFilters: Bool) throws -> String {
        let path = "\(folder)/\(varyingFilters ? "filters" : "points")-50mb.rules"
        if FileManager.default.fileExists(atPath: path) { return path }
        var text = LargeRuleFile.text(bytes: 0).text
        var index = 0
        while text.utf8.count < 50_000_000 {
            let kind = varyingFilters ? "promised_\(index)" : "promised"
            text += """

                indicator i\(index) "指标\(index)" {
                  points \(index + 1)
                  from cases where status == "finished" and kind == "\(kind)"
                  measure rate(workdays(accepted_at, finished_at) - paused_days <= promised_days)
                  score linear { 90% -> 0; 100% -> \(index + 1) }
                  when empty: not_applicable
                }

                """
            index += 1
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `Rules/jiangsu-2020.rules` written again and again past 50,000,000 bytes, as one makes a large file by hand:
    /// every copy checks, but the ids repeat (K0203) and so does the assessment (K0202).
    private func repeatedFile() throws -> String {
        let path = "\(folder)/repeated-50mb.rules"
        if FileManager.default.fileExists(atPath: path) { return path }
        let rules = try Data(contentsOf: URL(fileURLWithPath: "\(tools.root)/Rules/jiangsu-2020.rules"))
        var bytes = Data()
        while bytes.count < 50_000_000 { bytes.append(rules) }
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// 50,000,000 opening braces on one line: after K0101, the parser skips them one token at a time.
    private func bracketFile() throws -> String {
        let path = "\(folder)/brackets-50mb.rules"
        if FileManager.default.fileExists(atPath: path) { return path }
        try Data(repeating: UInt8(ascii: "{"), count: 50_000_000).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// 50,000,000 bytes from a fixed-seed generator (the same file every time).
    private func randomFile() throws -> String {
        let path = "\(folder)/random-50mb.rules"
        if FileManager.default.fileExists(atPath: path) { return path }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: 50_000_000)
        for index in bytes.indices {
            // xorshift64*
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            bytes[index] = UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
