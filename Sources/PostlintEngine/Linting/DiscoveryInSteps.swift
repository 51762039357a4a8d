import PostlintCore

/// The producer of a run's work queue: steps a discovery a folder at a time and keeps the files
/// their configurations select (`include`, `exclude`; a file named explicitly is always kept unless
/// `forceExclude`). A post whose configuration cannot be read ends the run, or with
/// `skipsUnconfigurable` is left out (the language server's scan of a workspace for site facts).
/// Not `Sendable`: the work queue owns it through its producer and runs it on one worker at a
/// time, so its state needs no lock of its own.
final class DiscoveryInSteps {
    private var discovery: FileDiscovery
    private let resolver: ConfigurationResolver
    private var memo = FolderRuleSetMemo()
    private let forceExclude: Bool
    private let skipsUnconfigurable: Bool

    init(
        _ discovery: FileDiscovery, resolver: ConfigurationResolver, forceExclude: Bool = false,
        skipsUnconfigurable: Bool = false
    ) {
        self.discovery = discovery
        self.resolver = resolver
        self.forceExclude = forceExclude
        self.skipsUnconfigurable = skipsUnconfigurable
    }

    /// The problems the walk met (a missing path, an unreadable folder); read once the queue is done.
    var problems: [PostlintError] { discovery.problems }
    /// The folders the walk listed, when it records them (`FileDiscovery.recordsListedFolders`).
    var listedFolders: [String] { discovery.listedFolders }

    /// The selected files of the discovery's next step (possibly none); nil when it is done.
    func selectedFiles() throws(PostlintError) -> [FileDiscovery.Candidate]? {
        guard var files = discovery.nextFiles() else { return nil }
        var kept = 0
        for candidate in files {
            if !candidate.isExplicit || forceExclude {
                let configuration: Configuration
                do throws(PostlintError) {
                    configuration = try memo.configuration(forFileAt: candidate.absolutePath, resolver: resolver)
                } catch {
                    if skipsUnconfigurable { continue }
                    throw error
                }
                if !configuration.include.isEmpty || !configuration.exclude.isEmpty {
                    let relative = configuration.relativePath(of: candidate.absolutePath) ?? candidate.displayPath
                    guard configuration.selects(relativePath: relative) else { continue }
                }
            }
            files[kept] = candidate
            kept += 1
        }
        files.removeLast(files.count - kept)
        return files
    }
}
