import Foundation

/// Reads a rule file and, recursively, the files it includes.
///
/// An `include "path"` is resolved relative to the folder of the file that contains it. Each file is read
/// once however often it is included; a file that includes itself, directly or through others, is an
/// error at the `include` that closes the cycle.
public struct RuleLoader {
    /// The files read, the root first, then included files in the order they were first included.
    public private(set) var files: [RuleFile] = []
    /// Parse diagnostics of every file, and include problems.
    public private(set) var diagnostics: [Diagnostic] = []
    private var loaded: Set<String> = []

    /// Loads `path` and its includes.
    /// - Throws: the file-system error when the root file cannot be read.
    public static func load(path: String) throws -> RuleLoader {
        var loader = RuleLoader()
        loader.add(try SourceFile(contentsOf: path), stack: [canonical(path)])
        return loader
    }

    /// Loads a root file from text already in memory (its includes are read from disk relative to `name`).
    public static func load(name: String, text: String) -> RuleLoader {
        var loader = RuleLoader()
        loader.add(SourceFile(name: name, text: text), stack: [canonical(name)])
        return loader
    }

    /// Every source read, for printing diagnostics.
    public var sources: [SourceFile] { files.map(\.source) }

    private mutating func add(_ source: SourceFile, stack: [String]) {
        loaded.insert(RuleLoader.canonical(source.name))
        let parsed = Parser.parse(source)
        files.append(parsed.file)
        diagnostics += parsed.diagnostics
        let folder = (source.name as NSString).deletingLastPathComponent
        for declaration in parsed.file.declarations {
            guard case .include(let target, let range) = declaration else { continue }
            let path = target.value.hasPrefix("/") ? target.value : (folder.isEmpty ? target.value : folder + "/" + target.value)
            let key = RuleLoader.canonical(path)
            if stack.contains(key) {
                diagnostics.append(
                    Diagnostic(
                        "K0120", .error, file: source.name, range: range, zh: "包含文件形成循环：“\(target.value)”又包含了本文件",
                        en: "the includes form a cycle: `\(target.value)` includes this file again",
                        hint: "把共用的定义移到第三个文件中，两边都包含它", hintEn: "move the shared definitions to a third file that both include"))
                continue
            }
            if loaded.contains(key) { continue }
            guard let source = try? SourceFile(contentsOf: path) else {
                diagnostics.append(
                    Diagnostic(
                        "K0121", .error, file: source.name, range: target.range, zh: "找不到被包含的文件“\(target.value)”",
                        en: "cannot read the included file `\(target.value)`",
                        hint: "路径相对于本文件所在的文件夹", hintEn: "the path is relative to this file's folder"))
                continue
            }
            add(source, stack: stack + [key])
        }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
