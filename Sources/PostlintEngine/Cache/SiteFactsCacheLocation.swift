import Foundation

/// Where the site facts cache of a repository lives: one file per repository root, in the user's
/// cache folder (`POSTLINT_CACHE_DIR`; else `$XDG_CACHE_HOME/postlint` or `~/.cache/postlint`, and
/// `~/Library/Caches/postlint` on macOS), named by a digest of the root's path.
public enum SiteFactsCacheLocation {
    /// The environment variable that names the cache folder.
    public static let folderVariable = "POSTLINT_CACHE_DIR"

    /// The cache file for the repository around `directory` (the nearest folder at or above it
    /// that holds `.git`, else `directory` itself), or nil when no cache folder is known.
    public static func file(
        forRepositoryAround directory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        guard let folder = folder(environment: environment) else { return nil }
        let root = repositoryRoot(around: directory)
        let digest = ContentDigest(of: Array(root.utf8))
        return folder + "/site-facts-" + hex(digest.high) + hex(digest.low) + ".bin"
    }

    /// The folder caches are kept in, or nil when neither the override nor a home folder is set.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let folder = environment[folderVariable], folder.hasPrefix("/") { return folder }
        #if os(macOS)
            if let home = environment["HOME"], home.hasPrefix("/") { return home + "/Library/Caches/postlint" }
        #else
            if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/postlint" }
            if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/postlint" }
        #endif
        return nil
    }

    /// The nearest folder at or above `directory` that holds `.git` (a folder, or a file for a
    /// linked work tree), else `directory`.
    static func repositoryRoot(around directory: String) -> String {
        var folder = directory
        while true {
            if FileManager.default.fileExists(atPath: PathUtilities.join(folder, ".git")) { return folder }
            let parent = PathUtilities.directory(of: folder)
            if parent == folder || parent.isEmpty { return directory }
            folder = parent
        }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
