import Foundation
import Testing
import PostlintCore
@testable import PostlintEngine

/// The work queue from many workers at once (see also `PipelineMemoryTests` for its bounds): every
/// output delivered once and in order, and its producer and deliverer run outside the queue's
/// lock, so a worker that takes, finishes or fails meanwhile is not held up by them.
@Suite struct OrderedWorkQueueTests {
    /// 8 workers over 5,000 items made in uneven batches: each output is its item's square, and
    /// they arrive in item order.
    @Test func manyWorkersGetEachItemOnceAndOutputsArriveInOrder() {
        let batches = Locked((0..<200).map { $0 % 4 == 0 ? 0 : 25 + ($0 % 3) * 25 })
        let madeSoFar = Locked(0)
        let delivered = Locked<[Int]>([])
        let queue = OrderedWorkQueue<Int, Int>(
            window: 32, lowWater: 8,
            produce: {
                guard let size = batches.withLock({ $0.popLast() }) else { return nil }
                return madeSoFar.withLock { made in
                    defer { made += size }
                    return Array(made..<(made + size))
                }
            }, deliver: { output in delivered.withLock { $0.append(output) } })
        let handedOut = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            while let (sequence, item) = queue.nextItem() {
                handedOut.withLock { $0.append(item) }
                queue.finish(sequence, with: item * item)
            }
        }
        let made = madeSoFar.withLock { $0 }
        #expect(made == 7_500)
        #expect(handedOut.withLock { $0 }.sorted() == Array(0..<made))
        #expect(delivered.withLock { $0 } == (0..<made).map { $0 * $0 })
        #expect(queue.fatalError == nil)
    }

    /// While one worker runs the producer, another finishes its item and has it delivered: the
    /// producer does not hold the queue's lock (no lock is handed from one function to another to
    /// release). Were it held, the second step would wait forever for a delivery; it gives up
    /// after ten seconds and the test fails instead.
    @Test func theProducerRunsOutsideTheLock() {
        let firstDelivered = DispatchSemaphore(value: 0)
        let steps = Locked(0)
        let sawDeliveryDuringStep = Locked(false)
        let queue = OrderedWorkQueue<Int, Int>(
            window: 4, lowWater: 1,
            produce: { () throws(PostlintError) -> [Int]? in
                let step = steps.withLock { step in
                    step += 1
                    return step
                }
                switch step {
                case 1: return [0]
                case 2:
                    let delivered = firstDelivered.wait(timeout: .now() + 10) == .success
                    sawDeliveryDuringStep.withLock { $0 = delivered }
                    return [1]
                default: return nil
                }
            }, deliver: { output in if output == 0 { firstDelivered.signal() } })
        let outputs = Locked<[Int]>([])
        // Two threads of their own: the pool might run both workers one after the other.
        let workersDone = DispatchSemaphore(value: 0)
        for _ in 0..<2 {
            Thread.detachNewThread {
                while let (sequence, item) = queue.nextItem() {
                    // The first item waits until the second step has begun on the other worker.
                    let deadline = Date().addingTimeInterval(10)
                    while item == 0, steps.withLock({ $0 }) < 2, Date() < deadline { usleep(100) }
                    outputs.withLock { $0.append(item) }
                    queue.finish(sequence, with: item)
                }
                workersDone.signal()
            }
        }
        workersDone.wait()
        workersDone.wait()
        #expect(sawDeliveryDuringStep.withLock { $0 })
        #expect(outputs.withLock { $0 }.sorted() == [0, 1])
    }
}
