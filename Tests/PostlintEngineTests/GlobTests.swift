import Testing
import PostlintTestSupport
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

@Suite struct GlobBraceAndLinearTimeTests {
    @Test(arguments: [
        ("{a,{b,c}d}.md", "cd.md", true),
        ("{a,{b,c}d}.md", "a.md", true),
        ("{a,{b,c}d}.md", "c.md", false),
        ("x{,y}.md", "x.md", true),
        ("x{,y}.md", "xy.md", true),
        ("{a.md", "{a.md", true),
        ("a,b.md", "a,b.md", true),
        ("[{]x}.md", "{x}.md", true),
        ("a/**/b.md", "a/b.md", true),
        ("a/**/b.md", "a/x/y/b.md", true),
        ("a/**/b.md", "a/xb.md", false),
        ("**/*.md", "x/y/a.markdown", false),
        ("posts/[a-c]?.md", "posts/bz.md", true),
        ("posts/[a-c]?.md", "posts/b/.md", false),
        ("*", "a/b", true),
        ("posts/*", "posts/a/b", false),
    ])
    func bracesAndFolders(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    /// Fourteen groups of four would be 4^14 (268 million) patterns if expanded; matched as an
    /// automaton this takes microseconds.
    @Test func fourteenBraceGroupsMatchInLinearTime() {
        let text = String(repeating: "{a,b,c,d}", count: 14) + "*.md"
        #expect(text.utf8.count < 144)
        #expect(Glob.problem(in: text) == nil)
        let glob = Glob(text)
        let started = ContinuousClock.now
        #expect(glob.matches("abcdabcdabcdab.md"))
        #expect(glob.matches("content/dcbadcbadcbadcxyz.md"))
        #expect(!glob.matches("abcdabcdabcda.md"))
        #expect(!glob.matches("abcdabcdabcdae.md"))
        #expect(!glob.matches(String(repeating: "abcd", count: 2_000) + ".txt"))
        #expect(ContinuousClock.now - started < HangGuard.duration(2))
    }

    @Test func patternsBeyondTheBoundsAreRefused() {
        let deep = String(repeating: "{a,", count: 9) + String(repeating: "}", count: 9)
        #expect(Glob.problem(in: deep)?.offset == 24)
        #expect(Glob.problem(in: String(repeating: "{a,", count: 8) + String(repeating: "}", count: 8)) == nil)
        // Unclosed braces are ordinary bytes, not nesting.
        #expect(Glob.problem(in: String(repeating: "{", count: 50)) == nil)
        let long = String(repeating: "a", count: Glob.maximumLength + 1)
        #expect(Glob.problem(in: long)?.message.contains("1025 bytes") == true)
    }
}
