/// Routes where a file's path is its URL as a folder (`a/b.md` → `/a/b/`, `index.md` → its
/// folder): Astro pages, Eleventy, and a plain site configured with `site: {content: ...}`. Front
/// matter `permalink` (Eleventy) overrides.
enum DirectoryRoutes {
    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        if site.generator == .eleventy, let permalink = post.string("permalink"),
            SiteConfigFile.bool(post.frontMatter?["permalink"]) == nil
        {
            routes.pages.append(permalink.hasPrefix("/") ? permalink : "/" + permalink)
            return routes
        }
        let folder = post.root.urlPrefix + (post.folders.isEmpty ? "/" : "/" + post.folders.joined(separator: "/") + "/")
        if post.baseName == "index" || post.baseName.lowercased() == "readme" {
            // With `.html` pages (Astro's `build.format: 'file'`), a folder's index is `/a.html`.
            routes.pages.append(site.uglyURLs && folder != "/" ? String(folder.dropLast()) + ".html" : folder)
        } else if site.uglyURLs {
            routes.pages.append(folder + post.baseName + ".html")
        } else {
            routes.pages.append(folder + post.baseName + "/")
        }
        return routes
    }
}
