import Testing
import PostlintCore
@testable import PostlintMarkdown

@Suite struct ReferenceImageTests {
    @Test func fullCollapsedAndShortcutReferences() {
        let text = """
            ![Full alt][logo] then ![logo][] then ![logo].

            [logo]: /img/logo.png "Logo"

            """
        let scanned = Scanned(text)
        #expect(scanned.body.images.map(\.kind) == [.reference, .reference, .reference])
        #expect(scanned.imageDestinations == ["/img/logo.png", "/img/logo.png", "/img/logo.png"])
        #expect(scanned.imagePositions == ["1:1", "1:24", "1:39"])
        #expect(scanned.body.images.map(\.alt) == ["Full alt", "logo", "logo"])
        #expect(scanned.body.images.first?.title == "Logo")
        // The destination range is in the definition, the image range where it is used.
        for image in scanned.body.images {
            #expect(scanned.at(image.destinationRange.lowerBound) == "3:9")
            #expect(scanned.text(image.destinationRange) == "/img/logo.png")
        }
    }

    @Test func definitionBeforeUseAndInsideAContainer() {
        let scanned = Scanned("> [pic]: <a b.png>\n\nText ![pic].\n")
        #expect(scanned.imageDestinations == ["a b.png"])
        #expect(scanned.body.referenceDefinitions.map(\.label) == ["pic"])
    }

    @Test func labelsMatchAfterCaseFoldingAndWhitespaceCollapsing() {
        let text = "![x][Straße  Map] ![y][ẞ]\n\n[STRASSE\nmap]: one.png\n[SS]: two.png\n"
        let scanned = Scanned(text)
        #expect(scanned.imageDestinations == ["one.png", "two.png"])
    }

    @Test func referenceWithoutDefinitionIsNoImage() {
        let scanned = Scanned("![alt][nowhere] and ![nothing]\n")
        #expect(scanned.body.images.isEmpty)
    }

    @Test func firstDefinitionWins() {
        let scanned = Scanned("![a]\n\n[a]: first.png\n[A]: second.png\n")
        #expect(scanned.imageDestinations == ["first.png"])
        #expect(scanned.body.referenceDefinitions.count == 2)
    }

    @Test func definitionWithTitleOnNextLine() {
        let scanned = Scanned("[a]:\n  /x.png\n  'Title'\n\n![a]\n")
        #expect(scanned.imageDestinations == ["/x.png"])
        #expect(scanned.body.images.first?.title == "Title")
        #expect(scanned.body.paragraphs.count == 1)
    }

    @Test func definitionsAreNotParagraphs() {
        let scanned = Scanned("[a]: /x.png\n\nFirst paragraph.\n")
        #expect(scanned.body.paragraphs.map(scanned.text) == ["First paragraph."])
    }
}
