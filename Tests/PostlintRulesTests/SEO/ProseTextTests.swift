import Testing
import PostlintTestSupport
import PostlintCore
import PostlintParsing
@testable import PostlintRules

@Suite struct ProseTextTests {
    private func body(_ text: String) -> (Document, ProseText) {
        let document = DocumentLoader.load(path: "post.md", text: text)
        return (document, ProseText.body(of: document))
    }

    @Test func wordsAreLowerCasedRunsOfLettersAndDigits() {
        #expect(
            ProseText.words(of: "Brewing Green-Tea at 70 °C, don’t rush!") == [
                "brewing", "green", "tea", "at", "70", "c", "don't", "rush",
            ])
        #expect(ProseText.words(of: "Crème BRÛLÉE 東京") == ["crème", "brûlée", "東京"])
        #expect(ProseText.words(of: "  ...  ").isEmpty)
    }

    @Test func codeCommentsImagesAndLinkAddressesAreNotProse() {
        let (_, prose) = body(
            """
            ---
            title: Ignored
            ---
            Tea `code span` here <!-- a comment --> and ![alt text](img.png) [a link](https://example.com/path/words).

            ```
            fenced code words
            ```

            [ref]: https://example.com/defined
            """)
        #expect(prose.words.map(\.text) == ["tea", "here", "and", "a", "link"])
    }

    @Test func wordRangesPointIntoTheFileAndLinksAtTheLink() {
        let text = "---\ntitle: x\n---\nGreen [tea leaves](/t).\n"
        let (document, prose) = body(text)
        let green = prose.words[0]
        #expect(document.source.string(in: green.range) == "Green")
        #expect(document.source.string(in: prose.words[1].range) == "[tea leaves](/t)")
        #expect(prose.words[2].range == prose.words[1].range)
    }

    @Test func sentencesEndAtTerminatorsFollowedBySpaceAndAtBlockEnds() {
        let text = "One two. Version 3.5 is out! Really?\n\nNext paragraph without a stop\n"
        let document = DocumentLoader.load(path: "post.md", text: text)
        let skips = ProseSkips(document.body)
        let prose = ProseText(document: document, ranges: document.body?.paragraphs ?? [], skips: skips)
        #expect(prose.sentences.map(\.words.count) == [2, 5, 1, 5])
        #expect(document.source.string(in: prose.sentences[1].range) == "Version 3.5 is out")
    }

    @Test func htmlTagsAreStripped() {
        let (_, prose) = body("<div class=\"note\">Steep <em>briefly</em></div>\n")
        #expect(prose.words.map(\.text) == ["steep", "briefly"])
    }

    @Test func hostileInputStaysLinear() {
        // A megabyte of terminators, tags that never close and apostrophes: must finish quickly.
        let text = String(repeating: "a. <b '' ", count: 120_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = body(text) }
        #expect(elapsed < HangGuard.duration(10))
    }
}
