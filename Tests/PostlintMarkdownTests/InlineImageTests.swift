import Testing
import PostlintCore
@testable import PostlintMarkdown

@Suite struct InlineImageTests {
    @Test func imageWithTitleIsFoundAtItsBang() throws {
        let scanned = Scanned("Some text\nand ![a cat](images/cat.png \"The cat\") here.\n")
        let image = try #require(scanned.body.images.first)
        #expect(scanned.body.images.count == 1)
        #expect(image.kind == .inline)
        #expect(image.destination == "images/cat.png")
        #expect(image.alt == "a cat")
        #expect(image.title == "The cat")
        #expect(scanned.at(image.range.lowerBound) == "2:5")
        #expect(scanned.text(image.range) == "![a cat](images/cat.png \"The cat\")")
        #expect(scanned.text(image.destinationRange) == "images/cat.png")
    }

    @Test func titlesInEveryQuoting() {
        let scanned = Scanned("![a](x.png 'single') ![b](y.png (paren)) ![c](z.png \"double\")\n")
        #expect(scanned.body.images.map(\.title) == ["single", "paren", "double"])
        #expect(scanned.imageDestinations == ["x.png", "y.png", "z.png"])
    }

    @Test func angleBracketDestinationMayHoldSpaces() {
        let scanned = Scanned("![holiday](<my photos/beach day.jpg>)\n")
        #expect(scanned.imageDestinations == ["my photos/beach day.jpg"])
        #expect(scanned.text(scanned.body.images[0].destinationRange) == "my photos/beach day.jpg")
    }

    @Test func spaceInBareDestinationIsNoImage() {
        let scanned = Scanned("![holiday](my photos/beach.jpg)\n")
        #expect(scanned.body.images.isEmpty)
    }

    @Test func nestedBracketsAndEscapesInAltText() {
        let scanned = Scanned(#"![a [nested] \] *alt*](pic.png)"# + "\n")
        #expect(scanned.body.images.count == 1)
        #expect(scanned.body.images.first?.alt == "a [nested] ] alt")
    }

    @Test func escapesAndEntitiesInDestination() {
        let scanned = Scanned(#"![x](a\_b&amp;c.png)"# + "\n")
        #expect(scanned.imageDestinations == ["a_b&c.png"])
    }

    @Test func balancedParenthesesInDestination() {
        let scanned = Scanned("![x](photo_(1).png) and ![y](a(b.png)\n")
        #expect(scanned.imageDestinations == ["photo_(1).png"])
    }

    @Test func altTextOverSeveralLinesIsReportedAtTheBang() {
        let scanned = Scanned("Intro\n\n  text ![a long\ndescription\nof it](wide.png)\n")
        #expect(scanned.imagePositions == ["3:8"])
        #expect(scanned.body.images.first?.alt == "a long description of it")
    }

    @Test func emptyAltTextIsKeptEmpty() {
        let scanned = Scanned("![](blank.png)\n")
        #expect(scanned.body.images.first?.alt == "")
    }

    @Test func imageInsideLinkIsFoundAndLinkToo() {
        let scanned = Scanned("[![badge](badge.svg)](https://example.com/ci)\n")
        #expect(scanned.imageDestinations == ["badge.svg"])
        #expect(scanned.linkDestinations == ["https://example.com/ci"])
        #expect(scanned.imagePositions == ["1:2"])
    }

    @Test func imagesInsideAnImageDescriptionAreOnlyAltText() {
        let scanned = Scanned("![outer ![inner](in.png)](out.png)\n")
        #expect(scanned.imageDestinations == ["out.png"])
        #expect(scanned.body.images.first?.alt == "outer inner")
    }

    @Test func emptyDestination() {
        let scanned = Scanned("![empty]()\n")
        #expect(scanned.imageDestinations == [""])
    }

    @Test func imagesInContainers() {
        let scanned = Scanned("> quote ![q](q.png)\n\n- item\n\n  ![l](l.png)\n1. ![o](o.png)\n")
        #expect(scanned.imageDestinations == ["q.png", "l.png", "o.png"])
        #expect(scanned.imagePositions == ["1:9", "5:3", "6:4"])
    }
}
