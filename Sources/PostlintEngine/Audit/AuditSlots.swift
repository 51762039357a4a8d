import Foundation
import PostlintCore

/// Per-file audit slots filled by worker threads, handing out indices in order.
final class AuditSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private(set) var results: [Auditor.FileAudit]
    private(set) var failure: PostlintError?

    init(count: Int) {
        self.count = count
        results = Array(repeating: Auditor.FileAudit(), count: count)
    }

    func nextIndex() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count, failure == nil else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: Auditor.FileAudit, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func fail(_ error: PostlintError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }
}
