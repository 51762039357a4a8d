import Testing
import PostlintCore
import PostlintTestSupport
@testable import PostlintEngine

/// The `site:` key of `.postlint.yml`: every setting read and laid over the detected site, and
/// wrong values reported at their position.
@Suite struct SiteSettingsTests {
    private func parse(_ text: String) throws(PostlintError) -> Configuration {
        try ConfigurationLoader.parse(path: ".postlint.yml", bytes: Array(text.utf8), directory: "/site")
    }

    private func error(_ text: String) -> PostlintError? {
        do throws(PostlintError) {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyKeyIsReadAndLaidOverTheDetectedSite() throws {
        let configuration = try parse(
            """
            site:
              generator: jekyll
              content: [pages]
              static: [public, assets]
              permalinks: {posts: "/:year/:title/"}
              base-url: https://example.org/notes/
              languages: [en, fr]
              external: ["/windows/", "/api/"]
              anchor-style: github
            """)
        let settings = try #require(configuration.site)
        #expect(settings.generator == .jekyll)
        #expect(settings.content == ["/site/pages"])
        #expect(settings.staticRoots == ["/site/public", "/site/assets"])
        let detected = SiteModel(
            generator: .hugo, root: "/site", reason: "hugo.toml",
            contentRoots: [ContentRoot(folder: "/site/content")], staticRoots: ["/site/static"])
        let model = try #require(settings.applied(to: detected, configurationFolder: "/site"))
        #expect(model.generator == .jekyll)
        #expect(model.reason == "site.generator in the configuration")
        #expect(model.contentRoots == [ContentRoot(folder: "/site/pages")])
        #expect(model.staticRoots == ["/site/public", "/site/assets"])
        #expect(model.permalinks["posts"] == "/:year/:title/")
        #expect(model.basePath == "/notes")
        #expect(model.languages == ["en", "fr"])
        #expect(model.external == ["/windows/", "/api/"])
        #expect(model.anchorStyle == .github)
    }

    @Test func externalAloneKeepsThePlainFolderButContentMakesASite() throws {
        let external = try #require(try parse("site: {external: [\"/windows/\"]}\n").site)
        #expect(external.applied(to: nil, configurationFolder: "/site") == nil)
        let content = try #require(try parse("site: {content: docs}\n").site)
        let model = try #require(content.applied(to: nil, configurationFolder: "/site"))
        #expect(model.generator == .plain)
        #expect(model.contentRoots == [ContentRoot(folder: "/site/docs")])
    }

    @Test func wrongValuesArePositioned() throws {
        let generator = try #require(error("site:\n  generator: wordpress\n"))
        #expect(generator.location == SourceLocation(line: 2, column: 14))
        #expect(generator.message == "unknown generator \"wordpress\"")
        let key = try #require(error("site:\n  contnet: docs\n"))
        #expect(key.location == SourceLocation(line: 2, column: 3))
        let external = try #require(error("site:\n  external: [\"windows/\"]\n"))
        #expect(external.location == SourceLocation(line: 2, column: 14))
        #expect(external.message.contains("must start with /"))
        let style = try #require(error("site: {anchor-style: gfm}\n"))
        #expect(style.message == "unknown anchor style \"gfm\"")
        let notMap = try #require(error("site: hugo\n"))
        #expect(notMap.location == SourceLocation(line: 1, column: 7))
    }

    @Test func siteRootsAreConfiguredOnlyWhenGivenAndNotDefaultedToTheWorkingFolder() throws {
        #expect(try parse("site-roots: [static]\n").siteRootsConfigured)
        #expect(try !parse("rules: {}\n").siteRootsConfigured)
        #expect(try ConfigurationLoader.defaults(directory: "/anywhere").siteRoots.isEmpty)
    }
}
