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
        "content/blog/2024-05-01-First Post.md":
            "+++\ntitle = 'First'\naliases = ['/old/first/']\n[taxonomies]\ntags = ['Rust Lang']\n+++\n",
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

    /// Chinese, Japanese and Korean names and terms spelled in ASCII as Zola's slugify spells them
    /// (each Han character its Mandarin reading as a word, kana one at a time in Nihon-shiki
    /// spelling, Hangul by its jamo), checked against the `deunicode` crate's spellings.
    @Test func cjkNamesAndTermsAreTransliterated() throws {
        let site = try SiteTesting([
            "config.toml": "base_url = 'https://example.org'\ntaxonomies = [{name = 'tags'}]\n",
            "content/blog/2024-01-02-中文博客.md": "+++\ntitle = '中文'\n[taxonomies]\ntags = ['編程 語言']\n+++\n",
            "content/blog/日本語のテスト.md": "+++\ntitle = 'テスト'\n+++\n",
            "content/blog/きゃりー.md": "+++\n+++\n",
            "content/blog/한국어-소개.md": "+++\n+++\n",
            "content/blog/other.md": "+++\nslug = 'Rust 2024 版本发布'\n+++\n",
        ])
        #expect(site.routes(of: "content/blog/2024-01-02-中文博客.md") == ["/blog/zhong-wen-bo-ke/"])
        #expect(site.routes(of: "content/blog/日本語のテスト.md") == ["/blog/ri-ben-yu-notesuto/"])
        #expect(site.routes(of: "content/blog/きゃりー.md") == ["/blog/kiyari/"])
        #expect(site.routes(of: "content/blog/한국어-소개.md") == ["/blog/hangugeo-sogae/"])
        #expect(site.routes(of: "content/blog/other.md") == ["/blog/rust-2024-ban-ben-fa-bu/"])
        #expect(site.resolve("/tags/bian-cheng-yu-yan/") == .served)
        #expect(site.resolve("/blog/zhong-wen/") == .missing(route: "/blog/zhong-wen/"))
    }
}
