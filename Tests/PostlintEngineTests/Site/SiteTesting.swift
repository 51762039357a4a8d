import Foundation
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// A small site written into a temporary folder, its model detected as a run detects it, and
/// links resolved as the rules resolve them.
struct SiteTesting {
    let folder: TemporaryFolder
    let resolver: SiteRouteResolver

    /// Writes `files` (relative path → text) and detects the site at the folder's root.
    init(_ files: [String: String]) throws {
        folder = try TemporaryFolder()
        for (path, text) in files { try folder.write(path, text) }
        guard let model = SiteDetector.detect(in: folder.path, fileSystem: LocalFileSystem()) else {
            throw SiteTestingError.noSite
        }
        resolver = SiteRouteResolver(site: model, workingDirectory: folder.path)
    }

    var site: SiteModel { resolver.site }

    /// What `link` resolves to in the post at `post` (relative to the site's folder).
    func resolve(_ link: String, from post: String = "index.md") -> RouteResolution {
        resolver.resolve(link, from: post)
    }

    /// The routes of the post at `relative`.
    func routes(of relative: String) -> [String] {
        let absolute = PathUtilities.join(folder.path, relative)
        return resolver.postRoutes.first { $0.path == absolute }?.routes ?? []
    }

    /// The absolute path of `relative`.
    func path(_ relative: String) -> String { PathUtilities.join(folder.path, relative) }
}

enum SiteTestingError: Error { case noSite }
