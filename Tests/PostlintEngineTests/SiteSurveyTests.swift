import Testing
import PostlintCore
import PostlintParsing
@testable import PostlintEngine

/// What `init` requires: a field only when nine posts in ten have it; one fewer posts use is
/// still mapped onto the site's name, but not required.
@Suite struct SiteSurveyTests {
    private func survey(_ posts: [String]) -> SiteSurvey {
        var survey = SiteSurvey()
        for (index, text) in posts.enumerated() {
            survey.add(DocumentLoader.load(path: "p\(index).md", text: text, parts: [.frontMatter]))
        }
        return survey
    }

    private func inference(_ canonical: String, in survey: SiteSurvey) -> SiteSurvey.Inference? {
        survey.inferences().first { $0.canonical == canonical }
    }

    @Test func aFieldFewPostsUseIsMappedButNotRequired() {
        // 20 posts: every one has a title, 18 tags (90%), 12 a description (60%), 2 a slug (10%).
        let posts = (0..<20).map { index in
            "---\ntitle: Post \(index)\n" + (index < 18 ? "tags: [t\(index)]\n" : "")
                + (index < 12 ? "description: About \(index).\n" : "") + (index < 2 ? "slug: p-\(index)\n" : "") + "---\n"
        }
        let survey = survey(posts)
        #expect(inference("title", in: survey) == .init(canonical: "title", field: "title", count: 20, isRequired: true))
        #expect(inference("keywords", in: survey) == .init(canonical: "keywords", field: "tags", count: 18, isRequired: true))
        #expect(
            inference("excerpt", in: survey) == .init(canonical: "excerpt", field: "description", count: 12, isRequired: false))
        #expect(inference("slug", in: survey) == .init(canonical: "slug", field: "slug", count: 2, isRequired: false))
        let configuration = StarterConfiguration(survey: survey)
        #expect(configuration.text.contains("fields: [title, keywords]"), "\(configuration.text)")
        #expect(configuration.text.contains("  excerpt: description"), "mapped though not required")
        #expect(
            configuration.explanation.contains("slug (used by 10% of 20 posts); not required: fewer than 90% of posts have it"),
            "\(configuration.explanation)")
    }
}
