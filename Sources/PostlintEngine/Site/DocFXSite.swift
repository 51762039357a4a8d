import Foundation
import PostlintCore

/// DocFX (and the documentation platforms built on it): `docfx.json`. Its folder holds the pages;
/// `a/b.md` is served at `/a/b` and `index.md` at its folder, in lower case (DocFX writes its URLs
/// in lower case unless `lowercaseUrl` is false). Links between files are resolved as DocFX
/// resolves them where such sites are built (Windows): names are matched without regard to letter
/// case and `\` separates folders as `/` does, so `..\Build\Overview.md` reaches
/// `build/overview.md`. A file moved away and listed in `.openpublishing.redirection.json` (in the
/// folder of `docfx.json` or one above it) is still linked to: the link follows the redirect.
/// Headings get GitHub's ids (Markdig's GitHub identifiers).
enum DocFXSite {
    static let configName = "docfx.json"
    static let redirectionName = ".openpublishing.redirection.json"

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard has(configName) else { return nil }
        var model = SiteModel(
            generator: .docfx, root: folder, reason: configName, contentRoots: [ContentRoot(folder: folder)],
            staticRoots: [folder])
        model.fileLinksIgnoreLetterCase = true
        model.redirectedSources = redirectedSources(near: folder)
        return model
    }

    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        let folder = post.folders.isEmpty ? "/" : "/" + post.folders.joined(separator: "/") + "/"
        let page = post.baseName.lowercased() == "index" ? folder : folder + post.baseName
        routes.pages.append(page.lowercased())
        return routes
    }

    /// The source files listed in the nearest redirection file at or up to two folders above
    /// `folder`, as absolute paths in lower case. A file that cannot be read or parsed lists none.
    static func redirectedSources(near folder: String) -> Set<String> {
        var current = folder
        for _ in 0..<3 {
            let file = PathUtilities.join(current, redirectionName)
            if case .success(let bytes) = FileReader.read(file) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                    let redirections = object["redirections"] as? [[String: Any]]
                else { return [] }
                var sources: Set<String> = []
                for redirection in redirections {
                    guard let source = redirection["source_path"] as? String else { continue }
                    sources.insert(normalizedFile(source, base: current))
                }
                return sources
            }
            let parent = PathUtilities.directory(of: current)
            if parent == current { break }
            current = parent
        }
        return []
    }

    /// `path` (relative to `base` unless absolute) as DocFX reads it: `\` as `/`, absolute,
    /// `.` and `..` folded, in lower case.
    static func normalizedFile(_ path: String, base: String) -> String {
        PathUtilities.absolute(path.replacingOccurrences(of: "\\", with: "/"), base: base).lowercased()
    }

    /// A relative link from the post at `document` (absolute) as DocFX resolves it: a page of the
    /// site (`.md` file, any letter case, `\` or `/`), a redirected source, another file written
    /// with `\` (served), or nil when it is neither (then judged as other links are). A root-relative link leads to the platform's
    /// other document sets (`/windows/…`, `/cpp/…`), which the repository does not hold: unknown.
    static func resolve(_ path: String, fromDocument document: String, site: SiteModel, table: RouteTable) -> RouteResolution? {
        guard !path.hasPrefix("/") else { return .unknown }
        let folder = PathUtilities.directory(of: document)
        let file = normalizedFile(path, base: folder)
        if site.redirectedSources.contains(file) { return .served }
        if path.contains("\\"), !file.hasSuffix(".md"),
            LocalFileSystem().kind(of: PathUtilities.absolute(path.replacingOccurrences(of: "\\", with: "/"), base: folder))
                == .file
        {
            return .served  // an image or download written with `\` (`media\chart.png`)
        }
        guard file.hasSuffix(".md"), let root = site.contentRoots.first?.folder.lowercased(),
            let relative = PathUtilities.relative(file, to: root)
        else { return nil }
        var route = "/" + String(relative.dropLast(3))
        if route.hasSuffix("/index") || route == "/index" { route = String(route.dropLast(5)) }
        guard let found = table.target(ofKey: SiteURL.key(route)), let post = found.post else { return nil }
        return .post(path: post)
    }
}
