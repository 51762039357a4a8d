import Dispatch

/// Runs an actor's jobs, one at a time, on a serial dispatch queue of its own instead of Swift's
/// cooperative thread pool. The pool has one thread per core; the server's work blocks (it reads
/// the whole workspace, writes to a pipe, waits on the engine's workers), and on the pool that
/// would starve every other task of the process. A serial queue gets a thread of its own when it
/// has work, so the server answers however busy the pool is, and the pool never waits on it.
/// Besides Swift's jobs, the server's own threads put blocks on the queue directly (`async`,
/// `sync`) and enter the actor there with `assumeIsolated`, which `checkIsolated` allows.
final class QueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Lets `assumeIsolated` accept a block run on the queue directly (not as a Swift job).
    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }

    /// Runs `body` on the queue later, after everything queued before it.
    func async(_ body: @escaping @Sendable () -> Void) {
        queue.async(execute: body)
    }

    /// Runs `body` on the queue and waits for it. Never call it from the queue itself, nor from
    /// a thread of the cooperative pool (it blocks the calling thread).
    func sync<T>(_ body: () -> T) -> T {
        queue.sync(execute: body)
    }
}
