import PostlintCore

/// The configuration and rule set of the last folder a loop looked up.
///
/// Posts come folder by folder (the walk's order), so nearly every look-up repeats the one
/// before it. Answering those here skips the resolver's lock, hashing the folder's path, copying
/// the configuration and computing the post's relative path: about 10,000 instructions a post,
/// paid once when the files are selected and again when each is checked. A configuration with
/// `overrides` still has each post's path matched against their globs, since its rule set can
/// differ from one post to the next.
///
/// A worker of a run gives it its own `WorkerFileSystem`: the rule sets it hands out look files up
/// through that, so the folders the worker's posts name are remembered for the next post.
struct FolderRuleSetMemo {
    private var folder: String?
    private var configuration: Configuration?
    private var folderRuleSet: RuleSet?
    /// The YAML rules of the remembered folder's posts.
    private var folderYAMLVersion: YAMLVersion?
    private let workerFileSystem: WorkerFileSystem?

    init(workerFileSystem: WorkerFileSystem? = nil) {
        self.workerFileSystem = workerFileSystem
    }

    /// The configuration for the file at `absolutePath`.
    mutating func configuration(forFileAt absolutePath: String, resolver: ConfigurationResolver)
        throws(PostlintError) -> Configuration
    {
        if let configuration, isInRememberedFolder(absolutePath) { return configuration }
        let configuration = try resolver.configuration(forFileAt: absolutePath)
        folder = PathUtilities.directory(of: absolutePath)
        self.configuration = configuration
        folderRuleSet = nil
        folderYAMLVersion = nil
        return configuration
    }

    /// The rules that apply to the file at `absolutePath`.
    mutating func ruleSet(forFileAt absolutePath: String, displayPath: String, linter: Linter)
        throws(PostlintError) -> RuleSet
    {
        let configuration = try configuration(forFileAt: absolutePath, resolver: linter.resolver)
        if let folderRuleSet { return folderRuleSet }
        var ruleSet = try linter.ruleSet(configuration: configuration, forFileAt: absolutePath, displayPath: displayPath)
        if let workerFileSystem { ruleSet.context.fileSystem = workerFileSystem }
        let yamlVersion = folderYAMLVersion ?? linter.yamlVersion(forFileAt: absolutePath, configuration: configuration)
        folderYAMLVersion = yamlVersion
        ruleSet.yamlVersion = yamlVersion
        linter.sites.apply(to: &ruleSet, folder: PathUtilities.directory(of: absolutePath), configuration: configuration)
        if workerFileSystem != nil, let routes = ruleSet.context.routes {
            ruleSet.context.routes = WorkerRouteMemo(base: routes)
        }
        if configuration.overrides.isEmpty { folderRuleSet = ruleSet }
        return ruleSet
    }

    /// Whether `path` is a file directly inside the remembered folder: the folder's bytes, a `/`,
    /// then a name without one. Compared on bytes, without making the folder's string.
    private func isInRememberedFolder(_ path: String) -> Bool {
        guard var folder else { return false }
        var path = path
        return folder.withUTF8 { folderBytes in
            path.withUTF8 { pathBytes in
                let length = folderBytes.count
                guard pathBytes.count > length + 1, pathBytes[length] == UInt8(ascii: "/"),
                    ByteScanning.equal(UnsafeBufferPointer(rebasing: pathBytes[..<length]), folderBytes)
                else { return false }
                return ByteScanning.firstIndex(of: UInt8(ascii: "/"), in: pathBytes, from: length + 1) == nil
            }
        }
    }
}
