import PostlintCore

/// What the jekyll-relative-links plugin does on a Jekyll site: when on, a relative link to a
/// post's source (`[x](other-post.md)`) is rewritten to that post's page, in pages always and in
/// collection documents (posts included) only with `relative_links: collections: true`. When off,
/// such a link stays as written, and a Markdown source with front matter is not served at it.
public struct JekyllRelativeLinks: Sendable, Equatable {
    public var enabled: Bool
    /// Whether links in collection documents (posts included) are rewritten too.
    public var inCollections: Bool

    public init(enabled: Bool, inCollections: Bool) {
        self.enabled = enabled
        self.inCollections = inCollections
    }

    /// Whether a link written in the post at `relative` (its path under the site's folder) is
    /// rewritten: collection documents are those in a `_` folder (`_posts`, `_guides`).
    public func rewritesLinks(inPostAt relative: String) -> Bool {
        guard enabled else { return false }
        if inCollections { return true }
        return !relative.split(separator: "/").dropLast().contains { $0.hasPrefix("_") }
    }

    /// Read from `_config.yml` and the site's `Gemfile`: on when `plugins:` (or the older `gems:`)
    /// lists `jekyll-relative-links`, or when the site is built by GitHub Pages, which turns it on
    /// by default (a `Gemfile` naming `github-pages`, or no `Gemfile` at all, as a repository that
    /// Pages builds needs none); off when a `Gemfile` builds the site with a Jekyll of its own
    /// and the plugin is not listed, and whenever `relative_links: enabled: false`. The second
    /// value says why, for `postlint site`.
    static func read(plugins: [String], settings: FrontMatterNode?, gemfile: String?) -> (JekyllRelativeLinks, String) {
        let inCollections = SiteConfigFile.bool(settings?["collections"]) ?? false
        let scope = inCollections ? "in pages and collections" : "in pages, not in posts or collections"
        if SiteConfigFile.bool(settings?["enabled"]) == false {
            return (
                JekyllRelativeLinks(enabled: false, inCollections: inCollections),
                "relative links to .md sources are not rewritten: relative_links: enabled: false"
            )
        }
        if plugins.contains("jekyll-relative-links") {
            return (
                JekyllRelativeLinks(enabled: true, inCollections: inCollections),
                "relative links to .md sources are rewritten \(scope): plugins lists jekyll-relative-links"
            )
        }
        guard let gemfile else {
            return (
                JekyllRelativeLinks(enabled: true, inCollections: inCollections),
                "relative links to .md sources are rewritten \(scope): no Gemfile, so taken as built by GitHub Pages, which turns jekyll-relative-links on"
            )
        }
        if gemfile.contains("github-pages") {
            return (
                JekyllRelativeLinks(enabled: true, inCollections: inCollections),
                "relative links to .md sources are rewritten \(scope): the Gemfile names github-pages, which turns jekyll-relative-links on"
            )
        }
        return (
            JekyllRelativeLinks(enabled: false, inCollections: inCollections),
            "relative links to .md sources are not rewritten: the Gemfile builds the site without github-pages and plugins does not list jekyll-relative-links"
        )
    }
}
