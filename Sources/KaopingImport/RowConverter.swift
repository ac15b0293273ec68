import Foundation
import KaopingStore

/// Turns one record of an export into a row of its table by its mapping, or says in words why it cannot be one:
/// a value of the wrong kind, a code the mapping does not know, a time that is no time, a required value missing,
/// times out of order, a unit code no unit has. Nothing is guessed: a value that does not convert rejects its row.
struct RowConverter {
    let mapping: Mapping
    let table: TableSpec
    /// The position of each mapped source column in the export's header.
    let positions: [String: Int]
    /// Every unit's id by its code (for `by code`), with the units the import has inserted so far.
    private(set) var centerIDs: [String: Int64]
    /// The ids of those units, for a unit column given by its id.
    private var unitIDs: Set<Int64>
    /// The key hashed personal columns are kept under (present whenever the mapping hashes one).
    let personalDataKey: PersonalDataKey?

    init(
        mapping: Mapping, table: TableSpec, positions: [String: Int], centerIDs: [String: Int64], personalDataKey: PersonalDataKey?
    ) {
        self.mapping = mapping
        self.table = table
        self.positions = positions
        self.centerIDs = centerIDs
        unitIDs = Set(centerIDs.values)
        self.personalDataKey = personalDataKey
    }

    /// A unit the import inserted, found by the rows after it.
    mutating func addUnit(code: String, id: Int64) {
        centerIDs[code] = id
        unitIDs.insert(id)
    }

    /// The row's values in `mapping.columns` order, or why the record is rejected.
    func convert(_ fields: [String]) -> Result<[SQLValue], Rejection> {
        var values: [SQLValue] = []
        values.reserveCapacity(mapping.columns.count)
        for column in mapping.columns {
            let raw: String
            if let source = column.source, let position = positions[source] {
                raw = position < fields.count ? fields[position].trimmedField : ""
            } else {
                raw = column.constant ?? ""
            }
            switch value(raw, column) {
            case .success(let value): values.append(value)
            case .failure(let rejection): return .failure(rejection)
            }
        }
        for (index, column) in mapping.columns.enumerated() where values[index] == .null {
            if let spec = table.column(column.target), !spec.nullable, !spec.constraint.contains("DEFAULT") {
                return .failure(Rejection("\(label(column))为空（必填） (\(column.target) is empty but required)"))
            }
        }
        for (earlier, later) in CanonicalSchema.orderedTimes[table.name] ?? [] {
            guard let first = mapping.columns.firstIndex(where: { $0.target == earlier }),
                let second = mapping.columns.firstIndex(where: { $0.target == later }),
                case .integer(let a) = values[first], case .integer(let b) = values[second], b < a
            else { continue }
            return .failure(
                Rejection(
                    "\(label(mapping.columns[second]))早于\(label(mapping.columns[first])) (\(later) is before \(earlier))"))
        }
        return .success(values)
    }

    /// One value converted to its column's type.
    func value(_ raw: String, _ column: ColumnMapping) -> Result<SQLValue, Rejection> {
        guard !raw.isEmpty else { return .success(.null) }
        // No store keeps a NUL character in text (PostgreSQL refuses it): the value is damaged, not data.
        if raw.utf8.contains(0) {
            return .failure(Rejection("\(label(column))含有 NUL 字符（U+0000） (the value holds a NUL character, U+0000)"))
        }
        if column.hashed, let personalDataKey { return .success(.text(personalDataKey.pseudonym(raw))) }
        var text = raw
        if !column.codes.isEmpty {
            if let code = column.codes[raw] {
                text = code
            } else {
                let known = column.codes.keys.sorted().joined(separator: "、")
                return .failure(
                    Rejection("\(label(column))“\(raw)”不在映射的代码中（\(known)） (`\(raw)` is none of the mapped values of \(column.target))"))
            }
        }
        if column.byCenterCode {
            guard let id = centerIDs[text] else {
                return .failure(Rejection("单位代码“\(text)”没有对应的单位 (no unit has the code `\(text)`)"))
            }
            return .success(.integer(id))
        }
        let spec = table.column(column.target)
        switch column.type {
        case .integer:
            guard let number = Int64(text) else {
                return .failure(Rejection("\(label(column))“\(raw)”不是整数 (`\(raw)` is not a whole number)"))
            }
            // A unit given by its id must be one the store has (PostgreSQL enforces the reference; SQLite would keep it).
            if spec?.constraint.contains("REFERENCES centers(id)") == true && !unitIDs.contains(number) {
                return .failure(Rejection("单位编号“\(raw)”没有对应的单位 (no unit has the id \(raw))"))
            }
            return .success(.integer(number))
        case .real:
            guard let number = Double(text), number.isFinite else {
                return .failure(Rejection("\(label(column))“\(raw)”不是数值 (`\(raw)` is not a number)"))
            }
            return .success(.real(number))
        case .flag:
            guard text == "0" || text == "1" else {
                return .failure(Rejection("\(label(column))“\(raw)”不是 0 或 1 (`\(raw)` is not 0 or 1)"))
            }
            return .success(.integer(text == "1" ? 1 : 0))
        case .time:
            guard let instant = column.time.parse(text) else {
                return .failure(
                    Rejection("\(label(column))“\(raw)”不是\(column.time.rawValue)格式的时间 (`\(raw)` is no \(column.time.rawValue) time)"))
            }
            return .success(.integer(instant))
        case .day:
            guard let instant = TimeFormat.auto.parse(text) else {
                return .failure(Rejection("\(label(column))“\(raw)”不是日期 (`\(raw)` is not a date)"))
            }
            return .success(.text(CivilDay(instant: instant).description))
        case .code:
            guard spec?.codes.contains(text) ?? true else {
                let codes = spec?.codes.joined(separator: ", ") ?? ""
                return .failure(Rejection("\(label(column))“\(raw)”不是已知代码（\(codes)） (`\(raw)` is not one of \(codes))"))
            }
            return .success(.text(text))
        case .text:
            return .success(.text(text))
        }
    }

    /// A column as a rejection names it: its source's header, or its name.
    func label(_ column: ColumnMapping) -> String {
        column.source.map { "“\($0)”" } ?? column.target
    }
}

/// Why a record is not a row, in words (Chinese, then English in parentheses).
struct Rejection: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
