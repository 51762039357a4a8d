import PostlintCore

/// What postlint knows of a site: its generator and the settings that decide its URLs, read from
/// the generator's configuration (`SiteDetector`) and then from `site:` in `.postlint.yml`.
public struct SiteModel: Sendable, Equatable {
    public var generator: SiteGenerator
    /// The folder holding the generator's configuration (absolute).
    public var root: String
    /// Why this generator: the file that says so, or the configuration key.
    public var reason: String
    public var contentRoots: [ContentRoot]
    /// Folders whose files are served as they are, at the site's root (absolute).
    public var staticRoots: [String]
    /// The path the site is served under (`/docs` for `baseurl: /docs`); `""` at the root.
    public var basePath: String = ""
    public var anchorStyle: AnchorStyle
    /// Root-relative prefixes served by something else (`/windows/`): links under them are not checked.
    public var external: [String] = []
    /// URL patterns: per Hugo section, per Jekyll collection (`posts`, `pages`), Zola unused.
    public var permalinks: [String: String] = [:]
    /// Hugo `uglyURLs`, MkDocs `use_directory_urls: false`: pages end in `.html`, not `/`.
    public var uglyURLs = false
    /// Plural taxonomy names whose term pages the site makes (`tags` → `/tags/x/`).
    public var taxonomies: [String] = []
    /// Language codes; the default one is served without a prefix unless `defaultLanguageInSubdir`.
    public var languages: [String] = []
    public var defaultLanguage: String?
    public var defaultLanguageInSubdir = false
    /// Jekyll: collections that are written out, with their permalink (nil for the default).
    public var collections: [String: String?] = [:]
    /// Jekyll `collections_dir`: the folder the `_name` collection folders are in.
    public var collectionsFolder: String?
    /// Zola `slugify.paths`: `on` (the default), `safe` or `off`.
    public var slugifyPaths = "on"
    /// Jekyll plugins that change routes: `jekyll-redirect-from` (redirect_from adds routes).
    public var redirectFrom = false
    /// Hugo: the site has its own link render hook (`layouts/**/_markup/render-link.html`), which
    /// decides where relative links go (often by looking pages up without regard to case): such
    /// links are then judged as routes only when found, never as missing, and routes match
    /// without regard to letter case.
    public var linkRenderHook = false
    /// Hugo `markup.goldmark.parser.autoDefinitionTermID`: a definition list's terms get ids
    /// as headings do.
    public var definitionTermIDs = false
    /// Whether links to files find them whatever their letter case (DocFX): a name on disk that
    /// differs from the link only in case is the file linked to.
    public var fileLinksIgnoreLetterCase = false
    /// DocFX: the source files a redirection file lists (absolute, lower case): links to them
    /// follow the redirect.
    public var redirectedSources: Set<String> = []
    /// Jekyll: whether relative links to posts' sources (`other-post.md`) are rewritten to their
    /// pages (the jekyll-relative-links plugin); nil where the generator is not Jekyll.
    public var relativeLinks: JekyllRelativeLinks?
    /// Docusaurus: the blog's content folder (absolute), whose posts get dated routes.
    public var blogRoot: String?
    /// Folders under a content root that are not walked for posts (Eleventy's output folder).
    public var excludedFolders: [String] = []
    /// How settings that the configuration does not state were decided (defaults taken, values
    /// that could not be read): `postlint site` prints them.
    public var notes: [String] = []

    public init(
        generator: SiteGenerator, root: String, reason: String, contentRoots: [ContentRoot],
        staticRoots: [String], anchorStyle: AnchorStyle? = nil
    ) {
        self.generator = generator
        self.root = root
        self.reason = reason
        self.contentRoots = contentRoots
        self.staticRoots = staticRoots
        self.anchorStyle = anchorStyle ?? generator.defaultAnchorStyle
    }
}
