import Foundation
import PostlintCore

/// Hugo: `hugo.toml|yaml|yml|json`, `config.toml|yaml|json` beside a `content` folder, or
/// `config/_default/`. Reads contentDir, staticDir (a name or a list), permalinks, uglyURLs,
/// baseURL's path, defaultContentLanguage(InSubdir), languages (with their contentDir) and
/// taxonomies. Keys are compared without regard to letter case, as Hugo does.
enum HugoSite {
    static let configNames = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]
    static let legacyNames = ["config.toml", "config.yaml", "config.yml", "config.json"]

    static func detect(folder: String, has: (String) -> Bool, isFolder: (String) -> Bool) -> SiteModel? {
        var files: [String] = []
        if let name = configNames.first(where: has) {
            files.append(name)
        } else if let name = legacyNames.first(where: has), isFolder("content"),
            !ZolaSite.isZolaConfig(PathUtilities.join(folder, name))
        {
            files.append(name)
        }
        // `config/_default/`: the configuration split into files, one per root key
        // (`languages.toml`, `permalinks.yaml`, …), with or without a `hugo.toml` among them,
        // merged over a root file if there is one.
        if isFolder("config") {
            let split = splitConfiguration(in: PathUtilities.join(PathUtilities.join(folder, "config"), "_default"))
            if files.isEmpty, !split.contains(where: { isMainFile($0) }), !(isFolder("content") && !split.isEmpty) {
                return nil
            }
            files += split.map { "config/_default/" + $0 }
        }
        guard !files.isEmpty else { return nil }
        var settings = Settings()
        for file in files {
            let config = SiteConfigFile(path: PathUtilities.join(folder, file))
            let name = PathUtilities.fileName(of: file)
            if isMainFile(name) {
                settings.read(config.root)
            } else if name.hasPrefix("languages.") {
                settings.read(languages: config.root)
            } else if name.hasPrefix("permalinks.") {
                settings.read(permalinks: config.root)
            } else if name.hasPrefix("taxonomies.") {
                settings.read(taxonomies: config.root)
            } else if name.hasPrefix("module.") {
                if let root = config.root { settings.read(mounts: settings.value(root, "mounts")) }
            } else if name.hasPrefix("markup.") {
                settings.read(markup: config.root)
            }
        }
        var model = settings.model(folder: folder, reason: files.joined(separator: ", "))
        let local = LocalFileSystem()
        model.linkRenderHook = ["layouts/_markup/render-link.html", "layouts/_default/_markup/render-link.html"]
            .contains { local.kind(of: PathUtilities.join(folder, $0)) == .file }
        return model
    }

    /// The root keys a split configuration's files may hold that decide URLs.
    static let splitParts = ["languages", "permalinks", "taxonomies", "module", "markup"]

    static func isMainFile(_ name: String) -> Bool { (configNames + legacyNames).contains(name) }

    /// The files of a `config/_default/` folder that postlint reads: the main file first, then
    /// one per root key that decides URLs.
    static func splitConfiguration(in folder: String) -> [String] {
        let listing = Set(LocalFileSystem().entries(of: folder) ?? [])
        var files = (configNames + legacyNames).filter { listing.contains($0) }.prefix(1).map { $0 }
        for part in splitParts {
            for ext in ["toml", "yaml", "yml", "json"] where listing.contains("\(part).\(ext)") {
                files.append("\(part).\(ext)")
            }
        }
        return files
    }

    /// What Hugo's configuration says about URLs.
    struct Settings {
        var contentDir = "content"
        var staticDirs = ["static"]
        var permalinks: [String: String] = [:]
        var uglyURLs = false
        var baseURL = ""
        var defaultLanguage = "en"
        var defaultLanguageInSubdir = false
        /// Code and contentDir, in the order given.
        var languages: [(code: String, contentDir: String?)] = []
        var taxonomies = ["tags", "categories"]
        /// `module.mounts` with target `content`: source folder and language; they replace contentDir.
        var contentMounts: [(source: String, language: String?)] = []
        /// `module.mounts` with target `static`: they replace staticDir.
        var staticMounts: [String] = []
        /// `markup.goldmark.parser.autoDefinitionTermID`: definition terms get ids as headings do.
        var definitionTermIDs = false

        mutating func read(_ root: FrontMatterNode?) {
            guard let root else { return }
            if let value = value(root, "contentDir")?.scalarText { contentDir = value }
            let statics = SiteConfigFile.strings(value(root, "staticDir"))
            if !statics.isEmpty { staticDirs = statics }
            if let value = SiteConfigFile.bool(value(root, "uglyURLs")) { uglyURLs = value }
            if let value = value(root, "baseURL")?.scalarText { baseURL = value }
            if let value = value(root, "defaultContentLanguage")?.scalarText { defaultLanguage = value.lowercased() }
            if let value = SiteConfigFile.bool(value(root, "defaultContentLanguageInSubdir")) {
                defaultLanguageInSubdir = value
            }
            read(permalinks: value(root, "permalinks"))
            read(languages: value(root, "languages"))
            read(taxonomies: value(root, "taxonomies"))
            if let module = value(root, "module") { read(mounts: value(module, "mounts")) }
            read(markup: value(root, "markup"))
        }

        /// `markup`: `goldmark.parser.autoDefinitionTermID`.
        mutating func read(markup node: FrontMatterNode?) {
            guard let node, let goldmark = value(node, "goldmark"), let parser = value(goldmark, "parser"),
                let on = SiteConfigFile.bool(value(parser, "autoDefinitionTermID"))
            else { return }
            definitionTermIDs = on
        }

        /// `[[module.mounts]]`: `source`, `target`, and the language as `lang` or `sites.matrix.languages`.
        mutating func read(mounts node: FrontMatterNode?) {
            for mount in node?.items ?? [] {
                guard let source = value(mount, "source")?.scalarText, let target = value(mount, "target")?.scalarText
                else { continue }
                var language = value(mount, "lang")?.scalarText
                if language == nil, let sites = value(mount, "sites"), let matrix = value(sites, "matrix") {
                    language = SiteConfigFile.strings(value(matrix, "languages")).first
                }
                if target == "content" {
                    contentMounts.append((source, language?.lowercased()))
                } else if target == "static" {
                    staticMounts.append(source)
                }
            }
        }

        mutating func read(permalinks node: FrontMatterNode?) {
            for entry in SiteConfigFile.entries(node) {
                let key = entry.key.lowercased()
                if let pattern = entry.value.scalarText {
                    permalinks[key] = pattern
                } else if ["page", "section", "term", "taxonomy"].contains(key) {
                    // The newer form, by page kind: permalinks.page.<section> (kept as the section's
                    // name), permalinks.term.<taxonomy> (as `term:<taxonomy>`), and so on.
                    for inner in SiteConfigFile.entries(entry.value) {
                        guard let pattern = inner.value.scalarText else { continue }
                        permalinks[(key == "page" ? "" : key + ":") + inner.key.lowercased()] = pattern
                    }
                }
            }
        }

        mutating func read(languages node: FrontMatterNode?) {
            let entries = SiteConfigFile.entries(node)
            guard !entries.isEmpty else { return }
            languages = entries.map { entry in
                (entry.key.lowercased(), value(entry.value, "contentDir")?.scalarText)
            }
        }

        mutating func read(taxonomies node: FrontMatterNode?) {
            let entries = SiteConfigFile.entries(node)
            guard node != nil else { return }
            taxonomies = entries.compactMap { $0.value.scalarText }
        }

        /// `key` in a mapping, compared without regard to letter case.
        func value(_ node: FrontMatterNode, _ key: String) -> FrontMatterNode? {
            let lower = key.lowercased()
            return SiteConfigFile.entries(node).last { $0.key.lowercased() == lower }?.value
        }

        func model(folder: String, reason: String) -> SiteModel {
            let defaultContent = PathUtilities.absolute(contentDir, base: folder)
            var roots: [ContentRoot] = []
            for mount in contentMounts {
                let language = mount.language ?? defaultLanguage
                roots.append(
                    ContentRoot(
                        folder: PathUtilities.absolute(mount.source, base: folder),
                        urlPrefix: prefix(of: language), language: language))
            }
            for language in languages where contentMounts.isEmpty {
                guard let dir = language.contentDir else { continue }
                roots.append(
                    ContentRoot(
                        folder: PathUtilities.absolute(dir, base: folder),
                        urlPrefix: prefix(of: language.code), language: language.code))
            }
            if contentMounts.isEmpty, !roots.contains(where: { $0.folder == defaultContent }) {
                roots.append(
                    ContentRoot(
                        folder: defaultContent, urlPrefix: prefix(of: defaultLanguage),
                        language: defaultLanguage))
            }
            var model = SiteModel(
                generator: .hugo, root: folder, reason: reason, contentRoots: roots,
                staticRoots: (staticMounts.isEmpty ? staticDirs : staticMounts).map { PathUtilities.absolute($0, base: folder) })
            model.basePath = SiteURL.basePath(of: baseURL)
            model.permalinks = permalinks
            model.uglyURLs = uglyURLs
            model.taxonomies = taxonomies
            model.languages = languages.map(\.code)
            model.defaultLanguage = defaultLanguage
            model.defaultLanguageInSubdir = defaultLanguageInSubdir
            model.definitionTermIDs = definitionTermIDs
            return model
        }

        func prefix(of language: String) -> String {
            language == defaultLanguage && !defaultLanguageInSubdir ? "" : "/" + language
        }
    }

    /// The routes of a post: its page, its aliases, and the section and taxonomy pages it implies.
    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        var routes = PostRoutes()
        var name = post.baseName
        var prefix = post.root.urlPrefix
        // `post.fr.md`: a translation, served under its language's prefix.
        if let dot = PathUtilities.lastDot(in: name),
            site.languages.contains(String(name[name.index(after: dot)...]).lowercased())
        {
            let language = String(name[name.index(after: dot)...]).lowercased()
            name = String(name[..<dot])
            prefix = language == (site.defaultLanguage ?? "en") && !site.defaultLanguageInSubdir ? "" : "/" + language
        }
        let folders = post.folders
        let isSection = name == "_index"
        let isBundle = name == "index"
        let ending = site.uglyURLs ? ".html" : "/"
        var page: String
        if let url = post.string("url") {
            // In a multilingual site a `url` without a leading slash is under the language's
            // prefix; with one (or in a site of one language) it is from the site's root.
            page = url.hasPrefix("/") ? url : (site.languages.count > 1 ? prefix : "") + "/" + url
        } else if isSection {
            page = prefix + "/" + folders.map(URLSlug.hugo).joined(separator: "/") + (folders.isEmpty ? "" : "/")
        } else {
            var parents = folders
            var leaf = isBundle ? (parents.popLast() ?? "") : name
            let fileName = leaf
            if let slug = post.string("slug") { leaf = slug }
            if let section = folders.first, let pattern = site.permalinks[section.lowercased()] {
                page =
                    prefix
                    + expand(
                        pattern, post: post, section: section, sections: parents, slug: post.string("slug"),
                        fileName: fileName)
            } else if isBundle, parents.isEmpty, leaf.isEmpty {
                page = prefix + "/"
            } else {
                page = prefix + "/" + (parents + [leaf]).map(URLSlug.hugo).joined(separator: "/") + ending
            }
        }
        routes.pages.append(page)
        for alias in post.strings("aliases") {
            routes.pages.append(alias.hasPrefix("/") ? alias : SiteURL.resolve(alias, against: page))
        }
        // A top-level folder is a section with a list page; deeper ones only with an `_index.md`
        // (which adds its own route), and a leaf bundle's folder is its page, not a section.
        if let section = folders.first, !(isBundle && folders.count == 1) {
            let pattern = site.permalinks["section:" + section.lowercased()]
            routes.listings.append(prefix + (pattern.map { listing($0, name: section) } ?? "/" + URLSlug.hugo(section) + "/"))
        }
        for taxonomy in site.taxonomies {
            let terms = post.strings(taxonomy)
            guard !terms.isEmpty else { continue }
            let key = taxonomy.lowercased()
            let listPattern = site.permalinks["taxonomy:" + key]
            routes.listings.append(
                prefix + (listPattern.map { listing($0, name: taxonomy) } ?? "/" + URLSlug.hugo(taxonomy) + "/"))
            // Term pages: `permalinks.term.<taxonomy>`, or the older `permalinks.<taxonomy>`.
            let termPattern = site.permalinks["term:" + key] ?? site.permalinks[key]
            for term in terms {
                routes.listings.append(
                    prefix
                        + (termPattern.map { listing($0, name: term, taxonomy: taxonomy) }
                            ?? "/" + URLSlug.hugo(taxonomy) + "/" + URLSlug.hugo(term) + "/"))
            }
        }
        if isSection || isBundle { routes.bundleFolder = PathUtilities.directory(of: post.path) }
        return routes
    }

    /// A list page's `permalinks` pattern (a section, a taxonomy or a term named `name`): its
    /// name for `:slug`, `:title` and `:filename`, the taxonomy for `:section`.
    static func listing(_ pattern: String, name: String, taxonomy: String? = nil) -> String {
        let result = PermalinkPattern.expand(pattern) { token in
            switch token {
            case "slug", "title", "filename", "contentbasename", "slugorfilename", "slugorcontentbasename":
                return URLSlug.hugo(name)
            case "section", "sections": return URLSlug.hugo(taxonomy ?? name)
            default: return nil
            }
        }
        return result.hasPrefix("/") ? result : "/" + result
    }

    /// A `permalinks` pattern with the post's values put in.
    static func expand(
        _ pattern: String, post: SitePost, section: String, sections: [String], slug: String?,
        fileName: String
    ) -> String {
        let date = post.string("date").flatMap(URLSlug.date(of:))
        let result = PermalinkPattern.expand(pattern) { token in
            switch token {
            case "slugorcontentbasename", "slugorfilename": return URLSlug.hugo(slug ?? fileName)
            case "contentbasename", "filename": return URLSlug.hugo(fileName)
            case "sections": return sections.map(URLSlug.hugo).joined(separator: "/")
            case "section": return URLSlug.hugo(section)
            case "title": return URLSlug.hugo(post.string("title") ?? fileName)
            case "slug": return URLSlug.hugo(slug ?? post.string("title") ?? fileName)
            case "year": return date?.year ?? ""
            case "month": return date?.month ?? ""
            case "day": return date?.day ?? ""
            default: return nil
            }
        }
        return result.hasPrefix("/") ? result : "/" + result
    }
}
