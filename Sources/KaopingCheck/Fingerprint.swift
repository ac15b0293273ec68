/// FNV-1a over words: of bytes, or of a typed tree. Values equal under `==` give equal fingerprints (a real
/// zero is hashed as zero whatever its sign, as `==` takes −0 for 0).
///
/// A file with many indicators plans many aggregates, and each new one is looked up among them: by its
/// fingerprint, and the plans themselves are compared only when fingerprints are equal (hashing a plan with
/// the standard hasher would walk its whole tree through SipHash). A tree's fingerprint is made from those
/// of its branches (see `of(_:)`), so that one built from trees whose fingerprints are known — an indicator's
/// three aggregates all hold its population's filter — is fingerprinted without walking them again.
/// The fingerprint of an aggregate, and those of its filter and its argument (`Fingerprint.absent` for none).
typealias AggregateFingerprints = (fingerprint: UInt64, filter: UInt64, argument: UInt64)

struct Fingerprint {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    /// A text's bytes, as `add(bytes:)` adds them: read where they are (a short text, such as an operator or a
    /// code, inside the string itself), not one at a time through the string's view.
    mutating func add(_ text: String) {
        let added: Void? = text.utf8.withContiguousStorageIfAvailable { add(bytes: $0) }
        guard added == nil else { return }
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

    mutating func add(_ value: Value) {
        switch value {
        case .null: add(1)
        case .integer(let number): add(2); add(UInt64(bitPattern: number))
        case .real(let number): add(3); add(number == 0 ? 0 : number.bitPattern)
        case .text(let text): add(4); add(text)
        case .boolean(let flag): add(flag ? 5 : 6)
        }
    }

    /// What stands for an expression not written (an aggregate without a filter or an argument).
    static let absent: UInt64 = {
        var fingerprint = Fingerprint()
        fingerprint.add(0xFFFF)
        return fingerprint.value
    }()

    /// The fingerprint of `lhs and rhs`, from theirs.
    static func and(_ lhs: UInt64, _ rhs: UInt64) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(19)
        fingerprint.add(lhs)
        fingerprint.add(rhs)
        return fingerprint.value
    }

    /// The fingerprint of an aggregate, from those of its filter and its argument (`absent` for none).
    static func of(_ plan: AggregatePlan, filter: UInt64, argument: UInt64) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(plan.function.rawValue)
        fingerprint.add(plan.table)
        fingerprint.add(filter)
        fingerprint.add(argument)
        fingerprint.add(plan.fraction.map { $0 == 0 ? 0 : $0.bitPattern } ?? 1)
        return fingerprint.value
    }

    /// The fingerprint of an aggregate, its filter and its argument worked out from theirs.
    static func of(_ plan: AggregatePlan) -> AggregateFingerprints {
        let (filter, argument) = (plan.filter.map(of) ?? absent, plan.argument.map(of) ?? absent)
        return (of(plan, filter: filter, argument: argument), filter, argument)
    }

    /// The fingerprint of an expression: of its kind, its own values and the fingerprints of its branches.
    static func of(_ expression: TypedExpression) -> UInt64 {
        var fingerprint = Fingerprint()
        switch expression {
        case .constant(let constant): fingerprint.add(10); fingerprint.add(constant)
        case .column(let slot): fingerprint.add(11); fingerprint.add(slot)
        case .centerColumn(let slot): fingerprint.add(12); fingerprint.add(slot)
        case .aggregate(let index): fingerprint.add(13); fingerprint.add(index)
        case .measure: fingerprint.add(14)
        case .negate(let operand): fingerprint.add(15); fingerprint.add(of(operand))
        case .not(let operand): fingerprint.add(16); fingerprint.add(of(operand))
        case .arithmetic(let operation, let lhs, let rhs):
            fingerprint.add(17); fingerprint.add(operation); fingerprint.add(of(lhs)); fingerprint.add(of(rhs))
        case .compare(let operation, let lhs, let rhs):
            fingerprint.add(18); fingerprint.add(operation); fingerprint.add(of(lhs)); fingerprint.add(of(rhs))
        case .and(let lhs, let rhs): return and(of(lhs), of(rhs))
        case .or(let lhs, let rhs): fingerprint.add(20); fingerprint.add(of(lhs)); fingerprint.add(of(rhs))
        case .isNull(let operand, let negated): fingerprint.add(negated ? 21 : 22); fingerprint.add(of(operand))
        case .inList(let operand, let values, let negated):
            fingerprint.add(negated ? 23 : 24)
            fingerprint.add(of(operand))
            fingerprint.add(values.count)
            for value in values { fingerprint.add(value) }
        case .workdays(let start, let end): fingerprint.add(25); fingerprint.add(of(start)); fingerprint.add(of(end))
        case .dayOf(let operand): fingerprint.add(26); fingerprint.add(of(operand))
        case .addWorkdays(let operand, let count): fingerprint.add(27); fingerprint.add(of(operand)); fingerprint.add(count)
        case .match(let subject, let arms, let otherwise):
            fingerprint.add(28)
            fingerprint.add(subject.map(of) ?? absent)
            fingerprint.add(arms.count)
            for arm in arms {
                fingerprint.add(of(arm.pattern))
                fingerprint.add(of(arm.result))
            }
            fingerprint.add(of(otherwise))
        case .function(let name, let arguments):
            fingerprint.add(29)
            fingerprint.add(name)
            fingerprint.add(arguments.count)
            for argument in arguments { fingerprint.add(of(argument)) }
        case .matches(let operand, let pattern): fingerprint.add(30); fingerprint.add(of(operand)); fingerprint.add(pattern.pattern)
        }
        return fingerprint.value
    }
}
