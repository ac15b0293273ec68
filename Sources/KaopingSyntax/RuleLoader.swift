import Foundation

/// Reads a rule file and, recursively, the files it includes.
///
/// An `include "path"` is resolved relative to the folder of the file that contains it. Each file is read
/// once however often it is included; a file that includes itself, directly or through others, is an
/// error at the `include` that closes the cycle. A rule file over `SourceFile.maximumSize`, or one whose includes
/// take the files read together over it, is refused with one diagnostic (K0113) before the file over it is parsed.
public struct RuleLoader {
    /// The files read, the root first, then included files in the order they were first included.
    public private(set) var files: [RuleFile] = []
    /// Parse diagnostics of every file, and include problems.
    public private(set) var diagnostics: [Diagnostic] = []
    private var loaded: Set<String> = []
    /// The bytes of the files read so far.
    private var size = 0
    /// Set when the files became too large together: nothing more is read.
    private var refused = false

    /// Loads `path` and its includes.
    /// - Throws: the file-system error when the root file cannot be read.
    public static func load(path: String) throws -> RuleLoader {
        var loader = RuleLoader()
        switch try SourceFile.read(path) {
        case .file(let source): loader.add(source, stack: [canonical(path)])
        case .tooLarge(let size): loader.diagnostics = [SourceFile.tooLarge(path: path, size: size)]
        }
        return loader
    }

    /// Loads a root file from text already in memory (its includes are read from disk relative to `name`).
    public static func load(name: String, text: String) -> RuleLoader {
        var loader = RuleLoader()
        let source = SourceFile(name: name, text: text)
        if source.bytes.count > SourceFile.maximumSize {
            loader.diagnostics = [SourceFile.tooLarge(path: name, size: source.bytes.count)]
        } else {
            loader.add(source, stack: [canonical(name)])
        }
        return loader
    }

    /// Every source read, for printing diagnostics.
    public var sources: [SourceFile] { files.map(\.source) }

    /// Reads `source` (the root, or a file `stack` includes), then the base it extends and the files it includes.
    /// `isBase`: it is the base of a variant, or a file such a base includes.
    private mutating func add(_ source: SourceFile, stack: [String], isBase: Bool = false) {
        loaded.insert(RuleLoader.canonical(source.name))
        size += source.bytes.count
        var parsed = Parser.parse(source)
        parsed.file.isBase = isBase
        files.append(parsed.file)
        diagnostics += parsed.diagnostics
        let folder = (source.name as NSString).deletingLastPathComponent
        // The base first: its declarations come before the variant's changes.
        let extended = parsed.file.declarations.compactMap { declaration -> (StringLiteral, SourceRange)? in
            if case .extends(let target, let range) = declaration { return (target, range) }
            return nil
        }
        for (index, (target, range)) in extended.enumerated() {
            guard stack.count == 1, index == 0 else {
                diagnostics.append(
                    Diagnostic(
                        "K0122", .error, file: source.name, range: range,
                        zh: stack.count == 1 ? "一个规则文件只能基于一个基础文件" : "只有直接运行的规则文件可以用 extends",
                        en: stack.count == 1 ? "a rule file extends one base at most" : "only the rule file run may use `extends`",
                        hint: "被包含或被扩展的文件不能再 extends；把变体写成一个文件，基于一个基础文件",
                        hintEn: "an included or extended file cannot extend another; write the variant as one file on one base"))
                continue
            }
            load(target, from: folder, range: range, in: source, stack: stack, isBase: true, extending: true)
        }
        for declaration in parsed.file.declarations where !refused {
            guard case .include(let target, let range) = declaration else { continue }
            load(target, from: folder, range: range, in: source, stack: stack, isBase: isBase)
        }
    }

    /// Reads the file `target` names (relative to `folder`) for `source`, where it is written at `range`
    /// (`extending`: in an `extends`, else an `include`).
    private mutating func load(
        _ target: StringLiteral, from folder: String, range: SourceRange, in source: SourceFile, stack: [String], isBase: Bool,
        extending: Bool = false
    ) {
        do {
            guard !refused else { return }
            let path = target.value.hasPrefix("/") ? target.value : (folder.isEmpty ? target.value : folder + "/" + target.value)
            let key = RuleLoader.canonical(path)
            if stack.contains(key) {
                diagnostics.append(
                    Diagnostic(
                        "K0120", .error, file: source.name, range: range, zh: "包含文件形成循环：“\(target.value)”又包含了本文件",
                        en: "the includes form a cycle: `\(target.value)` includes this file again",
                        hint: "把共用的定义移到第三个文件中，两边都包含它", hintEn: "move the shared definitions to a third file that both include"))
                return
            }
            if loaded.contains(key) { return }
            guard let reading = try? SourceFile.read(path, limit: SourceFile.maximumSize - size) else {
                diagnostics.append(
                    Diagnostic(
                        "K0121", .error, file: source.name, range: target.range,
                        zh: extending ? "找不到基础规则文件“\(target.value)”" : "找不到被包含的文件“\(target.value)”",
                        en: extending
                            ? "cannot read the base rule file `\(target.value)`" : "cannot read the included file `\(target.value)`",
                        hint: "路径相对于本文件所在的文件夹", hintEn: "the path is relative to this file's folder"))
                return
            }
            switch reading {
            case .file(let included): add(included, stack: stack + [key], isBase: isBase)
            case .tooLarge(let includedSize): refuse(at: target, in: source, adding: includedSize)
            }
        }
    }

    /// Refuses the whole set of files, an include having taken them over the limit: its one diagnostic
    /// replaces all others, at the `include` of `target` in `source`.
    private mutating func refuse(at target: StringLiteral, in source: SourceFile, adding includedSize: Int) {
        let total = SourceFile.grouped(size + includedSize)
        let limit = SourceFile.grouped(SourceFile.maximumSize)
        diagnostics = [
            Diagnostic(
                "K0113", .error, file: source.name, range: target.range,
                zh: "规则文件与其包含的文件合计 \(total) 字节，超过上限 \(limit) 字节（8 MiB），“\(target.value)”未读取",
                en:
                    "the rule file and the files it includes have \(total) bytes together, over the limit of \(limit) bytes (8 MiB); `\(target.value)` was not read",
                hint: "规则文件一般只有几十 KB：请确认包含的是规则文件，而不是数据或导出的文件",
                hintEn: "a rule file is usually tens of kilobytes: check that the file included is a rule file, not data or an export")
        ]
        refused = true
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
