import Foundation
import PostlintCore

/// Per-file audit slots filled by worker threads, handing out indices in order.
final class AuditSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private(set) var results: [Auditor.FileAudit]
    private(set) var failure: PostlintError?
    private var lastStored: (checks: [(id: String, severity: Severity)], siteSeverities: [String: Severity])?

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

    /// Keeps `result`, sharing the storage of its checks and site severities with the last post's
    /// when they are the same (posts under one configuration have the same), so that a post
    /// costs its own findings and facts, not another copy of the configuration's check list.
    func store(_ result: Auditor.FileAudit, at index: Int) {
        var result = result
        lock.lock()
        if let last = lastStored {
            if last.checks.count == result.checks.count,
               zip(last.checks, result.checks).allSatisfy({ $0.id == $1.id && $0.severity == $1.severity }) {
                result.checks = last.checks
            }
            if last.siteSeverities == result.siteSeverities { result.siteSeverities = last.siteSeverities }
        }
        lastStored = (result.checks, result.siteSeverities)
        results[index] = result
        lock.unlock()
    }

    func fail(_ error: PostlintError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }
}
