import Testing
import PostlintCore
@testable import PostlintEngine

/// Zola's URLs: sections, colocated pages, date prefixes, slugified names, slug and path,
/// aliases, taxonomies and language suffixes; a Hugo config.toml is not taken for Zola's.
@Suite struct ZolaSiteTests {
    static let site: [String: String] = [
        "config.toml": """
            base_url = "https://example.org"
            default_language = "en"
            taxonomies = [{name = "tags"}]
            [languages.fr]
            """,
        "content/_index.md": "+++\ntitle = 'Home'\n+++\n",
        "content/blog/_index.md": "+++\ntitle = 'Blog'\n+++\n",
        "content/blog/2024-05-01-First Post.md": "+++\ntitle = 'First'\naliases = ['/old/first/']\n[taxonomies]\ntags = ['Rust Lang']\n+++\n",
        "content/blog/second.md": "+++\nslug = 'the-second'\n+++\n",
        "content/blog/second.fr.md": "+++\ntitle = 'Deux'\n+++\n",
        "content/blog/bundle/index.md": "+++\ntitle = 'Bundle'\n+++\n",
        "content/blog/bundle/pic.png": "png",
        "content/releases.md": "+++\npath = '2024/01/02/release'\n+++\n",
        "content/blog/Привет мир.md": "+++\ntitle = 'Привет'\n+++\n",
        "content/blog/2024-06-01-Αθήνα.md": "+++\ntitle = 'Athens'\n+++\n",
    ]

    @Test func routesFollowZolasRules() throws {
        let site = try SiteTesting(Self.site)
        #expect(site.site.generator == .zola)
        #expect(site.site.anchorStyle == .zola)
        #expect(site.routes(of: "content/blog/2024-05-01-First Post.md") == ["/blog/first-post/", "/old/first/"])
        #expect(site.routes(of: "content/blog/second.md") == ["/blog/the-second/"])
        #expect(site.routes(of: "content/blog/second.fr.md") == ["/fr/blog/second/"])
        #expect(site.routes(of: "content/blog/bundle/index.md") == ["/blog/bundle/"])
        #expect(site.routes(of: "content/releases.md") == ["/2024/01/02/release/"])
        // Greek and Cyrillic names transliterated as Zola's slugify does.
        #expect(site.routes(of: "content/blog/Привет мир.md") == ["/blog/privet-mir/"])
        #expect(site.routes(of: "content/blog/2024-06-01-Αθήνα.md") == ["/blog/athena/"])
        #expect(site.resolve("/blog/") == .post(path: site.path("content/blog/_index.md")))
        #expect(site.resolve("/blog/bundle/pic.png") == .served)
        #expect(site.resolve("/tags/rust-lang/") == .served)
        #expect(site.resolve("/2024/01/02/release/") == .post(path: site.path("content/releases.md")))
        #expect(site.resolve("/blog/third/") == .missing(route: "/blog/third/"))
        // Relative to a page given by `path`, served as a folder.
        #expect(site.resolve("../../../../blog/bundle/pic.png", from: "content/releases.md") == .served)
        // Internal links name content files.
        #expect(site.resolve("@/blog/second.md") == .post(path: site.path("content/blog/second.md")))
        #expect(site.resolve("@/blog/third.md") == .missing(route: "@/blog/third.md"))
        #expect(site.resolve("@/../config.toml") == .missing(route: "@/../config.toml"))
    }

    @Test func aHugoConfigTomlIsNotZolas() throws {
        let site = try SiteTesting(["config.toml": "baseURL = 'https://example.org/'\n", "content/a.md": "---\ntitle: A\n---\n"])
        #expect(site.site.generator == .hugo)
    }
}
