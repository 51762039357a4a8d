import Testing
import PostlintCore
@testable import PostlintEngine

/// Jekyll's URLs: permalink styles and patterns, categories from folders and front matter, pages,
/// collections, baseurl, redirect_from, and pages whose layout writes their ids.
@Suite struct JekyllSiteTests {
    static let posts: [String: String] = [
        "_posts/2024-03-02-sowing-beans.md": "---\ntitle: Sowing beans\n---\n",
        "garden/_posts/2024-04-13-tomato-cages.md": "---\ntitle: Cages\ncategories: [Veg]\nredirect_from: [/cages/]\n---\n",
        "about.md": "---\ntitle: About\n---\n",
        "docs/index.md": "---\ntitle: Docs\n---\n",
        "tags.md": "---\nlayout: tags\npermalink: /tags/\n---\n",
        "_layouts/tags.html": "{% for tag in site.tags %}<h2 id=\"{{ tag[0] }}\">{% endfor %}",
        "_drafts/2024-01-01-draft.md": "---\ntitle: Draft\n---\n",
        "_guides/pruning.md": "---\ntitle: Pruning\n---\n",
        "_notes/private.md": "---\ntitle: Private\n---\n",
        "assets/site.css": "body {}",
    ]

    private func site(_ config: String) throws -> SiteTesting {
        try SiteTesting(Self.posts.merging(["_config.yml": config]) { $1 })
    }

    @Test func theDefaultDateStyleAndPages() throws {
        let site = try site("title: Notes\n")
        #expect(site.site.generator == .jekyll)
        #expect(site.site.anchorStyle == .kramdownGFM)
        #expect(site.routes(of: "_posts/2024-03-02-sowing-beans.md") == ["/2024/03/02/sowing-beans.html"])
        #expect(site.routes(of: "garden/_posts/2024-04-13-tomato-cages.md") == ["/garden/veg/2024/04/13/tomato-cages.html"])
        #expect(site.routes(of: "about.md") == ["/about.html"])
        #expect(site.routes(of: "docs/index.md") == ["/docs/"])
        #expect(site.routes(of: "_drafts/2024-01-01-draft.md").isEmpty)
        #expect(site.routes(of: "_guides/pruning.md").isEmpty)
        // Without jekyll-redirect-from, redirect_from makes no route.
        #expect(site.resolve("/cages/") == .unknown)
        #expect(site.resolve("/assets/site.css") == .served)
        #expect(site.resolve("/assets/missing.css") == .missing(route: "/assets/missing.css"))
    }

    @Test func prettyAndPatternPermalinksWithCategories() throws {
        let pretty = try site("permalink: pretty\n")
        #expect(pretty.routes(of: "_posts/2024-03-02-sowing-beans.md") == ["/2024/03/02/sowing-beans/"])
        #expect(pretty.routes(of: "about.md") == ["/about/"])
        let pattern = try site("permalink: /:categories/:year/:title/\n")
        #expect(pattern.routes(of: "garden/_posts/2024-04-13-tomato-cages.md") == ["/garden/veg/2024/tomato-cages/"])
        #expect(
            pattern.resolve("/garden/veg/2024/tomato-cages/")
                == .post(path: pattern.path("garden/_posts/2024-04-13-tomato-cages.md")))
        #expect(pattern.resolve("/garden/veg/2024/tomato-cage/") == .missing(route: "/garden/veg/2024/tomato-cage/"))
    }

    @Test func collectionsBaseurlAndRedirects() throws {
        let site = try site(
            """
            baseurl: /field-notes
            plugins: [jekyll-redirect-from]
            collections:
              guides:
                output: true
                permalink: /guides/:name/
              notes:
                output: false
            """)
        #expect(site.site.basePath == "/field-notes")
        #expect(site.routes(of: "_guides/pruning.md") == ["/field-notes/guides/pruning/"])
        #expect(site.routes(of: "_notes/private.md").isEmpty)
        #expect(site.resolve("/field-notes/guides/pruning/") == .post(path: site.path("_guides/pruning.md")))
        #expect(site.resolve("/field-notes/cages/") == .post(path: site.path("garden/_posts/2024-04-13-tomato-cages.md")))
        #expect(site.resolve("/guides/pruning/") == .missing(route: "/guides/pruning/ (outside the base URL /field-notes/)"))
    }

    @Test func aPageWhoseLayoutWritesIDsHasNoAnchorsToCheck() throws {
        let site = try site("")
        #expect(site.resolve("/tags/") == .served)
        #expect(site.resolve("/about.html") == .post(path: site.path("about.md")))
    }

    @Test func frontMatterPermalinkWins() throws {
        let site = try SiteTesting([
            "_config.yml": "permalink: pretty\n",
            "_posts/2020-01-05-a.md": "---\npermalink: /special/\n---\n",
            "contact.md": "---\npermalink: /reach-us/\n---\n",
        ])
        #expect(site.routes(of: "_posts/2020-01-05-a.md") == ["/special/"])
        #expect(site.routes(of: "contact.md") == ["/reach-us/"])
    }

    @Test func relativeLinksToSourcesFollowTheRelativeLinksPlugin() throws {
        let about = "about.md"
        let post = "_posts/2024-03-02-sowing-beans.md"
        // Listed in plugins: links in pages are rewritten, in posts only with collections: true.
        let listed = try site("plugins: [jekyll-relative-links]\n")
        #expect(listed.site.relativeLinks == JekyllRelativeLinks(enabled: true, inCollections: false))
        #expect(listed.resolver.unservedSource(listed.path(about), linkedFrom: "docs/index.md") == nil)
        #expect(listed.resolver.unservedSource(listed.path(about), linkedFrom: post) == "/about.html")
        let everywhere = try site("plugins: [jekyll-relative-links]\nrelative_links: {collections: true}\n")
        #expect(everywhere.resolver.unservedSource(everywhere.path(about), linkedFrom: post) == nil)
        // No Gemfile: built by GitHub Pages, which turns the plugin on.
        let pages = try site("title: Notes\n")
        #expect(pages.site.relativeLinks?.enabled == true)
        #expect(pages.site.notes.contains { $0.contains("GitHub Pages") })
        // A Gemfile of its own without the plugin: links to sources stay as written and break.
        let own = try SiteTesting(
            Self.posts.merging(["_config.yml": "title: Notes\n", "Gemfile": "gem \"jekyll\", \"~> 4.3\"\n"]) { $1 })
        #expect(own.site.relativeLinks?.enabled == false)
        #expect(own.resolver.unservedSource(own.path(about), linkedFrom: "docs/index.md") == "/about.html")
        // A source without front matter is copied as it is, so the link reaches it.
        let plain = try SiteTesting(
            Self.posts.merging([
                "_config.yml": "title: Notes\n", "Gemfile": "gem \"jekyll\"\n",
                "notes.md": "# Notes\n",
            ]) { $1 })
        #expect(plain.resolver.unservedSource(plain.path("notes.md"), linkedFrom: "docs/index.md") == nil)
        let githubPages = try SiteTesting(
            Self.posts.merging(["_config.yml": "title: Notes\n", "Gemfile": "gem \"github-pages\", group: :jekyll_plugins\n"]) {
                $1
            })
        #expect(githubPages.site.relativeLinks?.enabled == true)
        let disabled = try site("plugins: [jekyll-relative-links]\nrelative_links:\n  enabled: false\n")
        #expect(disabled.site.relativeLinks?.enabled == false)
    }

    @Test func kramdownInputDecidesTheAnchorStyle() throws {
        #expect(try site("title: Notes\n").site.anchorStyle == .kramdownGFM)
        #expect(try site("kramdown:\n  input: GFM\n").site.anchorStyle == .kramdownGFM)
        #expect(try site("kramdown:\n  input: kramdown\n  auto_ids: true\n").site.anchorStyle == .kramdown)
        #expect(try site("kramdown: {input: Kramdown}\n").site.anchorStyle == .kramdown)
    }
}
