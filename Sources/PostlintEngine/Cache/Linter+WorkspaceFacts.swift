import Foundation
import PostlintCore

extension Linter {
    /// The site facts of every post below `root` that the command line would lint there, by
    /// absolute path, then by rule id; each fact names its post as `displayPath` gives it. With a
    /// cache, a post unchanged since its facts were kept is not read, and the cache is saved at
    /// the end. A post that cannot be read or configured has no facts.
    ///
    /// The posts are found and read as `lint(paths:)` finds and reads them: a walk in steps that
    /// the workers take turns to advance, every core reading posts (the language server's first
    /// diagnostics in a big workspace wait for this).
    public func siteFactsOfPosts(
        below root: String, displayPath: @escaping (String) -> String,
        cache: SiteFactsCache?
    ) -> [String: [String: [SiteFact]]] {
        listingCache?.reset()
        let walk = DiscoveryInSteps(
            FileDiscovery.inSteps(paths: ["."], workingDirectory: root, listings: listingCache),
            resolver: resolver, skipsUnconfigurable: true)
        let collected = WorkspaceFactsCollector()
        let workers = WorkerCount.available
        let queue = OrderedWorkQueue<FileDiscovery.Candidate, (String, [String: [SiteFact]]?)>(
            window: 64 * workers, lowWater: 256,
            produce: { () throws(PostlintError) -> [FileDiscovery.Candidate]? in
                guard var found = try walk.selectedFiles() else { return nil }
                for index in found.indices { found[index].displayPath = displayPath(found[index].absolutePath) }
                return found
            },
            deliver: { collected.facts[$0.0] = $0.1 })
        let options = LintOptions(siteFactsCache: cache)
        let work: @Sendable () -> Void = {
            var memo = FolderRuleSetMemo(workerFileSystem: WorkerFileSystem(base: self.fileSystem))
            var fingerprints = SiteFactsFingerprintMemo()
            while let (sequence, candidate) = queue.nextItem() {
                let result = self.siteFacts(
                    of: candidate, cache: cache, options: options, memo: &memo, fingerprints: &fingerprints)
                queue.finish(sequence, with: (candidate.absolutePath, result))
            }
        }
        // The other workers are threads of their own: the language server scans while Swift's
        // cooperative pool, and Dispatch's pool with it, may be full, and `concurrentPerform`
        // waits for every helper it asked that pool for, even one that never gets a thread.
        let helpers = DispatchGroup()
        for _ in 1..<max(1, workers) {
            helpers.enter()
            Thread {
                work()
                helpers.leave()
            }.start()
        }
        work()
        helpers.wait()
        cache?.save()
        return collected.facts
    }

    /// One post's site facts by rule id (through `cache` when given), or nil when it cannot be
    /// read or configured.
    private func siteFacts(
        of candidate: FileDiscovery.Candidate, cache: SiteFactsCache?, options: LintOptions,
        memo: inout FolderRuleSetMemo, fingerprints: inout SiteFactsFingerprintMemo
    ) -> [String: [SiteFact]]? {
        var result: FileResult?
        do throws(PostlintError) {
            if let cache {
                result = try factsThroughCache(
                    candidate, cache: cache, options: options, memo: &memo, fingerprints: &fingerprints)
            }
            if result == nil, case .success(let bytes) = candidate.read() {
                result = try check(candidate, bytes: bytes, options: options, factsOnly: true, memo: &memo)
            }
        } catch {
            return nil
        }
        guard let result, result.problem == nil else { return nil }
        var byRule: [String: [SiteFact]] = [:]
        for (rule, fact) in result.facts { byRule[rule, default: []].append(fact) }
        return byRule
    }
}

/// The facts of a workspace's posts as the work queue delivers them (one at a time, in order).
private final class WorkspaceFactsCollector {
    var facts: [String: [String: [SiteFact]]] = [:]
}
