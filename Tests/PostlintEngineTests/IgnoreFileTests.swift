import Foundation
import Testing
import PostlintTestSupport
@testable import PostlintEngine

/// Ignore files read as git reads them. The table is git's own answer (`git check-ignore` on a
/// repository holding the `.gitignore` and the paths; `scripts/gitignore-cases.py` prints it), so a
/// case here is what git does, not what postlint happens to do.
@Suite struct IgnoreFileTests {
    /// Whether a walk skips `path`: a folder on the way that the file ignores is not entered (so
    /// nothing below it is re-included, as in git), then the file itself is judged.
    private func walkSkips(_ path: String, under file: IgnoreFile) -> Bool {
        let bytes = Array(path.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
            if file.verdict(relativePath: bytes[..<index], isFolder: true) == .ignored { return true }
        }
        return file.verdict(relativePath: bytes[...], isFolder: false) == .ignored
    }

    @Test(arguments: [
        ("drafts", "drafts/a.md", true),
        ("drafts", "posts/drafts/b.md", true),
        ("drafts", "drafts.md", false),
        ("drafts", "posts/drafts.md", false),
        ("/drafts", "drafts/a.md", true),
        ("/drafts", "posts/drafts/b.md", false),
        ("drafts/", "drafts/a.md", true),
        ("drafts/", "drafts.md", false),
        ("drafts/", "posts/drafts/b.md", true),
        ("*.draft.md", "a.draft.md", true),
        ("*.draft.md", "x/y/b.draft.md", true),
        ("*.draft.md", "a.md", false),
        ("posts/*.md", "posts/a.md", true),
        ("posts/*.md", "posts/x/a.md", false),
        ("posts/*.md", "a/posts/a.md", false),
        ("posts/**/*.md", "posts/a.md", true),
        ("posts/**/*.md", "posts/x/y/a.md", true),
        ("posts/**/*.md", "b/posts/a.md", false),
        ("**/build", "build/a.md", true),
        ("**/build", "x/build/a.md", true),
        ("**/build", "x/builds/a.md", false),
        ("**/build/*.md", "build/a.md", true),
        ("**/build/*.md", "x/y/build/a.md", true),
        ("**/build/*.md", "build/z/a.md", false),
        ("docs/**", "docs/a.md", true),
        ("docs/**", "docs/x/a.md", true),
        ("docs/**", "a/docs/b.md", false),
        ("a/**/b.md", "a/b.md", true),
        ("a/**/b.md", "a/x/b.md", true),
        ("a/**/b.md", "a/x/y/b.md", true),
        ("a/**/b.md", "x/a/b.md", false),
        ("*.md\n!keep.md", "a.md", true),
        ("*.md\n!keep.md", "keep.md", false),
        ("*.md\n!keep.md", "x/keep.md", false),
        ("drafts/\n!drafts/keep.md", "drafts/keep.md", true),
        ("drafts/\n!drafts/keep.md", "drafts/other.md", true),
        ("drafts/*\n!drafts/keep.md", "drafts/keep.md", false),
        ("drafts/*\n!drafts/keep.md", "drafts/other.md", true),
        ("drafts/*\n!drafts/keep.md", "drafts/sub/c.md", true),
        ("/*\n!/posts/", "a.md", true),
        ("/*\n!/posts/", "posts/a.md", false),
        ("/*\n!/posts/", "other/a.md", true),
        ("# comment\n\\#hash.md", "#hash.md", true),
        ("# comment\n\\#hash.md", "comment", false),
        ("\\!bang.md", "!bang.md", true),
        ("\\!bang.md", "bang.md", false),
        ("a?.md", "ab.md", true),
        ("a?.md", "a.md", false),
        ("a?.md", "abc.md", false),
        ("[ab]*.md", "a1.md", true),
        ("[ab]*.md", "b.md", true),
        ("[ab]*.md", "c.md", false),
        ("[!ab]*.md", "a1.md", false),
        ("[!ab]*.md", "c.md", true),
        ("x[a-c].md", "xb.md", true),
        ("x[a-c].md", "xd.md", false),
        ("{a,b}.md", "{a,b}.md", true),
        ("{a,b}.md", "a.md", false),
        ("trailing.md   ", "trailing.md", true),
        ("space\\ .md", "space .md", true),
        ("space\\ .md", "space.md", false),
        ("foo**bar.md", "fooxbar.md", true),
        ("foo**bar.md", "foo/xbar.md", false),
        ("foo**bar.md", "foobar.md", true),
        ("*", "a.md", true),
        ("*", "x/b.md", true),
        ("sub/", "sub/a.md", true),
        ("sub/", "x/sub/b.md", true),
        ("x/sub/", "x/sub/a.md", true),
        ("x/sub/", "sub/a.md", false),
        ("x/sub/", "y/x/sub/a.md", false),
        ("*.MD", "a.md", false),
        ("*.MD", "a.MD", true),
        ("posts/a.md", "posts/a.md", true),
        ("posts/a.md", "x/posts/a.md", false),
        ("\\*.md", "*.md", true),
        ("\\*.md", "a.md", false),
        ("a/b/\n!a/b/c.md", "a/b/c.md", true),
        ("a/b/\n!a/b/c.md", "a/x.md", false),
        ("**", "a.md", true),
        ("**", "x/y.md", true),
        ("x/**/", "x/a.md", false),
        ("x/**/", "x/y/a.md", true),
        ("née.md", "née.md", true),
        ("née.md", "nee.md", false),
    ])
    func matchesAsGitDoes(_ gitignore: String, _ path: String, _ ignoredByGit: Bool) {
        #expect(walkSkips(path, under: IgnoreFile(text: gitignore)) == ignoredByGit, "\(gitignore) on \(path)")
    }

    @Test func blankLinesCommentsAndLineEndingsAreNotPatterns() {
        let file = IgnoreFile(bytes: [0xEF, 0xBB, 0xBF] + Array("drafts\r\n\n   \n# note\r\n*.tmp.md\n".utf8))
        #expect(file.patterns.count == 2)
        #expect(walkSkips("drafts/a.md", under: file))
        #expect(walkSkips("x/b.tmp.md", under: file))
        #expect(!walkSkips("posts/a.md", under: file))
    }

    @Test func aPatternEndingInALoneBackslashNeverMatches() {
        let file = IgnoreFile(text: "a.md\\\n")
        #expect(file.patterns.isEmpty)
    }

    @Test func thousandsOfNamesAreLookedUpNotTriedEach() {
        // The last matching line decides, whichever table it sits in.
        var lines = (0..<20_000).map { "name-\($0).md" }
        lines.append("!name-7.md")
        lines.append("*.md")
        lines.append("!name-9.md")
        let file = IgnoreFile(text: lines.joined(separator: "\n"))
        #expect(walkSkips("name-7.md", under: file))
        #expect(!walkSkips("name-9.md", under: file))
        #expect(walkSkips("x/name-19999.md", under: file))
        let literalOnly = IgnoreFile(text: lines.dropLast(2).joined(separator: "\n"))
        #expect(!walkSkips("name-7.md", under: literalOnly))
        #expect(walkSkips("name-8.md", under: literalOnly))
    }

    @Test func hostilePatternsStayLinear() {
        // Patterns that make a backtracking matcher take exponential time, and a long path.
        // (A backtracking matcher takes 2^40 steps on one of them; this one at most pattern × path.)
        let hostile =
            (0..<20).map { _ in String(repeating: "*a", count: 40) + "b" }.joined(separator: "\n")
            + "\n" + String(repeating: "[", count: 3_000) + "\n" + String(repeating: "**/", count: 300) + "x"
        let file = IgnoreFile(text: hostile)
        let path = String(repeating: "a", count: 100) + "/" + String(repeating: "a", count: 100) + ".md"
        let started = Date()
        #expect(!walkSkips(path, under: file))
        #expect(Date().timeIntervalSince(started) < HangGuard.seconds(20))
    }
}
