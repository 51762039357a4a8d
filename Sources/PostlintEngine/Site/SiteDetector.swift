import Foundation
import PostlintCore

/// Finds the site a folder belongs to: the nearest generator configuration at or above it. Each
/// folder is looked at once a run (folder listings come through the run's file system view, which
/// the walk has usually filled already); safe to use from many threads.
final class SiteDetector: Sendable {
    private let fileSystem: any FileSystemView
    private let byFolder = Locked<[String: SiteModel?]>([:])

    init(fileSystem: any FileSystemView) {
        self.fileSystem = fileSystem
    }

    /// The site of posts in `folder` (absolute), or nil when no generator's configuration is found.
    func site(forFolder folder: String) -> SiteModel? {
        byFolder.withLock { byFolder in
            var visited: [String] = []
            var current = folder
            var found: SiteModel?
            while true {
                if let known = byFolder[current] {
                    found = known
                    break
                }
                visited.append(current)
                if let model = Self.detect(in: current, fileSystem: fileSystem) {
                    found = model
                    break
                }
                let parent = PathUtilities.directory(of: current)
                if parent == current || current == "/" || current == "." || current.isEmpty { break }
                current = parent
            }
            for folder in visited { byFolder[folder] = found }
            return found
        }
    }

    /// The site whose configuration is in `folder` itself, if any.
    static func detect(in folder: String, fileSystem: any FileSystemView) -> SiteModel? {
        guard let listing = fileSystem.listing(of: folder) else { return nil }
        // A name the listing cannot type (a link) is asked of the file system.
        func kind(_ name: String) -> FileKind {
            if let known = listing.kind(of: name) { return known }
            return listing.contains(name) ? LocalFileSystem().kind(of: PathUtilities.join(folder, name)) : .missing
        }
        let has: (String) -> Bool = { kind($0) == .file }
        let isFolder: (String) -> Bool = { kind($0) == .directory }
        return HugoSite.detect(folder: folder, has: has, isFolder: isFolder)
            ?? ZolaSite.detect(folder: folder, has: has)
            ?? JekyllSite.detect(folder: folder, has: has)
            ?? DocusaurusSite.detect(folder: folder, has: has)
            ?? MkDocsSite.detect(folder: folder, has: has)
            ?? AstroSite.detect(folder: folder, has: has)
            ?? EleventySite.detect(folder: folder, has: has)
            ?? DocFXSite.detect(folder: folder, has: has)
    }
}
