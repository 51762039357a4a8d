import Testing
@testable import PostlintRules

/// How a post's language is told from its path (the front matter's fields are covered by the
/// duplicate rules' examples).
@Suite struct PostLanguageTests {
    @Test(arguments: [
        ("en/news/_posts/2024-01-01-release.md", "en"),
        ("site/pt-br/news/a.md", "pt-br"),
        ("zh_TW/index.md", "zh-tw"),
        ("content/posts/tea.fr.md", "fr"),
        ("content/posts/index.pt-br.md", "pt-br"),
        ("content/fr/posts/tea.de.md", "de"),
    ])
    func languageOfPath(_ path: String, _ expected: String) {
        #expect(PostLanguage().language(ofPath: path) == expected)
    }

    @Test(arguments: [
        "content/posts/tea.md", "js/app.md", "docs/ui/guide.md", "a/jquery.min.md", "v2/post.v2.md",
        "en.md", "api/zz-top/a.md", "english/a.md",
    ])
    func noLanguage(_ path: String) {
        #expect(PostLanguage().language(ofPath: path) == nil)
    }

    @Test func aSiteCanNameItsOwnLanguages() {
        let site = PostLanguage(knownLanguages: ["en", "tlh"])
        #expect(site.language(ofPath: "de/a.md") == nil)
        #expect(site.language(ofPath: "x/a.en.md") == "en")
    }
}
