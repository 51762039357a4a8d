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
/// A post's own content is not watched: the index's id for it is compared instead. A folder whose
/// times moved is listed again, and counts as unchanged when the entries that can matter to the
/// walk and the settings are the same (`listingDigest`): an editor that saves a post by writing a
/// new file and renaming it over the old one, or leaves a swap file beside it, moves its folder's
/// times without changing what the site is.
enum SiteSnapshotWatch {
    /// A path to watch, and whether it is a folder the walk listed (then its listing's digest is
    /// kept too).
    struct Watched: Sendable {
        var path: String
        var isListedFolder: Bool
    }

    /// The digest of the entries of `listing` that can matter to a walk and to the settings: the
    /// folders, posts, links and entries of unknown type (not hidden ones), and the files whose
    /// names or extensions are those of configuration (`.postlint.yml`, ignore files, a
    /// generator's settings: `.toml`, `.yaml`, `.json`, scripts). Images, swap and backup files
    /// are left out.
    static func listingDigest(of listing: FolderListing) -> ContentDigest {
        var bytes: [UInt8] = []
        for (name, entry) in listing.sortedEntries(where: matters) {
            bytes += name.utf8
            bytes.append(0)
            bytes.append(entry.rawValue)
        }
        return ContentDigest(of: bytes)
    }

    private static func matters(_ name: UnsafeBufferPointer<UInt8>, _ entry: FolderListing.Entry) -> Bool {
        guard let first = name.first else { return false }
        if configurationNames.contains(where: { $0.utf8.elementsEqual(name) }) { return true }
        if entry == .file {
            if FileDiscovery.isMarkdown(name) { return first != UInt8(ascii: ".") }
            guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
            let extensionBytes = name[(dot + 1)...]
            return configurationExtensions.contains { $0.utf8.elementsEqual(extensionBytes) }
        }
        return first != UInt8(ascii: ".")
    }

    /// Names that configure the walk or the site wherever they are.
    private static let configurationNames = Set(namesAboveRepository).sorted()
    private static let configurationExtensions = ["toml", "yaml", "yml", "json", "js", "mjs", "cjs", "ts", "mts"]

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
    ) -> [Watched] {
        let repositoryRoot = SiteFactsCacheLocation.repositoryRoot(around: workingDirectory)
        var watched: [Watched] = []
        func watch(_ path: String) { watched.append(Watched(path: path, isListedFolder: false)) }
        var folders = Set(listedFolders)
        func watchEntries(of folder: String) {
            watched.append(Watched(path: folder, isListedFolder: true))
            guard let entries = listing(folder) else { return }
            for (name, _) in entries.sortedEntries(where: { name, kind in
                kind != .directory && !(kind == .file && FileDiscovery.isMarkdown(name))
            }) {
                watch(FolderPrefetcher.path(of: name, in: folder))
            }
        }
        for folder in listedFolders { watchEntries(of: folder) }
        // The folders above, once each: in the repository as the walk's own, above it by name.
        // The working folder's are among them: its configuration applies even when it is not walked.
        for start in [workingDirectory] + listedFolders.map(PathUtilities.directory(of:)) {
            var folder = start
            while !folder.isEmpty, folder != ".", folders.insert(folder).inserted {
                if isAtOrBelow(folder, repositoryRoot) {
                    watchEntries(of: folder)
                } else {
                    for name in namesAboveRepository { watch(FolderPrefetcher.path(of: name, in: folder)) }
                }
                if folder == "/" { break }
                folder = PathUtilities.directory(of: folder)
            }
        }
        if let gitDirectory = IgnoreScope.gitCommonDirectory(repositoryRoot: repositoryRoot) {
            watch(PathUtilities.join(gitDirectory, "info/exclude"))
            GitExcludesFile.configFiles(gitDirectory: gitDirectory, environment: environment).forEach(watch)
            if let excludes = GitExcludesFile.path(gitDirectory: gitDirectory, environment: environment) {
                watch(excludes)
            }
        }
        if let explicitConfiguration { watch(PathUtilities.absolute(explicitConfiguration, base: workingDirectory)) }
        return watched
    }

    private static func isAtOrBelow(_ folder: String, _ root: String) -> Bool {
        folder == root || folder.hasPrefix(root == "/" ? "/" : root + "/")
    }
}
