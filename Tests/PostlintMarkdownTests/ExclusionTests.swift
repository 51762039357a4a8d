import Testing
import PostlintCore
@testable import PostlintMarkdown

@Suite struct ExclusionTests {
    @Test func nothingInsideCodeOrComments() {
        let text = """
            ```
            ![fenced](a.png)
            ```

            ~~~~ markdown
            ![tilde](b.png)
            ~~~
            still code ![x](c.png)
            ~~~~~

                ![indented](d.png)

            Text `![span](e.png)` and ``a ` ![two](f.png)`` end.

            <!-- ![comment](g.png) <img src="h.png"> -->

            Inline <!-- ![c](i.png) --> comment. ![real](real.png)

            """
        let scanned = Scanned(text)
        #expect(scanned.imageDestinations == ["real.png"])
        #expect(scanned.imagePositions == ["17:38"])
        let excluded = scanned.body.excludedRanges
        #expect(excluded.count == 7)
        #expect(zip(excluded, excluded.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        #expect(scanned.body.comments.map(\.text) == [" ![comment](g.png) <img src=\"h.png\"> ", " ![c](i.png) "])
    }

    @Test func codeSpansCloseAfterAnUnmatchedRunOfAnotherLength() {
        // The unmatched `` reads the whole paragraph for its closer; the single-backtick spans
        // after it must still find theirs, each the first run of its length after its opener.
        let scanned = Scanned("`` then `a` and `b` and `c` ![x](x.png) `![y](y.png)`\n")
        #expect(scanned.body.excludedRanges.map(scanned.text) == ["`a`", "`b`", "`c`", "`![y](y.png)`"])
        #expect(scanned.imageDestinations == ["x.png"])
    }

    @Test func codeSpansOfLongRuns() {
        let long = String(repeating: "`", count: 40)
        let longer = String(repeating: "`", count: 41)
        let scanned = Scanned("\(long) a \(longer) \(long) ![x](x.png) \(longer) b \(longer) ![y](y.png)\n")
        #expect(scanned.body.excludedRanges.map(scanned.text) == ["\(long) a \(longer) \(long)", "\(longer) b \(longer)"])
        #expect(scanned.imageDestinations == ["x.png", "y.png"])
    }

    @Test func unclosedFenceRunsToTheEnd() {
        let scanned = Scanned("Before ![a](a.png)\n\n````\n![b](b.png)\n```\n![c](c.png)\n")
        #expect(scanned.imageDestinations == ["a.png"])
        let last = scanned.body.excludedRanges.last
        #expect(last?.upperBound == scanned.source.bytes.count - 1)
    }

    @Test func unmatchedBackticksAreText() {
        let scanned = Scanned("A `` lone run ![x](x.png) ` here\n")
        #expect(scanned.imageDestinations == ["x.png"])
    }

    @Test func codeSpanTakesPrecedenceOverLinkText() {
        let scanned = Scanned("[not `a](b.png)` link]\n")
        #expect(scanned.body.links.isEmpty)
    }

    @Test func indentedTextAfterParagraphIsNotCode() {
        let scanned = Scanned("Paragraph\n    ![lazy](l.png)\n")
        #expect(scanned.imageDestinations == ["l.png"])
    }
}
