import Foundation
import PostlintCore

/// Per-file audit slots filled by worker threads, handing out indices in order.
final class AuditSlots: Sendable {
    private struct State: Sendable {
        var next = 0
        var results: [Auditor.FileAudit]
        var failure: PostlintError?
        var lastStored: (checks: [(id: String, severity: Severity)], siteSeverities: [String: Severity])?
    }

    private let count: Int
    private let state: Locked<State>

    init(count: Int) {
        self.count = count
        state = Locked(State(results: Array(repeating: Auditor.FileAudit(), count: count)))
    }

    /// The audits stored so far, in file order.
    var results: [Auditor.FileAudit] { state.withLock { $0.results } }
    /// The first failure reported, if any.
    var failure: PostlintError? { state.withLock { $0.failure } }

    func nextIndex() -> Int? {
        state.withLock { state in
            guard state.next < count, state.failure == nil else { return nil }
            state.next += 1
            return state.next - 1
        }
    }

    /// Keeps `result`, sharing the storage of its checks and site severities with the last post's
    /// when they are the same (posts under one configuration have the same), so that a post
    /// costs its own findings and facts, not another copy of the configuration's check list.
    func store(_ result: Auditor.FileAudit, at index: Int) {
        var result = result
        state.withLock { state in
            if let last = state.lastStored {
                if last.checks.count == result.checks.count,
                    zip(last.checks, result.checks).allSatisfy({ $0.id == $1.id && $0.severity == $1.severity })
                {
                    result.checks = last.checks
                }
                if last.siteSeverities == result.siteSeverities { result.siteSeverities = last.siteSeverities }
            }
            state.lastStored = (result.checks, result.siteSeverities)
            state.results[index] = result
        }
    }

    func fail(_ error: PostlintError) {
        state.withLock { state in
            if state.failure == nil { state.failure = error }
        }
    }
}
