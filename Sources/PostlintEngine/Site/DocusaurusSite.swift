import Foundation
import PostlintCore

/// Docusaurus: `docusaurus.config.js|ts|mjs|cjs`, not run but scanned for literal values
/// (`JavaScriptConfigScan`): `baseUrl`, the docs' and the blog's `path` and `routeBasePath` (or
/// `docs: false`, `blog: false`), `trailingSlash`; what is not found keeps its default, and
/// `postlint site` says which. Docs in `docs/` under `/docs` (number prefixes dropped,
/// `index`/`README` as the folder, front matter `slug` and `id`), the blog in `blog/` under
/// `/blog` (dated names as `/blog/y/m/d/name`), pages in `src/pages/`, static files in `static/`.
enum DocusaurusSite {
    static let configNames = ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs"]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        let scan = JavaScriptConfigScan(path: PathUtilities.join(folder, name)) ?? JavaScriptConfigScan(text: "")
        var notes: [String] = []
        var roots: [ContentRoot] = []
        var blogRoot: String?
        for (part, label) in [("docs", "docs"), ("blog", "the blog")] {
            if scan.literal(part) == .bool(false) {
                notes.append("\(part): false in \(name): no \(label)")
                continue
            }
            let options = scan.object(part)
            let path = options.flatMap { scan.literal("path", in: $0)?.string } ?? part
            let route = options.flatMap { scan.literal("routeBasePath", in: $0)?.string }
            notes.append(
                route.map { "\(label) at \($0) (\(part).routeBasePath in \(name))" }
                    ?? "\(label) at /\(part): \(part).routeBasePath not found as a literal in \(name), so the default")
            let root = ContentRoot(
                folder: PathUtilities.absolute(path, base: folder), urlPrefix: SiteURL.basePath(of: route ?? part))
            if part == "blog" { blogRoot = root.folder }
            roots.append(root)
        }
        roots.append(ContentRoot(folder: PathUtilities.join(folder, "src/pages")))
        var model = SiteModel(
            generator: .docusaurus, root: folder, reason: name, contentRoots: roots,
            staticRoots: [PathUtilities.join(folder, "static")])
        model.blogRoot = blogRoot
        if let baseURL = scan.literal("baseUrl")?.string {
            model.basePath = SiteURL.basePath(of: baseURL)
            notes.insert("base URL \(baseURL) (baseUrl in \(name))", at: 0)
        } else {
            notes.insert("base URL /: baseUrl not found as a literal in \(name), so the default", at: 0)
        }
        if let trailingSlash = scan.literal("trailingSlash")?.bool {
            notes.append("trailingSlash: \(trailingSlash) in \(name) (routes match with or without it)")
        }
        model.notes = notes + ["\(name) is not run: only literal values are read"]
        return model
    }

    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        let prefix = post.root.urlPrefix
        var names = post.folders.map(dropNumberPrefix)
        var leaf = dropNumberPrefix(post.baseName)
        let isBlog = post.root.folder == site.blogRoot
        if isBlog {
            // Blog names keep their date prefix until it is read as the date.
            leaf = post.baseName
            names = post.folders
            if let dated = URLSlug.datePrefix(of: leaf == "index" ? (post.folders.last ?? "") : leaf) {
                names = [dated.year, dated.month, dated.day]
                leaf = dated.rest
            } else if leaf == "index" {
                leaf = names.popLast() ?? ""
            }
        } else if let id = post.string("id") {
            leaf = id
        } else if leaf == "index" || leaf.lowercased() == "readme" || leaf == names.last {
            leaf = ""
        }
        if let slug = post.string("slug") {
            routes.pages.append(slug.hasPrefix("/") ? prefix + slug : prefix + "/" + (names + [slug]).joined(separator: "/"))
        } else {
            routes.pages.append(prefix + "/" + (names + [leaf]).filter { !$0.isEmpty }.joined(separator: "/"))
        }
        if isBlog {
            routes.listings.append(prefix + "/tags/")
            for tag in post.strings("tags") { routes.listings.append(prefix + "/tags/" + URLSlug.slugify(tag)) }
        }
        return routes
    }

    /// `01-intro` → `intro` (Docusaurus drops number prefixes from doc paths).
    static func dropNumberPrefix(_ name: String) -> String {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < name.count else { return name }
        let rest = name.dropFirst(digits.count)
        guard let separator = rest.first, "-_.".contains(separator) else { return name }
        return String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
    }
}
