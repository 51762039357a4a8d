import Foundation
import PostlintCore
import PostlintRules

/// Zola: `config.toml` (or `zola.toml`) with `base_url`. Content in `content/` (sections are
/// folders with `_index.md`, a page is a file or a folder with `index.md`), static files in
/// `static/`; file names lose a date prefix and are slugified (`slugify.paths`, on by default);
/// front matter `slug`, `path` and `aliases`; taxonomies as configured; `post.fr.md` is served
/// under `/fr`.
enum ZolaSite {
    static func isZolaConfig(_ path: String) -> Bool {
        guard path.hasSuffix(".toml") else { return false }
        let config = SiteConfigFile(path: path)
        return config["base_url"] != nil
    }

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        let name: String
        if has("zola.toml") {
            name = "zola.toml"
        } else if has("config.toml"), isZolaConfig(PathUtilities.join(folder, "config.toml")) {
            name = "config.toml"
        } else {
            return nil
        }
        let config = SiteConfigFile(path: PathUtilities.join(folder, name))
        let language = config.string("default_language") ?? "en"
        var model = SiteModel(
            generator: .zola, root: folder, reason: "\(name) with base_url",
            contentRoots: [ContentRoot(folder: PathUtilities.join(folder, "content"), language: language)],
            staticRoots: [PathUtilities.join(folder, "static")])
        model.basePath = SiteURL.basePath(of: config.string("base_url") ?? "")
        model.defaultLanguage = language
        model.languages = SiteConfigFile.entries(config["languages"]).map(\.key)
        model.taxonomies = (config["taxonomies"]?.items ?? []).compactMap { $0["name"]?.scalarText }
        if let paths = config["slugify"]?["paths"]?.scalarText { model.slugifyPaths = paths }
        return model
    }

    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        var name = post.baseName
        var prefix = ""
        if let dot = PathUtilities.lastDot(in: name), site.languages.contains(String(name[name.index(after: dot)...])) {
            let language = String(name[name.index(after: dot)...])
            name = String(name[..<dot])
            if language != site.defaultLanguage { prefix = "/" + language }
        }
        let slugify: (String) -> String
        switch site.slugifyPaths {
        case "off": slugify = { $0 }
        case "safe": slugify = { String($0.map { $0 == " " ? "-" : $0 }) }
        // Transliterated as Zola does (Latin, Greek, Cyrillic, and CJK as `CJKTransliteration`
        // spells it); a name in another script keeps its letters, which Zola would spell in
        // ASCII words.
        default:
            slugify = { ZolaSlug.slugify($0) ?? CJKTransliteration.spelled($0).flatMap(ZolaSlug.slugify) ?? URLSlug.slugify($0) }
        }
        var parents = post.folders.map(slugify)
        let page: String
        if name == "_index" {
            page = prefix + "/" + parents.joined(separator: "/") + (parents.isEmpty ? "" : "/")
            routes.bundleFolder = PathUtilities.directory(of: post.path)
        } else {
            var leaf: String
            if name == "index" {
                leaf = post.folders.last ?? ""
                parents.removeLast(parents.isEmpty ? 0 : 1)
                routes.bundleFolder = PathUtilities.directory(of: post.path)
            } else {
                leaf = name
            }
            if let dated = URLSlug.datePrefix(of: leaf) { leaf = dated.rest }
            leaf = post.string("slug").map(slugify) ?? slugify(leaf)
            if let path = post.string("path") {
                // A page is always served as a folder: `path = "a/b"` is `/a/b/`.
                page = prefix + (path.hasPrefix("/") ? path : "/" + path) + (path.hasSuffix("/") ? "" : "/")
            } else {
                page = prefix + "/" + (parents + [leaf]).joined(separator: "/") + "/"
            }
        }
        routes.pages.append(page)
        for alias in post.strings("aliases") { routes.pages.append(alias.hasPrefix("/") ? alias : "/" + alias) }
        let taxonomies = post.frontMatter?["taxonomies"]
        for taxonomy in site.taxonomies {
            let terms = (taxonomies?[taxonomy]?.items ?? []).compactMap(\.scalarText)
            guard !terms.isEmpty else { continue }
            routes.listings.append(prefix + "/" + taxonomy + "/")
            for term in terms { routes.listings.append(prefix + "/" + taxonomy + "/" + slugify(term) + "/") }
        }
        return routes
    }
}
