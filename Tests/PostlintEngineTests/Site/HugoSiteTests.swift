import Foundation
import Testing
import PostlintCore
@testable import PostlintEngine

/// Hugo's URLs: sections, bundles and their resources, permalinks, slug and url, aliases,
/// languages, taxonomies, uglyURLs, baseURL's path, staticDir lists and module mounts.
@Suite struct HugoSiteTests {
    static let posts: [String: String] = [
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/posts/_index.md": "---\ntitle: Posts\n---\n",
        "content/posts/raised-beds.md": "---\ntitle: Raised Beds\ntags: [Garden Tools, soil]\naliases: [/old/beds/]\n---\n",
        "content/posts/compost/index.md": "---\ntitle: Compost\nslug: compost-basics\n---\n",
        "content/posts/compost/bin.png": "png",
        "content/about.md": "---\ntitle: About\nurl: /about-us/\n---\n",
        "static/images/logo.png": "png",
    ]

    @Test func pagesSectionsAndBundlesGetTheirRoutes() throws {
        let site = try SiteTesting(Self.posts.merging(["hugo.toml": "title = 'Garden'\n"]) { $1 })
        #expect(site.site.generator == .hugo)
        #expect(site.site.reason == "hugo.toml")
        #expect(site.site.anchorStyle == .goldmark)
        #expect(site.routes(of: "content/posts/raised-beds.md") == ["/posts/raised-beds/", "/old/beds/"])
        #expect(site.routes(of: "content/posts/compost/index.md") == ["/posts/compost-basics/"])
        #expect(site.routes(of: "content/about.md") == ["/about-us/"])
        #expect(site.resolve("/posts/raised-beds/") == .post(path: site.path("content/posts/raised-beds.md")))
        #expect(site.resolve("/posts/raised-beds") == .post(path: site.path("content/posts/raised-beds.md")))
        #expect(site.resolve("/posts/raised-beds/index.html") == .post(path: site.path("content/posts/raised-beds.md")))
        #expect(site.resolve("/old/beds/") == .post(path: site.path("content/posts/raised-beds.md")))
        #expect(site.resolve("/posts/") == .post(path: site.path("content/posts/_index.md")))
        #expect(site.resolve("/") == .post(path: site.path("content/_index.md")))
        // A bundle's resource, under the bundle's page (renamed by slug) and under its folder.
        #expect(site.resolve("/posts/compost-basics/bin.png") == .served)
        #expect(site.resolve("/images/logo.png") == .served)
        #expect(site.resolve("/posts/compost/") == .missing(route: "/posts/compost/"))
        #expect(site.resolve("/posts/no-such-post/") == .missing(route: "/posts/no-such-post/"))
        #expect(site.resolve("/images/missing.png") == .missing(route: "/images/missing.png"))
        // Under nothing the site knows: not checked.
        #expect(site.resolve("/newsletter/") == .unknown)
    }

    @Test func relativeRouteLinksResolveAgainstThePagesURL() throws {
        let site = try SiteTesting(Self.posts.merging(["hugo.toml": ""]) { $1 })
        let from = "content/posts/raised-beds.md"
        #expect(site.resolve("../compost-basics/", from: from) == .post(path: site.path("content/posts/compost/index.md")))
        #expect(site.resolve("../../about-us/", from: from) == .post(path: site.path("content/about.md")))
        #expect(site.resolve("../compost/", from: from) == .missing(route: "/posts/compost/"))
    }

    @Test func taxonomiesMakeTermPagesAndConfiguredOnesReplaceTheDefaults() throws {
        let site = try SiteTesting(Self.posts.merging(["hugo.toml": ""]) { $1 })
        #expect(site.resolve("/tags/") == .served)
        #expect(site.resolve("/tags/garden-tools/") == .served)
        #expect(site.resolve("/tags/soil/") == .served)
        #expect(site.resolve("/tags/clay/") == .missing(route: "/tags/clay/"))
        let custom = try SiteTesting(
            Self.posts.merging([
                "hugo.toml": "[taxonomies]\ntopic = 'topics'\n",
                "content/posts/x.md": "---\ntopics: [Weeds]\n---\n",
            ]) { $1 })
        #expect(custom.resolve("/topics/weeds/") == .served)
        #expect(custom.resolve("/tags/soil/") == .unknown)
    }

    @Test func permalinksPerSectionUseTheFrontMattersDateAndSlug() throws {
        let site = try SiteTesting([
            "hugo.toml": "[permalinks]\nposts = '/:year/:month/:slug/'\n",
            "content/posts/a.md": "---\ntitle: First Frost\ndate: 2024-03-09T10:00:00Z\n---\n",
            "content/posts/b.md": "---\ntitle: B\nslug: late-sowing\ndate: 2023-11-20\n---\n",
            "content/guides/c.md": "---\ntitle: C\n---\n",
        ])
        #expect(site.routes(of: "content/posts/a.md") == ["/2024/03/first-frost/"])
        #expect(site.routes(of: "content/posts/b.md") == ["/2023/11/late-sowing/"])
        #expect(site.routes(of: "content/guides/c.md") == ["/guides/c/"])
    }

    @Test func uglyURLsBaseURLAndStaticDirLists() throws {
        let site = try SiteTesting([
            "config.yaml": "baseURL: https://example.org/garden/\nuglyURLs: true\nstaticDir: [static, assets-public]\n",
            "content/posts/a.md": "---\ntitle: A\n---\n",
            "assets-public/files/plan.txt": "plan",
        ])
        #expect(site.site.basePath == "/garden")
        #expect(site.site.staticRoots == [site.path("static"), site.path("assets-public")])
        #expect(site.routes(of: "content/posts/a.md") == ["/garden/posts/a.html"])
        #expect(site.resolve("/garden/posts/a.html") == .post(path: site.path("content/posts/a.md")))
        #expect(site.resolve("/garden/files/plan.txt") == .served)
        // Written without the base path, into a known part of the site: broken there.
        #expect(site.resolve("/posts/a.html") == .missing(route: "/posts/a.html (outside the base URL /garden/)"))
        #expect(site.resolve("/elsewhere/") == .unknown)
    }

    @Test func languagesPrefixTranslationsAndTheirContentFolders() throws {
        let site = try SiteTesting([
            "hugo.toml": """
            defaultContentLanguage = 'en'
            [languages.en]
            weight = 1
            [languages.fr]
            weight = 2
            """,
            "content/posts/a.md": "---\ntitle: A\n---\n",
            "content/posts/a.fr.md": "---\ntitle: A\n---\n",
        ])
        #expect(site.routes(of: "content/posts/a.md") == ["/posts/a/"])
        #expect(site.routes(of: "content/posts/a.fr.md") == ["/fr/posts/a/"])
        let subdirs = try SiteTesting([
            "hugo.toml": """
            defaultContentLanguage = 'en'
            defaultContentLanguageInSubdir = true
            [languages.en]
            contentDir = 'content/en'
            [languages.de]
            contentDir = 'content/de'
            """,
            "content/en/a.md": "---\ntitle: A\n---\n",
            "content/de/a.md": "---\ntitle: A\n---\n",
        ])
        #expect(subdirs.routes(of: "content/en/a.md") == ["/en/a/"])
        #expect(subdirs.routes(of: "content/de/a.md") == ["/de/a/"])
    }

    @Test func moduleMountsReplaceContentDirAndConfigDefaultIsRead() throws {
        let site = try SiteTesting([
            "hugo.toml": "[[module.mounts]]\nsource = 'docs/en'\ntarget = 'content'\n",
            "docs/en/guide.md": "---\ntitle: Guide\n---\n",
        ])
        #expect(site.routes(of: "docs/en/guide.md") == ["/guide/"])
        let split = try SiteTesting([
            "config/_default/hugo.toml": "baseURL = 'https://example.org/'\n",
            "config/_default/permalinks.toml": "posts = '/notes/:slug/'\n",
            "content/posts/a.md": "---\ntitle: A Note\n---\n",
        ])
        #expect(split.site.reason.contains("config/_default/hugo.toml"))
        #expect(split.routes(of: "content/posts/a.md") == ["/notes/a-note/"])
    }

    @Test func aLinkRenderHookLeavesUnfoundRelativeLinksUnchecked() throws {
        let site = try SiteTesting(
            Self.posts.merging([
                "hugo.toml": "", "layouts/_markup/render-link.html": "{{ .Destination }}",
            ]) { $1 })
        #expect(site.resolve("g", from: "content/posts/raised-beds.md") == .unknown)
        #expect(site.resolve("/Posts/Raised-Beds/") == .post(path: site.path("content/posts/raised-beds.md")))
        #expect(site.resolve("/posts/nothing/") == .missing(route: "/posts/nothing/"))
    }
}

/// Hostile trees: links to folders are never entered, so a cycle of links cannot hold the walk.
@Suite struct SiteWalkTests {
    @Test func aCycleOfFolderLinksEndsTheWalk() throws {
        let site = try SiteTesting(["hugo.toml": "", "content/posts/a.md": "---\ntitle: A\n---\n"])
        try FileManager.default.createSymbolicLink(
            atPath: site.path("content/posts/loop"),
            withDestinationPath: site.path("content"))
        try FileManager.default.createSymbolicLink(
            atPath: site.path("content/posts/loop2"),
            withDestinationPath: site.path("content/posts"))
        #expect(site.resolver.postRoutes.map(\.routes) == [["/posts/a/"]])
    }

    @Test func taxonomyPermalinksMoveTermAndListPages() throws {
        // The older form, keyed by the taxonomy (as Hugo 0.111 reads it): term pages move, the
        // taxonomy's list page stays.
        let older = try SiteTesting(HugoSiteTests.posts.merging(["hugo.toml": "[permalinks]\ntags = '/topics/:slug/'\n"]) { $1 })
        #expect(older.resolve("/topics/garden-tools/") == .served)
        #expect(older.resolve("/tags/garden-tools/") == .missing(route: "/tags/garden-tools/"))
        #expect(older.resolve("/tags/") == .served)
        // By page kind: term and taxonomy pages, and a section's list page.
        let kinds = try SiteTesting(
            HugoSiteTests.posts.merging([
                "hugo.toml": """
                [permalinks.term]
                tags = '/label/:slug/'
                [permalinks.taxonomy]
                tags = '/labels/'
                [permalinks.section]
                posts = '/journal/'
                """
            ]) { $1 })
        #expect(kinds.resolve("/label/soil/") == .served)
        #expect(kinds.resolve("/labels/") == .served)
        #expect(kinds.resolve("/journal/") == .served)
        #expect(kinds.resolve("/tags/soil/") == .unknown)
    }

    @Test func aURLWithoutALeadingSlashIsUnderTheLanguagesPrefix() throws {
        let languages = """
            defaultContentLanguage = 'en'
            defaultContentLanguageInSubdir = true
            [languages.en]
            contentDir = 'content/en'
            [languages.de]
            contentDir = 'content/de'
            """
        let site = try SiteTesting([
            "hugo.toml": languages,
            "content/en/a.md": "---\ntitle: A\nurl: about\n---\n",
            "content/de/a.md": "---\ntitle: A\nurl: /ueber/\n---\n",
            "content/de/b.md": "---\ntitle: B\nurl: impressum/\n---\n",
        ])
        #expect(site.routes(of: "content/en/a.md") == ["/en/about"])
        #expect(site.routes(of: "content/de/a.md") == ["/ueber/"])
        #expect(site.routes(of: "content/de/b.md") == ["/de/impressum/"])
        // With one language, from the root either way.
        let single = try SiteTesting(["hugo.toml": "", "content/a.md": "---\nurl: about/\n---\n"])
        #expect(single.routes(of: "content/a.md") == ["/about/"])
    }

    @Test func aSplitConfigurationWithoutAMainFileAndOneBesideARootFile() throws {
        let split = try SiteTesting([
            "config/_default/languages.toml": "[en]\nweight = 1\n[fr]\nweight = 2\n",
            "config/_default/permalinks.yaml": "page:\n  posts: /notes/:slug/\n",
            "config/_default/params.toml": "author = 'A'\n",
            "content/posts/a.md": "---\ntitle: A Note\n---\n",
            "content/posts/a.fr.md": "---\ntitle: Une note\n---\n",
        ])
        #expect(split.site.generator == .hugo)
        #expect(split.routes(of: "content/posts/a.md") == ["/notes/a-note/"])
        #expect(split.routes(of: "content/posts/a.fr.md") == ["/fr/notes/une-note/"])
        let both = try SiteTesting([
            "hugo.toml": "baseURL = 'https://example.org/garden/'\n",
            "config/_default/permalinks.toml": "posts = '/notes/:slug/'\n",
            "content/posts/a.md": "---\ntitle: A Note\n---\n",
        ])
        #expect(both.site.reason == "hugo.toml, config/_default/permalinks.toml")
        #expect(both.routes(of: "content/posts/a.md") == ["/garden/notes/a-note/"])
        // A config folder of something else, with no content folder, is no Hugo site.
        #expect(throws: SiteTestingError.self) { try SiteTesting(["config/_default/params.toml": "x = 1\n"]) }
    }

    @Test func autoDefinitionTermIDIsRead() throws {
        let on = try SiteTesting([
            "hugo.toml": "[markup.goldmark.parser]\nautoDefinitionTermID = true\n",
            "content/a.md": "---\ntitle: A\n---\n",
        ])
        #expect(on.site.definitionTermIDs)
        #expect(on.resolver.definitionTermIDs)
        let off = try SiteTesting(["hugo.toml": "title = 'x'\n", "content/a.md": "---\ntitle: A\n---\n"])
        #expect(!off.site.definitionTermIDs)
    }

    @Test func includeShortcodesFindPagesAsGetPageDoes() throws {
        let site = try SiteTesting(HugoSiteTests.posts.merging(["hugo.toml": ""]) { $1 })
        let from = "content/posts/raised-beds.md"
        // Relative to the page's folder first, then under the content root; without an
        // extension, a page, a leaf bundle's index or a branch's _index.
        #expect(
            site.resolver.includedPageCandidates("_common/steps.md", from: from) == [
                site.path("content/posts/_common/steps.md"), site.path("content/_common/steps.md"),
            ])
        #expect(
            site.resolver.includedPageCandidates("/_common/steps", from: from) == [
                site.path("content/_common/steps.md"), site.path("content/_common/steps/index.md"),
                site.path("content/_common/steps/_index.md"),
            ])
        #expect(site.resolver.includedPageCandidates("https://example.com/x.md", from: from).isEmpty)
        #expect(site.resolver.includedPageCandidates("../../../../outside.md", from: from).isEmpty)
        #expect(site.resolver.includedPageCandidates("/../../outside.md", from: from).isEmpty)
        #expect(!site.resolver.tabbedContentHeadings)
    }
}
