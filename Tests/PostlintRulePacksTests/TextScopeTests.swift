import Testing
import PostlintCore
import PostlintParsing
@testable import PostlintRulePacks

@Suite struct TextScopeTests {
    /// The body's prose leaves out code and comments, joining what is around them with a space.
    @Test func proseLeavesOutCodeAndComments() {
        let text = "---\ntitle: T\n---\nBefore `code` after.\n\n```\nfenced\n```\n\nÉnd <!-- note --> café.\n"
        let document = DocumentLoader.load(path: "post.md", text: text)
        let prose = TextScope.prose(in: document.bodyRange, of: document).joined
        #expect(!prose.contains("code"))
        #expect(!prose.contains("fenced"))
        #expect(!prose.contains("note"))
        #expect(prose.contains("Before "))
        #expect(prose.contains(" after."))
        #expect(prose.contains("Énd "))
        #expect(prose.hasSuffix(" café.\n"))
    }

    @Test func proseOfARangeWithoutExclusionsIsItsText() {
        let document = DocumentLoader.load(path: "post.md", text: "Plain words, ünïcode too.\n")
        #expect(TextScope.prose(in: 0..<document.source.bytes.count, of: document).joined == "Plain words, ünïcode too.\n")
        #expect(TextScope.prose(in: 6..<11, of: document).joined == "words")
        #expect(TextScope.prose(in: 18..<10_000, of: document).joined == "code too.\n")
    }
}
