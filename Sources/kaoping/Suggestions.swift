import ArgumentParser
import Foundation
import KaopingSyntax

/// Did-you-mean for a mistyped command or option. swift-argument-parser suggests a near option only when the
/// unknown option is the first problem it meets (a missing required option is reported first, and a
/// mistyped command gets no suggestion at all), so `Kaoping.main()` asks here first. The names come from the
/// parser's own description of the command tree (`_dumpHelp()`, which `--experimental-dump-help` prints),
/// so they never drift from the declarations, and are matched with `nearestName(_:among:)`.
enum Suggestions {
    /// The message for a mistyped command (`kaoping chek`, `kaoping help chek`), or `nil` when the command
    /// line names a known command or none.
    static func mistypedCommand(in arguments: [String]) -> String? {
        let tree = CommandTree.shared
        var index = 0
        if arguments.first == "help" { index = 1 }
        guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
        let word = arguments[index]
        guard tree.commands[word] == nil, !(index == 0 && word == "help") else { return nil }
        let usage = Kaoping.usageString(for: Kaoping.self)
        let candidates = tree.order + (index == 0 ? ["help"] : [])
        let problem =
            nearestName(word, among: candidates).map { "unknown command `\(word)`: did you mean `\($0)`?" }
            ?? "unknown command `\(word)`: the commands are \(tree.order.joined(separator: ", "))"
        return "Error: \(problem)\nUsage: \(usage)\n  See 'kaoping --help' for more information."
    }

    /// The message for the first option on the command line that its command does not have, with the nearest
    /// option it does have; `nil` when every option is known.
    static func unknownOption(in arguments: [String]) -> String? {
        let tree = CommandTree.shared
        var name = "kaoping"
        var names = tree.root
        var start = 0
        if let first = arguments.first, let command = tree.commands[first] {
            (name, names, start) = ("kaoping \(first)", command, 1)
        }
        for argument in arguments.dropFirst(start) {
            if argument == "--" { break }
            guard argument.hasPrefix("-"), argument.count > 2, Double(argument) == nil else { continue }
            let doubleDash = argument.hasPrefix("--")
            let written = String(argument.dropFirst(doubleDash ? 2 : 1).prefix { $0 != "=" })
            let shown = argument.prefix { $0 != "=" }
            if doubleDash {
                guard !names.all.contains(written) else { continue }
            } else if !names.all.contains(written) && nearestName(written, among: names.shown) == nil {
                continue  // a cluster of short flags, for the parser to judge
            }
            let usage = "Usage: \(Kaoping.usageString(for: names.type))\n  See '\(name) --help' for more information."
            if let guess = names.all.contains(written) ? written : nearestName(written, among: names.shown) {
                return "Error: unknown option `\(shown)`: did you mean `--\(guess)`?\n\(usage)"
            }
            return "Error: unknown option `\(shown)` (\(name) --help lists the options)\n\(usage)"
        }
        return nil
    }

    /// The commands and their long option names, read once from the parser.
    struct CommandTree {
        /// One command's long option names: `all`, hidden ones included, and the `shown` ones it may suggest.
        struct Names {
            var type: ParsableCommand.Type
            var all: Set<String> = []
            var shown: [String] = []
        }

        static let shared = CommandTree()

        let root: Names
        let commands: [String: Names]
        /// The command names in the order of `kaoping --help`.
        let order: [String]

        private init() {
            var types: [String: ParsableCommand.Type] = [:]
            for type in Kaoping.configuration.subcommands {
                if let name = type.configuration.commandName { types[name] = type }
            }
            let json = Data(Kaoping._dumpHelp().utf8)
            let tool = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any]
            let command = tool?["command"] as? [String: Any] ?? [:]
            func names(_ description: [String: Any], type: ParsableCommand.Type) -> Names {
                var names = Names(type: type)
                for argument in description["arguments"] as? [[String: Any]] ?? [] {
                    for entry in argument["names"] as? [[String: Any]] ?? [] where entry["kind"] as? String != "short" {
                        guard let name = entry["name"] as? String else { continue }
                        names.all.insert(name)
                        if argument["shouldDisplay"] as? Bool ?? true { names.shown.append(name) }
                    }
                }
                return names
            }
            var root = names(command, type: Kaoping.self)
            // The root's hidden options, which the description leaves out.
            root.all.formUnion(["experimental-dump-help", "generate-completion-script"])
            var commands: [String: Names] = [:]
            var order: [String] = []
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = subcommand["commandName"] as? String else { continue }
                commands[name] = names(subcommand, type: types[name] ?? Kaoping.self)
                if name != "help" { order.append(name) }
            }
            self.root = root
            self.commands = commands
            self.order = order
        }
    }
}
