import Testing
import PostlintCore
@testable import PostlintMarkdown

@Suite struct HTMLImageTests {
    @Test func imageInHTMLBlockWithQuotedAndBareSource() {
        let text = "<figure>\n  <img src=\"a.png\" alt=\"A\">\n  <IMG SRC=b.png>\n</figure>\n"
        let scanned = Scanned(text)
        #expect(scanned.imageDestinations == ["a.png", "b.png"])
        #expect(scanned.imagePositions == ["2:3", "3:3"])
        #expect(scanned.body.images.map(\.alt) == ["A", nil])
        #expect(scanned.body.images.allSatisfy { $0.kind == .html })
    }

    @Test func inlineHTMLImage() {
        let scanned = Scanned("Text <img src='c d.png' alt=''> more\n")
        #expect(scanned.imageDestinations == ["c d.png"])
        #expect(scanned.imagePositions == ["1:6"])
        #expect(scanned.body.images.first?.alt == "")
    }

    @Test func srcsetCandidatesAreImagesEach() {
        let scanned = Scanned("<img src=\"s.png\" srcset=\"m.png 2x, l.png 3x,x.png\">\n")
        #expect(scanned.imageDestinations == ["s.png", "m.png", "l.png", "x.png"])
        for image in scanned.body.images {
            #expect(scanned.text(image.destinationRange) == image.destination)
        }
    }

    @Test func entitiesInAttributesAreDecoded() {
        let scanned = Scanned("<img src=\"a&amp;b.png\">\n")
        #expect(scanned.imageDestinations == ["a&b.png"])
    }

    @Test func htmlLinks() {
        let scanned = Scanned("<a href=\"doc.pdf\">doc</a>\n\nSee <a href='x.md'>x</a>.\n")
        #expect(scanned.linkDestinations == ["doc.pdf", "x.md"])
        #expect(scanned.body.links.allSatisfy { $0.kind == .html })
    }

    @Test func scriptBlockHoldsNoImages() {
        let scanned = Scanned("<script>\nconst s = '<img src=x.png>';\n</script>\n")
        #expect(scanned.body.images.isEmpty)
    }
}
