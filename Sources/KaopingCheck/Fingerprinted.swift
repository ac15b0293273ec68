/// A checked expression on rows — a filter, or what an aggregate counts or sums — with its fingerprint (see
/// `Fingerprint.of`): a population's filter is held by each of its aggregates, and its fingerprint is worked
/// out once.
struct Fingerprinted {
    var expression: TypedExpression
    var fingerprint: UInt64

    init(_ expression: TypedExpression, fingerprint: UInt64? = nil) {
        self.expression = expression
        self.fingerprint = fingerprint ?? Fingerprint.of(expression)
    }

    /// `self and other`.
    func and(_ other: Fingerprinted) -> Fingerprinted {
        Fingerprinted(.and(expression, other.expression), fingerprint: Fingerprint.and(fingerprint, other.fingerprint))
    }
}
