import KaopingSyntax

/// A file with many indicators is checked in pieces, one per core. Each piece's checker starts as a copy of
/// the checker once the assessment, parameters and tables are read, and checks its run of declarations.
/// The pieces are then put together in order: their diagnostics added, the parameters they used marked, and
/// the scan columns, center columns and aggregates each piece added renumbered as though one checker had
/// added them all in file order. The plan and the diagnostics are those of checking the file in one piece.
extension Checker {
    /// Files with fewer declarations than this per core are checked in one piece.
    static let pieceSize = 512

    /// The plans made from a run of indicators, vetoes and adjustments.
    struct Scored {
        var indicators: [IndicatorPlan] = []
        var vetoes: [VetoPlan] = []
        var adjustments: [AdjustmentPlan] = []
        /// The id of each indicator, veto and adjustment, with the index of its file, in file order.
        var ids: [(file: Int, id: Name)] = []
        /// How many indicators have errors that keep them out of the plan (and their points out of its sums).
        var failedIndicators = 0
    }

    /// Checks every indicator, veto and adjustment, in pieces on several threads when there are many.
    mutating func checkScored(structure: Structure) -> Scored {
        let pieces = self.pieces ?? min(Parallel.cores, declarations.count / Checker.pieceSize)
        guard pieces > 1 else { return checkScored(declarations.indices, structure: structure) }
        let bounds = (0...pieces).map { declarations.count * $0 / pieces }
        let start = self
        let results = Parallel.map(pieces) { piece in
            var checker = start
            let scored = checker.checkScored(bounds[piece]..<bounds[piece + 1], structure: structure)
            return (checker, scored)
        }
        var scored = results[0].1
        scored.indicators.reserveCapacity(results.reduce(0) { $0 + $1.1.indicators.count })
        self = results[0].0
        for (checker, piece) in results.dropFirst() {
            let renumbering = absorb(checker, startingFrom: start)
            if renumbering.changesNothing {
                scored.indicators += piece.indicators
                scored.vetoes += piece.vetoes
                scored.adjustments += piece.adjustments
            } else {
                scored.indicators += piece.indicators.map { renumbering.apply(to: $0) }
                scored.vetoes += piece.vetoes.map { renumbering.apply(to: $0) }
                scored.adjustments += piece.adjustments.map { renumbering.apply(to: $0) }
            }
            scored.ids += piece.ids
            scored.failedIndicators += piece.failedIndicators
        }
        return scored
    }

    /// Checks the indicators, vetoes and adjustments among `declarations[range]`.
    private mutating func checkScored(_ range: Range<Int>, structure: Structure) -> Scored {
        var scored = Scored()
        scored.indicators.reserveCapacity(range.count)
        scored.ids.reserveCapacity(range.count)
        for (declarationFile, declaration) in declarations[range] {
            fileIndex = declarationFile
            switch declaration {
            case .indicator(let indicator):
                scored.ids.append((declarationFile, indicator.id))
                if let plan = checkIndicator(indicator, structure: structure) {
                    scored.indicators.append(plan)
                } else {
                    scored.failedIndicators += 1
                }
            case .veto(let veto):
                scored.ids.append((declarationFile, veto.id))
                if let plan = checkVeto(veto) { scored.vetoes.append(plan) }
            case .adjustment(let adjustment):
                scored.ids.append((declarationFile, adjustment.id))
                if let plan = checkAdjustment(adjustment) { scored.adjustments.append(plan) }
            default:
                break
            }
        }
        return scored
    }

    /// Takes in what `piece`, a copy of `start`, found after it was copied, and returns how to renumber the
    /// plans it made.
    private mutating func absorb(_ piece: Checker, startingFrom start: Checker) -> Renumbering {
        for diagnostic in piece.diagnostics.dropFirst(start.diagnostics.count) { add(diagnostic) }
        usesCalendar = usesCalendar || piece.usesCalendar
        for (name, entry) in piece.parameters where entry.used { parameters[name]?.used = true }
        var renumbering = Renumbering()
        renumbering.centerColumns = piece.centerColumns.map { column in
            if let slot = centerColumns.firstIndex(of: column) { return slot }
            centerColumns.append(column)
            return centerColumns.count - 1
        }
        for table in piece.scanColumns.keys.sorted() {
            renumbering.columns[table] = piece.scanColumns[table]!.map { scanSlot(table: table, column: $0) }
        }
        renumbering.aggregates = piece.aggregates.map { addAggregate(renumbering.apply(to: $0)) }
        return renumbering
    }
}

/// How the numbers of one piece's plans map to those of the whole: its center-column slots, its scan slots of
/// each table and its aggregate indices.
struct Renumbering {
    var centerColumns: [Int] = []
    var columns: [String: [Int]] = [:]
    var aggregates: [Int] = []

    /// Whether every number maps to itself (the pieces added the same columns and aggregates in the same order).
    var changesNothing: Bool {
        func identity(_ numbers: [Int]) -> Bool { numbers.indices.elementsEqual(numbers) }
        return identity(centerColumns) && identity(aggregates) && columns.values.allSatisfy(identity)
    }

    func apply(to aggregate: AggregatePlan) -> AggregatePlan {
        var aggregate = aggregate
        let columns = self.columns[aggregate.table] ?? []
        aggregate.filter = aggregate.filter.map { renumber($0, columns: columns) }
        aggregate.argument = aggregate.argument.map { renumber($0, columns: columns) }
        return aggregate
    }

    func apply(to indicator: IndicatorPlan) -> IndicatorPlan {
        var indicator = indicator
        indicator.population = indicator.population.map { aggregates[$0] }
        indicator.numerator = indicator.numerator.map { aggregates[$0] }
        indicator.measure = renumber(indicator.measure)
        indicator.score = apply(to: indicator.score)
        return indicator
    }

    func apply(to veto: VetoPlan) -> VetoPlan {
        var veto = veto
        veto.condition = renumber(veto.condition)
        return veto
    }

    func apply(to adjustment: AdjustmentPlan) -> AdjustmentPlan {
        var adjustment = adjustment
        adjustment.population = adjustment.population.map { aggregates[$0] }
        adjustment.measure = renumber(adjustment.measure)
        adjustment.score = apply(to: adjustment.score)
        return adjustment
    }

    private func apply(to score: ScorePlan) -> ScorePlan {
        guard case .expression(let expression) = score else { return score }
        return .expression(renumber(expression))
    }

    /// `expression` with its numbers mapped; row columns by `columns`, those of the table it reads.
    private func renumber(_ expression: TypedExpression, columns: [Int] = []) -> TypedExpression {
        func map(_ expression: TypedExpression) -> TypedExpression { renumber(expression, columns: columns) }
        switch expression {
        case .constant, .measure: return expression
        case .column(let slot): return .column(columns[slot])
        case .centerColumn(let slot): return .centerColumn(centerColumns[slot])
        case .aggregate(let index): return .aggregate(aggregates[index])
        case .negate(let operand): return .negate(map(operand))
        case .not(let operand): return .not(map(operand))
        case .arithmetic(let operation, let lhs, let rhs): return .arithmetic(operation, map(lhs), map(rhs))
        case .compare(let operation, let lhs, let rhs): return .compare(operation, map(lhs), map(rhs))
        case .and(let lhs, let rhs): return .and(map(lhs), map(rhs))
        case .or(let lhs, let rhs): return .or(map(lhs), map(rhs))
        case .isNull(let operand, let negated): return .isNull(map(operand), negated: negated)
        case .inList(let operand, let values, let negated): return .inList(map(operand), values, negated: negated)
        case .workdays(let start, let end): return .workdays(map(start), map(end))
        case .dayOf(let operand): return .dayOf(map(operand))
        case .addWorkdays(let operand, let count): return .addWorkdays(map(operand), count)
        case .match(let subject, let arms, let otherwise):
            return .match(
                subject: subject.map(map), arms: arms.map { MatchArm(pattern: map($0.pattern), result: map($0.result)) },
                otherwise: map(otherwise))
        case .function(let name, let arguments): return .function(name, arguments.map(map))
        case .matches(let operand, let pattern): return .matches(map(operand), pattern)
        }
    }
}
