import Testing
import PostlintCore
@testable import PostlintMarkdown

@Suite struct BlockStructureTests {
    @Test func headingsATXAndSetext() {
        let text = "# Title *one* #\n\nSetext `two`\n===\n\n## \n\nPara\ngraph\n---\n"
        let scanned = Scanned(text)
        #expect(scanned.body.headings.map(\.level) == [1, 1, 2, 2])
        #expect(scanned.body.headings.map(\.text) == ["Title one", "Setext two", "", "Para graph"])
        #expect(scanned.body.headings.map { scanned.at($0.range.lowerBound) } == ["1:1", "3:1", "6:1", "8:1"])
        #expect(scanned.body.paragraphs.isEmpty)
    }

    @Test func paragraphsInOrderWithTheirRanges() {
        let scanned = Scanned("First line\nsecond line\n\n> quoted\n\n- listed\n")
        #expect(scanned.body.paragraphs.map(scanned.text) == ["First line\nsecond line", "quoted", "listed"])
    }

    @Test func bodyRangeAfterFrontMatter() {
        let text = "---\nimage: ![no](front.png)\n---\n![yes](body.png)\n"
        let start = text.utf8.count - "![yes](body.png)\n".utf8.count
        let scanned = Scanned(text, bodyFrom: start)
        #expect(scanned.imageDestinations == ["body.png"])
        #expect(scanned.imagePositions == ["4:1"])
    }

    @Test func lineEndingsCRLFAndCR() {
        let scanned = Scanned("a\r\n\r\n![x](x.png)\rb\r\n![y](y.png)")
        #expect(scanned.imageDestinations == ["x.png", "y.png"])
        #expect(scanned.imagePositions == ["3:1", "5:1"])
    }

    @Test func multibyteColumnsCountCharacters() {
        let scanned = Scanned("Café 😀 ![é](é.png)\n")
        #expect(scanned.imagePositions == ["1:8"])
    }
}
