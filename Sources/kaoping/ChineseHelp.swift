import ArgumentParser
import Foundation

/// `kaoping --help --lang zh`, `kaoping help run --lang zh`, `kaoping run -h --lang zh`: the help in Chinese.
/// swift-argument-parser writes help in English only, so this page is laid out here from the parser's own
/// description of each command (`_dumpHelp()`: its usage line and its options, so none is missed or invented),
/// with the Chinese text of each command and option below; the examples are the English help's.
enum ChineseHelp {
    /// Each command's overview and exit statuses in Chinese (`""`: the root).
    static let commands: [String: String] = [
        "": "考评 Kaoping：考核政务服务分中心和现场办理点，写出排名通报。",
        "demo": "生成演示省份的数据库（约 1,500 个被考核单位），并用默认规则考核它。",
        "run": "考核评分：按规则文件考核数据库中的每个单位，写出 results.json 和报告。",
        "calendar": "工作日历：把一年的节假日和调休上班日导入数据库。",
        "calendar import": "导入工作日历：读入一年的节假日和调休上班日（Rules/calendars/ 的文本格式），替换数据库中该年的行。",
        "import": "导入数据：按映射文件把 CSV 导出文件导入数据库，逐行检查，错误行写入 NAME.rejects.csv。",
        "render": "生成通报：把一份 results.json 写成通报（HTML、DOCX、XLSX、CSV、Markdown、PDF）和一单位一单，不读数据库和规则。",
        "explain": "失分说明：逐项写出一个单位的计量、计分步骤和得分，以及使其失分的记录。",
        "sensitivity": "权重敏感性：各指标分值上下浮动时，各组名次是否稳定、哪些单位的等次会变。",
        "diff": "结果对比：比较两份结果（results.json，或在 --db 上运行的规则文件），列出名次、等次、总分的变化及其来源。",
        "check": "检查规则文件：字段名和类型与数据库（或标准表结构）核对，并给出提示性检查。",
        "test": "运行规则测试：运行规则文件中（及旁边 *.test.rules 中）的 test 块，最后一行为“N passed, N failed”。",
        "sql": "生成 SQL 查询：输出一条 SELECT 语句，在数据库中直接算出每个单位每个指标的样本数、分子和计量值。",
        "fmt": "格式化规则文件：按统一格式排版（缩进、空格、对齐），保留全部注释。",
    ]

    static let exitStatus: [String: String] = [
        "": "退出状态：0 完成；1 规则有错误或测试未通过；2 路径、文件或数据库无法使用（一句话说明原因和做法）；64 命令行写错（并提示“是否想写”）。",
        "demo": "退出状态：0 已写出；1 规则文件有错误；2 路径或文件无法使用，或无法生成 report.pdf（其他文件已写出）；64 命令行写错。",
        "run": "退出状态：0 已写出；1 规则有错误或数据不覆盖考核期；2 路径、文件或数据库无法使用，或无法生成 report.pdf（其他文件已写出）；64 命令行写错。",
        "calendar import": "退出状态：0 已写入；1 日历文件有错误（指明行号）；2 路径、文件或数据库无法使用；64 命令行写错。",
        "import": "退出状态：0 全部导入；3 有行被拒（其余已导入）；1 映射文件有错误（未导入）；2 路径、文件或数据库无法使用；64 命令行写错。",
        "render": "退出状态：0 已写出；2 路径或文件无法使用，或无法生成 report.pdf（其他文件已写出）；64 命令行写错。",
        "sensitivity": "退出状态：0 已分析；1 规则文件有错误；2 路径、文件或数据库无法使用；64 命令行写错（如 --spread 超出范围）。",
        "diff": "退出状态：0 已比较；1 规则文件有错误；2 路径、文件或数据库无法使用；64 命令行写错。",
        "explain": "退出状态：0 已说明；1 规则文件有错误；2 路径、文件或数据库无法使用，或没有该代码的被考核单位；64 命令行写错。",
        "check": "退出状态：0 无问题；1 有错误（--strict 时有警告也为 1）；2 无法读取文件或数据库；64 命令行写错。",
        "test": "退出状态：0 全部通过；1 有测试未通过；2 无法读取文件；64 命令行写错。",
        "sql": "退出状态：0 已输出；1 规则有错误；2 路径、文件或数据库无法使用，或该方言写不出某个写法；64 命令行写错。",
        "fmt": "退出状态：0 每个文件已是或已改为统一格式；1 有文件需要改动（--check）或有错误；2 无法读写文件；64 命令行写错。",
    ]

    /// The Chinese text of each argument and option, by command and then by name (an argument's value name).
    static let options: [String: [String: String]] = [
        "demo": [
            "cases": "演示数据的办件数（默认 200,000）。", "seed": "随机种子（默认 2024）：同一种子总是生成逐字节相同的数据库。",
            "out": "输出文件夹（默认 kaoping-demo），数据库写为 OUT/demo.sqlite。", "calendars": "工作日历文件夹（YEAR.txt），不写则用内置的 2020–2026 年日历。",
            "rules": "考核所用的规则文件（默认本项目的 Rules/jiangsu-2024.rules，或其内置副本）。", "no-run": "只生成数据库，不考核。",
            "param": "改用参数值：--param 名称=值（可重复）。",
            "format": "输出格式，用逗号分隔：json、html、docx、xlsx、csv、md、pdf，或 all（默认 json,html；pdf 需要 LibreOffice）。",
            "per-center": "同时写出一单位一单：centers/单位代码.html，格式含 docx 时还有 centers/单位代码.docx。",
            "no-previous": "不生成和考核上一年的数据（通报中就没有名次和总分的变化）。",
            "export": "同时把数据库导出到此文件夹（各表一个 CSV、所用映射、工作日历和 import.manifest），可用 kaoping import 原样导回。",
        ],
        "calendar import": [
            "file": "日历文件（year、holiday、workday 行）。", "db": "数据库：SQLite 文件（不存在则新建），或 PostgreSQL 连接串（空库则新建）。", "region": "日历所属的设区市（默认全省通用）。",
        ],
        "import": [
            "db": "数据库：SQLite 文件（不存在则按标准表结构新建），或 PostgreSQL 连接串（空库则新建，数据以 COPY 载入）。", "mapping": "映射文件（.mapping）。",
            "table": "映射文件含多个表时，指定其中一个。",
            "encoding": "文件编码：utf8 或 gb18030（默认取映射文件的设置，或自动识别）。", "paths": "要导入的 CSV 或 JSON Lines 文件，或含 import.manifest 的文件夹。",
            "quiet": "不在标准错误输出上显示进度条。",
            "keys-by-unit": "仅 PostgreSQL：办件、评价改为按（单位，编号）唯一，以便 Citus 按 center_id 分布；编号仍在全省唯一。",
            "pii-key": "个人信息密钥文件：映射中 hash into 的个人信息列只保存其 HMAC-SHA256；密钥只读取，不写入任何地方。",
            "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。",
        ],
        "render": [
            "results": "要生成通报的 results.json。", "out": "输出文件夹。",
            "format": "输出格式，用逗号分隔：json、html、docx、xlsx、csv、md、pdf，或 all（默认 json,html；pdf 需要 LibreOffice）。",
            "previous": "上一次考核的 results.json：列出名次和总分的变化、“新增”和“不再考核”的单位。",
            "per-center": "同时写出一单位一单：centers/单位代码.html，格式含 docx 时还有 centers/单位代码.docx。",
            "templates": "放 .mustache 模板的文件夹，其中的模板替换同名的内置模板。",
        ],
        "run": [
            "rules": "规则文件（.rules）。", "db": "数据库：Kaoping SQLite 文件，或 PostgreSQL 连接串（postgresql://…、service=名称）。", "out": "输出文件夹。",
            "format": "输出格式，用逗号分隔：json、html、docx、xlsx、csv、md、pdf，或 all（默认 json,html；pdf 需要 LibreOffice）。",
            "previous": "上一次考核的 results.json：列出名次和总分的变化、“新增”和“不再考核”的单位。",
            "per-center": "同时写出一单位一单：centers/单位代码.html，格式含 docx 时还有 centers/单位代码.docx。",
            "templates": "放 .mustache 模板的文件夹，其中的模板替换同名的内置模板。",
            "param": "改用参数值：--param 名称=值（可重复）。",
            "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。", "threads": "扫描线程数（默认为全部核心），结果与之无关。",
            "quiet": "不在标准错误输出上显示进度条。", "no-cache": "直接读数据库：不读也不写数据库旁的列缓存（STORE.kaoping/columns/）和记下的数据摘要。",
            "allow-partial-data": "某个被考核的表在考核期内没有数据时仍写出结果（记入 results.json）。",
            "evidence": "results.json 中每个单位每项指标列出的失分记录数（0 到 1000；默认取规则文件的 evidence N，或 5）。",
        ],
        "check": [
            "paths": "规则文件或文件夹（文件夹中的全部 .rules）。", "db": "与此数据库的表结构核对，并检查数据对考核期的覆盖。",
            "strict": "有警告也返回 1。", "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。",
        ],
        "test": [
            "paths": "规则文件、测试文件或文件夹。", "coverage": "列出没有测试的指标、加扣分项、否决项和等次限制，以及没有测到的计分档次。",
            "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。", "calendars": "工作日历文件夹，不写则用内置日历。",
        ],
        "explain": [
            "rules": "规则文件（.rules）。", "db": "数据库：Kaoping SQLite 文件，或 PostgreSQL 连接串（postgresql://…、service=名称）。",
            "center": "单位代码（centers.code）。",
            "indicator": "只说明这一项指标（其 id）。", "all": "列出全部失分记录，而不只是前几条（经数据库的单位索引读取）。",
            "format": "输出格式：text（默认）、md（Markdown）或 json。", "param": "改用参数值：--param 名称=值（可重复）。",
            "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。",
        ],
        "sensitivity": [
            "rules": "规则文件（.rules）。", "db": "数据库：Kaoping SQLite 文件，或 PostgreSQL 连接串（postgresql://…、service=名称）。",
            "spread": "各指标分值上下浮动的幅度：大于 0%、小于 100% 的百分数（默认 10%）。",
            "format": "输出格式：text（默认）、md 或 json。", "param": "改用参数值：--param 名称=值（可重复）。",
            "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。",
        ],
        "diff": [
            "a": "A：一份 results.json，或在 --db 上运行的规则文件。", "b": "B：一份 results.json，或在 --db 上运行的规则文件（使用 --param 改过的参数）。",
            "db": "运行规则文件所用的数据库：Kaoping SQLite 文件，或 PostgreSQL 连接串。", "param": "改用 B 的参数值：--param 名称=值（可重复；用于“如果……会怎样”）。",
            "format": "输出格式：text（默认）、md、json 或 html。", "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。",
        ],
        "sql": [
            "rules": "规则文件（.rules）。", "dialect": "SQL 方言：sqlite（默认）或 postgresql。", "db": "与此数据库的表结构核对（默认：标准表结构）。",
            "param": "改用参数值：--param 名称=值（可重复）。", "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。",
            "evidence": "改为输出列出全部失分记录的查询（center_code、indicator、record、record_number）。",
        ],
        "fmt": [
            "paths": "规则文件或文件夹。", "check": "只检查，不改写：有文件需要改动时返回 1。",
            "fix": "先改正有确定改法的错误（全角标点和数字、把 = 改为 ==）。", "lang": "诊断信息的语言：zh（中文，默认）或 en（英文）。",
        ],
    ]

    static let common: [String: String] = ["version": "显示版本。", "help": "显示帮助（加 --lang zh 为中文）。"]

    /// Whether `arguments` ask for help in Chinese.
    static func wanted(_ arguments: [String]) -> Bool {
        let help = arguments.first == "help" || arguments.contains { ["--help", "-h", "-help"].contains($0) }
        let zh = zip(arguments, arguments.dropFirst()).contains { $0 == "--lang" && $1 == "zh" } || arguments.contains("--lang=zh")
        return help && zh
    }

    /// The Chinese help page for the command `arguments` name (the root when they name none).
    static func page(for arguments: [String]) -> String {
        let words = arguments.filter { !$0.hasPrefix("-") && $0 != "zh" && $0 != "help" }
        var name =
            words.first.flatMap { word in Kaoping.configuration.subcommands.contains { $0.configuration.commandName == word } ? word : nil }
            ?? ""
        var type: any ParsableCommand.Type =
            Kaoping.configuration.subcommands.first { $0.configuration.commandName == name } ?? Kaoping.self
        // A command's own subcommand (`calendar import`).
        if !name.isEmpty, words.count > 1,
            let nested = type.configuration.subcommands.first(where: { $0.configuration.commandName == words[1] })
        {
            type = nested
            name += " " + words[1]
        }
        var lines = ["概述：" + (commands[name] ?? ""), "", "用法：" + Kaoping.usageString(for: type), ""]
        let description = self.description(of: name)
        if name.isEmpty {
            lines.append("命令：")
            for subcommand in Kaoping.configuration.subcommands {
                let command = subcommand.configuration.commandName ?? ""
                lines.append(row(command, commands[command] ?? ""))
            }
            lines.append("")
        }
        var arguments: [String] = []
        var options: [String] = []
        for argument in description["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { entry -> String? in
                guard let text = entry["name"] as? String else { return nil }
                return entry["kind"] as? String == "short" ? "-" + text : "--" + text
            }
            let long = (argument["names"] as? [[String: Any]] ?? []).first { $0["kind"] as? String != "short" }?["name"] as? String
            let value = argument["valueName"] as? String ?? ""
            let key = long ?? value
            let text = self.options[name]?[key] ?? common[key] ?? ""
            switch argument["kind"] as? String {
            case "positional": arguments.append(row("<\(value)>", text))
            case "flag": options.append(row(names.joined(separator: ", "), text))
            default: options.append(row(names.joined(separator: ", ") + " <\(value)>", text))
            }
        }
        if !arguments.isEmpty { lines += ["参数："] + arguments + [""] }
        lines += ["选项："] + options + [""]
        let examples =
            (type.configuration.discussion.split(separator: "\n").drop { !$0.hasPrefix("Examples") }.dropFirst()
            .prefix { $0.hasPrefix(" ") }).map(String.init)
        if !examples.isEmpty { lines += ["示例："] + examples + [""] }
        lines.append(exitStatus[name] ?? "")
        if name.isEmpty { lines += ["", "各命令的帮助：kaoping help 命令 --lang zh"] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `label` and `text` in two columns, as the English help lays them out.
    private static func row(_ label: String, _ text: String) -> String {
        let padded = label.count < 24 ? label + String(repeating: " ", count: 24 - label.count) : label + "  "
        return "  " + padded + text
    }

    /// The parser's description of the command `name` (the root for `""`).
    private static func description(of name: String) -> [String: Any] {
        let tool = (try? JSONSerialization.jsonObject(with: Data(Kaoping._dumpHelp().utf8))) as? [String: Any]
        let root = tool?["command"] as? [String: Any] ?? [:]
        guard !name.isEmpty else { return root }
        var command = root
        for word in name.split(separator: " ") {
            command = (command["subcommands"] as? [[String: Any]] ?? []).first { $0["commandName"] as? String == String(word) } ?? [:]
        }
        return command
    }
}
