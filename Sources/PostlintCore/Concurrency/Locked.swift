import Foundation

/// State shared between threads, reachable only inside `withLock`: the one place that tells the
/// compiler a lock guards a value, so the types that hold one are checked `Sendable` themselves.
/// `State` must be `Sendable`, so nothing that leaves the closure can be shared unsafely.
/// (The standard library's `Mutex` would let the compiler check this too, but it needs macOS 15
/// and the package supports macOS 13; on Linux it is there today.)
// @unchecked: `state` is touched only inside `withLock`, with `lock` held; the compiler cannot see an NSLock guard it.
public final class Locked<State: Sendable>: @unchecked Sendable {
    @usableFromInline let lock = NSLock()
    @usableFromInline var state: State

    public init(_ state: State) {
        self.state = state
    }

    /// Runs `body` with the state while holding the lock; keep it short and never call back
    /// into code that takes the same lock.
    @inlinable
    public func withLock<Result, Failure: Error>(
        _ body: (inout State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
