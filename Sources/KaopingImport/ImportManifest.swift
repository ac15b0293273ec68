import KaopingStore
import KaopingSyntax

/// `import.manifest` in a folder of exports: which file is read with which mapping (issue 22, point 1), and which
/// working-day calendars come with them, one line each,
///
///     import "单位.csv" with "gbt39046-centers.mapping"
///     import "办件.csv" with "../mappings/gbt39046-cases.mapping"
///     calendar "calendars/2024.txt"
///     calendar "calendars/2024-苏州市.txt" region "苏州市"
///
/// paths relative to the folder. The files are imported in the order of their tables' dependencies (units first),
/// whatever the order of the lines. Mistakes are reported as a rule file's are (K0509).
public struct ImportManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var file: Name
        public var mapping: Name
    }

    /// A year's working-day calendar (the text form of `Rules/calendars/`), the province's or a region's own.
    public struct Calendar: Sendable, Equatable {
        public var file: Name
        public var region: Name?
    }

    public var entries: [Entry]
    public var calendars: [Calendar] = []

    /// The name of the manifest in a folder of exports.
    public static let fileName = "import.manifest"

    /// Parses a manifest: its entries and the problems found.
    public static func parse(_ source: SourceFile) -> (manifest: ImportManifest, diagnostics: [Diagnostic]) {
        let lexed = Lexer.lex(source)
        var diagnostics = lexed.diagnostics
        var entries: [Entry] = []
        var calendars: [Calendar] = []
        var index = 0
        let tokens = lexed.tokens
        func at(_ position: Int) -> Token { tokens[min(position, tokens.count - 1)] }
        func error(_ token: Token, zh: String, en: String) {
            diagnostics.append(
                Diagnostic(
                    "K0509", .error, file: source.name, range: token.range, zh: zh, en: en,
                    hint: "每行写 import \"文件.csv\" with \"映射.mapping\"，或 calendar \"日历.txt\"",
                    hintEn: "write one import \"FILE.csv\" with \"MAPPING.mapping\", or calendar \"CALENDAR.txt\", per line"))
            // Skip to the next line.
            index += 1
            while index < tokens.count - 1 && !tokens[index].startsLine { index += 1 }
        }
        while index < tokens.count && tokens[index].kind != .end {
            let first = tokens[index]
            if first.isWord("calendar") {
                let file = at(index + 1)
                guard file.kind == .string else {
                    error(file, zh: "calendar 后应为带引号的日历文件名", en: "expected a quoted calendar file after `calendar`")
                    continue
                }
                index += 2
                var region: Name?
                if at(index).isWord("region"), !at(index).startsLine {
                    let name = at(index + 1)
                    guard name.kind == .string else {
                        error(name, zh: "region 后应为带引号的设区市名", en: "expected a quoted region after `region`")
                        continue
                    }
                    region = Name(name.text, name.range)
                    index += 2
                }
                calendars.append(Calendar(file: Name(file.text, file.range), region: region))
                if !at(index).startsLine && at(index).kind != .end {
                    error(at(index), zh: "这一行多出了“\(at(index).text)”", en: "unexpected `\(at(index).text)` at the end of the line")
                }
                continue
            }
            guard first.isWord("import") else {
                error(
                    first, zh: "清单的每一行应以 import 或 calendar 开头，却是“\(first.text)”",
                    en: "each line of the manifest starts with `import` or `calendar`, not `\(first.text)`")
                continue
            }
            let file = at(index + 1)
            guard file.kind == .string else {
                error(file, zh: "import 后应为带引号的文件名", en: "expected a quoted file name after `import`")
                continue
            }
            let with = at(index + 2)
            guard with.isWord("with") else {
                error(with, zh: "文件名后应为 with \"映射文件\"", en: "expected `with \"MAPPING\"` after the file name")
                continue
            }
            let mapping = at(index + 3)
            guard mapping.kind == .string else {
                error(mapping, zh: "with 后应为带引号的映射文件名", en: "expected a quoted mapping file after `with`")
                continue
            }
            entries.append(Entry(file: Name(file.text, file.range), mapping: Name(mapping.text, mapping.range)))
            index += 4
            if !at(index).startsLine && at(index).kind != .end {
                error(at(index), zh: "这一行多出了“\(at(index).text)”", en: "unexpected `\(at(index).text)` at the end of the line")
            }
        }
        return (ImportManifest(entries: entries, calendars: calendars), diagnostics)
    }

    /// The order tables are imported in: a table after those its rows name (units first, then items, cases,
    /// reviews …), as the canonical schema creates them.
    public static func order(of table: String) -> Int {
        CanonicalSchema.tables.firstIndex { $0.name == table } ?? CanonicalSchema.tables.count
    }
}
