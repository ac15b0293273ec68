import KaopingCheck
import KaopingPostgres
import KaopingResults
import KaopingSQL
import KaopingStore

/// The records that cost points under the evidence owners of one table scan, found in PostgreSQL: one statement
/// (`SQLCompiler.evidenceRowsSQL`) picks each center's first records per owner in key order, with their count and
/// the scan's columns; the values each record shows are then worked out on those rows with the native scan's own
/// evaluator (`VectorEvaluator`), so a record shows exactly what the native path (`EvidenceReader`) shows.
struct PostgresEvidence {
    let plan: Plan
    let scan: TableScan
    let centers: CenterTable

    /// Each evidence owner's records and count per center (by dense number), by owner index, as
    /// `EvidenceReader.records` gives them: every center's first `plan.evidenceLimit` records, or with `center` (a
    /// dense number) every record of that center alone. Empty when no evidence owner reads the scan.
    /// - Throws: `PostgresError` when the server refuses the statement; `SQLUnsupported` as `SQLCompiler` does.
    func records(on connection: PostgresConnection, center: Int? = nil) throws -> [Int: [(records: [EvidenceRecord], count: Int)]] {
        let owners = MorselReader.evidence(plan, scan)
        guard let keySlot = scan.keySlot, !owners.isEmpty,
            let sql = try SQLCompiler(plan: plan, dialect: .postgresql).evidenceRowsSQL(
                scan, limit: center == nil ? plan.evidenceLimit : nil, center: center.map { centers.id($0) })
        else { return [:] }
        let limit = center == nil ? plan.evidenceLimit : Int.max
        var counts: [Int: [Int]] = [:]
        var kept: [Int: [[String?]]] = [:]
        for row in try connection.query(sql) {
            guard let owner = row[0].flatMap({ Int($0) }), let id = row[1].flatMap({ Int64($0) }) else { continue }
            let number = centers.dense(id)
            guard number >= 0 else { continue }
            if row[3] == "1" { counts[owner, default: [Int](repeating: 0, count: centers.count)][Int(number)] = Int(row[2] ?? "") ?? 0 }
            if (row[3].flatMap { Int($0) } ?? Int.max) <= limit { kept[owner, default: []].append(row) }
        }
        let evaluator = VectorEvaluator(centers: centers, centerTypes: centers.types)
        var output: [Int: [(records: [EvidenceRecord], count: Int)]] = [:]
        for entry in owners {
            var found = [(records: [EvidenceRecord], count: Int)](repeating: ([], 0), count: centers.count)
            let rows = kept[entry.owner] ?? []
            let chunk = self.chunk(rows, evaluator: evaluator)
            let labels = plan.evidenceOwners[entry.owner].evidence?.labels ?? []
            evaluator.startChunk()
            let vectors = chunk.count == 0 ? [] : labels.map { evaluator.evaluate($0.expression, chunk) }
            for row in 0..<chunk.count {
                let values = labels.indices.map { index in
                    EvidenceValue(
                        label: labels[index].text,
                        value: EvidenceReader.scalar(vectors[index], row, labels[index].type, evaluator))
                }
                found[Int(chunk.centers[row])].records.append(EvidenceRecord(key: key(chunk, keySlot, row, evaluator).text, values: values))
            }
            for (number, count) in (counts[entry.owner] ?? []).enumerated() { found[number].count = count }
            output[entry.owner] = found
        }
        return output
    }

    /// The rows (owner, center id, count, rank, then the scan's columns as PostgreSQL sends them) decoded as the
    /// native scan decodes its columns, as one chunk.
    private func chunk(_ rows: [[String?]], evaluator: VectorEvaluator) -> Chunk {
        var chunk = Chunk()
        chunk.count = rows.count
        chunk.centers = rows.map { row in row[1].flatMap { Int64($0) }.map { centers.dense($0) } ?? CenterTable.unknown }
        chunk.columns = scan.columns.indices.map { slot in
            let type = scan.columnTypes[slot]
            if type == .text { return .text(rows.map { row in row[4 + slot].map { evaluator.dictionary.code(of: $0) } ?? -1 }) }
            return .number(rows.map { row in PostgresEvidence.number(row[4 + slot], type) })
        }
        return chunk
    }

    /// The natural key of a chunk's row, as the native scan names it.
    private func key(_ chunk: Chunk, _ slot: Int, _ row: Int, _ evaluator: VectorEvaluator) -> EvidenceKey {
        switch chunk.columns[slot] {
        case .number(let numbers): return .number(numbers[row])
        case .text(let codes): return .text(codes[row] < 0 ? [] : Array(evaluator.dictionary.strings[Int(codes[row])].utf8))
        case .truth: return .number(.nan)
        }
    }

    /// A value PostgreSQL sent as text, as the native scan reads it (`MorselReader.number`): NaN for NULL, a day
    /// as its day number.
    static func number(_ text: String?, _ type: ValueType) -> Double {
        guard let text else { return .nan }
        switch type {
        case .day: return CivilDay(text).map { Double($0.number) } ?? WrongType.value
        case .integer, .time, .flag: return Int64(text).map(Double.init) ?? Double(text) ?? WrongType.value
        default: return Double(text) ?? WrongType.value
        }
    }
}
