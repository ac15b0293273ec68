import KaopingSyntax

/// Units: a slip in a unit must be an error at its line, never a number. A measure known to be a fraction — a
/// `rate`, or the average of a 0/1 flag — runs from 0 to 100%, so a bare number above 1 written
/// against it (`bands { >= 95 -> 15 }`) is a slip for a percentage (K0281), and a percentage under 1% (`0.9%`)
/// most likely one too (K0282). Points are never a percentage (K0283): `points 25%`, `gate 80%`, `max 5%`, and
/// a rule's output `-> 100%` (write `full`, or `60% full` for a share of it).
///
/// A parameter's unit is that of its uses: a parameter written `90` and used as a rate's control point is
/// reported where it is used, naming the parameter (or the `--param` that gave its value).
extension Checker {
    /// Whether `expression`, a per-center value, is known to be a fraction between 0 and 1: a `rate`, or the
    /// average of a 0/1 flag column.
    func isFraction(_ expression: TypedExpression) -> Bool {
        guard case .aggregate(let index) = expression else { return false }
        let aggregate = aggregates[index]
        switch (aggregate.function, aggregate.argument) {
        case (.rate, _):
            return true
        case (.avg, .column(let slot)?):
            guard let columns = scanColumns[aggregate.table], slot < columns.count else { return false }
            return columnType(table: aggregate.table, path: columns[slot]) == .flag
        default:
            return false
        }
    }

    /// Checks `bound`, written where a value of a fraction measure is meant: a control point, a band's bound, a
    /// deduction's unit or reference, a side of a comparison.
    mutating func checkFractionBound(_ bound: Expression) {
        let text = file.source.text(bound.range)
        switch bound.kind {
        case .number(let value, _) where value > 1:
            report(
                "K0281", bound.range, zh: "计量是比率（0 到 100%），\(text) 应写成百分数",
                en: "the measure is a rate (0 to 100%): write \(text) as a percentage", hint: "写成 \(text)%", hintEn: "write \(text)%")
        case .percent(let value) where value > 0 && value < 0.01:
            let meant = Checker.number((value * 10_000 * 1e6).rounded() / 1e6)
            report(
                "K0282", bound.range, severity: .warning, zh: "计量是比率，\(text) 还不到 1%", en: "the measure is a rate, and \(text) is under 1%",
                hint: "是否想写 \(meant)%？", hintEn: "did you mean \(meant)%?")
        case .name(let name):
            guard let entry = parameters[name], let value = entry.value.number else { return }
            let percent = entry.display.hasSuffix("%")
            let fix = entry.overridden ? "--param \(name)=\(entry.display)%" : "param \(name) = \(entry.display)%"
            if !percent, value > 1 {
                report(
                    "K0281", bound.range, zh: "计量是比率（0 到 100%），参数 \(name) 的值 \(entry.display) 应写成百分数",
                    en: "the measure is a rate (0 to 100%): the parameter \(name), \(entry.display), must be a percentage",
                    hint: "写成 \(fix)", hintEn: "write \(fix)")
            } else if percent, value > 0, value < 0.01 {
                let meant = Checker.number((value * 10_000 * 1e6).rounded() / 1e6)
                report(
                    "K0282", bound.range, severity: .warning, zh: "计量是比率，参数 \(name) 的值 \(entry.display) 还不到 1%",
                    en: "the measure is a rate, and the parameter \(name), \(entry.display), is under 1%",
                    hint: "是否想写 \(meant)%？", hintEn: "did you mean \(meant)%?")
            }
        default:
            break
        }
    }

    /// Checks `expression`, written where points are meant, for a percentage (K0283). `share`: where a share of
    /// the points scored out of may be written (`60% full`), which the hint then suggests.
    mutating func checkPointsWriting(_ expression: Expression, share: Bool) {
        let text = file.source.text(expression.range)
        let value: Double
        var parameter: String?
        switch expression.kind {
        case .percent(let percent):
            value = percent
        case .name(let name):
            guard let entry = parameters[name], entry.display.hasSuffix("%"), let number = entry.value.number else { return }
            (value, parameter) = (number, name)
        default:
            return
        }
        let whole = Checker.number((value * 100 * 1e6).rounded() / 1e6)
        let hint: (String, String) =
            share
            ? ("写成分数，或写成满分的比例，如 \(text) full", "write points, or a share of full marks such as \(text) full")
            : ("写成 \(whole)", "write \(whole)")
        report(
            "K0283", expression.range,
            zh: parameter.map { "这里是分数，参数 \($0) 的值 \(text) 却是百分数" } ?? "这里是分数，不能写成百分数 \(text)",
            en: parameter.map { "points are meant here, but the parameter \($0) is the percentage \(text)" }
                ?? "points are meant here, not the percentage \(text)",
            hint: hint.0, hintEn: hint.1)
    }

    /// Checks the sides of a comparison: a side that is a fraction (a rate, or the measure of a rate while its
    /// score is checked) makes the other a fraction too.
    mutating func checkComparisonUnits(_ lhs: Expression, _ left: Typed, _ rhs: Expression, _ right: Typed) {
        if isFractionValue(left.expression) { checkFractionBound(rhs) }
        if isFractionValue(right.expression) { checkFractionBound(lhs) }
    }

    private func isFractionValue(_ expression: TypedExpression) -> Bool {
        if case .measure = expression { return scoringFraction }
        return isFraction(expression)
    }
}
