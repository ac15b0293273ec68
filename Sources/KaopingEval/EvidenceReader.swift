import CSQLite
import KaopingCheck
import KaopingResults
import KaopingStore

/// Reads the records a scan kept as evidence back from the store — each center's rows by their natural keys, through
/// its `center_id` index — and works out on them the values each indicator shows, with the scan's own evaluator, so a
/// record shows exactly what the scan computed for it.
struct EvidenceReader {
    let plan: Plan
    let scan: TableScan
    let centers: CenterTable
    let centerTypes: [ValueType]
    let database: Database

    /// Each evidence indicator's records and count per center, by indicator index (`MorselReader.evidence` order).
    func records(_ table: EvidenceTable) throws -> [Int: [(records: [EvidenceRecord], count: Int)]] {
        let indicators = MorselReader.evidence(plan, scan)
        guard let keySlot = scan.keySlot, !indicators.isEmpty else { return [:] }
        let evaluator = VectorEvaluator(centers: centers, centerTypes: centerTypes)
        let key = EvidencePlan.key(of: scan.table)
        var output: [Int: [(records: [EvidenceRecord], count: Int)]] = [:]
        for entry in indicators { output[entry.indicator] = [] }
        for center in 0..<centers.count {
            let wanted = Set(indicators.indices.flatMap { table.first[$0][center] })
            var rows: [EvidenceKey: Int] = [:]
            var chunk = Chunk()
            if !wanted.isEmpty {
                let literals = wanted.sorted().map { key -> String in
                    switch key {
                    case .number(let value): return String(Int64(value))
                    case .text: return quoteLiteral(key.text)
                    }
                }
                let sql =
                    ScanQuery.select(table: scan.table, columns: scan.columns, joins: scan.joins)
                    + " WHERE t0.\(quoteIdentifier(scan.centerColumn)) = \(centers.id(center))"
                    + " AND t0.\(quoteIdentifier(key)) IN (\(literals.joined(separator: ", ")))"
                chunk = try read(try database.prepare(sql), center: center, evaluator: evaluator)
                for row in 0..<chunk.count {
                    let value: EvidenceKey
                    switch chunk.columns[keySlot] {
                    case .number(let numbers): value = .number(numbers[row])
                    case .text(let codes): value = .text(codes[row] < 0 ? [] : Array(evaluator.dictionary.strings[Int(codes[row])].utf8))
                    case .truth: value = .number(.nan)
                    }
                    rows[value] = row
                }
            }
            evaluator.startChunk()
            for (position, entry) in indicators.enumerated() {
                let labels = plan.indicators[entry.indicator].evidence?.labels ?? []
                let vectors = chunk.count == 0 ? [] : labels.map { evaluator.evaluate($0.expression, chunk) }
                let records = table.first[position][center].compactMap { key -> EvidenceRecord? in
                    guard let row = rows[key] else { return nil }
                    let values = labels.indices.map { index in
                        EvidenceValue(label: labels[index].text, value: scalar(vectors[index], row, labels[index].type, evaluator))
                    }
                    return EvidenceRecord(key: key.text, values: values)
                }
                output[entry.indicator]?.append((records, table.counts[position][center]))
            }
        }
        return output
    }

    /// Every row of the statement, decoded as the scan decodes its columns, as one chunk of center `center`.
    private func read(_ statement: Statement, center: Int, evaluator: VectorEvaluator) throws -> Chunk {
        var numbers = scan.columns.map { _ in [Double]() }
        var codes = scan.columns.map { _ in [Int32]() }
        var count = 0
        while try statement.step() {
            for slot in scan.columns.indices {
                if scan.columnTypes[slot] == .text {
                    codes[slot].append(evaluator.dictionary.code(statement: statement.handle, column: Int32(slot)))
                } else {
                    numbers[slot].append(MorselReader.number(statement.handle, Int32(slot), scan.columnTypes[slot]))
                }
            }
            count += 1
        }
        var chunk = Chunk()
        chunk.count = count
        chunk.centers = [Int32](repeating: Int32(center), count: count)
        chunk.columns = scan.columns.indices.map { scan.columnTypes[$0] == .text ? .text(codes[$0]) : .number(numbers[$0]) }
        return chunk
    }

    /// Row `row` of `vector` as a value of `type`: a time as China-time text, a day as `YYYY-MM-DD`.
    private func scalar(_ vector: Vector, _ row: Int, _ type: ValueType, _ evaluator: VectorEvaluator) -> EvidenceValue.Scalar {
        if vector.isNull(row) { return .null }
        switch vector {
        case .text(let codes): return .text(evaluator.dictionary.strings[Int(codes[row])])
        case .truth(let truths): return .truth(truths[row] == 1)
        case .number(let numbers):
            let value = numbers[row]
            switch type {
            case .time where abs(value) < 1e15:
                let instant = Int64(value.rounded(.down))
                let day = CivilDay(instant: instant)
                let seconds = Int(instant - day.startInstant)
                let clock = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
                return .text("\(day) \(clock.joined(separator: ":"))")
            case .day where abs(value) < 1e9: return .text(CivilDay(number: Int(value)).description)
            case .boolean: return .truth(value != 0)
            default: return .number(value)
            }
        }
    }
}
