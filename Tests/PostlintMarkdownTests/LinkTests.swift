import Testing
import PostlintCore
@testable import PostlintMarkdown

@Suite struct LinkTests {
    @Test func inlineReferenceAndAutolinks() {
        let text = """
            See [the guide](guide.md#install "Guide"), [notes][n], [n] and <https://example.com/a>
            or <me@example.com>.

            [n]: ../notes.md

            """
        let scanned = Scanned(text)
        #expect(scanned.linkDestinations == ["guide.md#install", "../notes.md", "../notes.md",
                                             "https://example.com/a", "mailto:me@example.com"])
        #expect(scanned.body.links.map(\.kind) == [.inline, .reference, .reference, .autolink, .autolink])
        #expect(scanned.body.links.first?.text == "the guide")
        #expect(scanned.body.links.first?.title == "Guide")
        #expect(scanned.at(scanned.body.links[0].range.lowerBound) == "1:5")
    }

    @Test func noLinkInsideALink() {
        let scanned = Scanned("[outer [inner](in.md)](out.md)\n")
        #expect(scanned.linkDestinations == ["in.md"])
    }

    @Test func linkTextKeepsCodeAndDropsEmphasisMarkers() {
        let scanned = Scanned("[**bold** `code`](x.md)\n")
        #expect(scanned.body.links.first?.text == "bold code")
    }
}
