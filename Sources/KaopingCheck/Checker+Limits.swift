import KaopingSyntax

/// Grade limits (`limit … when … downgrade 1`, `… at most 良好`): a condition on a center, like a veto's, and the
/// grade it may reach at most.
extension Checker {
    mutating func checkLimit(_ limit: GradeLimitDeclaration, grades: [GradePlan]) -> GradeLimitPlan? {
        let errorsBefore = errorCount
        guard let condition = limit.condition else {
            report(
                "K0256", limit.id.range, zh: "等次限制“\(limit.id.text)”缺少 when 条件",
                en: "the grade limit `\(limit.id.text)` has no `when` condition",
                hint: "例如 when count(complaints where substantiated == 1) > 0",
                hintEn: "for example when count(complaints where substantiated == 1) > 0")
            return nil
        }
        let typed = checkCondition(condition, in: .center(table: nil, filter: nil))
        var effect: GradeLimitPlan.Effect?
        switch limit.effect {
        case nil:
            report(
                "K0257", limit.id.range, zh: "等次限制“\(limit.id.text)”没有写怎样限制", en: "the grade limit `\(limit.id.text)` says no limit",
                hint: "写 downgrade 1（降一个等次）或 at most 良好（最高评为良好）",
                hintEn: "write downgrade 1 (one grade lower) or at most 良好 (良好 at best)")
        case .downgrade(let steps)?:
            let value = constantNumber(steps)
            if let value, value >= 1, value == value.rounded() {
                effect = .downgrade(Int(value.clampedInteger()))
            } else if value != nil {
                report(
                    "K0259", steps.range, zh: "downgrade 后应为降的等次数（正整数）",
                    en: "`downgrade` takes how many grades lower (a whole number from 1)")
            }
        case .atMost(let grade)?:
            if grades.contains(where: { $0.name == grade.text }) {
                effect = .atMost(grade.text)
            } else {
                let guess = nearestName(grade.text, among: grades.map(\.name))
                report(
                    "K0258", grade.range, zh: "没有等次“\(grade.text)”", en: "there is no grade `\(grade.text)`",
                    hint: guess.map { "是否想写“\($0)”？" } ?? "可用的等次：" + grades.map(\.name).joined(separator: "、"),
                    hintEn: guess.map { "did you mean `\($0)`?" } ?? "the grades are " + grades.map(\.name).joined(separator: ", "))
            }
        }
        guard errorCount == errorsBefore, let effect else { return nil }
        return GradeLimitPlan(
            id: limit.id.text, title: limit.title.value, reason: limit.reason?.value ?? limit.title.value, condition: typed, effect: effect)
    }
}
