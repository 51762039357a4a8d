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
        PathUtilities.absolute(slashed(path), base: base).lowercased()
    }

    /// `path` with its `\` separators as `/`.
    static func slashed(_ path: String) -> String {
        path.utf8.contains(UInt8(ascii: "\\")) ? path.replacingOccurrences(of: "\\", with: "/") : path
    }

    /// A link from the post at `document` (absolute) as DocFX resolves it, with no route table:
    /// DocFX's URLs follow from file paths alone. Root-relative links lead to the platform's other
    /// document sets (`/windows/…`, `/cpp/…`), which the repository does not hold: unknown. A
    /// redirected source is served; a file (`\` or `/`, any letter case) is a page when it is
    /// Markdown, else served; a page's URL (`../other-page`) names the page's `.md` file or its
    /// folder's `index.md`. Anything else under a top-level folder of the site is missing.
    static func resolve(
        _ path: String, fromDocument document: String, site: SiteModel, files: LetterCaseLookup
    ) -> RouteResolution {
        guard !path.hasPrefix("/"), let root = site.contentRoots.first?.folder else { return .unknown }
        let folder = PathUtilities.directory(of: document)
        let slashed = slashed(path)
        let absolute = PathUtilities.absolute(slashed, base: folder)
        if site.redirectedSources.contains(absolute.lowercased()) { return .served }
        if let found = files.file(at: absolute, under: root) {
            return found.lowercased().hasSuffix(".md") ? .post(path: found) : .served
        }
        guard let page = page(ofFile: document, root: root) else { return .unknown }
        let target = SiteURL.resolve(slashed, against: page)
        let names = SiteURL.foldedNames(SiteURL.key(target)).map(String.init)
        let base = names.isEmpty ? root : PathUtilities.join(root, names.joined(separator: "/"))
        if !names.isEmpty, let found = files.file(at: base + ".md", under: root) { return .post(path: found) }
        if let found = files.file(at: PathUtilities.join(base, "index.md"), under: root) { return .post(path: found) }
        guard let first = names.first, files.contains(first, in: root) else { return .unknown }
        let shown = "/" + names.joined(separator: "/") + (target.hasSuffix("/") ? "/" : "")
        return .missing(route: site.basePath + shown)
    }

    /// The URL DocFX gives the page made from `document` (absolute, under `root`): its path
    /// without `.md`, `index` as its folder, in lower case.
    static func page(ofFile document: String, root: String) -> String? {
        guard let relative = PathUtilities.relative(document, to: root) else { return nil }
        var names = relative.split(separator: "/").map(String.init)
        guard let last = names.popLast() else { return "/" }
        let baseName = last.lowercased().hasSuffix(".md") ? String(last.dropLast(3)) : last
        let folder = names.isEmpty ? "/" : "/" + names.joined(separator: "/") + "/"
        return (baseName.lowercased() == "index" ? folder : folder + baseName).lowercased()
    }
}
