import KaopingSyntax

/// A rule file made by a program, or by copying, repeats itself: whole indicator bodies, the `from`, `where`
/// and `measure` of indicators that differ in their points, scores or categories, or the condition a `rate`
/// counts among populations that differ. What checking such texts comes to is remembered when it gave no
/// diagnostic, and a repeat takes it instead of being checked again (see `RepeatedTexts`).
///
/// Checking these texts depends on nothing the check of others changes but what it would change in the same
/// way (the parameters used, the columns and aggregates planned), and texts that gave a diagnostic are checked
/// again each time, so that each is reported where it is. (A file is checked only when it parsed without
/// errors: equal bytes are equal syntax.)
extension Checker {
    /// Where the body of an indicator is in its file's bytes: what is written after its title, to the end of
    /// its declaration.
    static func bodyRange(of indicator: IndicatorDeclaration) -> Range<Int> {
        indicator.title.range.end..<max(indicator.title.range.end, indicator.range.end)
    }

    /// Checks the indicator at `position` in `order` unless its body was checked before without a diagnostic;
    /// then it takes that plan (in `plans`, at its position), with its own id and title.
    mutating func checkIndicatorOnce(
        _ indicator: IndicatorDeclaration, at position: Int, plans: UnsafeMutableBufferPointer<IndicatorPlan>, structure: Structure
    ) -> IndicatorPlan? {
        guard remembersRepeats, repeatedBodies.isOn else { return checkIndicator(indicator, structure: structure) }
        // The parts as written for `RepeatedTexts` (made optional here, not converted at each use).
        let (body, file): ([Range<Int>?], Int) = ([Checker.bodyRange(of: indicator)], fileIndex)
        let fingerprint = RepeatedTexts<Int>.fingerprint(of: body, in: files[file].source)
        if let earlier = repeatedBodies.value(for: body, inFile: file, fingerprint: fingerprint, files: files) {
            var plan = plans[earlier]
            plan.id = indicator.id.text
            plan.title = indicator.title.value
            return plan
        }
        let diagnosticsBefore = diagnostics.count
        let plan = checkIndicator(indicator, structure: structure)
        if plan != nil, diagnostics.count == diagnosticsBefore {
            repeatedBodies.remember(position, for: body, inFile: file, fingerprint: fingerprint)
        }
        return plan
    }

    /// What an indicator's `from … where …` and `measure` come to: its table, its population, its measure and
    /// the numerator of a rate.
    typealias SourceAndMeasure = (table: String?, population: Int?, measure: Typed, numerator: Int?)

    /// An indicator's `from … where …` and `measure`, checked once for each text of the three (the table's
    /// name, the filter and the measure).
    mutating func checkSourceAndMeasure(_ indicator: IndicatorDeclaration, _ measureExpression: Expression) -> SourceAndMeasure {
        func check(_ checker: inout Checker) -> SourceAndMeasure {
            let (table, filter, population) = checker.checkPopulation(indicator.source, indicator.filter)
            let measure = checker.checkMeasure(measureExpression, table: table, filter: filter)
            return (table, population, measure, checker.numeratorAggregate(of: measure.expression))
        }
        guard remembersRepeats, repeatedStatements.isOn else { return check(&self) }
        let parts = [indicator.source?.range, indicator.filter?.range, measureExpression.range].map { $0.map { $0.start..<$0.end } }
        let file = fileIndex
        let fingerprint = RepeatedTexts<SourceAndMeasure>.fingerprint(of: parts, in: files[file].source)
        if let checked = repeatedStatements.value(for: parts, inFile: file, fingerprint: fingerprint, files: files) { return checked }
        let diagnosticsBefore = diagnostics.count
        let checked = check(&self)
        if diagnostics.count == diagnosticsBefore {
            repeatedStatements.remember(checked, for: parts, inFile: file, fingerprint: fingerprint)
        }
        return checked
    }

    /// A condition on the rows of a table, checked, with the table.
    typealias RowCondition = (table: String, condition: Fingerprinted)

    /// What a condition on a table's rows is: a population's filter, or an aggregate's `where` or a rate's condition.
    enum RowConditionKind: Int {
        case population, aggregate
    }

    /// A condition on the rows of `table` — a population's `where`, an aggregate's own `where`, the condition
    /// of a `rate` — checked once for each text and table. Rule files count the same condition over many
    /// populations (`rate(workdays(accepted_at, finished_at) <= promised_days)` with one filter after another),
    /// and what it comes to depends only on its text and the table: the columns, parameters and calendar it
    /// uses were taken the first time.
    mutating func checkRowConditionOnce(_ condition: Expression, table: String, as kind: RowConditionKind) -> Fingerprinted {
        let memory = kind.rawValue
        guard remembersRepeats, repeatedConditions[memory].isOn else { return Fingerprinted(checkCondition(condition, in: .row(table))) }
        let parts: [Range<Int>?] = [condition.range.start..<condition.range.end]
        let file = fileIndex
        let fingerprint = RepeatedTexts<RowCondition>.fingerprint(of: parts, in: files[file].source)
        let remembered = repeatedConditions[memory].value(for: parts, inFile: file, fingerprint: fingerprint, files: files) {
            $0.table == table
        }
        if let remembered { return remembered.condition }
        let diagnosticsBefore = diagnostics.count
        let checked = Fingerprinted(checkCondition(condition, in: .row(table)))
        if diagnostics.count == diagnosticsBefore {
            repeatedConditions[memory].remember((table, checked), for: parts, inFile: file, fingerprint: fingerprint)
        }
        return checked
    }
}
