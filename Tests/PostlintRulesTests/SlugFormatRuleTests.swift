import Testing
@testable import PostlintRules

@Suite struct SlugFormatRuleTests {
    @Test func suggestsCorrectedSlugs() {
        #expect(SlugFormatRule.suggestedSlug(for: "My First Post", maxLength: 75) == "my-first-post")
        #expect(SlugFormatRule.suggestedSlug(for: "Crème Brûlée_recipe", maxLength: 75) == "creme-brulee-recipe")
        #expect(SlugFormatRule.suggestedSlug(for: "--a--b--", maxLength: 75) == "a-b")
        #expect(SlugFormatRule.suggestedSlug(for: "one-two-three-four", maxLength: 9) == "one-two")
    }

    @Test func recognisesWellFormedSlugs() {
        #expect(SlugFormatRule.isWellFormed("a-b-2"))
        #expect(!SlugFormatRule.isWellFormed("a--b"))
        #expect(!SlugFormatRule.isWellFormed("-a"))
        #expect(!SlugFormatRule.isWellFormed("a-"))
        #expect(!SlugFormatRule.isWellFormed("A"))
        #expect(!SlugFormatRule.isWellFormed(""))
    }

    @Test func fileSlugs() {
        #expect(SlugFormatRule.fileSlug(of: "content/posts/tea.md") == "tea")
        #expect(SlugFormatRule.fileSlug(of: "content/tea/index.md") == "tea")
        #expect(SlugFormatRule.fileSlug(of: "content/tea/_index.markdown") == "tea")
    }
}
