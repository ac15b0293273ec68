import Foundation
import Testing

/// Running the built `kaoping` binary from the tests: its exit status and what it prints, in temporary folders.
extension CommandLineTests {
    /// What one run of `kaoping` did.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The non-empty lines of stderr.
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `kaoping` executable in the build's products folder: the folder of the test bundle (on Linux the
    /// bundle is the test executable itself, in that folder; on macOS it is `kaopingPackageTests.xctest` there),
    /// else the package's `.build/debug`.
    static let binary: URL? = {
        var folders = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        folders += Bundle.allBundles.filter { $0.bundleURL.pathExtension == "xctest" }.map { $0.bundleURL.deletingLastPathComponent() }
        folders.append(root.appendingPathComponent(".build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent("kaoping")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }()

    /// Runs `kaoping` with `arguments` in the package's root folder (so `Rules/…` paths work).
    /// - Parameter environment: variables to set for the run (added to the test's own).
    static func kaoping(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(Self.binary, "no kaoping binary beside the test bundle: run `swift build` first")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        try Self.write("", to: out.path)
        try Self.write("", to: err.path)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Writes `text` to a new file at `path`.
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A new empty folder under the temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaoping-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A path problem: exit status 2 and one sentence on stderr, `kaoping COMMAND: …`, that contains each of
    /// `parts` (the path, what is wrong, what to do) and no Foundation error text.
    static func expectPlainSentence(_ run: Run, command: String, _ parts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.errorLines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("kaoping \(command): "), "\(run.stderr)", sourceLocation: sourceLocation)
        for part in parts { #expect(run.stderr.contains(part), "\(run.stderr)", sourceLocation: sourceLocation) }
        for foundation in ["Domain", "Code=", "couldn’t be completed", "could not be completed", "NSCocoa", "UserInfo"] {
            #expect(!run.stderr.contains(foundation), "\(run.stderr)", sourceLocation: sourceLocation)
        }
    }
}
