import KaopingSyntax

/// Titles, category names and reasons are printed in the 通报's table cells and headings: one longer than
/// `maximumTextLength` characters is a slip (a pasted paragraph, a file read as a string), an error at it.
extension Checker {
    static let maximumTextLength = 200

    /// K0214 for each title, category name and reason of the declarations over the limit.
    mutating func checkTextLengths() {
        func check(_ text: StringLiteral?, _ what: (zh: String, en: String)) {
            guard let text, text.value.count > Checker.maximumTextLength else { return }
            report(
                "K0214", text.range, zh: "\(what.zh)有 \(text.value.count) 个字符，超过上限 \(Checker.maximumTextLength) 个",
                en: "the \(what.en) has \(text.value.count) characters, over the limit of \(Checker.maximumTextLength)",
                hint: "写成简短的名称，详细说明写在注释中", hintEn: "write a short name, and the details in a comment")
        }
        func categories(_ nodes: [CategoryDeclaration]) {
            for node in nodes {
                check(node.name, ("类别名称", "category name"))
                categories(node.children)
            }
        }
        for (file, declaration, _) in declarations {
            fileIndex = file
            switch declaration {
            case .assessment(let assessment):
                check(assessment.title, ("考核名称", "assessment's title"))
                categories(assessment.categories)
            case .indicator(let indicator):
                check(indicator.title, ("指标名称", "indicator's title"))
                indicator.category.forEach { check($0, ("类别名称", "category name")) }
            case .adjustment(let adjustment):
                check(adjustment.title, ("加扣分项名称", "adjustment's title"))
                adjustment.category.forEach { check($0, ("类别名称", "category name")) }
            case .veto(let veto):
                check(veto.title, ("否决项名称", "veto's title"))
                check(veto.reason, ("否决理由", "veto's reason"))
            case .limit(let limit):
                check(limit.title, ("等次限制名称", "grade limit's title"))
                check(limit.reason, ("等次限制理由", "grade limit's reason"))
            default: break
            }
        }
    }
}
