import KaopingSyntax

/// A file with many indicators is checked in pieces, several per core. Each piece's checker starts as a copy of
/// the checker once the assessment, parameters and tables are read, and checks its run of declarations.
/// The pieces are then put together in order: their diagnostics added, the parameters they used marked, and
/// the scan columns, center columns and aggregates each piece added renumbered as though one checker had
/// added them all in file order. The plan and the diagnostics are those of checking the file in one piece.
extension Checker {
    /// The fewest declarations worth a piece of their own.
    static let pieceSize = 512

    /// The plans made from the indicators, vetoes and adjustments.
    struct Scored {
        var indicators: [IndicatorPlan] = []
        var vetoes: [VetoPlan] = []
        var adjustments: [AdjustmentPlan] = []
        /// Where each indicator, veto and adjustment is in `order`, with its id and the id's hash, in file order.
        var ids: [(position: Int, hash: UInt64, id: Name)] = []
        /// How many indicators have errors that keep them out of the plan (and their points out of its sums).
        var failedIndicators = 0
    }

    /// What one piece found: as `Scored`, but with the positions of the indicators whose plans it made.
    private struct Piece {
        /// The positions in `order` of the indicators it made plans for, each plan made at its position.
        var planned: [Int] = []
        var vetoes: [VetoPlan] = []
        var adjustments: [AdjustmentPlan] = []
        var ids: [(position: Int, hash: UInt64, id: Name)] = []
        var failedIndicators = 0
    }

    /// Checks every indicator, veto and adjustment, in pieces on several threads when there are many.
    ///
    /// The indicators' plans are many and large: each is made straight into the storage of the final array,
    /// at its declaration's position, so that the pieces fill it at once and none is copied; the plans are
    /// then moved down over the positions of declarations that made none.
    mutating func checkScored(structure: Structure) -> Scored {
        let pieces = self.pieces ?? Parallel.pieces(of: order.count, unit: Checker.pieceSize)
        let bounds = (0...pieces).map { order.count * $0 / pieces }
        let start = self
        var scored = Scored()
        scored.indicators = Array(unsafeUninitializedCapacity: order.count) { slots, count in
            var results = Parallel.map(pieces) { piece in
                var checker = start
                let found = checker.checkScored(bounds[piece]..<bounds[piece + 1], into: slots, structure: structure)
                // What the piece remembered is not needed once it is checked: freed here, on its own thread.
                checker.repeatedBodies = RepeatedTexts()
                checker.repeatedStatements = RepeatedTexts()
                checker.repeatedConditions = []
                return (checker, found)
            }
            self = results[0].0
            var renumberings = results.indices.map { index in index == 0 ? Renumbering() : absorb(results[index].0, startingFrom: start) }
            if results.count > 1 {
                aggregates = []
                let planned = results.indices.map { index in
                    let checker = results[index].0
                    results[index].0.aggregates = []
                    return PlannedAggregates(plans: checker.aggregates, fingerprints: checker.aggregateFingerprints.map(\.fingerprints))
                }
                let numbers = mergeAggregates(planned, renumberings: renumberings)
                for index in results.indices.dropFirst() { renumberings[index].aggregates = numbers[index] }
            }
            // The plans of a piece whose numbers move are renumbered in place, the pieces at once.
            _ = Parallel.map(results.count) { index in
                guard !renumberings[index].changesNothing else { return }
                for position in results[index].1.planned { renumberings[index].renumber(&slots[position]) }
            }
            scored.ids.reserveCapacity(results.reduce(0) { $0 + $1.1.ids.count })
            for (index, (_, piece)) in results.enumerated() {
                let renumbering = renumberings[index]
                let identity = renumbering.changesNothing
                for position in piece.planned {
                    (slots.baseAddress! + count).moveInitialize(from: slots.baseAddress! + position, count: 1)
                    count += 1
                }
                scored.vetoes += identity ? piece.vetoes : piece.vetoes.map { renumbering.apply(to: $0) }
                scored.adjustments += identity ? piece.adjustments : piece.adjustments.map { renumbering.apply(to: $0) }
                scored.ids += piece.ids
                scored.failedIndicators += piece.failedIndicators
            }
        }
        return scored
    }

    /// Checks the indicators, vetoes and adjustments among the declarations at `order[range]`, making each
    /// indicator's plan in `slots` at its position.
    private mutating func checkScored(_ range: Range<Int>, into slots: UnsafeMutableBufferPointer<IndicatorPlan>, structure: Structure)
        -> Piece
    {
        var piece = Piece()
        piece.planned.reserveCapacity(range.count)
        piece.ids.reserveCapacity(range.count)
        // Room for the aggregates an indicator usually plans (its population, a rate and its numerator), made
        // once rather than by doubling: each doubling copies them all into memory touched for the first time.
        aggregates.reserveCapacity(aggregates.count + 3 * range.count)
        aggregateFingerprints.reserveCapacity(aggregateFingerprints.count + 3 * range.count)
        for position in range {
            let (declarationFile, index) = order[position]
            fileIndex = declarationFile
            switch files[declarationFile].declarations[index] {
            case .indicator(let indicator):
                piece.ids.append((position, Checker.idHash(indicator.id.text), indicator.id))
                if let plan = checkIndicatorOnce(indicator, at: position, plans: slots, structure: structure) {
                    (slots.baseAddress! + position).initialize(to: consume plan)
                    piece.planned.append(position)
                } else {
                    piece.failedIndicators += 1
                }
            case .veto(let veto):
                piece.ids.append((position, Checker.idHash(veto.id.text), veto.id))
                if let plan = checkVeto(veto) { piece.vetoes.append(plan) }
            case .adjustment(let adjustment):
                piece.ids.append((position, Checker.idHash(adjustment.id.text), adjustment.id))
                if let plan = checkAdjustment(adjustment) { piece.adjustments.append(plan) }
            default:
                break
            }
        }
        return piece
    }

    /// Takes in what `piece`, a copy of `start`, found after it was copied, and returns how to renumber the
    /// plans it made, but for its aggregates (see `mergeAggregates`).
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

    /// Renumbers a plan where it is (a plan is large: a copy in and out would cost more than the renumbering).
    func renumber(_ indicator: inout IndicatorPlan) {
        indicator.population = indicator.population.map { aggregates[$0] }
        indicator.numerator = indicator.numerator.map { aggregates[$0] }
        indicator.measure = renumber(indicator.measure)
        indicator.score = apply(to: indicator.score)
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
