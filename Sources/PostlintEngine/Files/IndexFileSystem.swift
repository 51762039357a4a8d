import Foundation
import PostlintCore
import PostlintRules

/// The files as the next commit will hold them, for `check --staged`: a file that is in the working
/// tree but not in git's index (untracked, or removed from the index) is missing; folders are as on
/// disk. It records the files it hid, so that a finding about one can say that it is not staged
/// rather than not there (`explainingUnstagedFiles`).
public final class IndexFileSystem: FileContentsView, Sendable {
    /// What the index holds and what was hidden, behind the lock; its waiters wake when the
    /// index has been read.
    private struct State: Sendable {
        /// The files in the index, by the keys of their absolute paths, with their contents' ids;
        /// nil when git could not list them (then nothing is hidden: the git calls of `--staged`
        /// report that failure themselves).
        var indexed: [PathKey: GitBlobID?]?
        var loaded = false
        /// Absolute paths of the files hidden so far.
        var hidden: Set<String> = []
    }

    private let base: any FileSystemView
    /// What relative paths are relative to (rules spell paths from the current folder).
    private let workingDirectory: String
    private let state: ShortHoldCondition<State>

    public init(
        base: any FileSystemView, indexedFiles: Set<String>,
        workingDirectory: String = PathUtilities.currentDirectory()
    ) {
        self.base = base
        self.workingDirectory = workingDirectory
        var indexed: [PathKey: GitBlobID?] = [:]
        for file in indexedFiles { indexed[PathKey(fileSystemPath: file)] = .some(nil) }
        state = ShortHoldCondition(State(indexed: indexed, loaded: true))
    }

    private init(base: any FileSystemView, workingDirectory: String) {
        self.base = base
        self.workingDirectory = workingDirectory
        state = ShortHoldCondition(State())
    }

    /// The view of the repository around `directory`. Its index is listed (`git ls-files`) on a
    /// thread of its own while the run reads the staged posts (not the shared pool, whose workers
    /// may all be waiting for it); the first look-up waits for it.
    public static func forRepository(at directory: String, base: any FileSystemView = CachingFileSystem())
        -> IndexFileSystem
    {
        let fileSystem = IndexFileSystem(base: base, workingDirectory: directory)
        Thread.detachNewThread {
            let files = try? GitChanges.indexedBlobs(in: directory)
            fileSystem.state.withLock(broadcast: true) { state in
                state.indexed = files
                state.loaded = true
            }
        }
        return fileSystem
    }

    /// The cache of folder listings under this view, if the base is one: the walk reads folders
    /// through it (it lists every post on disk; the rules' look-ups come through this view).
    var listingCache: CachingFileSystem? { base as? CachingFileSystem }

    /// Whether a file at `path`, found on disk, stays visible.
    private func keeps(_ path: String) -> Bool {
        let absolute = PathUtilities.absolute(path, base: workingDirectory)
        let key = PathKey(fileSystemPath: absolute)
        return state.waitForValue({ state -> Bool? in
            guard state.loaded else { return nil }
            guard let indexed = state.indexed, indexed.index(forKey: key) == nil else { return true }
            state.hidden.insert(absolute)
            return false
        })
    }

    /// The candidates whose files the index holds, in their order, each with its content's id
    /// there (`indexBlob`): what the commit holds of a walk's posts. Asked under one lock for them all.
    func indexed(_ candidates: [FileDiscovery.Candidate]) -> [FileDiscovery.Candidate] {
        Self.kept(candidates, held: held(candidates))
    }

    /// What the index holds of each candidate: nil when it does not hold it, else its content's
    /// id (itself nil when git gave none to trust). Asked under one lock for them all.
    func held(_ candidates: [FileDiscovery.Candidate]) -> [GitBlobID??] {
        held(keys: candidates.map { PathKey(fileSystemPath: $0.absolutePath) })
    }

    /// `held` of the files whose absolute paths have `keys`.
    func held(keys: [PathKey]) -> [GitBlobID??] {
        guard !keys.isEmpty else { return [] }
        return state.waitForValue({ state -> [GitBlobID??]? in
            guard state.loaded else { return nil }
            guard let indexed = state.indexed else { return keys.map { _ in .some(nil) } }
            return keys.map { indexed[$0] }
        })
    }

    /// The candidates the index holds (`held`), each with its content's id there.
    static func kept(_ candidates: [FileDiscovery.Candidate], held: [GitBlobID??]) -> [FileDiscovery.Candidate] {
        zip(candidates, held).compactMap { candidate, blob in
            guard let blob else { return nil }
            var held = candidate
            held.indexBlob = blob
            return held
        }
    }

    /// The files in the index by the keys of their absolute paths, with their contents' ids,
    /// once git has listed them; nil when it could not.
    func indexedFiles() -> [PathKey: GitBlobID?]? {
        state.waitForValue({ state -> [PathKey: GitBlobID?]?? in
            guard state.loaded else { return nil }
            return .some(state.indexed)
        })
    }

    public func kind(of path: String) -> FileKind {
        let kind = base.kind(of: path)
        return kind == .file && !keeps(path) ? .missing : kind
    }

    public func entries(of directory: String) -> [String]? {
        listing(of: directory)?.names
    }

    /// The folder's listing without the files the index does not hold. The index is consulted
    /// under one lock for the whole folder, and each name is joined to the folder's absolute path
    /// made once (a listing's names hold no `/`, `.` or `..`): site detection lists every folder
    /// of a 40,000-post repository this way.
    public func listing(of directory: String) -> FolderListing? {
        guard let listing = base.listing(of: directory) else { return nil }
        guard let indexed = indexedFiles() else { return listing }
        let folder = PathUtilities.absolute(directory, base: workingDirectory)
        // Names stay bytes: a string is made only for a file the index does not hold.
        var keys = PathKeyBuilder(folder: folder == "/" ? "" : folder)
        let hiddenNames = listing.sortedEntries(where: { name, entry in
            entry == .file && indexed.index(forKey: keys.key(name)) == nil
        }).map(\.name)
        guard !hiddenNames.isEmpty else { return listing }
        state.withLock { $0.hidden.formUnion(hiddenNames.map { PathUtilities.join(folder, $0) }) }
        let hidden = Set(hiddenNames)
        var builder = FolderListing.Builder()
        for (name, entry) in listing.sortedEntries(where: { _, _ in true }) {
            if entry == .file, hidden.contains(name) { continue }
            var name = name
            name.withUTF8 { _ = builder.add($0, entry) }
        }
        return builder.build()
    }

    public func contents(of path: String) -> [UInt8]? {
        guard kind(of: path) == .file else { return nil }
        return (base as? any FileContentsView)?.contents(of: path)
    }

    public func anchors(ofFile path: String, style: AnchorStyle) -> DocumentAnchors? {
        guard kind(of: path) == .file else { return nil }
        return (base as? any FileContentsView)?.anchors(ofFile: path, style: style)
    }

    /// `findings` with each finding about a missing file this view hid told as what it is: the file exists, but only in the working tree, not in the commit.
    /// `ruleIDs` are the rules whose findings name missing local files (`reportsMissingLocalFiles`).
    public func explainingUnstagedFiles(_ findings: [Finding], ruleIDs: Set<String>) -> [Finding] {
        let hidden = state.withLock { $0.hidden }
        guard !hidden.isEmpty else { return findings }
        let prefix = " not found (looked for "
        return findings.map { finding in
            guard ruleIDs.contains(finding.ruleID),
                finding.message.hasSuffix(")"), let start = finding.message.range(of: prefix, options: .backwards)
            else { return finding }
            let looked = String(finding.message[start.upperBound..<finding.message.index(before: finding.message.endIndex)])
            guard hidden.contains(PathUtilities.absolute(looked, base: workingDirectory)) else { return finding }
            var explained = finding
            explained.message =
                String(finding.message[..<start.lowerBound])
                + " is not staged or tracked by git: \(looked) exists only in the working tree (git add it)"
            return explained
        }
    }
}
