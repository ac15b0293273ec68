import Foundation

/// Measures `kaoping check` — the rule front end, whole process — on the shipped default rules, on 1 MB and
/// 8 MB of distinct indicators (`DistinctRuleFile`), on 8 MiB of random bytes and on a 9 MB file past the
/// limit; with a baseline, the baseline's `kaoping` too, each input run by one and then the other. Checks what
/// each run reports before any figure counts.
struct FrontEndBenchmark {
    let tools: Tools
    /// Another `kaoping` to measure side by side (issue 17: the front end before it was simplified).
    let baseline: String?
    /// Where the generated files and the runs' output go: `OUT/front-end`.
    let folder: String
    let repetitions: Int

    /// One measured input: its file, what `kaoping check` must exit with and a text its output must contain,
    /// and the aim for its wall time.
    struct Input {
        var name: String
        var path: String
        var status: Int32
        var expected: String
        var aim: Double?
        /// What the baseline must report instead, if not the same (a file past today's limit was read before).
        var baselineReport: (status: Int32, expected: String)?
    }

    /// The aim for peak memory, in MB, of every run.
    static let memoryAim = 300.0

    /// The figures, as markdown.
    func run() throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (oneMB, oneCount) = try distinctFile(bytes: 1_000_000, name: "distinct-1mb.rules")
        let (eightMB, eightCount) = try distinctFile(bytes: 8_000_000, name: "distinct-8mb.rules")
        let (nineMB, _) = try distinctFile(bytes: 9_000_000, name: "distinct-9mb.rules")
        let inputs = [
            Input(name: "Rules/jiangsu-2024.rules", path: "\(tools.root)/Rules/jiangsu-2024.rules", status: 0, expected: "", aim: 0.1),
            Input(
                name: "1 MB, \(oneCount) distinct indicators", path: oneMB, status: 0, expected: "0 error(s), 1 warning(s)", aim: 0.5),
            Input(
                name: "8 MB, \(eightCount) distinct indicators", path: eightMB, status: 0, expected: "0 error(s), 1 warning(s)", aim: 4),
            Input(name: "8 MiB of random bytes", path: try randomFile(), status: 1, expected: "[K0112]", aim: 4),
            Input(
                name: "9 MB of indicators (over the limit)", path: nineMB, status: 1, expected: "[K0113]", aim: nil,
                baselineReport: (0, "0 error(s), 1 warning(s)")),
        ]
        var lines =
            baseline == nil
            ? ["| `kaoping check` on | MB | s | peak MB | aim |", "|---|---:|---:|---:|---|"]
            : [
                "| `kaoping check` on | MB | before s | before peak MB | after s | after peak MB | aim |",
                "|---|---:|---:|---:|---:|---:|---|",
            ]
        for input in inputs {
            var best: ResourceUsage?
            var bestBaseline: ResourceUsage?
            for _ in 0..<repetitions {
                if let baseline {
                    let report = input.baselineReport ?? (input.status, input.expected)
                    let usage = try measure(baseline, input.name, input.path, report: report, label: "baseline")
                    if bestBaseline == nil || usage.seconds < bestBaseline!.seconds { bestBaseline = usage }
                }
                let usage = try measure(tools.kaoping, input.name, input.path, report: (input.status, input.expected), label: "kaoping")
                if best == nil || usage.seconds < best!.seconds { best = usage }
            }
            let size = Double((try FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0) / 1_000_000
            let aim =
                input.aim.map { seconds -> String in
                    let met = best!.seconds < seconds && best!.peakMB < Self.memoryAim
                    return String(format: "< %g s, < %.0f MB: %@", seconds, Self.memoryAim, met ? "met" : "**missed**")
                } ?? String(format: "< %.0f MB: %@", Self.memoryAim, best!.peakMB < Self.memoryAim ? "met" : "**missed**")
            var row = String(format: "| %@ | %.2f |", input.name, size)
            if let before = bestBaseline { row += String(format: " %.3f | %.0f |", before.seconds, before.peakMB) }
            row += String(format: " %.3f | %.0f | %@ |", best!.seconds, best!.peakMB, aim)
            lines.append(row)
            Log.line(row)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One run of `kaoping check` on the file at `path`, its exit status and output checked against `report`
    /// before its figures count.
    private func measure(_ kaoping: String, _ name: String, _ path: String, report: (status: Int32, expected: String), label: String)
        throws -> ResourceUsage
    {
        var check = ChildProcess(kaoping, ["check", path])
        check.standardOutput = "\(folder)/check.out"
        check.standardError = "\(folder)/check.err"
        check.expectedStatus = report.status
        let usage = try check.measured(by: tools.measure)
        let output =
            try String(contentsOfFile: check.standardOutput, encoding: .utf8)
            + String(contentsOfFile: check.standardError, encoding: .utf8)
        guard report.expected.isEmpty || output.contains(report.expected) else {
            throw BenchError("\(label) `kaoping check` on \(name) did not report \(report.expected):\n\(output.suffix(2000))")
        }
        return usage
    }

    /// `DistinctRuleFile` of at least `bytes` bytes, written once, and how many indicators it holds.
    private func distinctFile(bytes: Int, name: String) throws -> (path: String, indicators: Int) {
        let path = "\(folder)/\(name)"
        let (text, count) = DistinctRuleFile.text(bytes: bytes)
        if (try? String(contentsOfFile: path, encoding: .utf8)) != text {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return (path, count)
    }

    /// 8 MiB from a fixed-seed generator (the same file every time): no rule file at all.
    private func randomFile() throws -> String {
        let path = "\(folder)/random-8mib.rules"
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: 8 << 20)
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
