import ArgumentParser
import Foundation

/// The `kaoping` command: it wires the pipeline's libraries together and nothing else.
@main
struct Kaoping: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaoping",
        abstract: "考评 Kaoping: assess government service sub-centers and write the ranked 通报.",
        discussion: """
            Examples:
              kaoping demo          (writes kaoping-demo/demo.sqlite and assesses it)
              kaoping check Rules/jiangsu-2024.rules
              kaoping run Rules/jiangsu-2024.rules --db kaoping-demo/demo.sqlite --out out

            Exit status: 0 done; 1 the rules have errors or their tests fail; 2 a path, file or store cannot be \
            used (one sentence says which and what to do); 64 a mistyped command line (with a did-you-mean).
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ImportCommand.self, CalendarCommand.self, RunCommand.self, RenderCommand.self, ExplainCommand.self, DiffCommand.self, SensitivityCommand.self,
            CheckCommand.self,
            TestCommand.self, SQLCommand.self,
            FmtCommand.self,
        ]
    )

    /// Parses the command line and runs the command, as swift-argument-parser's own `main()` does, with two
    /// additions: a mistyped command or option gets a did-you-mean (exit status 64, as the parser's own usage
    /// errors), and a failure of the command that is not a usage error — a path, a file, a store — is printed
    /// as one plain sentence, `kaoping COMMAND: …`, with exit status 2.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if ChineseHelp.wanted(arguments), Suggestions.mistypedCommand(in: Self.withoutLanguage(arguments)) == nil {
            print(ChineseHelp.page(for: Self.withoutLanguage(arguments)), terminator: "")
            return
        }
        // The parser's help is in English (each command's abstract gives its Chinese name): `--lang` is ignored there.
        if arguments.first == "help" || arguments.contains(where: { ["--help", "-h", "-help"].contains($0) }) {
            arguments = withoutLanguage(arguments)
        }
        if let message = Suggestions.mistypedCommand(in: arguments) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(withError: ExitCode(64))
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if let message = Suggestions.unknownOption(in: arguments) {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                exit(withError: ExitCode(64))
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            // The parser's own: an exit status, a help request (`kaoping help run`), a validation error.
            exit(withError: error)
        } catch {
            ProgressBar.shared.finish()
            let name = type(of: command).configuration.commandName.map { "kaoping \($0)" } ?? "kaoping"
            FileHandle.standardError.write(Data("\(name): \(PathProblem.plain(error))\n".utf8))
            exit(withError: ExitCode(2))
        }
    }

    /// `arguments` without `--lang VALUE` and `--lang=VALUE`.
    private static func withoutLanguage(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skip = false
        for argument in arguments {
            if skip {
                skip = false
            } else if argument == "--lang" {
                skip = true
            } else if !argument.hasPrefix("--lang=") {
                kept.append(argument)
            }
        }
        return kept
    }
}

/// Checks a `--lang` value: messages are in Chinese (zh) or English (en).
func validateLanguage(_ lang: String) throws {
    guard ["zh", "en"].contains(lang) else {
        throw ValidationError("--lang must be zh (Chinese) or en (English), not `\(lang)`")
    }
}

/// The `--param name=value` options as a dictionary: each needs a name and `=`, and a name given twice is an error
/// (which value was meant is not for Kaoping to guess).
func parameterOverrides(_ items: [String]) throws -> [String: String] {
    var values: [String: String] = [:]
    for item in items {
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
            throw ValidationError("--param needs name=value, not `\(item)`")
        }
        let name = String(item[..<equals])
        let value = String(item[item.index(after: equals)...])
        if let earlier = values[name] {
            throw ValidationError("--param \(name) is given twice (\(name)=\(earlier) and \(name)=\(value)): give it once")
        }
        values[name] = value
    }
    return values
}
