import PostlintCore

extension Linter {
    /// The site facts of every post below `root` that the command line would lint there, by
    /// absolute path, then by rule id; each fact names its post as `displayPath` gives it. With a
    /// cache, a post unchanged since its facts were kept is not read, and the cache is saved at
    /// the end. A post that cannot be read or configured has no facts.
    public func siteFactsOfPosts(
        below root: String, displayPath: (String) -> String,
        cache: SiteFactsCache?
    ) -> [String: [String: [SiteFact]]] {
        var discovery = FileDiscovery(workingDirectory: root)
        discovery.add(".")
        var memo = FolderRuleSetMemo()
        var fingerprints = SiteFactsFingerprintMemo()
        let options = LintOptions(siteFactsCache: cache)
        var facts: [String: [String: [SiteFact]]] = [:]
        for found in discovery.candidates {
            let absolutePath = found.absolutePath
            guard let configuration = try? memo.configuration(forFileAt: absolutePath, resolver: resolver),
                configuration.selects(relativePath: configuration.relativePath(of: absolutePath) ?? absolutePath)
            else { continue }
            var candidate = found
            candidate.displayPath = displayPath(absolutePath)
            var result: FileResult?
            do throws(PostlintError) {
                if let cache {
                    result = try factsThroughCache(
                        candidate, cache: cache, options: options, memo: &memo,
                        fingerprints: &fingerprints)
                }
                if result == nil, case .success(let bytes) = candidate.read() {
                    result = try check(candidate, bytes: bytes, options: options, factsOnly: true, memo: &memo)
                }
            } catch {
                continue
            }
            guard let result, result.problem == nil else { continue }
            var byRule: [String: [SiteFact]] = [:]
            for (rule, fact) in result.facts { byRule[rule, default: []].append(fact) }
            facts[absolutePath] = byRule
        }
        cache?.save()
        return facts
    }
}
