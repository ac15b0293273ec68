import KaopingCheck
import KaopingStore

/// Evaluates row expressions over whole chunks, one operation per column at a time.
///
/// One evaluator belongs to one scan thread: it owns that thread's text dictionary and caches (center
/// columns as codes or numbers, text functions per dictionary code).
final class VectorEvaluator {
    let dictionary = TextDictionary()
    private let centers: CenterTable
    private let centerTypes: [ValueType]
    /// The one calendar every center uses, when they all share it.
    private let sharedCalendar: WorkingCalendar?
    private var centerCodes: [Int: [Int32]] = [:]
    private var centerNumbers: [Int: [Double]] = [:]
    private var memos: [String: [Value]] = [:]

    init(centers: CenterTable, centerTypes: [ValueType]) {
        self.centers = centers
        self.centerTypes = centerTypes
        let first = centers.calendars.first
        sharedCalendar = centers.calendars.allSatisfy { $0 == first } ? first : nil
    }

    /// The vectors of the current chunk's costly sub-expressions, so that an expression several
    /// aggregates share (`workdays(accepted_at, finished_at)`, `status == "finished"`) is worked out once
    /// per chunk. Cleared by `startChunk()`.
    private var shared: [(expression: TypedExpression, vector: Vector)] = []

    /// Forgets the vectors of the previous chunk.
    func startChunk() {
        shared.removeAll(keepingCapacity: true)
    }

    func evaluate(_ expression: TypedExpression, _ chunk: Chunk) -> Vector {
        switch expression {
        case .constant, .column, .centerColumn, .aggregate, .measure:
            return compute(expression, chunk)
        default:
            if let known = shared.first(where: { $0.expression == expression }) { return known.vector }
            let vector = compute(expression, chunk)
            shared.append((expression, vector))
            return vector
        }
    }

    private func compute(_ expression: TypedExpression, _ chunk: Chunk) -> Vector {
        let n = chunk.count
        switch expression {
        case .constant(let value):
            return broadcast(value, n)
        case .column(let slot):
            return chunk.columns[slot]
        case .centerColumn(let slot):
            return centerColumn(slot, chunk)
        case .aggregate, .measure:
            return .number([Double](repeating: .nan, count: n))
        case .negate(let operand):
            return .number(evaluate(operand, chunk).numbers.map { -$0 })
        case .not(let operand):
            return .truth(evaluate(operand, chunk).truths.map { $0 == Vector.nullTruth ? $0 : 1 - $0 })
        case .arithmetic(let op, let lhs, let rhs):
            let a = evaluate(lhs, chunk).numbers
            let b = evaluate(rhs, chunk).numbers
            switch op {
            case "+": return .number(arithmetic(a, b) { $0 + $1 })
            case "-": return .number(arithmetic(a, b) { $0 - $1 })
            case "*": return .number(arithmetic(a, b) { $0 * $1 })
            default: return .number(arithmetic(a, b) { $1 == 0 ? .nan : $0 / $1 })
            }
        case .compare(let op, let lhs, let rhs):
            return .truth(compare(op, evaluate(lhs, chunk), evaluate(rhs, chunk)))
        case .and(let lhs, let rhs):
            return .truth(
                elementwise(evaluate(lhs, chunk).truths, evaluate(rhs, chunk).truths) { a, b in
                    (a == 0 || b == 0) ? 0 : (a == 1 && b == 1 ? 1 : Vector.nullTruth)
                })
        case .or(let lhs, let rhs):
            return .truth(
                elementwise(evaluate(lhs, chunk).truths, evaluate(rhs, chunk).truths) { a, b in
                    (a == 1 || b == 1) ? 1 : (a == 0 && b == 0 ? 0 : Vector.nullTruth)
                })
        case .isNull(let operand, let negated):
            let vector = evaluate(operand, chunk)
            return .truth((0..<n).map { (vector.isNull($0) != negated) ? 1 : 0 })
        case .inList(let operand, let items, let negated):
            return .truth(inList(evaluate(operand, chunk), items, negated: negated))
        case .workdays(let from, let to):
            let a = evaluate(from, chunk).numbers
            let b = evaluate(to, chunk).numbers
            var out = [Double](repeating: .nan, count: n)
            let calendars = centers.calendars
            for i in 0..<n {
                guard let start = VectorEvaluator.instant(a[i]), let end = VectorEvaluator.instant(b[i]) else { continue }
                let calendar = sharedCalendar ?? calendars[Int(chunk.centers[i])]
                out[i] = Double(calendar.workdays(from: start, to: end))
            }
            return .number(out)
        case .dayOf(let operand):
            return .number(
                evaluate(operand, chunk).numbers.map { value in
                    VectorEvaluator.instant(value).map { Double(CivilDay(instant: $0).number) } ?? .nan
                })
        case .addWorkdays(let operand, let count):
            let a = evaluate(operand, chunk).numbers
            var out = [Double](repeating: .nan, count: n)
            let calendars = centers.calendars
            for i in 0..<n where count.magnitude <= UInt(maximumWorkdays) {
                guard let start = VectorEvaluator.instant(a[i]) else { continue }
                let calendar = sharedCalendar ?? calendars[Int(chunk.centers[i])]
                out[i] = Double(calendar.adding(workdays: count, to: CivilDay(instant: start)).number)
            }
            return .number(out)
        case .addWorkdaysBy(let operand, let count):
            let a = evaluate(operand, chunk).numbers
            let steps = evaluate(count, chunk).numbers
            var out = [Double](repeating: .nan, count: n)
            let calendars = centers.calendars
            for i in 0..<n where !steps[i].isNaN && steps[i].magnitude <= Double(maximumWorkdays) {
                guard let start = VectorEvaluator.instant(a[i]) else { continue }
                let calendar = sharedCalendar ?? calendars[Int(chunk.centers[i])]
                out[i] = Double(calendar.adding(workdays: Int(steps[i].rounded()), to: CivilDay(instant: start)).number)
            }
            return .number(out)
        case .match(let subject, let arms, let otherwise):
            return match(subject, arms, otherwise, chunk)
        case .function(let name, let arguments):
            return function(name, arguments.map { evaluate($0, chunk) }, n)
        case .matches(let operand, let pattern):
            guard case .text(let codes) = evaluate(operand, chunk) else { return .truth([UInt8](repeating: Vector.nullTruth, count: n)) }
            let memo = memoized("matches\u{1F}" + pattern.pattern) { text in .boolean(pattern.occurs(in: text)) }
            return .truth(codes.map { $0 < 0 ? Vector.nullTruth : (memo[Int($0)].isTrue ? 1 : 0) })
        }
    }

    // MARK: Pieces

    /// `combine` applied to the elements of `a` and `b` pairwise.
    @inline(__always)
    private func elementwise<T>(_ a: [T], _ b: [T], _ combine: (T, T) -> T) -> [T] {
        let n = min(a.count, b.count)
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<n { out.initializeElement(at: i, to: combine(a[i], b[i])) }
                }
            }
            initialized = n
        }
    }

    /// Arithmetic on two number columns; an infinite result (an overflow) becomes NaN (NULL).
    @inline(__always)
    private func arithmetic(_ a: [Double], _ b: [Double], _ combine: (Double, Double) -> Double) -> [Double] {
        elementwise(a, b) { x, y in
            let value = combine(x, y)
            return value.isInfinite ? .nan : value
        }
    }

    private func broadcast(_ value: Value, _ n: Int) -> Vector {
        switch value {
        case .null: return .number([Double](repeating: .nan, count: n))
        case .integer(let number): return .number([Double](repeating: Double(number), count: n))
        case .real(let number): return .number([Double](repeating: number, count: n))
        case .boolean(let flag): return .truth([UInt8](repeating: flag ? 1 : 0, count: n))
        case .text(let text): return .text([Int32](repeating: dictionary.code(of: text), count: n))
        }
    }

    private func centerColumn(_ slot: Int, _ chunk: Chunk) -> Vector {
        let type = slot < centerTypes.count ? centerTypes[slot] : .unknown
        if type == .text || type == .unknown {
            if centerCodes[slot] == nil {
                centerCodes[slot] = centers.rows.map { row in
                    if case .text(let text) = row[slot] { return dictionary.code(of: text) }
                    return -1
                }
            }
            let codes = centerCodes[slot] ?? []
            return .text(chunk.centers.map { codes[Int($0)] })
        }
        if centerNumbers[slot] == nil {
            centerNumbers[slot] = centers.rows.map { $0[slot].number ?? .nan }
        }
        let numbers = centerNumbers[slot] ?? []
        return .number(chunk.centers.map { numbers[Int($0)] })
    }

    private func compare(_ op: String, _ lhs: Vector, _ rhs: Vector) -> [UInt8] {
        let n = lhs.count
        var out = [UInt8](repeating: Vector.nullTruth, count: n)
        if case .text(let a) = lhs, case .text(let b) = rhs {
            if op == "==" || op == "!=" {
                let same: UInt8 = op == "==" ? 1 : 0
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n where a[i] >= 0 && b[i] >= 0 { out[i] = a[i] == b[i] ? same : 1 - same }
                }
                return out
            }
            let test = Comparison(op)
            let strings = dictionary.strings
            for i in 0..<n where a[i] >= 0 && b[i] >= 0 {
                let order = a[i] == b[i] ? 0 : (strings[Int(a[i])] < strings[Int(b[i])] ? -1 : 1)
                out[i] = test.holds(order) ? 1 : 0
            }
            return out
        }
        if case .text = lhs { return out }
        if case .text = rhs { return out }
        let a = lhs.numbers
        let b = rhs.numbers
        // One loop per operator, so the comparison is not decided again for every row.
        func fill(_ holds: (Double, Double) -> Bool) {
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { out in
                        for i in 0..<n where !a[i].isNaN && !b[i].isNaN { out[i] = holds(a[i], b[i]) ? 1 : 0 }
                    }
                }
            }
        }
        switch op {
        case "==": fill(==)
        case "!=": fill(!=)
        case "<": fill(<)
        case "<=": fill(<=)
        case ">": fill(>)
        default: fill(>=)
        }
        return out
    }

    private func inList(_ vector: Vector, _ items: [Value], negated: Bool) -> [UInt8] {
        switch vector {
        case .text(let codes):
            // A table by dictionary code: one array read per row instead of a hash.
            var wanted = [Bool](repeating: false, count: dictionary.count)
            for case .text(let text) in items {
                let code = Int(dictionary.code(of: text))
                if code >= wanted.count { wanted += [Bool](repeating: false, count: code + 1 - wanted.count) }
                wanted[code] = true
            }
            return codes.map { $0 < 0 ? Vector.nullTruth : ((wanted[Int($0)] != negated) ? 1 : 0) }
        default:
            let wanted = items.compactMap(\.number)
            return vector.numbers.map { $0.isNaN ? Vector.nullTruth : ((wanted.contains($0) != negated) ? 1 : 0) }
        }
    }

    private func match(_ subject: TypedExpression?, _ arms: [MatchArm], _ otherwise: TypedExpression, _ chunk: Chunk) -> Vector {
        let n = chunk.count
        let subjectVector = subject.map { evaluate($0, chunk) }
        var chosen = [Int](repeating: arms.count, count: n)
        var open = n
        for (index, arm) in arms.enumerated() where open > 0 {
            let pattern = evaluate(arm.pattern, chunk)
            let hits = subjectVector.map { compare("==", $0, pattern) } ?? pattern.truths
            for i in 0..<n where chosen[i] == arms.count && hits[i] == 1 {
                chosen[i] = index
                open -= 1
            }
        }
        let results = (arms.map(\.result) + [otherwise]).map { evaluate($0, chunk) }
        if results.allSatisfy({ if case .text = $0 { return true } else { return false } }) {
            let codes = results.map { if case .text(let c) = $0 { return c } else { return [] } }
            return .text((0..<n).map { codes[chosen[$0]][$0] })
        }
        if results.allSatisfy({ if case .truth = $0 { return true } else { return false } }) {
            let truths = results.map(\.truths)
            return .truth((0..<n).map { truths[chosen[$0]][$0] })
        }
        let numbers = results.map(\.numbers)
        return .number((0..<n).map { numbers[chosen[$0]][$0] })
    }

    /// Scalar functions, row by row; a text function of one text argument and constants is worked out
    /// once per distinct text.
    private func function(_ name: String, _ arguments: [Vector], _ n: Int) -> Vector {
        let result: [Value]
        if case .text(let codes)? = arguments.first, arguments.dropFirst().allSatisfy(isConstantColumn) {
            let rest = arguments.dropFirst().map { value($0, 0) }
            let key = name + "\u{1F}" + rest.map { "\($0)" }.joined(separator: "\u{1F}")
            let memo = memoized(key) { text in callFunction(name, [.text(text)] + rest) }
            result = codes.map { $0 < 0 ? .null : memo[Int($0)] }
        } else {
            result = (0..<n).map { row in callFunction(name, arguments.map { value($0, row) }) }
        }
        if result.contains(where: { if case .boolean = $0 { return true } else { return false } }) {
            return .truth(result.map { $0.isNull ? Vector.nullTruth : ($0.isTrue ? 1 : 0) })
        }
        return .number(result.map { $0.number ?? .nan })
    }

    private func isConstantColumn(_ vector: Vector) -> Bool {
        switch vector {
        case .number(let values): return values.allSatisfy { $0 == values.first || ($0.isNaN && (values.first?.isNaN ?? true)) }
        case .text(let codes): return codes.allSatisfy { $0 == codes.first }
        case .truth(let values): return values.allSatisfy { $0 == values.first }
        }
    }

    private func value(_ vector: Vector, _ row: Int) -> Value {
        guard row < vector.count else { return .null }
        switch vector {
        case .number(let values):
            let number = values[row]
            if number.isNaN { return .null }
            return number == number.rounded() && abs(number) < 9e15 ? .integer(Int64(number)) : .real(number)
        case .text(let codes): return codes[row] < 0 ? .null : .text(dictionary.strings[Int(codes[row])])
        case .truth(let values): return values[row] == Vector.nullTruth ? .null : .boolean(values[row] == 1)
        }
    }

    /// `compute` applied to every dictionary entry, extended as the dictionary grows.
    private func memoized(_ key: String, _ compute: (String) -> Value) -> [Value] {
        var memo = memos[key] ?? []
        let strings = dictionary.strings
        if memo.count < strings.count {
            memo.reserveCapacity(strings.count)
            for index in memo.count..<strings.count { memo.append(compute(strings[index])) }
            memos[key] = memo
        }
        return memo
    }
}

/// A comparison operator resolved once, outside the row loop.
struct Comparison {
    private let accepts: (less: Bool, equal: Bool, greater: Bool)

    init(_ op: String) {
        switch op {
        case "==": accepts = (false, true, false)
        case "!=": accepts = (true, false, true)
        case "<": accepts = (true, false, false)
        case "<=": accepts = (true, true, false)
        case ">": accepts = (false, false, true)
        default: accepts = (false, true, true)
        }
    }

    /// Whether an ordering (−1, 0, 1) satisfies the operator.
    func holds(_ order: Int) -> Bool {
        order < 0 ? accepts.less : (order == 0 ? accepts.equal : accepts.greater)
    }
}

extension VectorEvaluator {
    /// A time as whole seconds, or `nil` (NULL) for NULL, an infinity or a time beyond ±2^53 seconds — where
    /// day arithmetic would overflow — as the row-at-a-time evaluator reads them.
    static func instant(_ value: Double) -> Int64? {
        value.magnitude <= 9_007_199_254_740_992 ? Int64(value) : nil
    }
}
