import Foundation
import Testing
import PostlintCore
@testable import PostlintEngine

/// `ShortHoldCondition` guards the state the work queue and the caches share; these run it from
/// many threads at once, so a ThreadSanitizer run (`.ci/sanitizers.sh`) sees any access outside
/// the lock.
@Suite struct ShortHoldConditionTests {
    @Test func everyIncrementFromManyThreadsIsKept() {
        let counter = ShortHoldCondition(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    @Test func aThrowingBodyLeavesTheLockFree() {
        struct Refused: Error {}
        let guarded = ShortHoldCondition([1, 2])
        #expect(throws: Refused.self) {
            try guarded.withLock { (values) throws(Refused) in
                values.append(3)
                throw Refused()
            }
        }
        #expect(guarded.withLock { $0 } == [1, 2, 3])
    }

    /// Waiters sleep until a broadcast makes their wait end: each of 8 consumers takes values that
    /// one producer adds a few at a time, and every value is taken exactly once.
    @Test func waitersTakeEveryValueOnceAsItIsAdded() {
        struct Shelf: Sendable {
            var values: [Int] = []
            var isClosed = false
        }
        let shelf = ShortHoldCondition(Shelf())
        let taken = Locked<[Int]>([])
        let count = 2_000
        DispatchQueue.concurrentPerform(iterations: 9) { worker in
            if worker == 0 {
                for start in stride(from: 0, to: count, by: 7) {
                    shelf.withLock(broadcast: true) { $0.values += Array(start..<min(count, start + 7)) }
                }
                shelf.withLock(broadcast: true) { $0.isClosed = true }
                return
            }
            while true {
                let next = shelf.waitForValue({ shelf -> Int?? in
                    if let value = shelf.values.popLast() { return .some(value) }
                    return shelf.isClosed ? .some(nil) : nil
                })
                guard let value = next else { break }
                taken.withLock { $0.append(value) }
            }
        }
        #expect(taken.withLock { $0 }.sorted() == Array(0..<count))
    }

    /// A body that returns at once never waits, even with no broadcast to come.
    @Test func aWaitThatIsNotNeededReturnsAtOnce() {
        let guarded = ShortHoldCondition("ready")
        #expect(guarded.waitForValue({ $0 }) == "ready")
    }
}
