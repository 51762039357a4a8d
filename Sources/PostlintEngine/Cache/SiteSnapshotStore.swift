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
        var reading = Reading()
    }

    /// What reading the file found.
    private struct Reading: Sendable {
        /// The snapshot with its paths as they were, and the run that made it.
        var found: (runKey: String, snapshot: SiteSnapshot)?
        /// Whether a watched path changed in the last seconds: a snapshot made now would not be
        /// written (it is not settled), so a run does not make one.
        var changedRecently = false
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
            let reading = self.read()
            self.loaded.withLock(broadcast: true) { state in
                state.reading = reading
                state.isDone = true
            }
            if reading.found == nil { self.factsCache.loadInBackground() }
        }
    }

    /// The snapshot made by a run with `runKey` whose watched paths are as they were, or nil.
    func snapshot(forRunKey runKey: String) -> SiteSnapshot? {
        guard let found = reading().found, found.runKey == runKey else { return nil }
        return found.snapshot
    }

    /// Whether a run that walks the site should make a snapshot: not when a path the last one
    /// watched changed in the last seconds (the new one would not be settled enough to write).
    var isWorthMaking: Bool {
        !reading().changedRecently
    }

    private func reading() -> Reading {
        if loaded.withLock({ $0.isStarted }) {
            return loaded.waitForValue({ state -> Reading? in state.isDone ? state.reading : nil })
        }
        let reading = read()
        loaded.withLock { state in
            state.reading = reading
            state.isStarted = true
            state.isDone = true
        }
        return reading
    }

    /// How many runs took their site from the snapshot (for tests and measurements).
    public var takenCount: Int { taken.withLock { $0 } }

    /// Counts a run that took its site from the snapshot.
    func noteTaken() {
        taken.withLock { $0 += 1 }
    }

    /// Writes the snapshot `builder` made for a run with `runKey`, watching `watched`; nothing
    /// when it is spoiled or a watched path changed in the last seconds.
    func save(
        _ builder: SiteSnapshotBuilder, watched: [SiteSnapshotWatch.Watched], listing: (String) -> FolderListing?,
        runKey: String
    ) {
        // A listed folder's entries as the walk listed them (its state, taken now, tells whether
        // it changed since: then it is not settled).
        let states = watched.map { watched in
            WatchedPath(
                path: watched.path, state: PathState.of(watched.path),
                listingDigest: watched.isListedFolder ? listing(watched.path).map(SiteSnapshotWatch.listingDigest) : nil)
        }
        guard let bytes = builder.encode(watched: states, stamp: factsCache.stamp, runKey: runKey, now: factsCache.now)
        else {
            // An older snapshot is no longer the site's.
            unlink(path)
            return
        }
        SiteFactsCache.writeReplacing(path, with: bytes)
    }

    private func read() -> Reading {
        guard case .success(let bytes) = FileReader.read(path),
            let found = SiteSnapshot.decode(bytes, stamp: factsCache.stamp)
        else { return Reading() }
        guard let changed = found.snapshot.firstChangedPath() else { return Reading(found: found) }
        return Reading(changedRecently: !changed.isSettled(at: factsCache.now))
    }
}
