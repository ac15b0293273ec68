import KaopingCheck
import KaopingStore

/// Where a compiled expression reads its columns.
enum RowContext {
    /// A row of a scanned table (`t0`, its joins `j1`…, its center `cc`).
    case scan(TableScan)
    /// A row of `centers` (the `assess` filter).
    case centers
}

extension SQLCompiler {
    /// The expression as a SQL truth value.
    func truth(_ expression: TypedExpression, row: RowContext?) throws -> String {
        if isTruth(expression) { return try native(expression, row: row) }
        return "((\(try native(expression, row: row))) <> 0)"
    }

    /// The expression as a SQL value (truths become 1, 0 or NULL).
    func value(_ expression: TypedExpression, row: RowContext?) throws -> String {
        if isTruth(expression) { return dialect.number(ofTruth: try native(expression, row: row)) }
        return try native(expression, row: row)
    }

    private func isTruth(_ expression: TypedExpression) -> Bool {
        switch expression {
        case .compare, .and, .or, .not, .isNull, .inList, .matches: return true
        case .constant(.boolean): return true
        case .function(let name, _): return ["starts_with", "ends_with", "contains"].contains(name)
        default: return false
        }
    }

    private func native(_ expression: TypedExpression, row: RowContext?) throws -> String {
        switch expression {
        case .constant(let constant):
            return literal(constant)
        case .column(let slot):
            guard case .scan(let scan)? = row, slot < scan.columns.count else {
                throw SQLUnsupported(construct: "a column here", dialect: dialect)
            }
            let column = columnReference(table: scan.table, path: scan.columns[slot], joins: scan.joins)
            return scan.columnTypes[slot] == .day ? dialect.dayNumber(column) : column
        case .centerColumn(let slot):
            let path = slot < plan.centerColumns.count ? plan.centerColumns[slot] : ""
            switch row {
            case .scan?:
                guard !path.contains(".") else { throw SQLUnsupported(construct: "center.\(path) in a row", dialect: dialect) }
                return "cc.\(quoteIdentifier(path))"
            case .centers?:
                return columnReference(table: "centers", path: path, joins: plan.centerJoins)
            case nil:
                return "a.\(quoteIdentifier("c\(slot)"))"
            }
        case .aggregate(let index):
            return try aggregateColumnReference(index)
        case .measure:
            throw SQLUnsupported(construct: "a score expression", dialect: dialect)
        case .negate(let operand):
            return "(-(\(try value(operand, row: row))))"
        case .not(let operand):
            return "(NOT (\(try truth(operand, row: row))))"
        case .arithmetic(let op, let lhs, let rhs):
            let a = try value(lhs, row: row)
            let b = try value(rhs, row: row)
            return op == "/" ? "((\(a)) * 1.0 / NULLIF((\(b)), 0))" : "((\(a)) \(op) (\(b)))"
        case .compare(let op, let lhs, let rhs):
            let sqlOperator = op == "==" ? "=" : (op == "!=" ? "<>" : op)
            return "((\(try value(lhs, row: row))) \(sqlOperator) (\(try value(rhs, row: row))))"
        case .and(let lhs, let rhs):
            return "((\(try truth(lhs, row: row))) AND (\(try truth(rhs, row: row))))"
        case .or(let lhs, let rhs):
            return "((\(try truth(lhs, row: row))) OR (\(try truth(rhs, row: row))))"
        case .isNull(let operand, let negated):
            return "((\(try value(operand, row: row))) IS \(negated ? "NOT " : "")NULL)"
        case .inList(let operand, let items, let negated):
            guard !items.isEmpty else { return negated ? "(1 = 1)" : "(1 = 0)" }
            return "((\(try value(operand, row: row))) \(negated ? "NOT " : "")IN (\(items.map(literal).joined(separator: ", "))))"
        case .workdays(let from, let to):
            return workdaysSQL(try value(from, row: row), try value(to, row: row), region: centerRegion(row: row))
        case .dayOf(let operand):
            return "(((\(try value(operand, row: row))) + 28800) / 86400)"
        case .addWorkdays(let operand, let count):
            return addWorkdaysSQL(try value(operand, row: row), count: count, region: centerRegion(row: row))
        case .addWorkdaysBy(let operand, let count):
            let n = "ROUND(\(try value(count, row: row)))"
            return addWorkdaysBySQL(try value(operand, row: row), count: n, region: centerRegion(row: row))
        case .match(let subject, let arms, let otherwise):
            var sql = "(CASE"
            if let subject { sql += " \(try value(subject, row: row))" }
            for arm in arms {
                let pattern = subject == nil ? try truth(arm.pattern, row: row) : try value(arm.pattern, row: row)
                sql += " WHEN \(pattern) THEN \(try value(arm.result, row: row))"
            }
            return sql + " ELSE \(try value(otherwise, row: row)) END)"
        case .function(let name, let arguments):
            return try function(name, try arguments.map { try value($0, row: row) })
        case .matches(let operand, let pattern):
            // SQLite's REGEXP calls the `regexp` function Kaoping registers on its connections (Swift's Regex, as
            // the native evaluator); PostgreSQL's `~` is its own POSIX engine (see docs/cli.md).
            let op = dialect == .sqlite ? "REGEXP" : "~"
            return "((\(try value(operand, row: row))) \(op) \(quoteLiteral(pattern.pattern)))"
        }
    }

    private func function(_ name: String, _ arguments: [String]) throws -> String {
        func argument(_ index: Int) -> String { index < arguments.count ? "(\(arguments[index]))" : "NULL" }
        switch name {
        case "starts_with": return "(substr(\(argument(0)), 1, length(\(argument(1)))) = \(argument(1)))"
        case "ends_with":
            return
                "(length(\(argument(0))) >= length(\(argument(1))) AND substr(\(argument(0)), length(\(argument(0))) - length(\(argument(1))) + 1) = \(argument(1)))"
        case "contains":
            return dialect == .sqlite ? "(instr(\(argument(0)), \(argument(1))) > 0)" : "(strpos(\(argument(0)), \(argument(1))) > 0)"
        case "length": return "length(\(argument(0)))"
        case "hours": return "((\(argument(1)) - \(argument(0))) / 3600.0)"
        case "days": return "(((\(argument(1)) + 28800) / 86400) - ((\(argument(0)) + 28800) / 86400))"
        case "ratio": return "(\(argument(0)) * 1.0 / NULLIF(\(argument(1)), 0))"
        case "abs": return "abs(\(argument(0)))"
        case "min", "max":
            // NULL when either is, in both dialects (PostgreSQL's LEAST and GREATEST would skip a NULL).
            let pick = dialect == .sqlite ? name : (name == "min" ? "LEAST" : "GREATEST")
            return "(CASE WHEN \(argument(0)) IS NULL OR \(argument(1)) IS NULL THEN NULL ELSE \(pick)(\(argument(0)), \(argument(1))) END)"
        case "round":
            let digits = arguments.count > 1 ? argument(1) : "0"
            return dialect == .sqlite ? "round(\(argument(0)), \(digits))" : "round((\(argument(0)))::numeric, \(digits))::float8"
        default: throw SQLUnsupported(construct: "\(name)()", dialect: dialect)
        }
    }

    private func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .real(let number): return number.isFinite ? "\(number)" : "NULL"
        case .text(let text): return quoteLiteral(text)
        case .boolean(let flag): return flag ? "(1 = 1)" : "(1 = 0)"
        }
    }

    private func columnReference(table: String, path: String, joins: [JoinPlan]) -> String {
        JoinAliases(joins).reference(path, quote: quoteIdentifier)
    }
}
