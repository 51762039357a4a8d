import Testing
import PostlintCore
@testable import PostlintRules
import PostlintTestSupport

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
        #expect(
            run.messages == [
                "image has empty alt text", "image has empty alt text", "image has no alt attribute",
                "image has no alt attribute", "image has empty alt text",
            ])
        #expect(run.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func decorativeHTMLImagesCanBeFlagged() {
        let strict = ImageAltTextRule(
            options: RuleOptions(
                defaultsOf: ImageAltTextRule.metadata,
                overrides: ["allow-decorative-html": .bool(false)]))
        let run = BodyRuleRun(strict, text: "<img src=\"f.png\" alt=\"\">\n", fileSystem: NoFileSystem())
        #expect(run.messages == ["image has empty alt text"])
    }

    @Test func altTextMadeOfMarkupCounts() {
        let run = BodyRuleRun(rule, text: "![`code`](a.png) ![**bold**](b.png)\n", fileSystem: NoFileSystem())
        #expect(run.diagnostics.isEmpty)
    }

    /// Blank alt text is judged from the bytes while they are ASCII: the same answer as asking
    /// every character whether it is white space, on text made of the characters that matter.
    @Test func blankAltTextAgreesWithCharacterWhiteSpace() {
        let pieces = [
            " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}",
            "a", "-", "\u{301}", "é", "\u{600}", "\u{200B}", "\u{1F600}", "",
        ]
        var generator = SeededRandom(seed: 11)
        var samples: [String] = pieces
        for _ in 0..<3_000 {
            samples.append(
                (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                }.joined())
        }
        for text in samples {
            #expect(ImageAltTextRule.isBlank(text) == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
        }
    }
}
