#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import PostlintCore

/// A path a snapshot depends on, its state, and for a folder the walk listed, the digest of the
/// entries that matter in it (`SiteSnapshotWatch.listingDigest`).
struct WatchedPath: Sendable {
    var path: String
    var state: PathState
    var listingDigest: ContentDigest?

    func encode(into writer: inout CacheByteWriter) {
        writer.append(path)
        state.encode(into: &writer)
        if let listingDigest {
            writer.append(1)
            writer.append(listingDigest)
        } else {
            writer.append(0)
        }
    }

    static func decode(from reader: inout CacheByteReader) throws(CacheByteReader.Damaged) -> WatchedPath {
        let path = try reader.string()
        let state = try PathState.decode(from: &reader)
        switch try reader.number() {
        case 0: return WatchedPath(path: path, state: state)
        case 1: return WatchedPath(path: path, state: state, listingDigest: try reader.digest())
        default: throw CacheByteReader.Damaged()
        }
    }
}

/// The site as a `check --staged` run found it, kept for the next such run: every post the walk
/// found (in the walk's order, indexed by git or not), the id git's index gave its content, its
/// site facts, and the state of every path the walk and the configuration depend on
/// (`SiteSnapshotWatch`). A later run that finds all those paths as they were, and the posts'
/// ids in the index unchanged, takes the site from here without walking it or handing over each
/// post's facts (see `Linter.lintFromSnapshot`).
///
/// The file: a magic line, the format's version, the writer's stamp, the payload's length and
/// digest, then the payload: the run it was made by (`runKey`), the watched paths, the tables of
/// rule ids and fact keys, the posts. Anything that differs, or does not decode to its end, makes
/// the file no snapshot at all.
struct SiteSnapshot: Sendable {
    /// Whether and how git's index held a post when the snapshot was made.
    enum IndexState: Equatable, Sendable {
        case notIndexed
        /// Held, but with no content id to trust (a link, a path in conflict): read every time.
        case indexedWithoutID
        case blob(GitBlobID)
    }

    /// One post, its paths and facts as slices of the payload.
    struct Post: Sendable {
        var displayPath: Range<Int>
        /// Empty when the post's absolute path is the snapshot's `absolutePrefix` followed by its
        /// display path (every post a walk of the working folder finds).
        var absolutePath: Range<Int>
        var key: PathKey
        var index: IndexState
        /// Its facts, each: the rule's and the key's indices in the tables, the fact's start line
        /// and column, end line and column, and its value (length-prefixed).
        var facts: Range<Int>
        var factCount: Int
    }

    /// What a post's absolute path starts with when the snapshot does not spell it out.
    let absolutePrefix: String
    let watched: [WatchedPath]
    let ruleIDs: [String]
    let factKeys: [String]
    /// Per rule (as `ruleIDs`): how many facts the posts have, and their values' bytes.
    let factSizes: [(facts: Int, bytes: Int)]
    let posts: [Post]
    /// The file's bytes, which the ranges index.
    let bytes: [UInt8]

    static let header = CacheFileHeader(magic: Array("postlint site snapshot\n".utf8), formatVersion: 2)

    /// The state now of the first watched path that is not as it was, or nil when none is. A
    /// listed folder whose times moved is listed again: with the entries that matter as they
    /// were, it is as it was.
    func firstChangedPath() -> PathState? {
        for watchedPath in watched {
            let now = PathState.of(watchedPath.path)
            if now == watchedPath.state { continue }
            if let digest = watchedPath.listingDigest, now.type == UInt32(S_IFDIR),
                case .success(let listing) = LocalFileSystem().readListing(of: watchedPath.path),
                SiteSnapshotWatch.listingDigest(of: listing) == digest
            {
                continue
            }
            return now
        }
        return nil
    }

    /// The snapshot in `bytes`, and the run it was made by, when it was written whole by a
    /// program with `stamp`; else nil.
    static func decode(_ bytes: [UInt8], stamp: String) -> (runKey: String, snapshot: SiteSnapshot)? {
        guard let payload = header.payload(of: bytes, stamp: stamp) else { return nil }
        return try? decode(payload: payload, of: bytes)
    }

    /// The snapshot in `payload`, a slice of the file's `bytes` (which its ranges index).
    private static func decode(payload: ArraySlice<UInt8>, of bytes: [UInt8]) throws(CacheByteReader.Damaged)
        -> (runKey: String, snapshot: SiteSnapshot)
    {
        var reader = CacheByteReader(payload)
        let runKey = try reader.string()
        let absolutePrefix = try reader.string()
        var watched: [WatchedPath] = []
        for _ in 0..<(try reader.count()) { watched.append(try WatchedPath.decode(from: &reader)) }
        var ruleIDs: [String] = []
        for _ in 0..<(try reader.count()) { ruleIDs.append(try reader.string()) }
        var factKeys: [String] = []
        for _ in 0..<(try reader.count()) { factKeys.append(try reader.string()) }
        var sizes = Array(repeating: (facts: 0, bytes: 0), count: ruleIDs.count)
        let postCount = try reader.count()
        var posts: [Post] = []
        posts.reserveCapacity(postCount)
        for _ in 0..<postCount {
            let displayPath = try reader.take(try reader.count())
            let absolutePath = try reader.take(try reader.count())
            let key = PathKey(digest: try reader.digest())
            let index: IndexState
            switch try reader.number() {
            case 0: index = .notIndexed
            case 1: index = .indexedWithoutID
            case 2: index = .blob(GitBlobID(digest: try reader.digest()))
            default: throw CacheByteReader.Damaged()
            }
            let factCount = try reader.count()
            let factBytes = try reader.take(try reader.count())
            // Each fact is read whole here once, so a damaged one fails the load, not the run.
            var facts = CacheByteReader(factBytes)
            for _ in 0..<factCount {
                let fact = try Fact.read(from: &facts, rules: ruleIDs.count, keys: factKeys.count)
                sizes[fact.rule].facts += 1
                sizes[fact.rule].bytes += fact.value.count
            }
            guard facts.remaining == 0 else { throw CacheByteReader.Damaged() }
            posts.append(
                Post(
                    displayPath: displayPath.indices, absolutePath: absolutePath.indices, key: key, index: index,
                    facts: factBytes.indices, factCount: factCount))
        }
        guard reader.remaining == 0 else { throw CacheByteReader.Damaged() }
        return (
            runKey,
            SiteSnapshot(
                absolutePrefix: absolutePrefix, watched: watched, ruleIDs: ruleIDs, factKeys: factKeys,
                factSizes: sizes, posts: posts, bytes: bytes)
        )
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The absolute path of `post`.
    func absolutePath(of post: Post) -> String {
        post.absolutePath.isEmpty ? absolutePrefix + string(post.displayPath) : string(post.absolutePath)
    }

    /// One fact as the payload holds it: its value is a range of the payload.
    struct Fact {
        var rule: Int
        var key: Int
        var start: SourceLocation
        var end: SourceLocation
        var value: Range<Int>

        static func read(from reader: inout CacheByteReader, rules: Int, keys: Int) throws(CacheByteReader.Damaged)
            -> Fact
        {
            let rule = try reader.number()
            let key = try reader.number()
            guard rule < UInt64(rules), key < UInt64(keys) else { throw CacheByteReader.Damaged() }
            let start = SourceLocation(line: Int(clamping: try reader.number()), column: Int(clamping: try reader.number()))
            let end = SourceLocation(line: Int(clamping: try reader.number()), column: Int(clamping: try reader.number()))
            let length = try reader.count()
            let value = try reader.take(length)
            return Fact(rule: Int(rule), key: Int(key), start: start, end: end, value: value.indices)
        }

        static func write(
            rule: Int, key: Int, _ fact: SiteFact, into writer: inout CacheByteWriter
        ) {
            writer.append(rule)
            writer.append(key)
            writer.append(fact.start.line)
            writer.append(fact.start.column)
            writer.append(fact.end.line)
            writer.append(fact.end.column)
            writer.append(fact.value)
        }
    }
}

/// Writes a snapshot as a run finds the site: the walk's posts as they are found (`noteFound`),
/// each indexed post's facts as its result is gathered, in the same order (`noteResult`). A post
/// that could not be read, or facts that name another post, spoil it: then nothing is written.
final class SiteSnapshotBuilder: Sendable {
    private struct Pending: Sendable {
        var displayPath: String
        /// Nil when it is the prefix followed by the display path.
        var spelledOutPath: String?
        var key: PathKey
        var index: SiteSnapshot.IndexState
    }

    private struct State: Sendable {
        var pending: [Pending] = []
        var nextPending = 0
        var posts = CacheByteWriter()
        var postCount = 0
        var ruleIDs = InternedStrings()
        var factKeys = InternedStrings()
        var spoiled = false
    }

    private let state = Locked(State())
    /// What most posts' absolute paths start with (the working folder and a slash): those are
    /// not spelled out.
    private let absolutePrefix: String

    /// The site rules whose facts depend on more than their post (`factsReadOtherFiles`): a
    /// post with such a rule on spoils the snapshot, as the facts cache keeps none of their facts.
    private let rulesReadingOtherFiles: Set<String>

    init(workingDirectory: String, rulesReadingOtherFiles: Set<String>) {
        absolutePrefix = workingDirectory == "/" ? "/" : workingDirectory + "/"
        self.rulesReadingOtherFiles = rulesReadingOtherFiles
    }

    /// The posts of a step of the walk, in its order, each with what the index holds of it.
    func noteFound(_ candidates: [FileDiscovery.Candidate], keys: [PathKey], index: [GitBlobID??]) {
        state.withLock { state in
            if state.nextPending > 1024 {
                state.pending.removeFirst(state.nextPending)
                state.nextPending = 0
            }
            for ((candidate, key), held) in zip(zip(candidates, keys), index) {
                let indexState: SiteSnapshot.IndexState =
                    switch held {
                    case .none: .notIndexed
                    case .some(.none): .indexedWithoutID
                    case .some(.some(let blob)): .blob(blob)
                    }
                if candidate.isExplicit { state.spoiled = true }
                // Spelled out only when its bytes are not the prefix's and the display path's.
                let absolute = candidate.absolutePath.utf8
                let derived =
                    absolute.count == absolutePrefix.utf8.count + candidate.displayPath.utf8.count
                    && absolute.starts(with: absolutePrefix.utf8)
                    && absolute.dropFirst(absolutePrefix.utf8.count).elementsEqual(candidate.displayPath.utf8)
                state.pending.append(
                    Pending(
                        displayPath: candidate.displayPath, spelledOutPath: derived ? nil : candidate.absolutePath,
                        key: key, index: indexState))
            }
        }
    }

    /// The result of the next indexed post of the walk.
    func noteResult(_ result: FileResult) {
        state.withLock { state in
            // The posts the index does not hold come before it, with no facts.
            Self.writeNotIndexed(into: &state)
            guard state.nextPending < state.pending.count else {
                state.spoiled = true
                return
            }
            let post = state.pending[state.nextPending]
            state.nextPending += 1
            // A post read with such a rule on has it among its site rules (a post whose facts
            // came from the facts cache has it off: such facts are never cached).
            if result.problem != nil || result.facts.contains(where: { $0.fact.path != post.displayPath })
                || result.siteSeverities.keys.contains(where: rulesReadingOtherFiles.contains)
            {
                state.spoiled = true
            }
            Self.write(post, facts: result.facts, into: &state)
        }
    }

    /// Marks the snapshot as not to be written.
    func spoil() {
        state.withLock { $0.spoiled = true }
    }

    /// Writes the pending posts the index does not hold, up to the next one it holds.
    private static func writeNotIndexed(into state: inout State) {
        while state.nextPending < state.pending.count, state.pending[state.nextPending].index == .notIndexed {
            write(state.pending[state.nextPending], facts: [], into: &state)
            state.nextPending += 1
        }
    }

    private static func write(_ post: Pending, facts: [(rule: String, fact: SiteFact)], into state: inout State) {
        state.posts.append(post.displayPath)
        state.posts.append(post.spelledOutPath ?? "")
        state.posts.append(post.key.digest)
        switch post.index {
        case .notIndexed: state.posts.append(0)
        case .indexedWithoutID: state.posts.append(1)
        case .blob(let blob):
            state.posts.append(2)
            state.posts.append(blob.digest)
        }
        var encoded = CacheByteWriter()
        for (rule, fact) in facts {
            SiteSnapshot.Fact.write(
                rule: state.ruleIDs.index(of: rule), key: state.factKeys.index(of: fact.key), fact, into: &encoded)
        }
        state.posts.append(facts.count)
        state.posts.append(encoded.bytes.count)
        state.posts.append(bytes: encoded.bytes)
        state.postCount += 1
    }

    /// The file's bytes, with `watched` paths, for a run with `runKey` by a program with `stamp`;
    /// nil when the snapshot is spoiled or a watched path changed too recently to be trusted.
    func encode(watched: [WatchedPath], stamp: String, runKey: String, now: Int64) -> [UInt8]? {
        state.withLock { state -> [UInt8]? in
            Self.writeNotIndexed(into: &state)
            guard !state.spoiled, state.nextPending == state.pending.count,
                watched.allSatisfy({ $0.state.isSettled(at: now) })
            else { return nil }
            // The payload's start (all but the posts) is small; the posts are copied once, into
            // the file, and the length and digest written in front of them once known.
            var start = CacheByteWriter()
            start.append(runKey)
            start.append(absolutePrefix)
            start.append(watched.count)
            for watchedPath in watched { watchedPath.encode(into: &start) }
            start.append(state.ruleIDs.strings.count)
            for rule in state.ruleIDs.strings { start.append(rule) }
            start.append(state.factKeys.strings.count)
            for key in state.factKeys.strings { start.append(key) }
            start.append(state.postCount)
            // The header has the same length whatever the payload's length and digest: it is
            // written first with none, and again once the payload is in place.
            let payloadLength = start.bytes.count + state.posts.bytes.count
            let placeholder = SiteSnapshot.header.bytes(
                stamp: stamp, payloadLength: payloadLength, digest: ContentDigest(high: 0, low: 0))
            var file: [UInt8] = []
            file.reserveCapacity(placeholder.count + payloadLength)
            file += placeholder
            file += start.bytes
            file += state.posts.bytes
            state.posts = CacheByteWriter()
            let digest = file[placeholder.count...].withUnsafeBytes { ContentDigest(of: $0) }
            file.replaceSubrange(
                0..<placeholder.count,
                with: SiteSnapshot.header.bytes(stamp: stamp, payloadLength: payloadLength, digest: digest))
            return file
        }
    }
}
