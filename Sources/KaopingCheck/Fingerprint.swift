/// FNV-1a over the words of a typed tree. Values equal under `==` give equal fingerprints (a real zero is
/// hashed as zero whatever its sign, as `==` takes −0 for 0).
///
/// A file with many indicators plans many aggregates, and each new one is looked up among them: by its
/// fingerprint, worked out once in one cheap walk, and the plans themselves are compared only when
/// fingerprints are equal (hashing a plan with the standard hasher would walk its whole tree through SipHash).
struct Fingerprint {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    /// A text's bytes (see `add(bytes:)`).
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    /// Bytes, eight at a time, then their count.
    mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                add(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                index += 8
            }
        }
        var last: UInt64 = 0
        while index < bytes.count {
            last = last << 8 | UInt64(bytes[index])
            index += 1
        }
        add(last)
        add(UInt64(bytes.count) | 1 << 63)
    }

    mutating func add(_ plan: AggregatePlan) {
        add(plan.function.rawValue)
        add(plan.table)
        add(plan.filter)
        add(plan.argument)
        add(plan.fraction.map { $0 == 0 ? 0 : $0.bitPattern } ?? 1)
    }

    mutating func add(_ expression: TypedExpression?) {
        guard let expression else { return add(0xFFFF) }
        add(expression)
    }

    mutating func add(_ value: Value) {
        switch value {
        case .null: add(1)
        case .integer(let number): add(2); add(UInt64(bitPattern: number))
        case .real(let number): add(3); add(number == 0 ? 0 : number.bitPattern)
        case .text(let text): add(4); add(text)
        case .boolean(let flag): add(flag ? 5 : 6)
        }
    }

    mutating func add(_ expression: TypedExpression) {
        switch expression {
        case .constant(let constant): add(10); add(constant)
        case .column(let slot): add(11); add(slot)
        case .centerColumn(let slot): add(12); add(slot)
        case .aggregate(let index): add(13); add(index)
        case .measure: add(14)
        case .negate(let operand): add(15); add(operand)
        case .not(let operand): add(16); add(operand)
        case .arithmetic(let operation, let lhs, let rhs): add(17); add(operation); add(lhs); add(rhs)
        case .compare(let operation, let lhs, let rhs): add(18); add(operation); add(lhs); add(rhs)
        case .and(let lhs, let rhs): add(19); add(lhs); add(rhs)
        case .or(let lhs, let rhs): add(20); add(lhs); add(rhs)
        case .isNull(let operand, let negated): add(negated ? 21 : 22); add(operand)
        case .inList(let operand, let values, let negated):
            add(negated ? 23 : 24)
            add(operand)
            add(values.count)
            for value in values { add(value) }
        case .workdays(let start, let end): add(25); add(start); add(end)
        case .dayOf(let operand): add(26); add(operand)
        case .addWorkdays(let operand, let count): add(27); add(operand); add(count)
        case .match(let subject, let arms, let otherwise):
            add(28)
            add(subject)
            add(arms.count)
            for arm in arms {
                add(arm.pattern)
                add(arm.result)
            }
            add(otherwise)
        case .function(let name, let arguments):
            add(29)
            add(name)
            add(arguments.count)
            for argument in arguments { add(argument) }
        case .matches(let operand, let pattern): add(30); add(operand); add(pattern.pattern)
        }
    }
}
