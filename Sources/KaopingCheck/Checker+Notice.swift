import KaopingStore
import KaopingSyntax

extension Checker {
    /// The notice (`notice { … }`): the last one read — a variant's replaces its base's — with each setting of
    /// its kind: text in quotes, or a day for `date` and `printed`. A second notice in one file is K0216; a setting
    /// of the wrong kind K0217; a short setting over 200 characters K0214.
    mutating func checkNotice() -> NoticePlan? {
        var chosen: (file: Int, notice: NoticeDeclaration)?
        var seen: Set<Int> = []
        for (file, declaration, _) in declarations {
            guard case .notice(let notice) = declaration else { continue }
            fileIndex = file
            guard seen.insert(file).inserted else {
                report(
                    "K0216", SourceRange(notice.range.start, notice.range.start + 6), zh: "一个规则文件只能有一个 notice（通报设置）",
                    en: "a rule file has only one `notice`", hint: "把两处设置合并到一个 notice 中", hintEn: "merge the settings into one notice")
                continue
            }
            chosen = (file, notice)
        }
        guard let (file, notice) = chosen else { return nil }
        fileIndex = file
        var plan = NoticePlan()
        for (keyword, value) in notice.settings {
            if NoticePlan.days.contains(keyword.text) {
                guard case .date(let text) = value.kind, !text.contains("T"), CivilDay(text) != nil else {
                    let impossible: String? = { if case .date(let text) = value.kind { return text } else { return nil } }()
                    report(
                        "K0217", value.range,
                        zh: impossible.map { "\($0) 不是有效的日期" } ?? "\(keyword.text) 应为日期",
                        en: impossible.map { "\($0) is not a valid date" } ?? "`\(keyword.text)` must be a date",
                        hint: "例如 \(keyword.text) 2025-03-15", hintEn: "for example \(keyword.text) 2025-03-15")
                    continue
                }
                plan.values[keyword.text] = text
            } else {
                guard case .string(let text) = value.kind else {
                    report(
                        "K0217", value.range, zh: "\(keyword.text) 应为引号中的文字", en: "`\(keyword.text)` must be text in quotes",
                        hint: "例如 \(keyword.text) \"…\"", hintEn: "for example \(keyword.text) \"…\"")
                    continue
                }
                if !NoticePlan.paragraphs.contains(keyword.text), text.count > Checker.maximumTextLength {
                    report(
                        "K0214", value.range, zh: "\(keyword.text) 有 \(text.count) 个字符，超过上限 \(Checker.maximumTextLength) 个",
                        en: "`\(keyword.text)` has \(text.count) characters, over the limit of \(Checker.maximumTextLength)",
                        hint: "写成简短的名称，详细说明写在注释中", hintEn: "write a short name, and the details in a comment")
                }
                plan.values[keyword.text] = text
            }
        }
        return plan
    }
}
