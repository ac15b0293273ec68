import CSQLite
import Foundation
import KaopingCheck

/// The evidence a morsel's reader collects: which of its rows cost points under each evidence owner of the scan,
/// counted, with the first keys kept (see `EvidenceTable`).
extension MorselReader {
    /// The evidence owners of `scan` (`Plan.evidenceOwners`: indicators, then adjustments), in that order: each
    /// one's owner index, its aggregate's position in the scan, its rows and its aggregate's function.
    static func evidence(_ plan: Plan, _ scan: TableScan) -> [(
        owner: Int, position: Int, rows: EvidencePlan.Rows, function: AggregatePlan.Function
    )] {
        plan.evidenceOwners.enumerated().compactMap { index, owner in
            guard let evidence = owner.evidence, let position = scan.aggregates.firstIndex(of: evidence.aggregate) else { return nil }
            return (index, position, evidence.rows, plan.aggregates[evidence.aggregate].function)
        }
    }

    /// Counts the chunk's rows that cost points under each evidence owner and keeps the first keys, given each
    /// aggregate's filter and argument as `consume` worked them out.
    func collectEvidence(
        _ chunk: Chunk, rows: ArraySlice<Int32>, cutoffs: [[EvidenceKey?]], filters: [[UInt8]], arguments: [Vector?],
        into result: inout MorselResult
    ) {
        // Taken out while it is filled, so that its arrays are not copied on each change.
        guard var table = result.evidence else { return }
        result.evidence = nil
        let first = rows.startIndex
        for (indicator, plan) in evidence.enumerated() {
            let filter = filters[plan.position]
            let truths = plan.function == .rate ? arguments[plan.position]?.truths : nil
            let values = plan.function == .sum ? arguments[plan.position]?.numbers : nil
            for row in 0..<chunk.count where filter[row] == 1 {
                switch (plan.rows, plan.function) {
                case (.failing, _): guard truths?[row] != 1 else { continue }
                case (.counted, .rate): guard truths?[row] == 1 else { continue }
                case (.counted, .sum): guard let value = values?[row], !value.isNaN, value != 0 else { continue }
                default: break
                }
                let center = Int(chunk.centers[row])
                let morselRow = Int(rows[first + row])
                table.count(indicator, center: center)
                if table.wants(indicator, center: center, cutoffs: cutoffs, precedes: { self.key(morselRow, precedes: $0) }) {
                    table.insert(key(morselRow), indicator, center)
                }
            }
        }
        result.evidence = table
    }

    /// Appends the text of the current row's key column (`rawKey`).
    func appendKey(_ handle: OpaquePointer, _ column: Int32) {
        if let text = sqlite3_column_text(handle, column) {
            keyBytes.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
        }
        keyEnds.append(keyBytes.count)
    }

    /// The natural key of morsel row `row`.
    func key(_ row: Int) -> EvidenceKey {
        guard let keySlot else { return .number(.nan) }
        if rawKey { return .text(Array(keyBytes[(row == 0 ? 0 : keyEnds[row - 1])..<keyEnds[row]])) }
        if isText[keySlot] {
            let code = codes[keySlot][row]
            return .text(code < 0 ? [] : Array(evaluator.dictionary.strings[Int(code)].utf8))
        }
        return .number(numbers[keySlot][row])
    }

    /// Whether the key of morsel row `row` comes before `other`, without copying a raw key.
    func key(_ row: Int, precedes other: EvidenceKey) -> Bool {
        guard rawKey, case .text(let bytes) = other else { return key(row) < other }
        let start = row == 0 ? 0 : keyEnds[row - 1]
        return keyBytes.withUnsafeBufferPointer { mine in
            bytes.withUnsafeBufferPointer { EvidenceKey.precedes(UnsafeBufferPointer(rebasing: mine[start..<keyEnds[row]]), $0) }
        }
    }
}
