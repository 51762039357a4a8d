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
        #expect(
            scanned.linkDestinations == [
                "guide.md#install", "../notes.md", "../notes.md",
                "https://example.com/a", "mailto:me@example.com",
            ])
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

    /// Jekyll renders Liquid before Markdown, so `{{ site.url }}/a` is one destination there. Read
    /// as plain CommonMark, the space inside it ends the destination, the definition fails, the
    /// definitions after it in the same paragraph become text, and `[text][4](英語)` turns into a
    /// link to `英語` (what a CommonMark renderer shows for this text as written).
    @Test func templateExpressionInADestinationIsOneDestination() {
        let text = """
            See [the changes][4](英語) and [the download][1].

            [1]: {{ site.url }}/download.rbx
            [4]: https://example.com/changes

            """
        let scanned = Scanned(text)
        #expect(scanned.linkDestinations == ["https://example.com/changes", "{{ site.url }}/download.rbx"])
        #expect(scanned.body.links.map(\.kind) == [.reference, .reference])
    }

    @Test func templateTagsInInlineDestinations() {
        let scanned = Scanned("[a]({{ site.baseurl }}/a.md) [b](/x/{% post_url 2020-01-01-b %}#top) [c]({{ open)\n")
        #expect(scanned.linkDestinations == ["{{ site.baseurl }}/a.md", "/x/{% post_url 2020-01-01-b %}#top"])
    }

    /// Braces that open no closed tag are searched once for their line, not once each.
    @Test func unclosedTemplateTagsAreSearchedOnce() {
        let braces = String(repeating: "{{{%", count: 100_000)
        let scanned = Scanned("[a](/\(braces)x)\n")
        #expect(scanned.linkDestinations == ["/\(braces)x"])
    }
}
