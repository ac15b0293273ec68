import Foundation

/// Finds the files Kaoping ships beside its sources (`Rules/`, `Reports/`) from wherever it is run.
enum ProjectFiles {
    /// The first folder named `name` found in the current directory, above it, or above the executable.
    static func folder(_ name: String) -> String? {
        let files = FileManager.default
        var starts = [files.currentDirectoryPath]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        starts.append(executable)
        for start in starts {
            var directory = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if files.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate.path
                }
                directory.deleteLastPathComponent()
            }
        }
        return nil
    }
}
