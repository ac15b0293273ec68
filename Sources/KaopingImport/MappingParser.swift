import KaopingSyntax

/// Parses mapping files (see `MappingFile`). After a mistake it reports it and skips to the next line, so one run
/// reports every mistake it can; ids K0501–K0507 (`docs/diagnostics.md`).
public struct MappingParser {
    let source: SourceFile
    let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []

    /// The words a mapping's statements start with (a column's target is any other name).
    static let keywords = ["encoding", "time", "personal", "ignore"]
    /// The words that may follow a column's source.
    static let modifiers = ["time", "codes", "by"]

    /// Parses `source`: the mappings it declares and the problems found.
    public static func parse(_ source: SourceFile) -> (file: MappingFile, diagnostics: [Diagnostic]) {
        let lexed = Lexer.lex(source)
        var parser = MappingParser(source: source, tokens: lexed.tokens)
        parser.diagnostics = lexed.diagnostics
        var file = MappingFile(source: source, mappings: [])
        while !parser.current.kind.isEnd {
            if parser.current.isWord("table") {
                if let table = parser.parseTable() { file.tables.append(table) }
            } else if let mapping = parser.parseMapping() {
                file.mappings.append(mapping)
            }
        }
        return (file, parser.diagnostics)
    }

    var current: Token { tokens[min(index, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func error(_ id: String, _ range: SourceRange, zh: String, en: String, hint: String = "", hintEn: String = "") {
        diagnostics.append(Diagnostic(id, .error, file: source.name, range: range, zh: zh, en: en, hint: hint, hintEn: hintEn))
    }

    /// Skips to the first token of the next line (or the block's end).
    mutating func skipLine() {
        _ = advance()
        while !current.kind.isEnd && !current.startsLine && !current.is("}") { _ = advance() }
    }

    /// `table NAME ["中文名"] { COLUMN TYPE [required]; key COLUMN, …; period COLUMN }`.
    mutating func parseTable() -> TableDeclaration? {
        _ = advance()
        guard current.kind == .identifier else {
            error(
                "K0502", current.range, zh: "table 后应为表名", en: "expected a table name after `table`", hint: "例如 table assessor_scores {",
                hintEn: "for example table assessor_scores {")
            skipLine()
            return nil
        }
        var table = TableDeclaration(name: Name(current.text, current.range))
        _ = advance()
        if current.kind == .string {
            let title = advance()
            table.title = Name(title.text, title.range)
        }
        parseBlock(after: "table \(table.name.text)") { parser in
            parser.parseTableStatement(into: &table)
        }
        return table
    }

    /// One statement of a table declaration: `COLUMN TYPE [required]`, `key COLUMN, …` or `period COLUMN`.
    mutating func parseTableStatement(into table: inout TableDeclaration) {
        let word = advance()
        guard word.kind == .identifier, current.kind == .identifier || current.is(",") || word.isWord("key") || word.isWord("period")
        else {
            error(
                "K0503", word.range, zh: "这里应为列声明（列名 类型），却是“\(word.text)”", en: "expected a column (NAME TYPE), found `\(word.text)`",
                hint: "例如 score real", hintEn: "for example score real")
            skipLine()
            return
        }
        switch word.text {
        case "key" where current.kind == .identifier && !current.startsLine:
            repeat {
                guard current.kind == .identifier else { break }
                let column = advance()
                table.key.append(Name(column.text, column.range))
            } while current.is(",") && advance().is(",")
        case "period" where current.kind == .identifier && !current.startsLine:
            let column = advance()
            table.period = Name(column.text, column.range)
        default:
            guard current.kind == .identifier, !current.startsLine else {
                error(
                    "K0503", word.range, zh: "列 \(word.text) 缺少类型", en: "the column \(word.text) has no type",
                    hint: "例如 \(word.text) text", hintEn: "for example \(word.text) text")
                skipLine()
                return
            }
            let type = advance()
            var required = false
            if current.isWord("required") && !current.startsLine {
                _ = advance()
                required = true
            }
            table.columns.append((Name(word.text, word.range), Name(type.text, type.range), required))
        }
        if !current.startsLine && !current.is("}") && !current.is(";") && !current.kind.isEnd {
            error("K0503", current.range, zh: "语句后多出了“\(current.text)”", en: "unexpected `\(current.text)` after the statement")
            skipLine()
        }
    }

    /// `{ statements }` after a declaration's name (`what`): each statement parsed by `statement`, `;` between
    /// them skipped; a missing `{` or `}` reported.
    mutating func parseBlock(after what: String, _ statement: (inout MappingParser) -> Void) {
        guard current.is("{") else {
            error(
                "K0502", current.range, zh: "表名后应为 {", en: "expected `{` after the table name", hint: "写成 \(what) { … }",
                hintEn: "write \(what) { … }")
            skipLine()
            return
        }
        let open = advance()
        while !current.is("}") {
            if current.kind.isEnd {
                error("K0502", open.range, zh: "这个 { 没有对应的 }", en: "this `{` is never closed", hint: "在末尾写 }", hintEn: "end it with }")
                return
            }
            if current.is(";") {
                _ = advance()
                continue
            }
            statement(&self)
        }
        _ = advance()
    }

    /// `mapping TABLE { statements }`; `nil` (reported) when the file has something else here.
    mutating func parseMapping() -> MappingDeclaration? {
        guard current.isWord("mapping") else {
            error(
                "K0501", current.range, zh: "这里应为 mapping 或 table 声明，却是“\(current.text)”",
                en: "expected a `mapping` (or `table`) declaration, found `\(current.text)`",
                hint: "每个映射写成 mapping 表名 { … }", hintEn: "write each mapping as mapping TABLE { … }")
            skipLine()
            while !current.kind.isEnd && !current.isWord("mapping") && !current.startsLine { _ = advance() }
            return nil
        }
        _ = advance()
        guard current.kind == .identifier else {
            error(
                "K0502", current.range, zh: "mapping 后应为表名", en: "expected a table name after `mapping`", hint: "例如 mapping cases {",
                hintEn: "for example mapping cases {")
            skipLine()
            return nil
        }
        var mapping = MappingDeclaration(table: Name(current.text, current.range))
        _ = advance()
        parseBlock(after: "mapping \(mapping.table.text)") { parser in
            parser.parseStatement(into: &mapping)
        }
        return mapping
    }

    /// One statement of a mapping.
    mutating func parseStatement(into mapping: inout MappingDeclaration) {
        let first = current
        guard first.kind == .identifier else {
            error(
                "K0503", first.range, zh: "这里应为映射语句，却是“\(first.text)”", en: "expected a statement of the mapping, found `\(first.text)`",
                hint: "例如 case_no from \"办件编号\"", hintEn: "for example case_no from \"办件编号\"")
            skipLine()
            return
        }
        let next = tokens[min(index + 1, tokens.count - 1)]
        switch first.text {
        case "encoding" where !next.isWord("from") && !next.is("="):
            _ = advance()
            mapping.encoding = parseWordOrString(after: "encoding")
        case "time" where !next.isWord("from") && !next.is("="):
            _ = advance()
            mapping.time = parseWordOrString(after: "time")
        case "personal" where next.kind == .string:
            _ = advance()
            mapping.personal.append(parsePersonal())
        case "ignore" where next.kind == .string:
            _ = advance()
            repeat {
                guard let name = parseString(after: "ignore") else { return }
                mapping.ignored.append(name)
            } while current.is(",") && advance().is(",")
        default:
            if let column = parseColumn() { mapping.columns.append(column) }
        }
        if !current.startsLine && !current.is("}") && !current.is(";") && !current.kind.isEnd {
            error(
                "K0503", current.range, zh: "语句后多出了“\(current.text)”", en: "unexpected `\(current.text)` after the statement",
                hint: "每行写一条语句", hintEn: "write one statement per line")
            skipLine()
        }
    }

    /// `TARGET from "SOURCE" modifiers…` or `TARGET = CONSTANT`.
    mutating func parseColumn() -> ColumnMappingSyntax? {
        let target = advance()
        var column = ColumnMappingSyntax(target: Name(target.text, target.range))
        if current.is("=") {
            _ = advance()
            guard [.string, .number, .date].contains(current.kind) || current.is("-") else {
                error(
                    "K0504", current.range, zh: "= 后应为常量（字符串或数值）", en: "expected a constant (a string or a number) after `=`",
                    hint: "例如 channel = \"window\"", hintEn: "for example channel = \"window\"")
                skipLine()
                return nil
            }
            let sign = current.is("-") ? advance() : nil
            let value = advance()
            column.constant = Name((sign == nil ? "" : "-") + value.text, sign.map { $0.range.union(value.range) } ?? value.range)
            return column
        }
        guard current.isWord("from") else {
            let suggestion = nearestName(target.text, among: Self.keywords)
            error(
                "K0503", current.range, zh: "“\(target.text)”后应为 from \"源列名\" 或 = 常量",
                en: "expected `from \"source column\"` or `= constant` after `\(target.text)`",
                hint: suggestion.map { "是否想写“\($0)”？" } ?? "例如 \(target.text) from \"办件编号\"",
                hintEn: suggestion.map { "did you mean `\($0)`?" } ?? "for example \(target.text) from \"办件编号\"")
            skipLine()
            return nil
        }
        _ = advance()
        guard let source = parseString(after: "from") else { return nil }
        column.source = source
        while current.kind == .identifier && !current.startsLine {
            let word = advance()
            switch word.text {
            case "time": column.time = parseWordOrString(after: "time")
            case "by": column.lookup = parseWordOrString(after: "by")
            case "codes": column.codes = parseCodes()
            default:
                let suggestion = nearestName(word.text, among: Self.modifiers)
                error(
                    "K0505", word.range, zh: "不认识的列选项“\(word.text)”", en: "unknown column option `\(word.text)`",
                    hint: suggestion.map { "是否想写“\($0)”？" } ?? "可用 time 格式、codes { … } 或 by code",
                    hintEn: suggestion.map { "did you mean `\($0)`?" } ?? "use time FORMAT, codes { … } or by code")
                skipLine()
                return column
            }
        }
        return column
    }

    /// `{ "from" -> "to"; … }` (entries separated by `;`, `,` or line breaks).
    mutating func parseCodes() -> [(from: Name, to: Name)] {
        var codes: [(from: Name, to: Name)] = []
        guard current.is("{") else {
            error(
                "K0506", current.range, zh: "codes 后应为 { \"源值\" -> \"代码\"; … }",
                en: "expected `{ \"source\" -> \"code\"; … }` after `codes`")
            return codes
        }
        let open = advance()
        while !current.is("}") {
            if current.kind.isEnd {
                error("K0506", open.range, zh: "codes 的 { 没有对应的 }", en: "the `{` of `codes` is never closed")
                return codes
            }
            if current.is(";") || current.is(",") {
                _ = advance()
                continue
            }
            guard [.string, .number].contains(current.kind) else {
                error(
                    "K0506", current.range, zh: "这里应为源值（字符串或数字）", en: "expected a source value (a string or a number)",
                    hint: "写成 \"即办件\" -> \"instant\"", hintEn: "write \"即办件\" -> \"instant\"")
                skipLine()
                continue
            }
            let from = advance()
            guard current.is("->") else {
                error(
                    "K0506", current.range, zh: "源值后应为 ->", en: "expected `->` after the source value",
                    hint: "写成 \"\(from.text)\" -> \"代码\"", hintEn: "write \"\(from.text)\" -> \"code\"")
                skipLine()
                continue
            }
            _ = advance()
            guard [.string, .number].contains(current.kind) else {
                error("K0506", current.range, zh: "-> 后应为代码（字符串或数字）", en: "expected a code (a string or a number) after `->`")
                skipLine()
                continue
            }
            let to = advance()
            codes.append((Name(from.text, from.range), Name(to.text, to.range)))
        }
        _ = advance()
        return codes
    }

    /// `personal "SOURCE" drop` or `personal "SOURCE" hash into TARGET`.
    mutating func parsePersonal() -> PersonalSyntax {
        let source = parseString(after: "personal") ?? Name("", current.range)
        var personal = PersonalSyntax(source: source)
        guard current.kind == .identifier, !current.startsLine else { return personal }
        let action = advance()
        personal.action = Name(action.text, action.range)
        if action.isWord("hash"), current.isWord("into") {
            _ = advance()
            if current.kind == .identifier {
                let target = advance()
                personal.target = Name(target.text, target.range)
            }
        }
        return personal
    }

    /// A quoted source column name.
    mutating func parseString(after word: String) -> Name? {
        guard current.kind == .string else {
            error(
                "K0507", current.range, zh: "\(word) 后应为带引号的源列名", en: "expected a quoted source column name after `\(word)`",
                hint: "例如 \(word) \"办件编号\"", hintEn: "for example \(word) \"办件编号\"")
            skipLine()
            return nil
        }
        let token = advance()
        return Name(token.text, token.range)
    }

    /// A name or a quoted text (`gb18030`, `"utf-8"`, `iso`).
    mutating func parseWordOrString(after word: String) -> Name? {
        guard current.kind == .identifier || current.kind == .string, !current.startsLine else {
            error("K0508", current.range, zh: "\(word) 后缺少取值", en: "`\(word)` needs a value")
            return nil
        }
        let token = advance()
        return Name(token.text, token.range)
    }
}

extension Token.Kind {
    var isEnd: Bool { self == .end }
}
