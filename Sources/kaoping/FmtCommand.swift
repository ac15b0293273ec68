import ArgumentParser
import Foundation
import KaopingSyntax

/// `kaoping fmt`: rewrites rule files in the canonical layout, or with `--check` names the files that would change.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "格式化规则文件 — Format rule files in the canonical layout (indentation, spacing, alignment), keeping every comment.",
        discussion: """
            A file with errors is not rewritten; its diagnostics are printed. With --fix, the errors whose fix is \
            certain (full-width punctuation and digits, `=` for `==`) are fixed first.

            Examples:
              kaoping fmt --check Rules/
              kaoping fmt --fix Rules/jiangsu-2024.rules

            Exit status: 0 every file clean or rewritten; 1 a file would change (--check) or has errors; 2 a path \
            or file cannot be read or written; 64 a usage error.
            """
    )

    @Argument(help: "Rule files or folders (every *.rules file under a folder).")
    var paths: [String]

    @Flag(help: "Change nothing: print the names of files that would change and exit 1 if there are any.")
    var check = false

    @Flag(help: "First apply the fixes diagnostics know: full-width punctuation and digits as ASCII, `=` as `==`.")
    var fix = false

    @Option(help: "Language of diagnostics: zh or en.")
    var lang = "zh"

    func validate() throws {
        try validateLanguage(lang)
    }

    func run() throws {
        var status: Int32 = 0
        let files: [String]
        do { files = try RuleFileSet.expand(paths) } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("kaoping fmt: \(failure)\n".utf8))
            throw ExitCode(2)
        }
        for path in files {
            do {
                status = max(status, try format(path))
            } catch let failure as CommandFailure {
                FileHandle.standardError.write(Data("kaoping fmt: \(failure)\n".utf8))
                status = 2
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Formats one file; returns 1 when it has errors or (with `--check`) would change, else 0.
    private func format(_ path: String) throws -> Int32 {
        let reading = try PathProblem.reading(path) { try SourceFile.read(path) }
        let source: SourceFile
        switch reading {
        case .file(let file):
            source = file
        case .tooLarge(let size):
            print(DiagnosticPrinter(sources: [], english: lang == "en").render(SourceFile.tooLarge(path: path, size: size)), terminator: "")
            return 1
        }
        let formatted = Formatter.format(fix ? Formatter.fix(source).source : source)
        guard let text = formatted.text else {
            // Printed against the file as it is: with --fix, the problems the fixes cannot resolve.
            let diagnostics = fix ? Formatter.format(source).diagnostics.filter { $0.fixIt == nil } : formatted.diagnostics
            print(
                DiagnosticPrinter(source: source, english: lang == "en").render(diagnostics, limit: DiagnosticPrinter.displayLimit),
                terminator: "")
            return 1
        }
        if Array(text.utf8) == source.bytes { return 0 }
        if check {
            print(path)
            return 1
        }
        try replace(path, with: text)
        return 0
    }

    /// Writes `path.partial` with the original's permissions, then renames it over `path`, so a reader never
    /// sees half a file.
    private func replace(_ path: String, with text: String) throws {
        let partial = path + ".partial"
        let files = FileManager.default
        let permissions = try? files.attributesOfItem(atPath: path)[.posixPermissions]
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: partial)) } catch {
            throw PathProblem.failure(error, path: partial, writing: true)
        }
        if let permissions { try? files.setAttributes([.posixPermissions: permissions], ofItemAtPath: partial) }
        guard rename(partial, path) == 0 else {
            let code = errno
            try? files.removeItem(atPath: partial)
            throw PathProblem.failure(PathProblem.posixError(code), path: path, writing: true)
        }
    }
}
