import Foundation
import PostlintCore
import PostlintRules

extension Linter {
    /// At most this many posts of a snapshot's site are read again in a run that takes the rest
    /// from it (posts staged, or changed in the index since); with more, the site is walked and
    /// the snapshot made anew.
    static let mostPostsReadBesideSnapshot = 256

    /// What makes a snapshot this run's: the working folder, the paths, the configuration named
    /// and the options that choose the posts.
    func snapshotRunKey(paths: [String], options: LintOptions) -> String {
        ([
            workingDirectory, configPath ?? "", options.honoursIgnoreFiles ? "ignore-files" : "",
            options.forceExclude ? "force-exclude" : "",
        ] + paths)
        .joined(separator: "\u{0}")
    }

    /// What a run taking its site from a snapshot does with one of its posts.
    private enum PostPlan {
        /// Git's index no longer holds it: it is no part of the site.
        case notInTheIndex
        case factsFromTheSnapshot
        /// Staged, or its content in the index changed: read, at this position of those read.
        case read(Int)
    }

    /// A builder for the snapshot of a run in the working folder.
    func makeSnapshotBuilder() -> SiteSnapshotBuilder {
        let siteRules = BuiltInRules.siteRules.map(\.metadata)
        return SiteSnapshotBuilder(
            workingDirectory: workingDirectory,
            rulesReadingOtherFiles: Set(siteRules.filter { $0.capabilities.contains(.factsReadOtherFiles) }.map(\.id)))
    }

    /// Writes the snapshot `builder` made of the walk `walk` (none when the walk met a problem,
    /// or posts were read from their files for want of the index's contents).
    func saveSnapshot(
        _ builder: SiteSnapshotBuilder, of walk: DiscoveryInSteps, to store: SiteSnapshotStore, runKey: String,
        options: LintOptions
    ) {
        if !walk.problems.isEmpty || options.editedPostsInIndex?.failure != nil { builder.spoil() }
        let listing: (String) -> FolderListing? = { self.listingCache?.listing(of: $0) }
        let watched = SiteSnapshotWatch.paths(
            listedFolders: walk.listedFolders, workingDirectory: workingDirectory, explicitConfiguration: configPath,
            listing: listing)
        store.save(builder, watched: watched, listing: listing, runKey: runKey)
    }

    /// The run's outcome with the site taken from `snapshot` (whose watched paths are as they
    /// were): the posts it lists that git's index holds, each one's facts from it while the index
    /// names the content they were read from; the staged posts, and those whose content in the
    /// index changed, are read as a walk would read them. Nil when too many posts changed.
    func lintFromSnapshot(_ snapshot: SiteSnapshot, index: IndexFileSystem, options: LintOptions)
        throws(PostlintError) -> LintOutcome?
    {
        guard let indexed = index.indexedFiles() else { return nil }
        let staged = Set((options.reportOnly ?? []).map { PathKey(fileSystemPath: $0) })
        var plan: [PostPlan] = []
        plan.reserveCapacity(snapshot.posts.count)
        var toRead: [FileDiscovery.Candidate] = []
        for post in snapshot.posts {
            guard let held = indexed[post.key] else {
                plan.append(.notInTheIndex)
                continue
            }
            if !staged.contains(post.key), let blob = held, post.index == .blob(blob) {
                plan.append(.factsFromTheSnapshot)
                continue
            }
            guard toRead.count < Self.mostPostsReadBesideSnapshot else { return nil }
            var candidate = FileDiscovery.Candidate(
                displayPath: snapshot.string(post.displayPath), absolutePath: snapshot.absolutePath(of: post),
                isExplicit: false)
            candidate.indexBlob = held
            plan.append(.read(toRead.count))
            toRead.append(candidate)
        }
        // Read as without a cache: they are few, and the facts cache is then not loaded at all.
        var withoutCache = options
        withoutCache.siteFactsCache = nil
        let results = try read(toRead, options: withoutCache)
        let gatherer = ResultGatherer(paths: PathTable(), problems: [], options: options)
        // Their sizes are known: the tables grow once, not step by step.
        gatherer.reservePaths(snapshot.posts.count, bytes: snapshot.posts.reduce(0) { $0 + $1.displayPath.count })
        var stores = gatherer.takeFactStores(of: snapshot.ruleIDs)
        for (rule, size) in snapshot.factSizes.enumerated() {
            // Five numbers of a few bytes each beside the value.
            stores[rule].reserveCapacity(facts: size.facts, bytes: size.bytes + 8 * size.facts)
        }
        snapshot.bytes.withUnsafeBufferPointer { bytes in
            for (post, step) in zip(snapshot.posts, plan) {
                switch step {
                case .notInTheIndex: continue
                case .read(let position):
                    gatherer.putBack(stores, of: snapshot.ruleIDs, isLast: false)
                    gatherer.gather(results[position], path: toRead[position].displayPath)
                    stores = gatherer.takeFactStores(of: snapshot.ruleIDs)
                    continue
                case .factsFromTheSnapshot: break
                }
                guard let pathIndex = gatherer.appendPath(utf8: UnsafeBufferPointer(rebasing: bytes[post.displayPath])) else {
                    continue
                }
                var reader = CacheByteReader(snapshot.bytes[post.facts])
                for _ in 0..<post.factCount {
                    // Every fact was read whole when the snapshot was loaded.
                    guard
                        let fact = try? SiteSnapshot.Fact.read(
                            from: &reader, rules: snapshot.ruleIDs.count, keys: snapshot.factKeys.count)
                    else { break }
                    stores[fact.rule].append(
                        key: snapshot.factKeys[fact.key], start: fact.start, end: fact.end,
                        value: UnsafeBufferPointer(rebasing: bytes[fact.value]), path: pathIndex,
                        pathString: gatherer.path(at: pathIndex))
                }
            }
        }
        gatherer.putBack(stores, of: snapshot.ruleIDs, isLast: true)
        return try finish(gatherer, walkProblems: [], options: options)
    }

    /// The results of `candidates`, read on every core as a walk's posts are, in their order.
    private func read(_ candidates: [FileDiscovery.Candidate], options: LintOptions) throws(PostlintError)
        -> [FileResult]
    {
        guard !candidates.isEmpty else { return [] }
        let handedOut = ReadPosts(candidates)
        let workers = WorkerCount.available
        let queue = OrderedWorkQueue<FileDiscovery.Candidate, (String, FileResult)>(
            window: 64 * workers, lowWater: 256, produce: { handedOut.take() }, deliver: { handedOut.results.append($0.1) })
        try checkInParallel(queue, workers: workers, options: options)
        return handedOut.results
    }
}

/// The posts a run taking its site from a snapshot reads, handed to the work queue in one step,
/// and their results as it delivers them (one at a time, in order).
private final class ReadPosts {
    private var candidates: [FileDiscovery.Candidate]?
    var results: [FileResult] = []

    init(_ candidates: [FileDiscovery.Candidate]) {
        self.candidates = candidates
        results.reserveCapacity(candidates.count)
    }

    /// The posts, the first time; nil after.
    func take() -> [FileDiscovery.Candidate]? {
        defer { candidates = nil }
        return candidates
    }
}
