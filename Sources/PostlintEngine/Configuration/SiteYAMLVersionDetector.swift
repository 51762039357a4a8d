import Foundation
import PostlintCore

/// Which YAML rules a site's generator reads front matter by, from the files in a post's folder
/// or above it: Hugo (a `hugo.toml`, `hugo.yaml`, `hugo.yml` or `hugo.json`, or a `config.toml`
/// beside a `content` folder) reads YAML 1.2; anything else is taken to read YAML 1.1, as Jekyll
/// and the libyaml loaders do. Each folder is looked at once a run; safe to use from many threads.
public final class SiteYAMLVersionDetector: Sendable {
    private let byFolder = Locked<[String: YAMLVersion]>([:])
    private let fileSystem = LocalFileSystem()

    static let hugoConfigurationNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]

    public init() {}

    /// The version for posts in `folder` (an absolute path).
    public func version(forFolder folder: String) -> YAMLVersion {
        byFolder.withLock { byFolder in version(forFolder: folder, remembered: &byFolder) }
    }

    private func version(forFolder folder: String, remembered byFolder: inout [String: YAMLVersion]) -> YAMLVersion {
        var visited: [String] = []
        var current = folder
        var found = YAMLVersion.v1_1
        while true {
            if let known = byFolder[current] {
                found = known
                break
            }
            visited.append(current)
            if isHugoSite(current) {
                found = .v1_2
                break
            }
            let parent = PathUtilities.directory(of: current)
            if parent == current || current == "/" || current == "." || current.isEmpty { break }
            current = parent
        }
        for folder in visited { byFolder[folder] = found }
        return found
    }

    private func isHugoSite(_ folder: String) -> Bool {
        for name in Self.hugoConfigurationNames where fileSystem.kind(of: PathUtilities.join(folder, name)) == .file {
            return true
        }
        return fileSystem.kind(of: PathUtilities.join(folder, "config.toml")) == .file
            && fileSystem.kind(of: PathUtilities.join(folder, "content")) == .directory
    }
}
