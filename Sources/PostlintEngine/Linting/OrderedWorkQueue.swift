import Foundation
import PostlintCore

/// Hands work items to worker threads as a producer makes them, and passes the workers' outputs
/// on, in the order the items were made, as they come in.
///
/// There is no producer thread: when few items are ready, the next worker to ask (one at a time)
/// runs the producer for a step (for a run, the discovery's next folder) and then takes an item
/// itself. So linting begins with the first folder's posts while the walk goes on, every thread
/// is a worker, and no thread waits on a producer that has no core to run on.
///
/// An output that arrives before those of earlier items waits in a reorder buffer; a worker that
/// would run more than `window` items ahead of the oldest unfinished one waits instead, and the
/// producer is stepped only while fewer than `lowWater` items are ready, so what is held stays
/// bounded however many files there are.
final class OrderedWorkQueue<Item, Output>: @unchecked Sendable {
    /// The next items, or nil when there are no more; it may throw to end the run. Called by one
    /// worker at a time, never under the queue's lock.
    typealias Producer = () throws(PostlintError) -> [Item]?

    private let condition = ShortHoldCondition()
    private let window: Int
    private let lowWater: Int
    private let produce: Producer
    /// Items made and not yet taken: `ready[readyStart...]`.
    private var ready: [Item] = []
    private var readyStart = 0
    private var isProducing = false
    private var isExhausted = false
    /// The sequence number of the next item taken, and of the next output to deliver.
    private var next = 0
    private var nextToDeliver = 0
    private var early: [Int: Output] = [:]
    /// Whether a worker is delivering outputs (outside the lock); the others leave theirs in
    /// `early` for it.
    private var isDelivering = false
    /// Called with each output in item order, one at a time (outside the queue's lock, so the
    /// other workers take items and finish theirs meanwhile).
    private let deliver: (Output) -> Void
    private var failure: PostlintError?

    init(window: Int, lowWater: Int = 16, produce: @escaping Producer, deliver: @escaping (Output) -> Void) {
        self.window = max(1, window)
        self.lowWater = max(1, lowWater)
        self.produce = produce
        self.deliver = deliver
    }

    /// The first error a worker or the producer failed with; read after the workers have ended.
    var fatalError: PostlintError? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// The next item and its sequence number, stepping the producer when few are ready; nil when
    /// the producer is done and every item is handed out, or the run failed.
    func nextItem() -> (sequence: Int, item: Item)? {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil {
            let readyCount = ready.count - readyStart
            if !isExhausted, !isProducing, readyCount < lowWater {
                step()
                continue
            }
            if readyCount > 0, next - nextToDeliver < window {
                let item = ready[readyStart]
                readyStart += 1
                if readyStart == ready.count {
                    ready.removeAll(keepingCapacity: true)
                    readyStart = 0
                }
                next += 1
                return (next - 1, item)
            }
            if readyCount == 0, isExhausted { return nil }
            condition.wait()
        }
        return nil
    }

    /// Runs the producer once, outside the lock (held on entry and on return).
    private func step() {
        isProducing = true
        condition.unlock()
        let made: Result<[Item]?, PostlintError>
        do throws(PostlintError) {
            made = .success(try produce())
        } catch {
            made = .failure(error)
        }
        condition.lock()
        isProducing = false
        switch made {
        case .success(let items?):
            // Those still ready (fewer than `lowWater`) move to the front, so the array holds only
            // what is ready, not every item made.
            if readyStart > 0 {
                ready.removeFirst(readyStart)
                readyStart = 0
            }
            ready += items
        case .success(nil): isExhausted = true
        case .failure(let error): if failure == nil { failure = error }
        }
        condition.broadcast()
    }

    /// The output for item `sequence`: delivered now when every earlier one has been, else kept
    /// until then.
    func finish(_ sequence: Int, with output: Output) {
        condition.lock()
        guard sequence == nextToDeliver, !isDelivering else {
            early[sequence] = output
            condition.unlock()
            return
        }
        // This worker delivers, outside the lock, its output and every one that follows it in
        // order, including those that arrive while it delivers.
        isDelivering = true
        var batch = [output]
        while true {
            condition.unlock()
            for ready in batch { deliver(ready) }
            condition.lock()
            nextToDeliver += batch.count
            batch.removeAll(keepingCapacity: true)
            while let waiting = early.removeValue(forKey: nextToDeliver + batch.count) { batch.append(waiting) }
            if batch.isEmpty { break }
        }
        isDelivering = false
        condition.broadcast()
        condition.unlock()
    }

    /// Ends the run: no further item is handed out.
    func fail(_ error: PostlintError) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }
}
