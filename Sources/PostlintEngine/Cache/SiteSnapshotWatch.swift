import Foundation
import PostlintCore

/// The paths a site snapshot depends on besides its posts' contents, whose states (`PathState`)
/// it keeps and a later run compares:
///
/// - every folder the walk listed: its times move when an entry is added, removed or renamed in
///   it, so the posts the walk would find there, and the presence of any configuration, ignore
///   or generator file, are unchanged while they stay;
/// - every entry of those folders that is not a folder or a post (configuration, ignore files,
///   a generator's settings, images), whose times move when it is written in place;
/// - the folders above them up to the repository's top, and their entries in the same way;
/// - above the repository, the names the configuration, the ignore files and the site
///   detection look for there (`namesAboveRepository`), present or not;
/// - git's `info/exclude` and the files that name its user-wide ignore file, and that file;
/// - the configuration named on the command line (`--config`).
///
/// A post's own content is not watched: the index's id for it is compared instead.
enum SiteSnapshotWatch {
    /// What is looked for in the folders above a repository (the configuration lookup, the site
    /// and YAML-version detection and the ignore scope climb to the file system's top).
    static var namesAboveRepository: [String] {
        ConfigurationLoader.fileNames + IgnoreScope.names.sorted() + HugoSite.configNames + HugoSite.legacyNames
            + JekyllSite.configNames + DocusaurusSite.configNames + MkDocsSite.configNames + AstroSite.configNames
            + EleventySite.configNames + [DocFXSite.configName, "zola.toml", "content", "Gemfile"]
    }

    /// The paths to watch for a run in `workingDirectory` whose walk listed `listedFolders`;
    /// `listing` gives a folder's entries (the run's cached listings).
    static func paths(
        listedFolders: [String], workingDirectory: String, explicitConfiguration: String?,
        listing: (String) -> FolderListing?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        let repositoryRoot = SiteFactsCacheLocation.repositoryRoot(around: workingDirectory)
        var watched: [String] = []
        var folders = Set(listedFolders)
        // The working folder's configuration applies to the walk's posts even when it is not walked.
        func watchEntries(of folder: String) {
            watched.append(folder)
            guard let entries = listing(folder) else { return }
            for (name, _) in entries.sortedEntries(where: { name, kind in
                kind != .directory && !(kind == .file && FileDiscovery.isMarkdown(name))
            }) {
                watched.append(FolderPrefetcher.path(of: name, in: folder))
            }
        }
        for folder in listedFolders { watchEntries(of: folder) }
        // The folders above, once each: in the repository as the walk's own, above it by name.
        for start in [workingDirectory] + listedFolders.map(PathUtilities.directory(of:)) {
            var folder = start
            while !folder.isEmpty, folder != ".", folders.insert(folder).inserted {
                if isAtOrBelow(folder, repositoryRoot) {
                    watchEntries(of: folder)
                } else {
                    for name in namesAboveRepository { watched.append(FolderPrefetcher.path(of: name, in: folder)) }
                }
                if folder == "/" { break }
                folder = PathUtilities.directory(of: folder)
            }
        }
        if let gitDirectory = IgnoreScope.gitCommonDirectory(repositoryRoot: repositoryRoot) {
            watched.append(PathUtilities.join(gitDirectory, "info/exclude"))
            watched += GitExcludesFile.configFiles(gitDirectory: gitDirectory, environment: environment)
            if let excludes = GitExcludesFile.path(gitDirectory: gitDirectory, environment: environment) {
                watched.append(excludes)
            }
        }
        if let explicitConfiguration { watched.append(PathUtilities.absolute(explicitConfiguration, base: workingDirectory)) }
        return watched
    }

    private static func isAtOrBelow(_ folder: String, _ root: String) -> Bool {
        folder == root || folder.hasPrefix(root == "/" ? "/" : root + "/")
    }
}
