import PostlintCore

/// Every route of one site, built once from its content roots' listings and each post's front
/// matter (nothing else of a post is read).
struct RouteTable: Sendable {
    /// What is served at a route.
    struct Target: Sendable {
        /// The post the page is made from (absolute), or nil for a listing page.
        var post: String?
        /// The folder the page's resources are served from, for bundles.
        var folder: String?
        /// Whether the page's anchors can be known from the post (not when its layout writes ids).
        var anchorsKnown = true
    }

    /// By `SiteURL.key`.
    private(set) var routes: [String: Target] = ["": Target()]
    /// Each post's own page (absolute path → route as made, with its trailing slash or `.html`).
    private(set) var pageOfPost: [String: String] = [:]
    /// `routes` by lower-cased key, filled only for sites with a link render hook.
    private(set) var lowercasedRoutes: [String: Target] = [:]
    /// The first names of every route, static and content entry: a missing path under one of
    /// them is broken; a path under none is not known.
    private(set) var knownFirstNames: Set<String> = []
    /// Each post's routes in walk order, for `postlint site`.
    private(set) var posts: [(path: String, routes: [String])] = []

    static let postExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdx", "html", "htm", "astro"]

    /// A post the walk found, to be read for its routes.
    struct FoundPost: Sendable {
        /// Absolute.
        var path: String
        /// Below its content root.
        var relative: String
        var root: ContentRoot
    }

    /// What the walk of the content roots found: the posts in walk order, and the names of the
    /// files at the top of each root.
    struct Listing: Sendable {
        var posts: [FoundPost] = []
        var firstNames: Set<String> = []
    }

    /// A post read: its routes, and its layout (Jekyll's, whose template may write its ids).
    struct ReadPost: Sendable {
        /// Absolute.
        var path: String
        var routes: PostRoutes
        var layout: String?
    }

    /// The table of `site`, its posts read one after another (`RouteTableBuild` reads them on
    /// every thread that waits for the table).
    init(site: SiteModel, fileSystem: LocalFileSystem = LocalFileSystem()) {
        let listing = Self.listing(of: site, fileSystem: fileSystem)
        self.init(site: site, listing: listing, read: listing.posts.map { Self.read($0, site: site) }, fileSystem: fileSystem)
    }

    /// The table made from the walk's `listing` and its posts as read (in the listing's order).
    init(site: SiteModel, listing: Listing, read: [ReadPost], fileSystem: LocalFileSystem = LocalFileSystem()) {
        for root in site.contentRoots {
            if let first = SiteURL.firstName(ofKey: SiteURL.key(root.urlPrefix)) { knownFirstNames.insert(String(first)) }
        }
        knownFirstNames.formUnion(listing.firstNames)
        for var post in read {
            if let layout = post.layout, layoutWritesIDs(layout, site: site) {
                post.routes.anchorsUnknown = true
            }
            add(post.path, routes: post.routes)
        }
        if site.linkRenderHook {
            for (key, target) in routes { lowercasedRoutes[key.lowercased()] = target }
        }
        for folder in site.staticRoots {
            for name in fileSystem.entries(of: folder) ?? [] where !name.hasPrefix(".") { knownFirstNames.insert(name) }
        }
    }

    /// The posts of `site`'s content roots, in walk order (nothing of them read yet).
    static func listing(of site: SiteModel, fileSystem: LocalFileSystem) -> Listing {
        var listing = Listing()
        for root in site.contentRoots {
            walk(root.folder, relative: "", root: root, site: site, fileSystem: fileSystem, depth: 0, into: &listing)
        }
        return listing
    }

    /// A found post read: its front matter (when the generator's routes depend on it) and routes.
    static func read(_ found: FoundPost, site: SiteModel) -> ReadPost {
        let head = site.generator.routesReadFrontMatter ? Self.head(of: found.path) : []
        let post = SitePost(path: found.path, root: found.root, relative: found.relative, bytes: head)
        return ReadPost(path: found.path, routes: routes(of: post, site: site), layout: post.string("layout"))
    }

    /// Lists the posts below `folder`. Folders are entered only when their directory entry says
    /// they are folders (a link to a folder is never followed, so a cycle of links cannot hold the
    /// walk), and no deeper than 64.
    private static func walk(
        _ folder: String, relative: String, root: ContentRoot, site: SiteModel,
        fileSystem: LocalFileSystem, depth: Int, into listing: inout Listing
    ) {
        guard depth < 64, let entries = fileSystem.listing(of: folder) else { return }
        for name in entries.names.sorted() where !name.hasPrefix(".") && name != "node_modules" {
            let path = PathUtilities.join(folder, name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            // A link or an entry of unknown type: a file if `stat` says so, never a folder to enter.
            let kind = entries.kind(of: name) ?? (fileSystem.kind(of: path) == .file ? .file : .missing)
            switch kind {
            case .directory:
                if site.excludedFolders.contains(path) { continue }
                if site.generator == .jekyll {
                    guard JekyllSite.walks(folder: name, site: site), !(depth == 0 && name == "_site") else { continue }
                } else if depth == 0, site.contentRoots.contains(where: { $0.folder == path }) {
                    continue
                }
                walk(
                    path, relative: relativePath, root: root, site: site, fileSystem: fileSystem, depth: depth + 1,
                    into: &listing)
            case .file:
                if depth == 0, site.generator != .jekyll, site.generator != .eleventy {
                    listing.firstNames.insert(name)
                }
                guard let dot = PathUtilities.lastDot(in: name),
                    Self.postExtensions.contains(name[name.index(after: dot)...].lowercased())
                else { continue }
                if site.generator == .astro, name.hasPrefix("_") { continue }
                listing.posts.append(FoundPost(path: path, relative: relativePath, root: root))
            case .missing:
                continue
            }
        }
    }

    /// Jekyll layouts (by name) that write `id` attributes from template values: a page laid out
    /// by one has anchors that cannot be known from its source.
    private var layoutsWritingIDs: [String: Bool] = [:]

    private mutating func layoutWritesIDs(_ layout: String, site: SiteModel) -> Bool {
        guard site.generator == .jekyll, !layout.utf8.contains(UInt8(ascii: "/")) else { return false }
        if let known = layoutsWritingIDs[layout] { return known }
        var writes = false
        if case .success(let bytes) = FileReader.read(
            PathUtilities.join(PathUtilities.join(site.root, "_layouts"), layout + ".html"))
        {
            let text = String(decoding: bytes, as: UTF8.self)
            writes = ["id=\"{{", "id='{{", "id={{", "id=\"{%"].contains { text.contains($0) }
        }
        layoutsWritingIDs[layout] = writes
        return writes
    }

    /// The first 64 KiB of a file: enough for any front matter a route depends on.
    private static func head(of path: String) -> [UInt8] {
        guard case .success(let bytes) = FileReader.read(path) else { return [] }
        return bytes.count > 65_536 ? Array(bytes[..<65_536]) : bytes
    }

    static func routes(of post: SitePost, site: SiteModel) -> PostRoutes {
        switch site.generator {
        case .hugo: return HugoSite.routes(of: post, site: site)
        case .jekyll: return JekyllSite.routes(of: post, site: site)
        case .zola: return ZolaSite.routes(of: post, site: site)
        case .docusaurus: return DocusaurusSite.routes(of: post, site: site)
        case .mkdocs: return MkDocsSite.routes(of: post, site: site)
        case .docfx: return DocFXSite.routes(of: post, site: site)
        case .astro, .eleventy, .plain: return DirectoryRoutes.routes(of: post, site: site)
        }
    }

    /// Files a post's routes under their keys (a post's page wins over a listing at the same key).
    mutating func add(_ path: String, routes: PostRoutes) {
        guard let page = routes.pages.first else { return }
        pageOfPost[path] = page
        posts.append((path, routes.pages))
        for route in routes.pages {
            insert(
                Target(post: path, folder: routes.bundleFolder, anchorsKnown: !routes.anchorsUnknown),
                at: SiteURL.key(route), replacing: true)
        }
        for route in routes.listings { insert(Target(), at: SiteURL.key(route), replacing: false) }
    }

    private mutating func insert(_ target: Target, at key: String, replacing: Bool) {
        if replacing || self.routes[key] == nil { self.routes[key] = target }
        if let first = SiteURL.firstName(ofKey: key) { knownFirstNames.insert(String(first)) }
    }

    func target(ofKey key: String) -> Target? { routes[key] }

    /// The target of a key compared in lower case (for sites whose render hook looks pages up so).
    func target(ofLowercasedKey key: String) -> Target? { lowercasedRoutes[key] }
}
