import Foundation
import KaopingStore
import KaopingSyntax

/// Writes a table's rows as the export its mapping reads back to the same rows: the inverse of `RowConverter`
/// (`kaoping demo --export`, issue 22 point 8). Each mapped column is written under its source header — a unit by
/// its code, a code as the first source value the mapping lists for it, a time as the mapping's format writes it
/// (China time for `auto`) — and every value is read back by the import's own conversion as it is written: one that
/// would not come back the same (an empty text, a code the mapping has no source value for, a column the mapping
/// leaves to its default holding something else) is named in `problems`.
struct MappingWriter {
    let mapping: Mapping
    /// For each mapped column, the source value written for each canonical value: the first the mapping lists for it.
    let sourceValues: [String: [String: String]]
    /// Every unit's code by its id (for `by code`).
    let centerCodes: [Int64: String]
    /// The import's conversion, to read each written value back.
    let converter: RowConverter
    /// The export's header: the mapped source columns, then the personal ones, then those ignored.
    let header: [String]
    /// The place in `header` of each mapped column's source (`nil`: a constant, or a hashed personal column).
    let places: [Int?]
    /// The table's columns the mapping does not fill: the import leaves them to the store (a unit's `id` numbered in
    /// file order, the others their default or NULL).
    let unmapped: [ColumnSpec]

    init(mapping: Mapping, declaration: MappingDeclaration?, centers: [(id: Int64, code: String)]) {
        self.mapping = mapping
        var sourceValues: [String: [String: String]] = [:]
        for column in declaration?.columns ?? [] {
            var values: [String: String] = [:]
            for (from, to) in column.codes ?? [] where values[to.text] == nil { values[to.text] = from.text }
            sourceValues[column.target.text] = values
        }
        self.sourceValues = sourceValues
        centerCodes = Dictionary(centers.map { ($0.id, $0.code) }) { first, _ in first }
        converter = RowConverter(
            mapping: mapping, table: mapping.spec, positions: [:],
            centerIDs: Dictionary(centers.map { ($0.code, $0.id) }) { first, _ in first },
            personalDataKey: nil)
        var seen = Set<String>()
        let header = (mapping.columns.filter { !$0.hashed }.compactMap(\.source) + mapping.personal.map(\.source) + mapping.ignored)
            .filter { seen.insert($0).inserted }
        self.header = header
        let mapped = Set(mapping.columns.map(\.target))
        unmapped = mapping.spec.columns.filter { !mapped.contains($0.name) }
        places = mapping.columns.map { column in column.hashed ? nil : column.source.flatMap { header.firstIndex(of: $0) } }
    }

    /// The columns read from the store for each row, in order: the mapped ones, then the unmapped ones.
    var selected: [String] { mapping.columns.map(\.target) + unmapped.map(\.name) }

    /// The fields of one row (`values` in `selected` order; `ordinal` its 1-based place in the file) under `header`,
    /// with `personal` giving the personal columns' values; what would not read back the same is added to `problems`.
    func fields(
        _ values: [SQLValue], ordinal: Int64, personal: (String) -> String, problems: inout [(column: String, reason: String)]
    ) -> [String] {
        var fields = [String](repeating: "", count: header.count)
        for (index, column) in mapping.columns.enumerated() {
            let value = values[index]
            guard !column.hashed else {
                if value != .null { problems.append((column.target, "散列的个人信息无法还原 (a hashed personal value cannot be written back)")) }
                continue
            }
            guard column.source != nil else {
                if converter.value(column.constant ?? "", column) != .success(value) {
                    problems.append(
                        (column.target, "映射给出常量 \(column.constant ?? "")，库中却是 \(Self.shown(value)) (the mapping gives a constant)"))
                }
                continue
            }
            let field = write(value, column)
            if field.map({ converter.value($0, column) }) != .success(value) {
                problems.append((column.target, "\(Self.shown(value)) 导出后读不回原样 (would not read back the same)"))
            }
            if let place = places[index] { fields[place] = field ?? "" }
        }
        for (offset, spec) in unmapped.enumerated() {
            let value = values[mapping.columns.count + offset]
            let given: SQLValue =
                spec.name == "id" && spec.constraint.contains("PRIMARY KEY") ? .integer(ordinal) : Self.defaultValue(spec)
            if value != given {
                problems.append(
                    (spec.name, "映射不填此列，导入后为 \(Self.shown(given))，库中却是 \(Self.shown(value)) (the import would give \(Self.shown(given)))"))
            }
        }
        for column in mapping.personal {
            if let place = header.firstIndex(of: column.source) { fields[place] = personal(column.source) }
        }
        return fields
    }

    /// `value` as the export writes it for `column`; `nil` when it cannot be written (a unit or code without a source).
    func write(_ value: SQLValue, _ column: ColumnMapping) -> String? {
        var text: String
        switch value {
        case .null: return ""
        case .integer(let number):
            if column.byCenterCode {
                guard let code = centerCodes[number] else { return nil }
                text = code
            } else if column.type == .time {
                text = Self.time(number, column.time)
            } else {
                text = String(number)
            }
        case .real(let number): text = "\(number)"
        case .text(let string): text = string
        }
        guard let values = sourceValues[column.target], !values.isEmpty, !column.codes.isEmpty else { return text }
        return values[text]
    }

    /// An instant as `format` writes it: China time `YYYY-MM-DD HH:MM:SS` (what `auto` and `iso` read), compact,
    /// slashed or Chinese, or Unix seconds or milliseconds.
    static func time(_ instant: Int64, _ format: TimeFormat) -> String {
        let text = CivilDay.chinaTime(instant)
        switch format {
        case .auto, .iso: return text
        case .compact: return text.filter { $0 != "-" && $0 != ":" && $0 != " " }
        case .slashed: return text.replacingOccurrences(of: "-", with: "/")
        case .chinese:
            let (year, month, day) = CivilDay(instant: instant).components
            return "\(year)年\(month)月\(day)日 " + text.dropFirst(11)
        case .unix: return String(instant)
        case .unixMilliseconds: return String(instant * 1000)
        }
    }

    /// What the import leaves in a column it does not fill: its default, or NULL.
    static func defaultValue(_ spec: ColumnSpec) -> SQLValue {
        guard let range = spec.constraint.range(of: "DEFAULT ") else { return .null }
        let word = spec.constraint[range.upperBound...].prefix { $0 != " " }
        return Int64(word).map(SQLValue.integer) ?? .text(String(word).trimmingCharacters(in: CharacterSet(charactersIn: "'")))
    }

    static func shown(_ value: SQLValue) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .real(let number): return "\(number)"
        case .text(let text): return "“\(text)”"
        }
    }

    /// A field as CSV writes it: quoted when it holds a comma, a quote or a line break.
    static func csv(_ field: String) -> String {
        field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
