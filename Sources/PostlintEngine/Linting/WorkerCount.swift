import Foundation

/// How many workers lint at once: the processors this process may use, as Foundation counts them
/// (the CPU affinity and, on Linux, the cgroup's CPU quota). Counting reads cgroup files, about a
/// quarter of a millisecond on the way to the first post, so it is done once a process, and
/// `RuleCatalog.loadInBackground()` starts it on another thread while the command line is read.
enum WorkerCount {
    static let available = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
