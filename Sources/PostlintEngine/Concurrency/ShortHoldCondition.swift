#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A lock with a condition, for locks held a few hundred nanoseconds by threads that ask for them
/// all the time (the work queue, the listing cache): a thread that finds it taken spins briefly
/// before sleeping. `NSCondition`'s lock sleeps at once, so on two cores a quarter of the linting
/// threads' switches were one thread put to sleep for a lock the other held for a hash lookup.
///
/// On Linux it is a glibc adaptive mutex (`PTHREAD_MUTEX_ADAPTIVE_NP`); elsewhere, `NSCondition`.
final class ShortHoldCondition: @unchecked Sendable {
    #if canImport(Glibc)
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
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

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Releases the lock until `broadcast()`, then takes it again (wake-ups may be spurious: wait
    /// in a loop over the condition waited for).
    func wait() { pthread_cond_wait(condition, mutex) }
    func broadcast() { pthread_cond_broadcast(condition) }
    #else
    private let condition = NSCondition()

    func lock() { condition.lock() }
    func unlock() { condition.unlock() }
    func wait() { condition.wait() }
    func broadcast() { condition.broadcast() }
    #endif
}
