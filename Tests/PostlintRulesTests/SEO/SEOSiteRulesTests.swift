import Testing
import PostlintCore
import PostlintParsing
import PostlintTestSupport
@testable import PostlintRules

@Suite struct SEOSiteRulesTests {
    private func facts(_ rule: any SiteRule, _ posts: [(String, String)], context: RuleContext = RuleContext()) -> SiteFacts {
        SiteFacts(posts.flatMap { rule.facts(of: DocumentLoader.load(path: $0.0, text: $0.1), context: context) })
    }

    @Test func duplicateTitlesAreReportedOnEachPostIgnoringCaseAndPunctuation() {
        let rule = DuplicateTitleRule(options: RuleOptions())
        let findings = rule.check(
            facts(
                rule,
                [
                    ("a.md", "---\ntitle: Green Tea!\n---\n"),
                    ("b.md", "---\ntitle: \"green   tea\"\n---\n"),
                    ("c.md", "---\ntitle: Black tea\n---\n"),
                ])
        ).sorted(by: Finding.reportOrder)
        #expect(findings.map(\.path) == ["a.md", "b.md"])
        #expect(findings[0].message == "title \"Green Tea!\" is also used by b.md")
        #expect(findings[1].start == SourceLocation(line: 2, column: 8))
    }

    @Test func duplicateExcerptsNameTheOtherPosts() {
        let rule = DuplicateExcerptRule(options: RuleOptions())
        let findings = rule.check(
            facts(
                rule,
                [
                    ("a.md", "---\nexcerpt: Same words.\n---\n"),
                    ("b.md", "---\nexcerpt: same words\n---\n"),
                    ("c.md", "---\nexcerpt: Same words\n---\n"),
                ])
        ).sorted(by: Finding.reportOrder)
        #expect(findings.count == 3)
        #expect(findings[0].message == "the same excerpt is used by b.md, c.md")
    }

    /// The digest is written out by hand: it must stay the base-36 numeral of the hash.
    @Test func digestIsTheBase36NumeralOfTheHash() {
        var generator = SeededRandom(seed: 36)
        let values: [UInt64] =
            [0, 1, 35, 36, 1_295, 1_296, UInt64(Int64.max), .max, .max - 1]
            + (0..<2_000).map { _ in
                UInt64.random(in: 0 ... .max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            }
        for value in values {
            #expect(SiteDuplicates.digest(ofHash: value) == String(value, radix: 36), "\(value)")
        }
    }

    @Test func excerptFactsAreTheDigestOfTheNormalisedText() {
        let rule = DuplicateExcerptRule(options: RuleOptions())
        for excerpt in ["Same words.", "  Brewing -- GREEN tea, at 80°C!", "Thé vert — à 80 °C", "ÉTÉ", "…"] {
            let posts = [("a.md", "---\nexcerpt: \"\(excerpt)\"\n---\n")]
            let normalized = SiteDuplicates.normalized(excerpt)
            let expected = normalized.isEmpty ? [] : [SiteDuplicates.digest(ofHash: SiteDuplicates.hash(of: normalized))]
            #expect(facts(rule, posts).map(\.value) == expected, "\(excerpt)")
        }
        let findings = rule.check(
            facts(
                rule,
                [
                    ("a.md", "---\nexcerpt: Thé vert, à 80 °C\n---\n"),
                    ("b.md", "---\nexcerpt: thé VERT à 80 °c\n---\n"),
                ]))
        #expect(findings.count == 2)
    }

    @Test func duplicateKeyphrasesUseTheFocusKeyphrase() {
        let rule = DuplicateKeyphraseRule(options: RuleOptions())
        let findings = rule.check(
            facts(
                rule,
                [
                    ("a.md", "---\nkeywords: [Sourdough, bread]\n---\n"),
                    ("b.md", "---\nkeywords: [sourdough]\n---\n"),
                    ("c.md", "---\nfocus_keyphrase: bread\nkeywords: [sourdough]\n---\n"),
                    ("d.md", "---\nkeywords: [bread]\n---\n"),
                ])
        ).sorted(by: Finding.reportOrder)
        #expect(findings.map(\.path) == ["a.md", "b.md", "c.md", "d.md"])
        #expect(findings[0].message.hasPrefix("focus keyphrase \"Sourdough\" is also the focus of b.md"))
        #expect(findings[2].message.hasPrefix("focus keyphrase \"bread\" is also the focus of d.md"))
    }

    @Test func orphanPostsAreThoseNoOtherPostLinksTo() {
        let rule = OrphanPostRule(options: RuleOptions(["site-url": .string("https://tea.example")]))
        let findings = rule.check(
            facts(
                rule,
                [
                    ("posts/a.md", "---\ntitle: A\n---\nSee [b](b.md) and [myself](a.md).\n"),
                    ("posts/b.md", "---\ntitle: B\nslug: bee\n---\nSee [c](/blog/c/).\n"),
                    ("posts/c/index.md", "---\ntitle: C\n---\nSee [bee](https://tea.example/bee/).\n"),
                    ("posts/d.md", "---\ntitle: D\n---\nSee [a](https://elsewhere.example/a/) and [top](#top).\n"),
                ])
        ).sorted(by: Finding.reportOrder)
        // a is linked only by itself and from another site; c is linked by its folder name, b by its slug.
        #expect(findings.map(\.path) == ["posts/a.md", "posts/d.md"])
        #expect(findings[0].start == SourceLocation(line: 2, column: 8))
    }

    @Test func aSiteOfOnePostHasNoOrphans() {
        let rule = OrphanPostRule(options: RuleOptions())
        #expect(rule.check(facts(rule, [("a.md", "---\ntitle: A\n---\n")])).isEmpty)
    }

    @Test func unusedImagesAreReportedOnceOnTheFirstPostThatSeesThem() {
        let files = FakeFileSystem(files: [
            "/site/posts/a.md", "/site/posts/b.md", "/site/posts/images/used.png", "/site/posts/images/unused.jpg",
            "/site/posts/images/notes.txt", "/site/posts/images/old/older.gif", "/site/static/images/logo.svg",
            "/site/static/images/banner.webp",
        ])
        let context = RuleContext(fileSystem: files, siteRoots: ["/site", "/site/static"])
        let rule = OrphanImageRule(options: RuleOptions())
        let findings = rule.check(
            facts(
                rule,
                [
                    ("/site/posts/b.md", "---\ncover: /images/banner.webp\n---\n![used](images/used.png)\n"),
                    ("/site/posts/a.md", "---\ntitle: A\n---\n<img src=\"/images/logo.svg\" alt=\"logo\">\n"),
                ], context: context)
        ).sorted(by: Finding.reportOrder)
        #expect(
            findings.map(\.message) == [
                "image \"/site/posts/images/old/older.gif\" is not used by any post",
                "image \"/site/posts/images/unused.jpg\" is not used by any post",
            ])
        #expect(Set(findings.map(\.path)) == ["/site/posts/a.md"])
    }

    @Test func sitePathsResolveAndName() {
        #expect(SitePaths.join("posts/2024", "../img/./a.png") == "posts/img/a.png")
        #expect(SitePaths.join("posts", "/abs/x.md") == "/abs/x.md")
        #expect(SitePaths.normalized("/../a//b/") == "/a/b")
        #expect(SitePaths.localPath(of: "a%20b.md?x=1#top") == "a b.md")
        #expect(SitePaths.localPath(of: "mailto:me@example.com") == nil)
        #expect(SitePaths.localPath(of: "//cdn.example/a.png") == nil)
        #expect(SitePaths.pageName(of: "/blog/tea-notes/") == "tea-notes")
        #expect(SitePaths.pageName(of: "posts/tea/index.md") == "tea")
        #expect(SitePaths.pageName(of: "tea.html") == "tea")
    }
}

/// A file system of the listed files (and the folders above them).
struct FakeFileSystem: FileSystemView {
    let files: Set<String>
    let folders: Set<String>

    init(files: [String]) {
        self.files = Set(files)
        var folders: Set<String> = []
        for file in files {
            var folder = SitePaths.folder(of: file)
            while !folder.isEmpty, folder != "/", folders.insert(folder).inserted { folder = SitePaths.folder(of: folder) }
        }
        self.folders = folders
    }

    func kind(of path: String) -> FileKind {
        files.contains(path) ? .file : folders.contains(path) ? .directory : .missing
    }

    func entries(of directory: String) -> [String]? {
        guard folders.contains(directory) else { return nil }
        let prefix = directory + "/"
        let names = (files.union(folders)).filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
        return names.map { String($0.dropFirst(prefix.count)) }
    }
}
