import Foundation
import PostlintCore

/// Per-post site facts kept across runs, so that a small run in a big repository (`check
/// --staged`, `--changed-since`, the language server's first lint) does not read every post again
/// for the facts site rules judge.
///
/// An entry is used only when everything it was made from is unchanged: the post's bytes (known
/// from the file's signature when it was settled when recorded, else by reading and digesting
/// it), the path the facts name, and the settings the facts depend on (`SiteFactsFingerprint`);
/// the whole file is written by one program (its stamp: the version and the executable). Anything
/// else is a miss, and the post is read as without a cache.
///
/// The file is read once, at the first look-up, and written by `save()` through a temporary file
/// beside it and a rename, so a reader sees the old file or the new one, never part of one. Runs
/// at once each write their own; the last rename wins, and each is whole.
public final class SiteFactsCache: Sendable {
    /// Where the cache is read from and written to.
    public let path: String
    /// The writer's version and executable; a file with another is not read.
    let stamp: String
    /// The time of the run, in seconds: a post modified within two seconds of it is not trusted
    /// by its signature later.
    let now: Int64
    private let state = Locked(State())

    private struct State: Sendable {
        var loaded = false
        var entries: [PathKey: SiteFactsCacheEntry] = [:]
        /// The posts looked up or recorded by this run: every other entry is kept only if its file is still there.
        var seen: Set<PathKey> = []
        var changed = false
        /// Posts whose facts came from the cache (for tests and measurements).
        var hits = 0
    }

    /// A cache in the file at `path`, for a program of version `toolVersion` (the running
    /// executable's size and time are added, so a rebuilt program does not trust an older one's facts).
    public convenience init(path: String, toolVersion: String) {
        self.init(path: path, toolVersion: toolVersion, now: FileSignature.currentTime())
    }

    init(path: String, toolVersion: String, now: Int64) {
        self.path = path
        self.stamp = toolVersion + "|" + Self.executableStamp()
        self.now = now
    }

    /// The facts recorded for the file at `absolutePath` if its signature shows it unchanged since.
    func facts(
        forFileAt absolutePath: String, displayPath: String, fingerprint: ContentDigest,
        signature: FileSignature
    ) -> [(rule: String, fact: SiteFact)]? {
        facts(forFileAt: absolutePath, displayPath: displayPath, fingerprint: fingerprint) { $0.signature == signature }
    }

    /// The facts recorded for the file at `absolutePath` if they were read from the content git's
    /// index names `blob` (the post is not looked at).
    func facts(
        forFileAt absolutePath: String, displayPath: String, fingerprint: ContentDigest, blob: GitBlobID
    ) -> [(rule: String, fact: SiteFact)]? {
        facts(forFileAt: absolutePath, displayPath: displayPath, fingerprint: fingerprint) { $0.blob == blob }
    }

    /// The facts of the entry for `absolutePath` when it names `displayPath`, was made under
    /// `fingerprint` and `isCurrent` says its content is the post's.
    private func facts(
        forFileAt absolutePath: String, displayPath: String, fingerprint: ContentDigest,
        isCurrent: (SiteFactsCacheEntry) -> Bool
    ) -> [(rule: String, fact: SiteFact)]? {
        let key = PathKey(absolutePath)
        let displayed = PathKey(displayPath).digest
        return withLoadedState { state -> ArraySlice<UInt8>? in
            state.seen.insert(key)
            guard let entry = state.entries[key], isCurrent(entry),
                entry.displayPath == displayed, entry.fingerprint == fingerprint
            else { return nil }
            return entry.facts
        }.flatMap { decoded($0, displayPath: displayPath) }
    }

    /// The facts recorded for the file at `absolutePath` if its content is the one read now (the
    /// signature, and the id git's index gives it when known, are then brought up to date).
    func facts(
        forFileAt absolutePath: String, displayPath: String, fingerprint: ContentDigest,
        content: ContentDigest, signature: FileSignature?, blob: GitBlobID? = nil
    ) -> [(rule: String, fact: SiteFact)]? {
        let key = PathKey(absolutePath)
        let displayed = PathKey(displayPath).digest
        return withLoadedState { state -> ArraySlice<UInt8>? in
            state.seen.insert(key)
            guard var entry = state.entries[key], entry.content == content,
                entry.displayPath == displayed, entry.fingerprint == fingerprint
            else { return nil }
            // Without a signature taken now, the entry's stays: it tells of a file that held this
            // content, and a file changed since no longer matches it.
            let settled = signature.map { $0.isSettled(at: now) ? $0 : nil } ?? entry.signature
            if entry.signature != settled || (blob != nil && entry.blob != blob) {
                entry.signature = settled
                entry.blob = blob ?? entry.blob
                state.entries[key] = entry
                state.changed = true
            }
            return entry.facts
        }.flatMap { decoded($0, displayPath: displayPath) }
    }

    /// Records the facts of the file at `absolutePath`, read with `signature` (taken before the
    /// read) and digest `content`, which git's index names `blob` when known. Facts that name
    /// another path than the post's are not kept.
    func record(
        _ facts: [(rule: String, fact: SiteFact)], forFileAt absolutePath: String, displayPath: String,
        fingerprint: ContentDigest, content: ContentDigest, signature: FileSignature?, blob: GitBlobID? = nil
    ) {
        guard facts.allSatisfy({ $0.fact.path == displayPath }) else { return }
        let settled = signature.flatMap { $0.isSettled(at: now) ? $0 : nil }
        let key = PathKey(absolutePath)
        let entry = SiteFactsCacheEntry(
            absolutePath: Array(absolutePath.utf8)[...],
            displayPath: PathKey(displayPath).digest, fingerprint: fingerprint,
            content: content, signature: settled, blob: blob, facts: SiteFactsCacheFile.encodeFacts(facts))
        withLoadedState { state in
            state.seen.insert(key)
            state.entries[key] = entry
            state.changed = true
        }
    }

    /// An entry's facts decoded outside the lock, counted as a hit; nil (a miss, the post is
    /// read) when they do not decode.
    private func decoded(_ bytes: ArraySlice<UInt8>, displayPath: String) -> [(rule: String, fact: SiteFact)]? {
        guard let facts = SiteFactsCacheFile.decodeFacts(bytes, displayPath: displayPath) else { return nil }
        state.withLock { $0.hits += 1 }
        return facts
    }

    /// Writes the cache if this run changed it, leaving out the entries of files that are gone.
    /// A cache that cannot be written is no error: the next run reads the posts again.
    public func save() {
        let bytes: [UInt8]? = state.withLock { state in
            guard state.loaded else { return nil }
            // A run that walked the whole site saw every entry: then nothing is looked up on disk.
            for (key, entry) in state.entries where !state.seen.contains(key) {
                if FileSignature.of(String(decoding: entry.absolutePath, as: UTF8.self)) == nil {
                    state.entries[key] = nil
                    state.changed = true
                }
            }
            guard state.changed else { return nil }
            state.changed = false
            return SiteFactsCacheFile.encode(state.entries, stamp: stamp)
        }
        guard let bytes else { return }
        Self.writeReplacing(path, with: bytes)
    }

    /// Reads the file now, on a thread of its own, while the run starts (git, the configuration,
    /// the walk's first folders); the first look-up waits for it. 6 MB for 40,000 posts.
    public func loadInBackground() {
        Thread.detachNewThread { self.withLoadedState { _ in } }
    }

    /// How many entries the cache holds.
    var entryCount: Int { withLoadedState { $0.entries.count } }
    /// How many posts' facts this run took from the cache.
    public var hitCount: Int { state.withLock { $0.hits } }

    private func withLoadedState<Result>(_ body: (inout State) -> Result) -> Result {
        state.withLock { state in
            if !state.loaded {
                state.loaded = true
                if let bytes = Self.read(path) {
                    state.entries = SiteFactsCacheFile.decode(bytes, stamp: stamp) ?? [:]
                    // A damaged or foreign file is replaced at the end of the run.
                    state.changed = state.entries.isEmpty
                }
            }
            return body(&state)
        }
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard case .success(let bytes) = FileReader.read(path) else { return nil }
        return bytes
    }

    /// Writes `bytes` to a new file beside `path` with a name no other run uses, then renames it
    /// over `path`. On any failure the temporary file is removed and `path` left as it was.
    static func writeReplacing(_ path: String, with bytes: [UInt8]) {
        let folder = PathUtilities.directory(of: path)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do throws(PostlintError) {
            try AtomicWriter.create(temporary, with: bytes)
        } catch {
            unlink(temporary)
            return
        }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The running program's size and modification time, or nothing when they cannot be read.
    private static func executableStamp() -> String {
        guard let executable = Bundle.main.executablePath, let signature = FileSignature.of(executable) else { return "" }
        return "\(signature.size)|\(signature.modifiedSeconds).\(signature.modifiedNanoseconds)"
    }
}
