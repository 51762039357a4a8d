#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// State shared between threads, reachable only inside `withLock`, with a condition to wait on:
/// for locks held a few hundred nanoseconds by threads that ask for them all the time (the work
/// queue, the listing cache), a thread that finds the lock taken spins briefly before sleeping.
/// `NSCondition`'s lock sleeps at once, so on two cores a quarter of the linting threads' switches
/// were one thread put to sleep for a lock the other held for a hash lookup.
///
/// On Linux it is a glibc adaptive mutex (`PTHREAD_MUTEX_ADAPTIVE_NP`); elsewhere, `NSCondition`.
/// The lock is taken and released only inside this type, by scope: no caller holds it across a
/// call, so none can hand it to another function to release.
// @unchecked: `state` is touched only inside the two `withLock`s, mutex held; the compiler cannot see a C mutex.
final class ShortHoldCondition<State: Sendable>: @unchecked Sendable {
    private var state: State
    #if canImport(Glibc)
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
        private let condition: UnsafeMutablePointer<pthread_cond_t>

        init(_ state: State) {
            self.state = state
            mutex = .allocate(capacity: 1)
            condition = .allocate(capacity: 1)
            var attributes = pthread_mutexattr_t()
            pthread_mutexattr_init(&attributes)
            pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
            pthread_mutex_init(mutex, &attributes)
            pthread_mutexattr_destroy(&attributes)
            pthread_cond_init(condition, nil)
        }

        deinit {
            pthread_cond_destroy(condition)
            pthread_mutex_destroy(mutex)
            condition.deallocate()
            mutex.deallocate()
        }

        private func lock() { pthread_mutex_lock(mutex) }
        private func unlock() { pthread_mutex_unlock(mutex) }
        private func wait() { pthread_cond_wait(condition, mutex) }
        private func wakeWaiters() { pthread_cond_broadcast(condition) }
    #else
        private let condition = NSCondition()

        init(_ state: State) {
            self.state = state
        }

        private func lock() { condition.lock() }
        private func unlock() { condition.unlock() }
        private func wait() { condition.wait() }
        private func wakeWaiters() { condition.broadcast() }
    #endif

    /// Runs `body` with the state while holding the lock; keep it short and never call back into
    /// code that takes the same lock. With `broadcast`, threads waiting in `waitForValue(_:)`
    /// look at the state again once `body` has run.
    func withLock<Result, Failure: Error>(
        broadcast: Bool = false,
        _ body: (inout State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock()
        defer {
            if broadcast { wakeWaiters() }
            unlock()
        }
        return try body(&state)
    }

    /// Runs `body` with the state while holding the lock until it returns a value: while it
    /// returns nil, the lock is released until another thread's `withLock(broadcast: true)`, and
    /// `body` runs again (wake-ups may come early: it decides each time). Named apart from
    /// `withLock`: as an overload, a trailing closure that returns an optional would pick it and
    /// wait where the caller meant to look.
    func waitForValue<Result>(_ body: (inout State) -> Result?) -> Result {
        lock()
        defer { unlock() }
        while true {
            if let result = body(&state) { return result }
            wait()
        }
    }
}
