import Foundation
import KaopingSyntax

/// Expands command-line paths into rule files: a folder gives every `*.rules` file under it, in name order,
/// and must have one.
enum RuleFileSet {
    /// The rule files named by `paths`; with `tests: false`, `*.test.rules` files are left out.
    static func expand(_ paths: [String], tests: Bool = true) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                let folder = (path as NSString).deletingLastPathComponent
                let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
                if let guess = nearestName((path as NSString).lastPathComponent, among: siblings.filter { !$0.hasPrefix(".") }) {
                    throw CommandFailure("\(path) does not exist: did you mean \((folder as NSString).appendingPathComponent(guess))?")
                }
                throw CommandFailure("\(path) does not exist: name a rule file or a folder of them, such as Rules/")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".rules") && (tests || !$0.hasSuffix(".test.rules")) }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            // A folder with nothing to read is a mistaken path, not a clean result.
            guard !found.isEmpty else {
                throw CommandFailure(
                    "the folder \(path) has no rule files (*.rules\(tests ? "" : " other than *.test.rules")): name a rule file or a folder that has some"
                )
            }
            files += found
        }
        return files
    }
}

/// An operational failure of a command (exit code 2), with a message for the user.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
