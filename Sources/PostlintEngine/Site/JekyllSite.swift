import Foundation
import PostlintCore

/// Jekyll: `_config.yml` (or `_config.yaml`). Reads `permalink` (pretty, date, ordinal, none or a
/// pattern), `baseurl`, `collections` (with `output` and `permalink`), `collections_dir` and the
/// plugins that change routes and links (`jekyll-redirect-from`, `jekyll-relative-links`, the
/// latter also from the `Gemfile`) and `kramdown: input:` (which decides the anchor style). Every file outside `_` folders is served
/// as it is, so the site's folder is both its content and its static root.
enum JekyllSite {
    static let configNames = ["_config.yml", "_config.yaml"]

    static let styles = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "none": "/:categories/:title:output_ext",
        "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    ]

    static func detect(folder: String, has: (String) -> Bool) -> SiteModel? {
        guard let name = configNames.first(where: has) else { return nil }
        let config = SiteConfigFile(path: PathUtilities.join(folder, name))
        let source = config.string("source").map { PathUtilities.absolute($0, base: folder) } ?? folder
        var model = SiteModel(
            generator: .jekyll, root: folder, reason: name,
            contentRoots: [ContentRoot(folder: source)], staticRoots: [source])
        model.basePath = SiteURL.basePath(of: config.string("baseurl") ?? "")
        model.permalinks["posts"] = config.string("permalink") ?? "date"
        model.collectionsFolder = config.string("collections_dir")
        let collections = config["collections"]
        for entry in SiteConfigFile.entries(collections) {
            let output = SiteConfigFile.bool(entry.value["output"]) ?? false
            if entry.key == "posts" {
                if let permalink = entry.value["permalink"]?.scalarText { model.permalinks["posts"] = permalink }
                continue
            }
            if output { model.collections[entry.key] = entry.value["permalink"]?.scalarText }
        }
        let plugins = SiteConfigFile.strings(config["plugins"]) + SiteConfigFile.strings(config["gems"])
        model.redirectFrom = plugins.contains("jekyll-redirect-from")
        let gemfile: String? =
            has("Gemfile")
            ? (try? FileReader.read(PathUtilities.join(folder, "Gemfile")).get()).map { String(decoding: $0, as: UTF8.self) }
            : nil
        let (relativeLinks, why) = JekyllRelativeLinks.read(
            plugins: plugins, settings: config["relative_links"], gemfile: gemfile)
        model.relativeLinks = relativeLinks
        model.notes.append(why)
        // kramdown's own parser (`input: kramdown`) makes other heading ids than its GFM parser,
        // Jekyll's default.
        let input = config["kramdown"]?["input"]?.scalarText
        if let input, input.lowercased() == "kramdown" {
            model.anchorStyle = .kramdown
            model.notes.append("anchors in kramdown's style: kramdown: input: \(input)")
        } else {
            model.notes.append(
                "anchors in kramdown's GFM style: "
                    + (input.map { "kramdown: input: \($0)" } ?? "no kramdown: input:, so GFM, Jekyll's default"))
        }
        return model
    }

    /// The routes of a file under the site's folder; none for files Jekyll does not write (in a
    /// `_` folder other than `_posts` and written collections).
    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        var folders = post.folders
        if let dir = site.collectionsFolder, folders.first == dir { folders.removeFirst() }
        let style = site.permalinks["posts"] ?? "date"
        let pattern = styles[style] ?? style
        let outputExtension =
            ["md", "markdown", "mdown", "mkd", "mkdn", "html", "htm", "textile"]
                .contains(post.fileExtension.lowercased())
            ? ".html" : (post.fileExtension.isEmpty ? "" : "." + post.fileExtension)
        var page: String?
        if let postsIndex = folders.firstIndex(of: "_posts") {
            guard folders[..<postsIndex].allSatisfy({ !$0.hasPrefix("_") }),
                let dated = URLSlug.datePrefix(of: post.baseName)
            else { return routes }
            var categories = Array(folders[..<postsIndex])
            for category in post.strings("categories") + post.strings("category") where !categories.contains(category) {
                categories.append(category)
            }
            let date = post.string("date").flatMap(URLSlug.date(of:)) ?? (dated.year, dated.month, dated.day)
            let title = post.string("slug") ?? dated.rest
            page =
                post.string("permalink")
                ?? PermalinkPattern.expand(pattern) { token in
                    switch token {
                    case "categories": return categories.map { $0.lowercased() }.joined(separator: "/")
                    case "year": return date.year
                    case "month": return date.month
                    case "day": return date.day
                    case "i_month": return String(Int(date.month) ?? 0)
                    case "i_day": return String(Int(date.day) ?? 0)
                    case "short_year": return String(date.year.suffix(2))
                    case "title": return title
                    case "slug", "name": return URLSlug.slugify(title)
                    case "output_ext": return outputExtension
                    case "path": return post.pathWithoutExtension
                    case "basename": return post.baseName
                    default: return nil
                    }
                }
        } else if let first = folders.first, first.hasPrefix("_") {
            let name = String(first.dropFirst())
            guard let permalink = site.collections[name] else { return routes }
            let inner = (Array(folders.dropFirst()) + [post.baseName]).joined(separator: "/")
            page =
                post.string("permalink")
                ?? PermalinkPattern.expand(permalink ?? "/:collection/:path:output_ext") { token in
                    switch token {
                    case "collection": return name
                    case "path": return inner
                    case "name", "slug": return URLSlug.slugify(post.baseName)
                    case "title": return post.string("slug") ?? post.baseName
                    case "output_ext": return outputExtension
                    case "basename": return post.baseName
                    default: return nil
                    }
                }
        } else {
            let folderPath = folders.isEmpty ? "/" : "/" + folders.joined(separator: "/") + "/"
            if let permalink = post.string("permalink") {
                page = permalink
            } else if post.baseName == "index" {
                page = folderPath
            } else if style == "pretty" || pattern.hasSuffix("/") {
                page = folderPath + post.baseName + (outputExtension == ".html" ? "/" : outputExtension)
            } else {
                page = folderPath + post.baseName + outputExtension
            }
        }
        guard let page else { return routes }
        // Empty placeholders (no categories) leave repeated slashes, which Jekyll folds.
        let written = SiteURL.foldingSlashes(page.hasPrefix("/") ? page : "/" + page)
        routes.pages.append(written)
        if site.redirectFrom {
            for redirect in post.strings("redirect_from") {
                routes.pages.append(redirect.hasPrefix("/") ? redirect : "/" + redirect)
            }
        }
        return routes
    }

    /// Whether a folder under the site is walked for pages: not `_site`, not a `_` folder other
    /// than `_posts` and written collections (`_drafts`, `_includes` and `_layouts` are not pages).
    static func walks(folder name: String, site: SiteModel) -> Bool {
        guard name.hasPrefix("_") else { return name != "vendor" && name != "node_modules" }
        if name == "_posts" { return true }
        return site.collections[String(name.dropFirst())] != nil
    }
}
