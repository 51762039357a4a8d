import PostlintCore

/// MkDocs: `mkdocs.yml`. `docs_dir` (default `docs`) holds the pages and the files served with
/// them; `use_directory_urls` (default true) serves `a/b.md` at `/a/b/`, else `/a/b.html`;
/// `index.md` and `README.md` are their folder's page; `site_url`'s path is the base.
enum MkDocsSite {
    static let configNames = ["mkdocs.yml", "mkdocs.yaml"]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        let config = SiteConfigFile(path: PathUtilities.join(folder, name))
        let docs = PathUtilities.absolute(config.string("docs_dir") ?? "docs", base: folder)
        var model = SiteModel(
            generator: .mkdocs, root: folder, reason: name, contentRoots: [ContentRoot(folder: docs)],
            staticRoots: [docs])
        model.uglyURLs = config.bool("use_directory_urls") == false
        model.basePath = SiteURL.basePath(of: config.string("site_url") ?? "")
        return model
    }

    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        let folder = post.folders.isEmpty ? "/" : "/" + post.folders.joined(separator: "/") + "/"
        if post.baseName == "index" || post.baseName.lowercased() == "readme" {
            routes.pages.append(folder)
        } else {
            routes.pages.append(folder + post.baseName + (site.uglyURLs ? ".html" : "/"))
        }
        return routes
    }
}
