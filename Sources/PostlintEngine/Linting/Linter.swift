import Foundation
import PostlintCore
import PostlintParsing

/// The public entry point: lints paths (or a buffer) and returns findings as values. It never
/// prints; the command line and the language server decide how to show results.
public final class Linter: Sendable {
    public let resolver: ConfigurationResolver
    public let workingDirectory: String
    public let fileSystem: any FileSystemView
    /// The configuration named on the command line, if any (else each post's nearest).
    let configPath: String?
    private let ruleSets = RuleSetCache()
    private let siteYAMLVersions = SiteYAMLVersionDetector()
    let sites: SiteRegistry

    public init(
        configPath: String? = nil, workingDirectory: String = PathUtilities.currentDirectory(),
        fileSystem: any FileSystemView = CachingFileSystem()
    ) throws(PostlintError) {
        self.workingDirectory = workingDirectory
        self.fileSystem = fileSystem
        self.configPath = configPath
        self.resolver = try ConfigurationResolver(configPath: configPath, workingDirectory: workingDirectory)
        self.sites = SiteRegistry(fileSystem: fileSystem, workingDirectory: workingDirectory)
    }

    /// The site the posts in `folder` belong to under `configuration` (detected, with its `site:`
    /// settings), or nil for a plain folder of files.
    public func site(forFolder folder: String, configuration: Configuration) -> SiteRouteResolver? {
        sites.resolver(forFolder: folder, configuration: configuration)
    }

    /// Finds the posts below `paths` and lints them, all cores busy; site-level rules see every post.
    /// A configuration error ends the run (thrown); unreadable files are reported in `problems`.
    ///
    /// The posts are linted as they are found: the workers step the discovery a folder at a time
    /// when few posts are left to lint (see `OrderedWorkQueue`), so neither the walk nor the list
    /// of every post stands before the first post is linted.
    public func lint(paths: [String], options: LintOptions = LintOptions()) throws(PostlintError) -> LintOutcome {
        listingCache?.reset()
        var discovery = FileDiscovery.inSteps(
            paths: paths, workingDirectory: workingDirectory,
            listings: listingCache)
        discovery.honoursIgnoreFiles = options.honoursIgnoreFiles
        discovery.skipsIgnoredNamedFiles = options.forceExclude
        // Under git's index, with a snapshot of the site whose paths are as they were, the site
        // is taken from it; else the run makes a new one.
        let index = fileSystem as? IndexFileSystem
        var snapshotBuilder: SiteSnapshotBuilder?
        let runKey = snapshotRunKey(paths: paths, options: options)
        if let index, let store = options.siteSnapshot {
            if let snapshot = store.snapshot(forRunKey: runKey),
                let outcome = try lintFromSnapshot(snapshot, index: index, options: options)
            {
                store.noteTaken()
                return outcome
            }
            if store.isWorthMaking {
                snapshotBuilder = makeSnapshotBuilder()
                discovery.recordsListedFolders = true
            }
        }
        let walk = DiscoveryInSteps(discovery, resolver: resolver, forceExclude: options.forceExclude)
        let gatherer = ResultGatherer(paths: PathTable(), problems: [], options: options)
        let workers = WorkerCount.available
        // The walk is stepped while fewer than 256 posts are ready, so it runs a folder or so
        // ahead of the linting: the folders a section's posts need (its images) are read before
        // its first post asks, and a worker stepping the walk leaves the others posts to lint.
        // With 16, a worker waited at the start of each section (2 cores 1.7 busy, now 1.85).
        // Under git's index (`--staged`) the site is the commit's: a post only in the working tree is no part of it.
        let produce: OrderedWorkQueue<FileDiscovery.Candidate, (String, FileResult)>.Producer
        if let index {
            produce = { () throws(PostlintError) in
                guard let found = try walk.selectedFiles() else { return nil }
                guard let snapshotBuilder else { return index.indexed(found) }
                let keys = found.map { PathKey(fileSystemPath: $0.absolutePath) }
                let held = index.held(keys: keys)
                snapshotBuilder.noteFound(found, keys: keys, index: held)
                return IndexFileSystem.kept(found, held: held)
            }
        } else {
            produce = walk.selectedFiles
        }
        let queue = OrderedWorkQueue<FileDiscovery.Candidate, (String, FileResult)>(
            window: 64 * workers, lowWater: 256, produce: produce,
            deliver: {
                snapshotBuilder?.noteResult($0.1)
                gatherer.gather($0.1, path: $0.0)
            })
        try checkInParallel(queue, workers: workers, options: options)
        options.siteFactsCache?.save()
        if let snapshotBuilder, let store = options.siteSnapshot {
            saveSnapshot(snapshotBuilder, of: walk, to: store, runKey: runKey, options: options)
        }
        return try finish(gatherer, walkProblems: walk.problems, options: options)
    }

    /// Puts the walk's problems first, and reports posts read from their files for want of the
    /// index's contents, then runs the site rules.
    func finish(_ gatherer: ResultGatherer, walkProblems: [PostlintError], options: LintOptions)
        throws(PostlintError) -> LintOutcome
    {
        gatherer.insertProblemsFirst(walkProblems)
        // Without the index's contents of the posts edited but not staged, their files were read.
        if let failure = options.editedPostsInIndex?.failure { gatherer.insertProblemsFirst([failure]) }
        return try assemble(gatherer, options: options)
    }

    /// Lints text that is not read from disk (standard input, an editor's buffer) as if it were the
    /// file at `path`: its configuration and its folder apply.
    public func lint(bytes: [UInt8], as path: String, options: LintOptions = LintOptions()) throws(PostlintError)
        -> LintOutcome
    {
        listingCache?.reset()
        let absolute = PathUtilities.absolute(path, base: workingDirectory)
        let candidate = FileDiscovery.Candidate(displayPath: path, absolutePath: absolute, isExplicit: true)
        let gatherer = ResultGatherer(paths: PathTable(), problems: [], options: options)
        var memo = FolderRuleSetMemo()
        gatherer.gather(try check(candidate, bytes: bytes, options: options, factsOnly: false, memo: &memo), path: path)
        return try assemble(gatherer, options: options)
    }

    /// The document and rule set for a file, for fixing and code actions.
    public func prepare(bytes: [UInt8], displayPath: String, absolutePath: String) throws(PostlintError)
        -> (Document, RuleSet)
    {
        let ruleSet = try ruleSet(forFileAt: absolutePath, displayPath: displayPath)
        return (document(bytes: bytes, displayPath: displayPath, ruleSet: ruleSet), ruleSet)
    }

    /// The cache of folder listings the walk shares with the rules, when the file system has one
    /// (itself, or under the view of git's index that `--staged` uses).
    var listingCache: CachingFileSystem? {
        (fileSystem as? CachingFileSystem) ?? (fileSystem as? IndexFileSystem)?.listingCache
    }

    /// The file loaded with the parts its rules read.
    private func document(bytes: [UInt8], displayPath: String, ruleSet: RuleSet) -> Document {
        var parts = ruleSet.parts
        // Suppression comments live in the body: scan it when the file has any.
        if !parts.contains(.markdown), Self.mentionsSuppression(bytes) { parts.insert(.markdown) }
        return DocumentLoader.load(path: displayPath, bytes: bytes, parts: parts, yamlVersion: ruleSet.yamlVersion)
    }

    /// The rules that apply to the file at `absolutePath`.
    public func ruleSet(forFileAt absolutePath: String, displayPath: String) throws(PostlintError) -> RuleSet {
        let configuration = try resolver.configuration(forFileAt: absolutePath)
        var ruleSet = try ruleSet(configuration: configuration, forFileAt: absolutePath, displayPath: displayPath)
        ruleSet.yamlVersion = yamlVersion(forFileAt: absolutePath, configuration: configuration)
        sites.apply(to: &ruleSet, folder: PathUtilities.directory(of: absolutePath), configuration: configuration)
        return ruleSet
    }

    /// The rules `configuration` applies to the file at `absolutePath` (its overrides matched);
    /// the caller sets the rule set's `yamlVersion`.
    func ruleSet(configuration: Configuration, forFileAt absolutePath: String, displayPath: String)
        throws(PostlintError) -> RuleSet
    {
        let relative =
            configuration.overrides.isEmpty
            ? displayPath
            : (configuration.relativePath(of: absolutePath) ?? displayPath)
        return try ruleSets.ruleSet(
            configuration: configuration,
            overrideIndices: configuration.overrideIndices(for: relative),
            fileSystem: fileSystem)
    }

    /// The YAML rules front matter at `absolutePath` is read by: the configuration's `yaml.version`,
    /// else the site generator's (`SiteYAMLVersionDetector`).
    func yamlVersion(forFileAt absolutePath: String, configuration: Configuration) -> YAMLVersion {
        configuration.yamlVersion ?? siteYAMLVersions.version(forFolder: PathUtilities.directory(of: absolutePath))
    }

    /// Whether the bytes start with a UTF-16 byte order mark (FF FE or FE FF).
    static func hasUTF16ByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }

    /// Whether `postlint-` occurs in the bytes (a quick test before scanning for directives).
    static func mentionsSuppression(_ bytes: [UInt8]) -> Bool {
        let needle = Array("postlint-".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= needle.count else { return false }
            var index = 0
            let last = buffer.count - needle.count
            while index <= last {
                if buffer[index] == 0x70, buffer[index + 1] == 0x6F {
                    var matched = true
                    for offset in 2..<needle.count where buffer[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                index += 1
            }
            return false
        }
    }

    func check(
        _ candidate: FileDiscovery.Candidate, bytes: [UInt8], options: LintOptions, factsOnly: Bool,
        memo: inout FolderRuleSetMemo
    ) throws(PostlintError) -> FileResult {
        var result = FileResult()
        let ruleSet = try memo.ruleSet(forFileAt: candidate.absolutePath, displayPath: candidate.displayPath, linter: self)
        if factsOnly {
            let parts = ruleSet.siteRules.reduce(DocumentParts()) { $0.union($1.rule.metadata.reads) }
            let document = DocumentLoader.load(
                path: candidate.displayPath, bytes: bytes, parts: parts,
                yamlVersion: ruleSet.yamlVersion)
            collectFacts(document, ruleSet: ruleSet, into: &result)
            return result
        }
        var document = document(bytes: bytes, displayPath: candidate.displayPath, ruleSet: ruleSet)
        result.checked = true
        if options.remote != nil,
            let brokenImage = ruleSet.rules.first(where: { $0.rule.metadata.capabilities.contains(.checksRemoteImages) })
        {
            if document.body == nil {
                document = DocumentLoader.load(
                    path: candidate.displayPath, bytes: bytes, parts: ruleSet.parts.union(.markdown),
                    yamlVersion: ruleSet.yamlVersion)
            }
            let fields = (brokenImage.rule as? any ImageFieldsProviding)?.imageFields ?? RemoteImageReference.defaultFields
            result.remoteImages = RemoteImageReference.collect(from: document, fields: fields)
            result.remoteSeverity = brokenImage.severity ?? brokenImage.rule.metadata.defaultSeverity
            result.remoteRuleID = brokenImage.rule.metadata.id
        }
        var findings = ruleSet.check(document).map { Finding($0, in: document) }
        if Self.hasUTF16ByteOrderMark(bytes) {
            // A UTF-16 file read as UTF-8 is garbage to every other rule: say what it is, and stop.
            let kept = Set(
                ruleSet.rules.lazy.map(\.rule.metadata)
                    .filter { $0.capabilities.contains(.reportsUnreadableText) }.map(\.id))
            findings = findings.filter { kept.contains($0.ruleID) }
        }
        let suppressions = Suppressions(document: document)
        result.findings = suppressions.apply(to: findings, in: document, reportUnused: options.reportUnusedDisables)
        result.suppressions = suppressions.isEmpty ? nil : suppressions
        collectFacts(document, ruleSet: ruleSet, into: &result)
        return result
    }

    private func collectFacts(_ document: Document, ruleSet: RuleSet, into result: inout FileResult) {
        result.siteSeverities = ruleSet.siteSeverities
        for entry in ruleSet.siteRules {
            for fact in entry.rule.facts(of: document, context: ruleSet.context) {
                result.facts.append((entry.id, fact))
            }
        }
    }

    /// Checks the queue's files on `workers` threads; the queue passes their results on to be
    /// gathered in file order as they come in (a result that arrives early waits in a bounded
    /// reorder buffer), so nothing is held per file once it has been gathered beyond its findings
    /// and site facts.
    func checkInParallel(
        _ queue: OrderedWorkQueue<FileDiscovery.Candidate, (String, FileResult)>,
        workers: Int, options: LintOptions
    ) throws(PostlintError) {
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            var memo = FolderRuleSetMemo(workerFileSystem: WorkerFileSystem(base: fileSystem))
            var fingerprints = SiteFactsFingerprintMemo()
            while let (sequence, candidate) = queue.nextItem() {
                do throws(PostlintError) {
                    let result = try result(of: candidate, options: options, memo: &memo, fingerprints: &fingerprints)
                    queue.finish(sequence, with: (candidate.displayPath, result))
                } catch {
                    queue.fail(error)
                }
            }
        }
        if let error = queue.fatalError { throw error }
    }

    /// One post's result: checked when the run reports it, else read for its facts (through the
    /// cache when there is one). A post that cannot be read is a problem in its result; a
    /// configuration that cannot be read is thrown (it ends the run).
    func result(
        of candidate: FileDiscovery.Candidate, options: LintOptions, memo: inout FolderRuleSetMemo,
        fingerprints: inout SiteFactsFingerprintMemo
    ) throws(PostlintError) -> FileResult {
        let absolutePath = candidate.absolutePath
        let factsOnly = options.reportOnly.map { !$0.contains(absolutePath) } ?? false
        if factsOnly, let cache = options.siteFactsCache,
            let result = try factsThroughCache(
                candidate, cache: cache, options: options, memo: &memo, fingerprints: &fingerprints)
        {
            return result
        }
        let read =
            options.contentsInsteadOfFile(at: absolutePath).map { Result<[UInt8], PostlintError>.success($0) }
            ?? candidate.read()
        switch read {
        case .success(let bytes):
            return try check(candidate, bytes: bytes, options: options, factsOnly: factsOnly, memo: &memo)
        case .failure(var error):
            error.path = candidate.displayPath
            return FileResult(problem: error)
        }
    }

    /// Runs the site rules over the gathered facts, then the remote checks, and sorts the findings.
    func assemble(_ gathered: ResultGatherer, options: LintOptions) throws(PostlintError) -> LintOutcome {
        var findings = gathered.takeFindings()
        let configuration = try resolver.configuration(forFileAt: PathUtilities.join(workingDirectory, "-"))
        let catalog = configuration.catalog
        // The site rules are independent of each other: they run at once, on every core (at the
        // end of a run nothing else is left to do). They judge the site with the options of the
        // configuration that applies to the working folder.
        let siteWork = catalog.siteRules.compactMap { factory -> (id: String, rule: any SiteRule, facts: SiteFacts)? in
            guard let facts = gathered.takeFacts(of: factory.metadata.id) else { return nil }
            let options = configuration.setting(for: factory.metadata.id, overrides: []).options
            return (factory.metadata.id, factory.make(RuleOptions(defaultsOf: factory.metadata, overrides: options)), facts)
        }
        // Each rule's findings, by the rule's position, written by the thread that ran it.
        let siteFindings = Locked<[[Finding]]>(Array(repeating: [], count: siteWork.count))
        DispatchQueue.concurrentPerform(iterations: siteWork.count) { index in
            let found = siteWork[index].rule.check(siteWork[index].facts)
            siteFindings.withLock { $0[index] = found }
        }
        let findingsOfSiteRules = siteFindings.withLock { $0 }
        for (index, work) in siteWork.enumerated() {
            let id = work.id
            for var finding in findingsOfSiteRules[index] {
                // Reported only for the files checked (not those read for facts alone), and only
                // where the rule is on for that file and no suppression silences it.
                guard let severities = gathered.siteSeverities(ofCheckedFile: finding.path),
                    let configured = severities[id]
                else { continue }
                // The configured severity replaces the rule's own; a finding the rule reports at
                // another severity on purpose (a notice) keeps it.
                if let severity = configured, finding.severity == work.rule.metadata.defaultSeverity {
                    finding.severity = severity
                }
                if let suppressions = gathered.suppressionsByPath[finding.path], suppressions.silences(finding) { continue }
                findings.append(finding)
            }
        }
        if let remoteOptions = options.remote, !gathered.remote.isEmpty {
            let checker = RemoteChecker(options: remoteOptions)
            let urls = Set(gathered.remote.map(\.reference.url))
            let statuses = Self.waitFor { await checker.check(urls) }
            for item in gathered.remote {
                guard let result = statuses[item.reference.url], !result.isReachable else { continue }
                let finding = Finding(
                    path: item.path, start: item.reference.start, end: item.reference.end,
                    ruleID: item.ruleID, severity: item.severity,
                    message: "remote image \(item.reference.url) is unreachable: \(result.summary)")
                if let suppressions = gathered.suppressionsByPath[item.path], suppressions.silences(finding) { continue }
                findings.append(finding)
            }
        }
        let files = gathered.checkedFilesInPathOrder()
        let rules =
            catalog.allMetadata + [Suppressions.unknownDirectiveMetadata]
            + (options.reportUnusedDisables ? [Suppressions.unusedMetadata] : [])
        var outcome = LintOutcome(
            findings: FindingList(reportOrderOf: findings), fileCount: files.count, files: files,
            problems: gathered.problems, rules: rules)
        Self.showRawFileNameBytes(in: &outcome)
        return outcome
    }
}

extension Linter {
    /// Paths that carry bytes that are not UTF-8 (see `FileNameBytes`) are shown with those bytes
    /// escaped (`caf\xE9.md`) in the outcome, where people and reports see them.
    static func showRawFileNameBytes(in outcome: inout LintOutcome) {
        let raw =
            outcome.files.contains(where: FileNameBytes.hasRawBytes)
            || outcome.problems.contains { $0.path.map(FileNameBytes.hasRawBytes) == true }
            || outcome.findings.containsPath(where: FileNameBytes.hasRawBytes)
        guard raw else { return }
        outcome.files = outcome.files.map(FileNameBytes.shown)
        for index in outcome.problems.indices {
            outcome.problems[index].path = outcome.problems[index].path.map(FileNameBytes.shown)
        }
        // Rare (a file name that is not UTF-8): the findings become values to be rewritten.
        var findings = Array(outcome.findings)
        for index in findings.indices {
            findings[index].path = FileNameBytes.shown(findings[index].path)
            findings[index].message = FileNameBytes.shown(findings[index].message)
        }
        findings.sort(by: Finding.reportOrder)
        outcome.findings = FindingList(findings)
    }

    /// Runs async work to its end from synchronous code (the command line's linting is synchronous).
    static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Locked<T?>(nil)
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            let value = await work()
            box.withLock { $0 = value }
            semaphore.signal()
        }
        semaphore.wait()
        guard let value = box.withLock({ $0 }) else { preconditionFailure("the task signalled without a value") }
        return value
    }
}

/// Caches rule sets by configuration and matching overrides.
final class RuleSetCache: Sendable {
    private let cache = Locked<[String: RuleSet]>([:])

    func ruleSet(configuration: Configuration, overrideIndices: [Int], fileSystem: any FileSystemView)
        throws(PostlintError) -> RuleSet
    {
        let key = (configuration.path ?? "") + "|" + overrideIndices.map(String.init).joined(separator: ",")
        return try cache.withLock { (cache) throws(PostlintError) -> RuleSet in
            if let cached = cache[key] { return cached }
            let ruleSet = try RuleSet(configuration: configuration, overrideIndices: overrideIndices, fileSystem: fileSystem)
            cache[key] = ruleSet
            return ruleSet
        }
    }
}
