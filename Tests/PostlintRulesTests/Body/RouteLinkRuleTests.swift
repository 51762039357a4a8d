import Testing
import PostlintCore
import PostlintRules
import PostlintParsing

/// broken-link, broken-image and unchecked-link with a site's routes: a route link is judged by
/// the routes (its anchor in the post served there), unknown routes are not errors but listed by
/// unchecked-link, and without a site or site roots root-relative links are not resolved at all.
@Suite struct RouteLinkRuleTests {
    /// Routes given as a table: route → what it resolves to; anything else under `/blog/` is
    /// missing, anything else unknown.
    struct TableRoutes: RouteResolving {
        var table: [String: RouteResolution]
        func resolve(_ path: String, from documentPath: String) -> RouteResolution {
            if let known = table[path] { return known }
            return path.hasPrefix("/blog/") ? .missing(route: path) : .unknown
        }
    }

    /// A Hugo-like site whose include shortcode names files under `content/` by their path there,
    /// or a DocFX-like one whose `#tab/...` headings are tabs.
    struct IncludingRoutes: RouteResolving {
        var tabbedContentHeadings = false
        func resolve(_ path: String, from documentPath: String) -> RouteResolution {
            path == "/blog/including/" ? .post(path: "content/blog/including.md") : .unknown
        }
        func includedPageCandidates(_ argument: String, from documentPath: String) -> [String] {
            ["content/" + argument.drop { $0 == "/" }]
        }
    }

    let files = MemoryFileSystem([
        "content/_common/steps.md": "---\n---\n## Shared steps\n\n{{% include \"/_common/nested.md\" %}}\n",
        "content/_common/nested.md": "## Nested part\n",
        "content/blog/including.md": "# Including\n\n{{% include \"_common/steps.md\" %}}\n",
        "content/blog/other.md": "---\ntitle: Other\n---\n# Other post\n\n## Setup steps\n",
        "content/post.md": "",
        "static/logo.png": "",
    ])
    let routes = TableRoutes(table: [
        "/blog/other/": .post(path: "content/blog/other.md"),
        "/tags/tea/": .served,
        "/windows/apps/": .external,
        "../other/": .post(path: "content/blog/other.md"),
    ])

    private func run(_ rule: any Rule, _ text: String, routes: (any RouteResolving)?, siteRoots: [String] = [])
        -> [String]
    {
        let document = DocumentLoader.load(path: "content/post.md", text: text)
        let context = RuleContext(fileSystem: files, siteRoots: siteRoots, routes: routes)
        return rule.check(document, context: context).map { document.source.string(in: $0.range) + " " + $0.message }
    }

    let brokenLink = BrokenLinkRule(options: RuleOptions(defaultsOf: BrokenLinkRule.metadata))
    let brokenImage = BrokenImageRule(options: RuleOptions(defaultsOf: BrokenImageRule.metadata))
    let unchecked = UncheckedLinkRule(options: RuleOptions(defaultsOf: UncheckedLinkRule.metadata))

    static let text = """
        [a](/blog/other/) [b](/blog/other/#setup-steps) [c](/blog/other/#nope) [d](/blog/gone/)
        [e](/tags/tea/) [f](/windows/apps/) [g](/elsewhere/) [h](../other/#setup-steps) [i](/logo.png)

        """

    @Test func routeLinksAreJudgedByTheRoutesWithAnchorsInTheTargetPost() {
        #expect(
            run(brokenLink, Self.text, routes: routes, siteRoots: ["static"]) == [
                "[c](/blog/other/#nope) no heading with anchor \"#nope\" in the post served at /blog/other/",
                "[d](/blog/gone/) linked page \"/blog/gone/\" not found: no post, file or listing of the site is served at /blog/gone/",
            ])
    }

    @Test func unknownRoutesAreListedAsNotCheckedNotAsBroken() {
        #expect(
            run(unchecked, Self.text, routes: routes, siteRoots: ["static"]) == [
                "[g](/elsewhere/) link \"/elsewhere/\" not checked: no known route, static folder or site root covers it"
            ])
    }

    @Test func withoutASiteOrSiteRootsRootRelativeLinksAreNotResolved() {
        // Only the relative link is judged: as a file, which is missing.
        #expect(
            run(brokenLink, Self.text, routes: nil) == [
                "[h](../other/#setup-steps) linked file \"../other/#setup-steps\" not found (looked for other)"
            ])
        #expect(run(brokenImage, "![x](/logo.png) ![y](/missing.png)\n", routes: nil).isEmpty)
        #expect(
            run(unchecked, "![x](/logo.png) [z](/blog/gone/) [r](other.md)\n", routes: nil) == [
                "![x](/logo.png) image \"/logo.png\" not checked: no known route, static folder or site root covers it",
                "[z](/blog/gone/) link \"/blog/gone/\" not checked: no known route, static folder or site root covers it",
            ])
        // With site roots configured, broken-link and broken-image judge them instead.
        #expect(run(unchecked, "[z](/blog/gone/)\n", routes: nil, siteRoots: ["static"]).isEmpty)
    }

    @Test func imagesUnderAKnownPartOfTheSiteAreBrokenAndUnknownOnesAreNot() {
        #expect(
            run(
                brokenImage, "![a](/logo.png) ![b](/blog/gone.png) ![c](/cdn/x.png)\n", routes: routes,
                siteRoots: ["static"]) == [
                    "![b](/blog/gone.png) image \"/blog/gone.png\" not found: nothing of the site is served at /blog/gone.png"
                ])
    }

    @Test func relativeRouteLinksResolveAgainstThePostsURLNotItsFolder() {
        // `blog/` is a folder beside the post, but from the post's URL it is a route that is not
        // served; `../far/` falls under no known part of the site.
        let relative = TableRoutes(table: [
            "blog/": .missing(route: "/post/blog/"), "../other/": .post(path: "content/blog/other.md"),
        ])
        let text = "[x](blog/) [y](../far/) [z](../other/)\n"
        #expect(
            run(brokenLink, text, routes: relative) == [
                "[x](blog/) linked page \"blog/\" not found: no post, file or listing of the site is served at /post/blog/"
            ])
        #expect(
            run(unchecked, text, routes: relative) == [
                "[y](../far/) link \"../far/\" not checked: no known route, static folder or site root covers it"
            ])
        // Without a site a relative link is a file: the folder is accepted, and nothing is listed.
        #expect(run(brokenLink, "[x](blog/)\n", routes: nil).isEmpty)
        #expect(run(unchecked, text, routes: nil).isEmpty)
    }

    /// A site that leaves links to sources as written: `content/blog/other.md` is served only at
    /// its page.
    struct UnrewrittenSources: RouteResolving {
        func resolve(_ path: String, from documentPath: String) -> RouteResolution { .unknown }
        func unservedSource(_ file: String, linkedFrom documentPath: String) -> String? {
            file == "content/blog/other.md" ? "/blog/other.html" : nil
        }
    }

    @Test func aLinkToASourceTheSiteDoesNotServeIsBroken() {
        let text = "[o](blog/other.md) [p](post.md)\n"
        #expect(
            run(brokenLink, text, routes: UnrewrittenSources()) == [
                "[o](blog/other.md) link to the source \"blog/other.md\" stays as written on this site (no plugin rewrites it), and the source is not served: link to its page /blog/other.html"
            ])
        // Where sources are rewritten (the default), the same links are fine.
        #expect(run(brokenLink, text, routes: routes).isEmpty)
    }

    /// A site whose generator finds files whatever their letter case (DocFX).
    struct CaseInsensitiveFiles: RouteResolving {
        func resolve(_ path: String, from documentPath: String) -> RouteResolution { .missing(route: path) }
        var fileLinksIgnoreLetterCase: Bool { true }
    }

    @Test func lettersCaseOfFileNamesIsIgnoredWhereTheSiteIgnoresIt() {
        let text = """
            [a](Blog/Other.md#setup-steps) [b](BLOG/OTHER.MD#nope) [c](blog/Gone.md)
            ![i](../Static/Logo.PNG)

            """
        #expect(
            run(brokenLink, text, routes: CaseInsensitiveFiles()) == [
                "[b](BLOG/OTHER.MD#nope) no heading with anchor \"#nope\" in BLOG/OTHER.MD",
                "[c](blog/Gone.md) linked page \"blog/Gone.md\" not found: no post, file or listing of the site is served at blog/Gone.md",
            ])
        #expect(run(brokenImage, text, routes: CaseInsensitiveFiles()).isEmpty)
        // Elsewhere a name must match the file on disk exactly.
        #expect(
            run(brokenLink, text, routes: routes).first
                == "[a](Blog/Other.md#setup-steps) link \"Blog/Other.md#setup-steps\" differs in letter case from the file on disk: \"Blog\" is \"blog\""
        )
        #expect(run(brokenImage, text, routes: routes).count == 1)
    }

    @Test func headingsOfIncludedPagesAreAnchorsOfThePostThatIncludesThem() {
        let text = """
            [a](#shared-steps) [b](#nested-part) [c](#nope) [d](/blog/including/#shared-steps) [e](/blog/including/#gone)

            {{% include "/_common/steps.md" %}} {{%/* include "/_common/escaped.md" */%}}

            """
        #expect(
            run(brokenLink, text, routes: IncludingRoutes()) == [
                "[c](#nope) no heading with anchor \"#nope\" in this post",
                "[e](/blog/including/#gone) no heading with anchor \"#gone\" in the post served at /blog/including/",
            ])
        // An included page that cannot be found: what it holds is unknown, so no anchor is broken.
        #expect(run(brokenLink, "[c](#nope)\n\n{{< include \"_common/missing.md\" >}}\n", routes: IncludingRoutes()).isEmpty)
        // With no site known, an include's content is unknown as well.
        #expect(run(brokenLink, "[c](#nope)\n\n{{% include \"_common/steps.md\" %}}\n", routes: nil).isEmpty)
    }

    @Test func docfxTabHeadingsAreTabsNotAnchorLinks() {
        let text = "# [Linux](#tab/linux)\n\nSee [the other tab](#tab/windows).\n"
        #expect(
            run(brokenLink, text, routes: IncludingRoutes(tabbedContentHeadings: true)) == [
                "[the other tab](#tab/windows) no heading with anchor \"#tab/windows\" in this post"
            ])
        #expect(run(brokenLink, text, routes: IncludingRoutes()).count == 2)
    }
}
