import Dispatch
import Foundation

/// Independent pieces of work run at once, one thread each, their results kept in order.
public enum Parallel {
    /// How many pieces a large input is worth cutting into: one per core.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// How many pieces to cut `work` into, each at least `unit` of it: several per core, not one, since pieces
    /// never take quite the same time, and a core that finishes early then takes another instead of waiting.
    public static func pieces(of work: Int, unit: Int) -> Int {
        cores > 1 ? max(1, min(cores * 8, work / unit)) : 1
    }

    /// `body(0)`, …, `body(count - 1)`, run on `count` threads at once; the results in that order.
    public static func map<Result>(_ count: Int, _ body: (Int) -> Result) -> [Result] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let slots = Slots<Result>(count)
        withoutActuallyEscaping(body) { body in
            let run = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { index in slots.put(run.value(index), at: index) }
        }
        return slots.values
    }
}

/// One result per piece of work, each written once by the thread that made it and read after all have ended.
private final class Slots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func put(_ value: Value, at index: Int) { slots[index] = value }

    var values: [Value] { (0..<count).map { slots[$0]! } }
}

/// A closure handed to other threads. `Parallel.map` waits for them all before it returns, and each piece of
/// work touches only its own data.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
