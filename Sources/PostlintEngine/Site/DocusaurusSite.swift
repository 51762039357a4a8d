import Foundation
import PostlintCore

/// Docusaurus: `docusaurus.config.js|ts|mjs|cjs` (JavaScript, not read: the defaults apply).
/// Docs in `docs/` under `/docs` (number prefixes dropped, `index`/`README` as the folder, front
/// matter `slug` and `id`), the blog in `blog/` under `/blog` (dated names as `/blog/y/m/d/name`),
/// pages in `src/pages/`, static files in `static/`.
enum DocusaurusSite {
    static let configNames = ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs"]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        return SiteModel(generator: .docusaurus, root: folder, reason: name, contentRoots: [
            ContentRoot(folder: PathUtilities.join(folder, "docs"), urlPrefix: "/docs"),
            ContentRoot(folder: PathUtilities.join(folder, "blog"), urlPrefix: "/blog"),
            ContentRoot(folder: PathUtilities.join(folder, "src/pages")),
        ], staticRoots: [PathUtilities.join(folder, "static")])
    }

    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        let prefix = post.root.urlPrefix
        var names = post.folders.map(dropNumberPrefix)
        var leaf = dropNumberPrefix(post.baseName)
        if prefix == "/blog" {
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
        if prefix == "/blog" {
            routes.listings.append("/blog/tags/")
            for tag in post.strings("tags") { routes.listings.append("/blog/tags/" + URLSlug.slugify(tag)) }
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
