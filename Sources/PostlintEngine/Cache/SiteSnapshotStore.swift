import Foundation
import PostlintCore

/// Where `check --staged` keeps its site snapshot (`SiteSnapshot`): a file beside the site facts
/// cache, read on a thread of its own while git answers, and trusted only when every path it
/// watches is as it was. Written like the facts cache (a temporary file renamed over it), by a
/// run that walked the site.
public final class SiteSnapshotStore: Sendable {
    /// The snapshot's file.
    public let path: String
    private let factsCache: SiteFactsCache
    private let loaded = ShortHoldCondition<Loaded>(Loaded())
    private let taken = Locked(0)

    private struct Loaded: Sendable {
        var isDone = false
        var isStarted = false
        /// The snapshot with its paths as they were, and the run that made it.
        var found: (runKey: String, snapshot: SiteSnapshot)?
    }

    /// The snapshot beside `factsCache`'s file, trusted under the same stamp (the program's
    /// version and executable).
    public init(besides factsCache: SiteFactsCache) {
        self.factsCache = factsCache
        let folder = PathUtilities.directory(of: factsCache.path)
        let name = String(factsCache.path.dropFirst(folder.count + 1))
        path = PathUtilities.join(
            folder, name.hasPrefix("site-facts-") ? "site-snapshot-" + name.dropFirst("site-facts-".count) : name + ".snapshot")
    }

    /// Reads and checks the snapshot on a thread of its own; when there is none to trust, the
    /// facts cache is read next (a run without a snapshot reads posts through it).
    public func loadInBackground() {
        loaded.withLock { $0.isStarted = true }
        Thread.detachNewThread {
            let found = self.read()
            self.loaded.withLock(broadcast: true) { state in
                state.found = found
                state.isDone = true
            }
            if found == nil { self.factsCache.loadInBackground() }
        }
    }

    /// The snapshot made by a run with `runKey` whose watched paths are as they were, or nil.
    func snapshot(forRunKey runKey: String) -> SiteSnapshot? {
        let found: (runKey: String, snapshot: SiteSnapshot)?
        if loaded.withLock({ $0.isStarted }) {
            found = loaded.waitForValue({ state -> (runKey: String, snapshot: SiteSnapshot)?? in
                state.isDone ? .some(state.found) : nil
            })
        } else {
            found = read()
        }
        guard let found, found.runKey == runKey else { return nil }
        return found.snapshot
    }

    /// How many runs took their site from the snapshot (for tests and measurements).
    public var takenCount: Int { taken.withLock { $0 } }

    /// Counts a run that took its site from the snapshot.
    func noteTaken() {
        taken.withLock { $0 += 1 }
    }

    /// Writes the snapshot `builder` made for a run with `runKey`, watching `watched`; nothing
    /// when it is spoiled or a watched path changed in the last seconds.
    func save(_ builder: SiteSnapshotBuilder, watched: [String], runKey: String) {
        let states = watched.map { (path: $0, state: PathState.of($0)) }
        guard let bytes = builder.encode(watched: states, stamp: factsCache.stamp, runKey: runKey, now: factsCache.now)
        else {
            // An older snapshot is no longer the site's.
            unlink(path)
            return
        }
        SiteFactsCache.writeReplacing(path, with: bytes)
    }

    private func read() -> (runKey: String, snapshot: SiteSnapshot)? {
        guard case .success(let bytes) = FileReader.read(path),
            let found = SiteSnapshot.decode(bytes, stamp: factsCache.stamp),
            found.snapshot.watchedPathsAreUnchanged()
        else { return nil }
        return found
    }
}
