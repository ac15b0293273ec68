import Foundation

/// A rule file the harness measures: the file, the SELECTs its evaluation reads (for the raw read), and a copy
/// of it with every indicator's filter edited (for the warm run).
struct RuleSet {
    /// How the table names it: `six.rules`, `default rules`.
    let label: String
    /// The rule file's name without `.rules`, for file names: `six`, `jiangsu-2024`.
    let name: String
    let rules: String
    let readQueries: String
    let editedRules: String

    /// `Benchmarks/six.rules` and `Rules/jiangsu-2024.rules`, with their edited copies written into `folder`.
    static func all(root: String, folder: String) throws -> [RuleSet] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try [
            RuleSet(
                label: "six.rules", rules: "\(root)/Benchmarks/six.rules", readQueries: "\(root)/Benchmarks/six.read.sql", folder: folder),
            RuleSet(
                label: "default rules", rules: "\(root)/Rules/jiangsu-2024.rules", readQueries: "\(root)/Benchmarks/jiangsu-2024.read.sql",
                folder: folder),
        ]
    }

    private init(label: String, rules: String, readQueries: String, folder: String) throws {
        for file in [rules, readQueries] where !FileManager.default.fileExists(atPath: file) {
            throw BenchError("missing \(file)")
        }
        self.label = label
        self.rules = rules
        self.readQueries = readQueries
        name = URL(fileURLWithPath: rules).deletingPathExtension().lastPathComponent
        editedRules = "\(folder)/\(name).edited.rules"
        let text = try String(contentsOfFile: rules, encoding: .utf8)
        try RuleEditor.editFilters(text, file: rules).write(toFile: editedRules, atomically: true, encoding: .utf8)
    }
}
