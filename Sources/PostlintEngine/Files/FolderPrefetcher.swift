#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import PostlintCore

/// Reads the folders a walk is about to visit on other threads while it handles the current one.
///
/// Reading a folder (`opendir`, `readdir`) is nearly all kernel time on a large site: a folder of
/// thousands of images is read whole to find the few posts beside them. Walking one folder after
/// another left every other core idle for the first part of a run (a third of a second over
/// 100,000 posts and their images). The walk tells the prefetcher which folders come next (the
/// top of its stack); each folder read here starts reading its own subfolders in turn, so reads
/// run ahead of the walk on every core, up to `window` folders. The walk takes each listing when
/// it gets there, in its own order, so the files found, their order and the problems reported are
/// the same as reading the folders one by one.
///
/// A read waiting for a thread is never waited for: the walk may itself run on a worker thread of
/// the pool the reads are queued on (linting starts while the walk goes on), so when the walk
/// gets to a folder whose read has not started, it claims it and reads it there.
final class FolderPrefetcher: Sendable {
    /// A folder's entries that may matter to the walk, or the `errno` of opening it.
    typealias Listing = Result<[(name: String, type: UInt8)], FolderError>
    typealias FolderError = FolderReadError

    /// Folders being read or read and not yet taken; the walk asks for at most this many ahead.
    private let window: Int
    /// The reads, behind the lock; its waiters wake when a read ends.
    private struct Reads: Sendable {
        var done: [String: Listing] = [:]
        /// Folders queued or being read.
        var inFlight: Set<String> = []
        /// The folders of `inFlight` whose read has begun.
        var reading: Set<String> = []
    }
    private let reads = ShortHoldCondition(Reads())
    private let readEntries: @Sendable (String) -> Listing
    /// Where the reads run.
    private let queue: DispatchQueue

    /// Where reads run by default: a serial queue of its own, which gets a thread of its own even
    /// while the shared pool's threads are all busy (parsing the rule packs at the start of a
    /// run, or linting), so a folder the linting will soon need is read in time; its reads come
    /// one after another, nearest first, as the walk wants them.
    static let readQueue = DispatchQueue(label: "postlint.folder-prefetch")

    init(
        window: Int, queue: DispatchQueue = FolderPrefetcher.readQueue,
        readEntries: @escaping @Sendable (String) -> Listing
    ) {
        self.window = max(0, window)
        self.queue = queue
        self.readEntries = readEntries
    }

    /// Starts reading `folders` (the next ones the walk will visit, nearest first) that are not
    /// already read or being read, up to the window.
    func prefetch(_ folders: some Sequence<String>) {
        guard window > 0 else { return }
        let started = reads.withLock { reads in
            var started: [String] = []
            for folder in folders {
                if reads.inFlight.count + reads.done.count >= window { break }
                if reads.inFlight.contains(folder) || reads.done[folder] != nil { continue }
                reads.inFlight.insert(folder)
                started.append(folder)
            }
            return started
        }
        for folder in started {
            queue.async { [self] in
                let claimed = reads.withLock { reads in
                    // Claimed by the walk while queued: it has read the folder itself.
                    guard reads.inFlight.contains(folder) else { return false }
                    reads.reading.insert(folder)
                    return true
                }
                guard claimed else { return }
                let listing = readEntries(folder)
                reads.withLock(broadcast: true) { reads in
                    reads.reading.remove(folder)
                    reads.inFlight.remove(folder)
                    reads.done[folder] = listing
                }
                // Its subfolders are visited right after it: read them next.
                if case .success(let entries) = listing {
                    prefetch(entries.lazy.filter { $0.type == UInt8(DT_DIR) }.map { Self.path(of: $0.name, in: folder) })
                }
            }
        }
    }

    /// The path of the entry `name` in `folder`.
    static func path(of name: String, in folder: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }

    /// The listing of `folder`: taken from a read begun earlier (waiting for it to finish), or
    /// read now on this thread (a read still queued is claimed).
    func listing(of folder: String) -> Listing {
        let prefetched = reads.waitForValue({ reads -> Listing?? in
            if reads.reading.contains(folder) { return nil }
            reads.inFlight.remove(folder)
            return .some(reads.done.removeValue(forKey: folder))
        })
        return prefetched ?? readEntries(folder)
    }
}
