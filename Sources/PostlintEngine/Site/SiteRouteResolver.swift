import Foundation
import PostlintCore

/// A site's `RouteResolving`: its route table is built the first time a link needs it (every
/// thread that needs it meanwhile reads posts for it: `RouteTableBuild`) and then shared by every
/// worker of the run. DocFX's links
/// need no table (its URLs follow from file paths): they are resolved from the files.
public final class SiteRouteResolver: RouteResolving, Sendable {
    public let site: SiteModel
    private let workingDirectory: String
    private let tableBuild: RouteTableBuild
    /// DocFX's links, resolved from file paths without a route table.
    private let letterCaseLookup = LetterCaseLookup()

    public init(site: SiteModel, workingDirectory: String) {
        self.site = site
        self.workingDirectory = workingDirectory
        self.tableBuild = RouteTableBuild(site: site)
    }

    /// The route table, built on first use.
    var table: RouteTable { tableBuild.table() }

    /// Each post's routes (absolute path and routes as made, base path included), in walk order.
    public var postRoutes: [(path: String, routes: [String])] {
        table.posts.map { ($0.path, $0.routes.map { site.basePath + $0 }) }
    }

    public func resolve(_ path: String, from documentPath: String) -> RouteResolution {
        if site.generator == .zola, path.hasPrefix("@/") { return internalLink(path) }
        if site.generator == .docfx {
            return DocFXSite.resolve(
                path, fromDocument: PathUtilities.absolute(documentPath, base: workingDirectory), site: site,
                files: letterCaseLookup)
        }
        let table = self.table
        let target: String
        if path.hasPrefix("/") {
            if isExternal(path) { return .external }
            guard let stripped = SiteURL.strippingBase(site.basePath, from: path) else {
                // Outside the base path: a known part of the site written without its base path
                // is broken there; anything else may be another site on the host.
                let key = SiteURL.key(path)
                guard let first = SiteURL.firstName(ofKey: key), table.knownFirstNames.contains(String(first)) else {
                    return .unknown
                }
                return .missing(route: path + " (outside the base URL \(site.basePath)/)")
            }
            target = stripped
        } else {
            let absolute = PathUtilities.absolute(documentPath, base: workingDirectory)
            guard let page = table.pageOfPost[absolute] else { return .unknown }
            target = SiteURL.resolve(path, against: page)
        }
        if isExternal(target) { return .external }
        let key = SiteURL.key(target)
        if let found = table.target(ofKey: key) ?? (site.linkRenderHook ? table.target(ofLowercasedKey: key.lowercased()) : nil) {
            guard found.anchorsKnown, let post = found.post else { return .served }
            return .post(path: post)
        }
        if servesFile("/" + SiteURL.foldedNames(target).joined(separator: "/"), table: table) { return .served }
        if site.linkRenderHook, !path.hasPrefix("/") { return .unknown }
        guard let first = SiteURL.firstName(ofKey: key), table.knownFirstNames.contains(String(first)) else {
            return .unknown
        }
        let shown = "/" + SiteURL.foldedNames(target).joined(separator: "/") + (target.hasSuffix("/") && key.count > 0 ? "/" : "")
        return .missing(route: site.basePath + shown)
    }

    public var fileLinksIgnoreLetterCase: Bool { site.fileLinksIgnoreLetterCase }

    public var definitionTermIDs: Bool { site.definitionTermIDs }

    public var tabbedContentHeadings: Bool { site.generator == .docfx }

    /// Hugo's include shortcodes find the page as `$.Page.GetPage` and then `site.GetPage` do:
    /// relative to the including page's folder (unless the path starts with `/`), then under each
    /// content root, the post's own first; a path without an extension names `path.md`, a leaf
    /// bundle's `path/index.md` or a branch's `path/_index.md`. Paths outside the site are none.
    public func includedPageCandidates(_ argument: String, from documentPath: String) -> [String] {
        guard site.generator == .hugo, !argument.isEmpty, !argument.contains("://") else { return [] }
        let document = PathUtilities.absolute(documentPath, base: workingDirectory)
        var bases: [String] = []
        if !argument.hasPrefix("/") {
            bases.append(PathUtilities.normalize(PathUtilities.join(PathUtilities.directory(of: document), argument)))
        }
        let inner = String(argument.drop { $0 == "/" })
        let owning = site.contentRoots.filter { document.hasPrefix($0.folder + "/") }
        let roots = owning + site.contentRoots.filter { !document.hasPrefix($0.folder + "/") }
        for root in roots { bases.append(PathUtilities.normalize(PathUtilities.join(root.folder, inner))) }
        var candidates: [String] = []
        // Only pages of the site: an include that climbs out of it names nothing to read.
        for base in bases where base.hasPrefix(site.root + "/") {
            if FileDiscovery.isMarkdown(PathUtilities.fileName(of: base)) {
                candidates.append(base)
            } else {
                candidates.append(base + ".md")
                candidates.append(PathUtilities.join(base, "index.md"))
                candidates.append(PathUtilities.join(base, "_index.md"))
            }
        }
        return candidates
    }

    public func unservedSource(_ file: String, linkedFrom documentPath: String) -> String? {
        guard let relativeLinks = site.relativeLinks else { return nil }
        let document = PathUtilities.absolute(documentPath, base: workingDirectory)
        let siteFolder = site.contentRoots.first?.folder ?? site.root
        if relativeLinks.rewritesLinks(inPostAt: PathUtilities.relative(document, to: siteFolder) ?? document) { return nil }
        let target = PathUtilities.absolute(file, base: workingDirectory)
        // A source without front matter is copied as it is, so it is served at the link.
        guard let page = table.pageOfPost[target], case .success(let bytes) = FileReader.read(target),
            bytes.starts(with: Array("---".utf8))
        else { return nil }
        return site.basePath + page
    }

    /// Zola's internal link `@/blog/post.md`: a content file, found or not (Zola's build fails on
    /// a missing one).
    private func internalLink(_ path: String) -> RouteResolution {
        let relative = String(path.dropFirst(2))
        guard !SiteURL.foldedNames(relative).isEmpty, !relative.split(separator: "/").contains("..") else {
            return .missing(route: path)
        }
        for root in site.contentRoots {
            let file = PathUtilities.join(root.folder, relative)
            if LocalFileSystem().kind(of: file) == .file { return .post(path: file) }
        }
        return .missing(route: path)
    }

    private func isExternal(_ path: String) -> Bool {
        site.external.contains { prefix in
            path.hasPrefix(prefix) || (prefix.hasSuffix("/") && path == String(prefix.dropLast()))
        }
    }

    /// A file under a static root or a content root (a bundle's image, a PDF beside the posts), or
    /// in the folder of the bundle whose page is the path's parent.
    private func servesFile(_ key: String, table: RouteTable) -> Bool {
        guard key.count > 1 else { return false }
        let files = LocalFileSystem()
        let relative = String(key.dropFirst())
        for root in site.staticRoots where files.kind(of: PathUtilities.join(root, relative)) == .file { return true }
        for root in site.contentRoots {
            var inner = relative
            if !root.urlPrefix.isEmpty {
                guard key.hasPrefix(root.urlPrefix + "/") else { continue }
                inner = String(key.dropFirst(root.urlPrefix.count + 1))
            }
            if files.kind(of: PathUtilities.join(root.folder, inner)) == .file { return true }
        }
        guard let slash = key.lastIndex(of: "/") else { return false }
        let parent = String(key[..<slash])
        let name = String(key[key.index(after: slash)...])
        if let folder = table.target(ofKey: SiteURL.key(parent))?.folder,
            files.kind(of: PathUtilities.join(folder, name)) == .file
        {
            return true
        }
        return false
    }
}
