import Testing
import PostlintCore
import PostlintRules

@Suite struct ImageAltTextRuleTests {
    let rule = ImageAltTextRule(options: RuleOptions(defaultsOf: ImageAltTextRule.metadata))

    @Test func emptyAndMissingAltText() {
        let text = """
            ![](a.png) ![   ](b.png) ![Described](c.png) ![*](d.png)

            <img src="e.png"> <img src="f.png" alt=""> <img src="g.png" srcset="g2.png 2x">

            ![][ref] ![ok][ref]

            [ref]: r.png

            """
        let run = BodyRuleRun(rule, text: text, fileSystem: NoFileSystem())
        #expect(run.positions == ["1:1", "1:12", "3:1", "3:44", "5:1"])
        #expect(run.messages == ["image has empty alt text", "image has empty alt text", "image has no alt attribute",
                                 "image has no alt attribute", "image has empty alt text"])
        #expect(run.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func decorativeHTMLImagesCanBeFlagged() {
        let strict = ImageAltTextRule(options: RuleOptions(defaultsOf: ImageAltTextRule.metadata,
                                                           overrides: ["allow-decorative-html": .bool(false)]))
        let run = BodyRuleRun(strict, text: "<img src=\"f.png\" alt=\"\">\n", fileSystem: NoFileSystem())
        #expect(run.messages == ["image has empty alt text"])
    }

    @Test func altTextMadeOfMarkupCounts() {
        let run = BodyRuleRun(rule, text: "![`code`](a.png) ![**bold**](b.png)\n", fileSystem: NoFileSystem())
        #expect(run.diagnostics.isEmpty)
    }
}
