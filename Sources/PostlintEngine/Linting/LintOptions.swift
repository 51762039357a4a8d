import PostlintCore

/// How one run lints, beyond the configuration.
public struct LintOptions: Sendable {
    /// Report suppression comments that silence nothing (`unused-disable`).
    public var reportUnusedDisables = false
    /// When set, only these files (absolute paths) are checked and reported; the other posts found
    /// are read for the facts site-level rules need (a new duplicate slug is still caught).
    public var reportOnly: Set<String>?
    /// Contents to lint instead of the file on disk, by absolute path (the staged version of a file).
    public var contents: [String: [UInt8]] = [:]
    /// With `--staged`: the index's contents of the posts edited but not staged, read instead of
    /// their files (asked only when a post is read).
    public var editedPostsInIndex: EditedPostsInIndex?
    /// Check remote (http, https) images too, with these settings; nil: remote images are not checked.
    public var remote: RemoteCheckOptions?
    /// Apply the configurations' `include` and `exclude` to files named explicitly too (which are
    /// otherwise always linted): for hooks that pass every changed file by name.
    public var forceExclude = false
    /// Skip what the repository's ignore files (`.gitignore`, `.ignore`, `.git/info/exclude`)
    /// ignore when walking folders (with `forceExclude`, in files named explicitly too).
    public var honoursIgnoreFiles = true
    /// Site facts kept across runs, for the posts read for their facts alone (with `reportOnly`);
    /// nil: every such post is read.
    public var siteFactsCache: SiteFactsCache?
    /// With `--staged` (a linter over git's index): the site as the last such run found it,
    /// taken from there when nothing it depends on has changed, and written anew when it was
    /// not; nil: the site is walked.
    public var siteSnapshot: SiteSnapshotStore?

    public init(
        reportUnusedDisables: Bool = false, reportOnly: Set<String>? = nil, contents: [String: [UInt8]] = [:],
        remote: RemoteCheckOptions? = nil, forceExclude: Bool = false, honoursIgnoreFiles: Bool = true,
        siteFactsCache: SiteFactsCache? = nil
    ) {
        self.reportUnusedDisables = reportUnusedDisables
        self.reportOnly = reportOnly
        self.contents = contents
        self.remote = remote
        self.forceExclude = forceExclude
        self.honoursIgnoreFiles = honoursIgnoreFiles
        self.siteFactsCache = siteFactsCache
    }
}

extension LintOptions {
    /// Options for `--staged` in the repository around `directory`: the staged posts are checked
    /// (their staged contents), and every other post is read as the commit holds it (a post edited
    /// but not staged, from git's index). The linter must look files up through an
    /// `IndexFileSystem`, which keeps the walk to the posts in the index.
    public mutating func lintStaged(inRepositoryAround directory: String) throws(PostlintError) {
        let root = try GitChanges.repositoryRoot(directory)
        contents = try GitChanges.stagedContents(inRepositoryAt: root)
        reportOnly = Set(contents.keys)
        editedPostsInIndex = EditedPostsInIndex(inRepositoryAt: root)
    }

    /// The bytes to lint for the file at `absolutePath` instead of its file's, if any: given, or
    /// (with `--staged`) the index's for a post edited but not staged.
    func contentsInsteadOfFile(at absolutePath: String) -> [UInt8]? {
        contents[absolutePath] ?? editedPostsInIndex?.contents(of: absolutePath)
    }
}
