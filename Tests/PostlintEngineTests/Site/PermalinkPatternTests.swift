import Testing
@testable import PostlintEngine

/// Permalink patterns are expanded in one pass, longest token first, unknown tokens kept.
@Suite struct PermalinkPatternTests {
    private func expand(_ pattern: String) -> String {
        PermalinkPattern.expand(pattern) { token in
            ["year": "2024", "month": "03", "i_month": "3", "title": "frost", "output_ext": ".html"][String(token)]
        }
    }

    @Test func tokensAreReplacedLongestFirst() {
        #expect(expand("/:year/:i_month/:title:output_ext") == "/2024/3/frost.html")
        #expect(expand("/:year/:month/:title/") == "/2024/03/frost/")
        #expect(expand("/:titles/:unknown/:") == "/frosts/:unknown/:")
        #expect(expand("") == "")
    }
}
