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
    /// One query per scan: the kept keys go in as one JSON array bound to it (`json_each`), found through the key's
    /// own index (with the center, for integrations' `system`, unique only within a center).
    func records(_ table: EvidenceTable) throws -> [Int: [(records: [EvidenceRecord], count: Int)]] {
        let indicators = MorselReader.evidence(plan, scan)
        guard let keySlot = scan.keySlot, !indicators.isEmpty else { return [:] }
        let evaluator = VectorEvaluator(centers: centers, centerTypes: centerTypes)
        let key = EvidencePlan.key(of: scan.table)
        let centerColumn = "t0.\(quoteIdentifier(scan.centerColumn))"
        let keyColumn = "t0.\(quoteIdentifier(key))"
        var wanted: [JSONValue] = []
        for center in 0..<centers.count {
            for kept in Set(indicators.indices.flatMap { table.first[$0][center] }).sorted() {
                let value: JSONValue = {
                    switch kept {
                    case .number(let number): return .integer(Int64(number))
                    case .text: return .string(kept.text)
                    }
                }()
                wanted.append(key == "system" ? .array([.integer(centers.id(center)), value]) : value)
            }
        }
        var chunk = Chunk()
        var rows: [Int: [EvidenceKey: Int]] = [:]
        if !wanted.isEmpty {
            let condition =
                key == "system"
                ? "(\(centerColumn), \(keyColumn)) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))"
                : "\(keyColumn) IN (SELECT value FROM json_each(?))"
            let statement = try database.prepare(
                ScanQuery.select(table: scan.table, columns: scan.columns, joins: scan.joins) + " WHERE " + condition)
            try statement.bind([.text(JSONValue.array(wanted).text)])
            chunk = try read(statement, evaluator: evaluator)
            for row in 0..<chunk.count where chunk.centers[row] >= 0 {
                let value: EvidenceKey
                switch chunk.columns[keySlot] {
                case .number(let numbers): value = .number(numbers[row])
                case .text(let codes): value = .text(codes[row] < 0 ? [] : Array(evaluator.dictionary.strings[Int(codes[row])].utf8))
                case .truth: value = .number(.nan)
                }
                rows[Int(chunk.centers[row]), default: [:]][value] = row
            }
        }
        evaluator.startChunk()
        var output: [Int: [(records: [EvidenceRecord], count: Int)]] = [:]
        for (position, entry) in indicators.enumerated() {
            let labels = plan.evidenceOwners[entry.owner].evidence?.labels ?? []
            let vectors = chunk.count == 0 ? [] : labels.map { evaluator.evaluate($0.expression, chunk) }
            output[entry.owner] = (0..<centers.count).map { center in
                let records = table.first[position][center].compactMap { key -> EvidenceRecord? in
                    guard let row = rows[center]?[key] else { return nil }
                    let values = labels.indices.map { index in
                        EvidenceValue(
                            label: labels[index].text, value: EvidenceReader.scalar(vectors[index], row, labels[index].type, evaluator))
                    }
                    return EvidenceRecord(key: key.text, values: values)
                }
                return (records, table.counts[position][center])
            }
        }
        return output
    }

    /// Every row of the statement, decoded as the scan decodes its columns, as one chunk (each row's center its
    /// dense number, or negative for a center not assessed).
    private func read(_ statement: Statement, evaluator: VectorEvaluator) throws -> Chunk {
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
        let slot = scan.columns.firstIndex(of: scan.centerColumn) ?? 0
        var chunk = Chunk()
        chunk.count = count
        chunk.centers = numbers[slot].map { $0.isNaN ? CenterTable.unknown : centers.dense(Int64($0)) }
        chunk.columns = scan.columns.indices.map { scan.columnTypes[$0] == .text ? .text(codes[$0]) : .number(numbers[$0]) }
        return chunk
    }

    /// Row `row` of `vector` as a value of `type`: a time as China-time text, a day as `YYYY-MM-DD`.
    static func scalar(_ vector: Vector, _ row: Int, _ type: ValueType, _ evaluator: VectorEvaluator) -> EvidenceValue.Scalar {
        if vector.isNull(row) { return .null }
        switch vector {
        case .text(let codes): return .text(evaluator.dictionary.strings[Int(codes[row])])
        case .truth(let truths): return .truth(truths[row] == 1)
        case .number(let numbers):
            let value = numbers[row]
            switch type {
            case .time where abs(value) < 1e15:
                return .text(CivilDay.chinaTime(Int64(value.rounded(.down))))
            case .day where abs(value) < 1e9: return .text(CivilDay(number: Int(value)).description)
            case .boolean: return .truth(value != 0)
            default: return .number(value)
            }
        }
    }
}
