import Foundation
import PostlintCore

/// Hands file indices to worker threads in order and passes their results on, in the same order,
/// as they come in. A result that arrives before those of earlier files waits in a reorder
/// buffer; a worker that would run more than `window` files ahead of the oldest unfinished one
/// waits instead, so the buffer stays bounded however many files there are.
final class OrderedWorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var nextToDeliver = 0
    private var early: [Int: FileResult] = [:]
    /// Called with each result in index order, one at a time (under the queue's lock).
    private let deliver: (Int, FileResult) -> Void
    private var failure: PostlintError?

    init(count: Int, window: Int, deliver: @escaping (Int, FileResult) -> Void) {
        self.count = count
        self.window = max(1, window)
        self.deliver = deliver
    }

    /// The first error a worker failed with; read after the workers have ended.
    var fatalError: PostlintError? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// The next index to work on; nil when every index is handed out or a worker failed.
    func nextIndex() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil, next < count, next - nextToDeliver >= window { condition.wait() }
        guard failure == nil, next < count else { return nil }
        next += 1
        return next - 1
    }

    /// The result for `index`: delivered now when every earlier one has been, else kept until then.
    func finish(_ index: Int, with result: FileResult) {
        condition.lock()
        defer { condition.unlock() }
        guard index == nextToDeliver else {
            early[index] = result
            return
        }
        deliver(index, result)
        nextToDeliver += 1
        while let waiting = early.removeValue(forKey: nextToDeliver) {
            deliver(nextToDeliver, waiting)
            nextToDeliver += 1
        }
        condition.broadcast()
    }

    /// Ends the run: no further index is handed out.
    func fail(_ error: PostlintError) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }
}
