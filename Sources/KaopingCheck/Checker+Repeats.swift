import KaopingSyntax

/// A rule file made by a program, or by copying, repeats itself: whole indicator bodies, or the `from`,
/// `where` and `measure` of indicators that differ in their points, scores or categories. What checking such a
/// text comes to is remembered, by the text's bytes, when it gave no diagnostic, and a repeat takes it instead
/// of being checked again (see `IndicatorBody`).
extension Checker {
    /// Checks the indicator at `position` in `order` whose body (see `IndicatorBody`) has not been checked
    /// before without a diagnostic; one whose body has takes that plan (in `plans`, at its position), with
    /// its own id and title. Checking a body depends on nothing the check of another changes but what it
    /// would change in the same way (the parameters used, the columns and aggregates planned), and a body
    /// that gave a diagnostic is checked again each time, so that each is reported where it is. (A file is
    /// checked only when it parsed without errors: equal bytes are equal syntax.)
    mutating func checkIndicatorOnce(
        _ indicator: IndicatorDeclaration, at position: Int, plans: UnsafeMutableBufferPointer<IndicatorPlan>, structure: Structure
    ) -> IndicatorPlan? {
        guard remembersBodies else { return checkIndicator(indicator, structure: structure) }
        let range = IndicatorBody.range(of: indicator)
        let file = fileIndex
        let fingerprint = self.fingerprint(ofText: range, inFile: file)
        var candidate = cleanBodies[fingerprint] ?? -1
        while candidate >= 0 {
            let earlier = remembered[candidate]
            if sameText(earlier.range, inFile: earlier.file, as: range, inFile: file) {
                var plan = plans[earlier.position]
                plan.id = indicator.id.text
                plan.title = indicator.title.value
                return plan
            }
            candidate = earlier.previous
        }
        let diagnosticsBefore = diagnostics.count
        let plan = checkIndicator(indicator, structure: structure)
        if plan != nil, diagnostics.count == diagnosticsBefore {
            remembered.append((file, range, position, cleanBodies[fingerprint] ?? -1))
            cleanBodies[fingerprint] = remembered.count - 1
        }
        return plan
    }

    /// What an indicator's `from … where …` and `measure` come to: its table, its population, its measure and
    /// the numerator of a rate.
    typealias SourceAndMeasure = (table: String?, population: Int?, measure: Typed, numerator: Int?)

    /// An indicator's `from … where …` and `measure`, checked once for each text of the three (the table's
    /// name, the filter and the measure): a file made from a pattern repeats them with other points, scores
    /// or categories. The same reasons hold as for repeated bodies (see `checkIndicatorOnce`).
    mutating func checkSourceAndMeasure(_ indicator: IndicatorDeclaration, _ measureExpression: Expression) -> SourceAndMeasure {
        func check(_ checker: inout Checker) -> SourceAndMeasure {
            let (table, filter, population) = checker.checkPopulation(indicator.source, indicator.filter)
            let measure = checker.checkMeasure(measureExpression, table: table, filter: filter)
            return (table, population, measure, checker.numeratorAggregate(of: measure.expression))
        }
        guard remembersBodies else { return check(&self) }
        let parts = [indicator.source?.range, indicator.filter?.range, measureExpression.range].map { $0.map { $0.start..<$0.end } }
        let file = fileIndex
        var fingerprint = Fingerprint()
        for part in parts { fingerprint.add(part.map { self.fingerprint(ofText: $0, inFile: file) } ?? 0xFFFF) }
        var candidate = cleanStatements[fingerprint.value] ?? -1
        while candidate >= 0 {
            let earlier = rememberedStatements[candidate]
            let same = zip(earlier.parts, parts).allSatisfy { earlierPart, part in
                guard let earlierPart, let part else { return earlierPart == nil && part == nil }
                return sameText(earlierPart, inFile: earlier.file, as: part, inFile: file)
            }
            if same { return earlier.checked }
            candidate = earlier.previous
        }
        let diagnosticsBefore = diagnostics.count
        let checked = check(&self)
        if diagnostics.count == diagnosticsBefore {
            rememberedStatements.append((file, parts, checked, cleanStatements[fingerprint.value] ?? -1))
            cleanStatements[fingerprint.value] = rememberedStatements.count - 1
        }
        return checked
    }

    /// The fingerprint of the bytes at `range` in file `file` (see `IndicatorBody.fingerprint`).
    func fingerprint(ofText range: Range<Int>, inFile file: Int) -> UInt64 {
        files[file].source.bytes.withUnsafeBufferPointer { IndicatorBody.fingerprint(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether the bytes at `range` in file `file` are those at `other` in file `otherFile`.
    func sameText(_ range: Range<Int>, inFile file: Int, as other: Range<Int>, inFile otherFile: Int) -> Bool {
        files[file].source.bytes.withUnsafeBufferPointer { bytes in
            files[otherFile].source.bytes.withUnsafeBufferPointer { others in
                IndicatorBody.same(UnsafeBufferPointer(rebasing: bytes[range]), UnsafeBufferPointer(rebasing: others[other]))
            }
        }
    }
}
