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
// @unchecked: non-Sendable `produce`/`deliver` run on one worker at a time (isProducing/isDelivering, under the lock).
final class OrderedWorkQueue<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    /// The next items, or nil when there are no more; it may throw to end the run. Called by one
    /// worker at a time, never under the queue's lock.
    typealias Producer = () throws(PostlintError) -> [Item]?

    /// What the workers share, read and written only under the lock.
    private struct State: Sendable {
        /// Items made and not yet taken: `ready[readyStart...]`.
        var ready: [Item] = []
        var readyStart = 0
        var isProducing = false
        var isExhausted = false
        /// The sequence number of the next item taken, and of the next output to deliver.
        var next = 0
        var nextToDeliver = 0
        var early: [Int: Output] = [:]
        /// Whether a worker is delivering outputs (outside the lock); the others leave theirs in
        /// `early` for it.
        var isDelivering = false
        var failure: PostlintError?
    }

    /// What a worker asking for an item does next.
    private enum Step {
        case take(sequence: Int, item: Item)
        case produce
        case end
    }

    private let state = ShortHoldCondition(State())
    private let window: Int
    private let lowWater: Int
    private let produce: Producer
    /// Called with each output in item order, one at a time (outside the queue's lock, so the
    /// other workers take items and finish theirs meanwhile).
    private let deliver: (Output) -> Void

    init(window: Int, lowWater: Int = 16, produce: @escaping Producer, deliver: @escaping (Output) -> Void) {
        self.window = max(1, window)
        self.lowWater = max(1, lowWater)
        self.produce = produce
        self.deliver = deliver
    }

    /// The first error a worker or the producer failed with; read after the workers have ended.
    var fatalError: PostlintError? {
        state.withLock { $0.failure }
    }

    /// The next item and its sequence number, stepping the producer when few are ready; nil when
    /// the producer is done and every item is handed out, or the run failed.
    func nextItem() -> (sequence: Int, item: Item)? {
        while true {
            let step = state.waitForValue({ state -> Step? in
                guard state.failure == nil else { return .end }
                let readyCount = state.ready.count - state.readyStart
                if !state.isExhausted, !state.isProducing, readyCount < lowWater {
                    state.isProducing = true
                    return .produce
                }
                if readyCount > 0, state.next - state.nextToDeliver < window {
                    let item = state.ready[state.readyStart]
                    state.readyStart += 1
                    if state.readyStart == state.ready.count {
                        state.ready.removeAll(keepingCapacity: true)
                        state.readyStart = 0
                    }
                    state.next += 1
                    return .take(sequence: state.next - 1, item: item)
                }
                if readyCount == 0, state.isExhausted { return .end }
                return nil
            })
            switch step {
            case .take(let sequence, let item): return (sequence, item)
            case .end: return nil
            case .produce: runProducer()
            }
        }
    }

    /// Runs the producer once, outside the lock (this worker alone: it set `isProducing`), then
    /// files what it made.
    private func runProducer() {
        let made: Result<[Item]?, PostlintError>
        do throws(PostlintError) {
            made = .success(try produce())
        } catch {
            made = .failure(error)
        }
        state.withLock(broadcast: true) { state in
            state.isProducing = false
            switch made {
            case .success(let items?):
                // Those still ready (fewer than `lowWater`) move to the front, so the array holds
                // only what is ready, not every item made.
                if state.readyStart > 0 {
                    state.ready.removeFirst(state.readyStart)
                    state.readyStart = 0
                }
                state.ready += items
            case .success(nil): state.isExhausted = true
            case .failure(let error): if state.failure == nil { state.failure = error }
            }
        }
    }

    /// The output for item `sequence`: delivered now when every earlier one has been, else kept
    /// until then.
    func finish(_ sequence: Int, with output: Output) {
        // This worker delivers, outside the lock, its output and every one that follows it in
        // order, including those that arrive while it delivers.
        var batch: [Output] = state.withLock { state in
            guard sequence == state.nextToDeliver, !state.isDelivering else {
                state.early[sequence] = output
                return []
            }
            state.isDelivering = true
            return [output]
        }
        while !batch.isEmpty {
            for ready in batch { deliver(ready) }
            let delivered = batch.count
            // Workers waiting for the window to move look again.
            batch = state.withLock(broadcast: true) { state in
                state.nextToDeliver += delivered
                var next: [Output] = []
                while let waiting = state.early.removeValue(forKey: state.nextToDeliver + next.count) {
                    next.append(waiting)
                }
                if next.isEmpty { state.isDelivering = false }
                return next
            }
        }
    }

    /// Ends the run: no further item is handed out.
    func fail(_ error: PostlintError) {
        state.withLock(broadcast: true) { state in
            if state.failure == nil { state.failure = error }
        }
    }
}
