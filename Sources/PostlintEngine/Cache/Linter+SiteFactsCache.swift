import PostlintCore

extension Linter {
    /// The site facts of a post read for its facts alone, through `cache`: the cached facts when
    /// the post is unchanged since they were recorded (under git's index, its content's id there;
    /// else its signature, else its bytes' digest), else the facts read as without a cache, then
    /// recorded. Nil when the post's site rules' facts cannot be cached (the caller reads the post
    /// as usual).
    func factsThroughCache(
        _ candidate: FileDiscovery.Candidate, cache: SiteFactsCache, options: LintOptions,
        memo: inout FolderRuleSetMemo, fingerprints: inout SiteFactsFingerprintMemo
    )
        throws(PostlintError) -> FileResult?
    {
        let absolutePath = candidate.absolutePath
        // A post of the folder before it, without overrides, has its fingerprint: its rule set
        // is not asked for (a post read for its facts alone needs no more of it).
        let fingerprint: ContentDigest
        switch fingerprints.remembered(forFileAt: absolutePath) {
        case .some(.some(let remembered)):
            fingerprint = remembered
        case .some(.none):
            return nil
        case .none:
            let ruleSet = try memo.ruleSet(forFileAt: absolutePath, displayPath: candidate.displayPath, linter: self)
            let configuration = try memo.configuration(forFileAt: absolutePath, resolver: resolver)
            guard
                let computed = fingerprints.fingerprint(
                    of: ruleSet, configuration: configuration,
                    forFileAt: absolutePath, displayPath: candidate.displayPath)
            else { return nil }
            fingerprint = computed
        }
        var result = FileResult()
        // Under git's index the content read is the one the index names: its id is enough.
        let blob = candidate.indexBlob
        if let blob,
            let facts = cache.facts(
                forFileAt: absolutePath, displayPath: candidate.displayPath, fingerprint: fingerprint, blob: blob)
        {
            result.facts = facts
            return result
        }
        let given = options.contentsInsteadOfFile(at: absolutePath)
        var signature: FileSignature?
        if given == nil, blob == nil {
            if let folder = candidate.folder, let name = candidate.name {
                signature = FileSignature.of(name, in: folder)
            } else {
                signature = FileSignature.of(absolutePath)
            }
        }
        if let signature,
            let facts = cache.facts(
                forFileAt: absolutePath, displayPath: candidate.displayPath,
                fingerprint: fingerprint, signature: signature)
        {
            result.facts = facts
            return result
        }
        let bytes: [UInt8]
        switch given.map({ Result<[UInt8], PostlintError>.success($0) }) ?? candidate.read() {
        case .success(let read): bytes = read
        case .failure(var error):
            error.path = candidate.displayPath
            return FileResult(problem: error)
        }
        let content = ContentDigest(of: bytes)
        if let facts = cache.facts(
            forFileAt: absolutePath, displayPath: candidate.displayPath, fingerprint: fingerprint,
            content: content, signature: signature, blob: blob)
        {
            result.facts = facts
            return result
        }
        result = try check(candidate, bytes: bytes, options: options, factsOnly: true, memo: &memo)
        cache.record(
            result.facts, forFileAt: absolutePath, displayPath: candidate.displayPath, fingerprint: fingerprint,
            content: content, signature: signature, blob: blob)
        return result
    }
}

/// A worker's last fingerprint: posts come folder by folder, and a folder's posts share their
/// rule set unless the configuration has overrides (then each post's is computed).
struct SiteFactsFingerprintMemo {
    private var folder: String?
    /// The remembered folder's fingerprint (nil inside: its facts cannot be cached), set only
    /// when its configuration has no overrides.
    private var remembered: ContentDigest??

    init() {}

    /// The fingerprint of the file at `absolutePath` when it is in the remembered folder (whose
    /// posts all share it); nil when it must be computed.
    func remembered(forFileAt absolutePath: String) -> ContentDigest?? {
        guard let remembered else { return nil }
        // The folder compared as bytes: making its string for every post cost more than the look-up.
        var path = absolutePath
        let inRememberedFolder = path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), var folder = self.folder else { return false }
            return folder.withUTF8 { $0.elementsEqual(bytes[..<slash]) }
        }
        guard inRememberedFolder else { return .none }
        return .some(remembered)
    }

    mutating func fingerprint(
        of ruleSet: RuleSet, configuration: Configuration, forFileAt absolutePath: String,
        displayPath: String
    ) -> ContentDigest? {
        if configuration.overrides.isEmpty, let remembered = remembered(forFileAt: absolutePath) { return remembered }
        let relative =
            configuration.overrides.isEmpty
            ? displayPath
            : (configuration.relativePath(of: absolutePath) ?? displayPath)
        let fingerprint = SiteFactsFingerprint.of(
            ruleSet, configuration: configuration,
            overrideIndices: configuration.overrideIndices(for: relative))
        folder = PathUtilities.directory(of: absolutePath)
        remembered = configuration.overrides.isEmpty ? .some(fingerprint) : nil
        return fingerprint
    }
}
