import KaopingStore

/// A column's `constraint` (written for SQLite) read for PostgreSQL: the clauses that are the same SQL in both
/// engines (keys, a reference, a default), and the CHECK written there, in one of the forms `ColumnRule` reads.
struct ConstraintParts {
    /// A CHECK written in a column's `constraint`.
    enum Check: Equatable {
        /// `x >= N`.
        case atLeast(Int64)
        /// `x BETWEEN N AND M`.
        case between(Int64, Int64)
        /// `x GLOB '[0-9]…'`: exactly this many ASCII digits.
        case digits(Int)
    }

    /// `PRIMARY KEY`, `UNIQUE`, `REFERENCES "t" ("c")`, `DEFAULT v`, in the order written.
    var clauses: [String] = []
    /// The CHECK written in the constraint, if any.
    var written: Check?

    init(_ column: ColumnSpec, table: String) throws {
        let place = "table \(table), column \(column.name)"
        let constraint = column.constraint
        let checkStart = constraint.range(of: "CHECK (")
        var words = constraint[..<(checkStart?.lowerBound ?? constraint.endIndex)].split(separator: " ").map(String.init)[...]
        while let word = words.popFirst() {
            switch word {
            case "PRIMARY" where words.first == "KEY":
                words.removeFirst()
                clauses.append("PRIMARY KEY")
            case "UNIQUE":
                clauses.append("UNIQUE")
            case "REFERENCES":
                let target = words.popFirst()?.split(whereSeparator: { $0 == "(" || $0 == ")" }).map(String.init) ?? []
                guard target.count == 2, target.allSatisfy(PostgresSchema.isIdentifier) else {
                    throw PostgresSchema.untranslatable(place, "its constraint “\(constraint)”")
                }
                clauses.append("REFERENCES \(quoteIdentifier(target[0])) (\(quoteIdentifier(target[1])))")
            case "DEFAULT":
                guard let value = words.popFirst(), Int64(value) != nil || value == "NULL" else {
                    throw PostgresSchema.untranslatable(place, "its constraint “\(constraint)”")
                }
                clauses.append("DEFAULT \(value)")
            default:
                throw PostgresSchema.untranslatable(place, "its constraint “\(constraint)”")
            }
        }
        if let checkStart {
            guard constraint.hasSuffix(")"), let check = ConstraintParts.read(constraint[checkStart.upperBound...].dropLast(), column.name)
            else { throw PostgresSchema.untranslatable(place, "its CHECK “\(constraint[checkStart.lowerBound...])”") }
            switch check {
            case .digits:
                guard column.type == .text else {
                    throw PostgresSchema.untranslatable(place, "a pattern of digits on a \(column.type.rawValue) column")
                }
            case .atLeast, .between:
                guard [.integer, .time, .real, .flag].contains(column.type) else {
                    throw PostgresSchema.untranslatable(place, "a bound on a \(column.type.rawValue) column")
                }
            }
            written = check
        }
    }

    /// The CHECK's condition read, if it is exactly one of the known forms (optionally after `x IS NULL OR `) and
    /// nothing else, so nothing in it goes untranslated.
    static func read(_ condition: Substring, _ name: String) -> Check? {
        let body = condition.hasPrefix("\(name) IS NULL OR ") ? condition.dropFirst("\(name) IS NULL OR ".count) : condition
        let words = body.split(separator: " ")
        guard words.first.map(String.init) == name, words.count >= 3 else { return nil }
        let check: Check
        switch words[1] {
        case ">=":
            guard words.count == 3, let low = Int64(words[2]) else { return nil }
            check = .atLeast(low)
        case "BETWEEN":
            guard words.count == 5, words[3] == "AND", let low = Int64(words[2]), let high = Int64(words[4]) else { return nil }
            check = .between(low, high)
        case "GLOB":
            let pattern = words[2...].joined(separator: " ")
            let count = pattern.components(separatedBy: "[0-9]").count - 1
            guard count > 0, pattern == "'" + String(repeating: "[0-9]", count: count) + "'" else { return nil }
            check = .digits(count)
        default:
            return nil
        }
        return check
    }
}
