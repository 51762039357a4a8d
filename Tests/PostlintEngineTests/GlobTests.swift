import Testing
@testable import PostlintEngine

@Suite struct GlobTests {
    @Test(arguments: [
        ("drafts/**", "drafts/a.md", true),
        ("drafts/**", "drafts/x/y/a.md", true),
        ("drafts/**", "posts/drafts/a.md", false),
        ("**/*.md", "a.md", true),
        ("**/*.md", "x/y/a.md", true),
        ("*.md", "deep/down/a.md", true),
        ("posts/*.md", "posts/x/a.md", false),
        ("posts/?.md", "posts/a.md", true),
        ("posts/[ab].md", "posts/b.md", true),
        ("posts/[!ab].md", "posts/b.md", false),
        ("{drafts,wip}/**", "wip/a.md", true),
        ("content/", "content/a/b.md", true),
        ("./notes/*.md", "notes/a.md", true),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    @Test func pathologicalPatternsStayFast() {
        let pattern = Glob(String(repeating: "*a", count: 40) + "b")
        let path = String(repeating: "a", count: 5_000)
        // Quadratic at worst (the matcher never backtracks past the last star): this returns.
        #expect(!pattern.matches(path))
    }
}
